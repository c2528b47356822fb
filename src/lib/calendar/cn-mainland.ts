/**
 * Mainland China's public holidays and shifted working weekends (调休), from `chinese-days`, which
 * follows the State Council's yearly notice. Only its data is read: its functions take a day's
 * weekday in the local time zone from a date parsed as UTC midnight, so west of Greenwich they
 * call Monday 2026-10-12 a day off (seen here with TZ=America/New_York). The weekday is ours.
 * Years the data does not cover yet count Monday to Friday.
 */
// The attribute lets Node load the JSON from the server bundle, which keeps packages external
// (package.json build:server tells esbuild to keep it: Node 20.10+ reads it).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

const holidays: ReadonlySet<string> = new Set(Object.keys(data.holidays));
const workdays: ReadonlySet<string> = new Set(Object.keys(data.workdays));

/** A day off by decree (a weekday inside a holiday, or the weekend days of one). */
export function isCnHoliday(date: string): boolean {
  return holidays.has(date);
}

/** A weekend day made a working day (调休补班). */
export function isCnMakeUpDay(date: string): boolean {
  return workdays.has(date);
}

/** The last year the data lists, so a board can say when its calendar runs out. */
export const CN_DATA_LAST_YEAR = Math.max(...[...holidays, ...workdays].map((d) => Number(d.slice(0, 4))));
