import { i18n } from './i18n.svelte';
import type { Locale } from './locale';

/**
 * Dates and times in the reader's language, one place for every screen: zh-CN reads
 * 2026年12月7日 and 12月7日 14:05, en reads Dec 7, 2026 and Dec 7, 2:05 PM. Formatters are cached
 * per locale and style, since Intl.DateTimeFormat is slow to build and a board formats hundreds.
 */
export type DateStyle =
  /** 2026年12月7日 · Dec 7, 2026 */
  | 'day'
  /** 12月7日 · Dec 7 (a date in this year, as on a card face) */
  | 'short-day'
  /** 2026年12月7日 14:05 · Dec 7, 2026, 2:05 PM */
  | 'day-time'
  /** 12月7日 14:05 · Dec 7, 2:05 PM */
  | 'short-day-time';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'short', day: 'numeric' },
  'short-day': { month: 'short', day: 'numeric' },
  'day-time': { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  'short-day-time': { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: DateStyle, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...OPTIONS[style], ...(timeZone ? { timeZone } : {}) });
    cache.set(key, f);
  }
  return f;
}

/** A moment (epoch ms or Date) in the current UI language. */
export function formatDate(
  at: number | Date,
  style: DateStyle = 'day',
  locale: Locale = i18n.locale
): string {
  return formatter(locale, style).format(at);
}

/**
 * A calendar day stored as `YYYY-MM-DD` (a due date) in the current UI language. Read as that day
 * in UTC and printed in UTC, so no time zone moves it to the day before.
 */
export function formatIsoDay(
  day: string,
  style: 'day' | 'short-day' = 'day',
  locale: Locale = i18n.locale
): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(at)) return day;
  return formatter(locale, style, 'UTC').format(at);
}
