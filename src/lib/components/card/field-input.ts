/**
 * A card field's value as typed into its box, and back: money is typed in yuan (1,234.5) and kept in
 * fen (123450), so sums never meet floating point; other kinds are kept as typed, once they pass
 * their kind's check (the same the server applies).
 */
import { fieldValueProblem, type CardFieldKind, type CardFieldValue } from '$lib/board';

/** What the box shows for a stored value. */
export function inputText(kind: CardFieldKind, value: CardFieldValue | undefined): string {
  if (value === undefined) return '';
  if (kind === 'money' && typeof value === 'number') {
    const yuan = Math.trunc(Math.abs(value) / 100);
    const fen = String(Math.abs(value) % 100).padStart(2, '0');
    return `${value < 0 ? '-' : ''}${yuan}.${fen}`;
  }
  return String(value);
}

/** The value typed, or null when the box is empty, or undefined when it is not a value of the kind. */
export function parseInput(kind: CardFieldKind, typed: string): CardFieldValue | null | undefined {
  const text = typed.trim();
  if (text === '') return null;
  let value: CardFieldValue = text;
  if (kind === 'money') {
    const plain = text.replace(/[,，¥￥\s]/g, '');
    if (!/^-?\d+(\.\d{1,2})?$/.test(plain)) return undefined;
    const [whole = '0', part = ''] = plain.replace('-', '').split('.');
    value = (Number(whole) * 100 + Number(part.padEnd(2, '0'))) * (plain.startsWith('-') ? -1 : 1);
  } else if (kind === 'number') {
    const plain = text.replace(/[,，\s]/g, '');
    value = /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
  }
  return fieldValueProblem(kind, value) === null ? value : undefined;
}
