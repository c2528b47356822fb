/**
 * Calendar dates as 'YYYY-MM-DD' strings. Time rules count whole days, so they work on dates,
 * not instants: arithmetic happens on UTC midnights, where no daylight-saving shift or time zone
 * can move a date by one. Which date "today" is, and which date an instant falls on, is the
 * viewer's local calendar.
 *
 * Which days are working days depends on the board's calendar: `src/lib/calendar`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIso(utc) === value;
}

function toUtc(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function toIso(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The local calendar date of an instant (ms since the epoch). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `date` moved by `days` calendar days (negative: earlier). */
export function addDays(date: string, days: number): string {
  return toIso(toUtc(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** `date` moved by `n` months, keeping the day or the month's last day (03-31 − 1 month = 02-28/29). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return toIso(Date.UTC(year, month0, day));
}

/**
 * The first date on or after `date` that is day `day` of its month; a month too short for the
 * day uses its last day (the 31st in April is the 30th).
 */
export function nextDayOfMonth(date: string, day: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const thisMonth = Math.min(day, daysInMonth(y, m - 1));
  if (d <= thisMonth) return toIso(Date.UTC(y, m - 1, thisMonth));
  const next = addMonths(`${date.slice(0, 8)}01`, 1);
  const [ny, nm] = next.split('-').map(Number) as [number, number];
  return toIso(Date.UTC(ny, nm - 1, Math.min(day, daysInMonth(ny, nm - 1))));
}

/** Negative when a is earlier than b, 0 when equal. 'YYYY-MM-DD' strings sort as dates. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
