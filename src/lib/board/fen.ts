/**
 * Money as text and back, never through floating point: an amount is integer fen (hundredths of
 * the board's currency unit). Typed 元 become fen by reading the digits; shown amounts are handed
 * to Intl.NumberFormat as a decimal string, which it formats exactly.
 */
import { MONEY_LIMITS } from './budget';

/**
 * Fen from what a person typed in 元 ("12", "12.3", "12.30", "1,200.5", "１２.５"), or null when
 * it is not a non-negative amount with at most two decimals.
 */
export function parseYuan(input: string): number | null {
  const text = input
    .normalize('NFKC')
    .replace(/[,\s_]/g, '')
    .replace(/^[¥￥]/, '');
  const match = /^(\d{1,15})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen <= MONEY_LIMITS.maxFen ? fen : null;
}

/** Fen as a plain decimal string of units: 1230 → "12.30", -5 → "-0.05". */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** Fen in the reader's locale and the board's currency: ¥1,234.50, CN¥1,234.50, US$12.00 … */
export function formatMoney(fen: number, currency: string, locale: string): string {
  // Made once per locale and currency: a board of cards with budgets formats on every face.
  const key = `${locale}/${currency}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2
    });
    FORMATS.set(key, format);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3); the types still say number.
  return format.format(fenToDecimal(fen) as unknown as number);
}
