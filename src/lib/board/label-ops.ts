/**
 * The board's labels: coloured names kept once per board (root `labels`, id → LabelValue) and
 * put on cards by id, so renaming or recolouring a label changes every card that carries it.
 */
import type * as Y from 'yjs';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { LIMITS, roots } from './schema';
import { cleanName, nameProblem, transact } from './transact';

/** The palette: names, not hex values, so the UI picks shades that read in light and dark themes. */
export const LABEL_COLORS = [
  'green',
  'yellow',
  'orange',
  'red',
  'purple',
  'blue',
  'sky',
  'pink',
  'gray'
] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export interface LabelValue {
  name: string;
  color: LabelColor;
}

export interface LabelView extends LabelValue {
  id: string;
}

function isLabelColor(value: unknown): value is LabelColor {
  return typeof value === 'string' && (LABEL_COLORS as readonly string[]).includes(value);
}

/** Why `value` is not a storable label (what cleanLabel writes), or null: the server's check too. */
export function labelProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'a label is { name, color }';
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => k !== 'name' && k !== 'color')) return 'a label is { name, color }';
  if (!isLabelColor(v.color)) return 'a label has a colour of the palette';
  return nameProblem(v.name, LIMITS.labelName, true);
}

function cleanLabel(label: { name: string; color: string }): LabelValue {
  // An empty name is allowed: a plain colour stripe, as in Trello.
  const name = label.name.trim() === '' ? '' : cleanName(label.name, LIMITS.labelName);
  if (name === null)
    throw new BoardError('invalid', `A label name is at most ${LIMITS.labelName} characters.`);
  if (!isLabelColor(label.color)) throw new BoardError('invalid', `Unknown label colour ${label.color}.`);
  return { name, color: label.color };
}

/** Adds a label to the board and returns its id. */
export function addLabel(doc: Y.Doc, label: { name: string; color: string }, origin?: BoardOrigin): string {
  const { labels } = roots(doc);
  if (labels.size >= LIMITS.labels)
    throw new BoardError('invalid', `A board has at most ${LIMITS.labels} labels.`);
  const value = cleanLabel(label);
  const id = newId();
  transact(doc, origin, () => labels.set(id, value));
  return id;
}

/** Renames or recolours a label everywhere it is used. */
export function updateLabel(
  doc: Y.Doc,
  labelId: string,
  label: { name: string; color: string },
  origin?: BoardOrigin
): void {
  const { labels } = roots(doc);
  if (!labels.has(labelId)) throw new BoardError('not-found', `No label ${labelId}.`);
  const value = cleanLabel(label);
  transact(doc, origin, () => labels.set(labelId, value));
}

/** Removes a label from the board; cards that carried it simply stop showing it. */
export function removeLabel(doc: Y.Doc, labelId: string, origin?: BoardOrigin): void {
  const { labels } = roots(doc);
  transact(doc, origin, () => labels.delete(labelId));
}

/** The board's labels in palette order, then by name. */
export function readLabels(doc: Y.Doc): LabelView[] {
  const out: LabelView[] = [];
  roots(doc).labels.forEach((value, id) => {
    const v = value as Partial<LabelValue> | null;
    if (v && typeof v === 'object' && typeof v.name === 'string' && isLabelColor(v.color)) {
      out.push({ id, name: v.name, color: v.color });
    }
  });
  const order = (c: LabelColor) => LABEL_COLORS.indexOf(c);
  return out.sort((a, b) => order(a.color) - order(b.color) || a.name.localeCompare(b.name));
}
