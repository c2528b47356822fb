import { formatDate } from '$lib/i18n/dates';
import type { Locale } from '$lib/i18n/locale';

/**
 * "5 minutes ago" in the page's language, through Intl (no catalogue entries to keep in step).
 * Older than a week, a comment shows its date: "3 weeks ago" says less than the day itself.
 */
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000]
];
const LIMITS: Record<string, number> = { minute: 60, hour: 24, day: 7 };

/** How long before `now` the time `at` was, e.g. "now", "3 min. ago", "昨天"; else its date. */
export function relativeTime(at: number, now: number, locale: Locale): string {
  // A clock ahead of ours (another person's laptop) still reads as just written.
  const ago = Math.max(0, now - at);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (ago < 60_000) return format.format(0, 'second');
  for (const [unit, ms] of STEPS) {
    const n = Math.floor(ago / ms);
    if (n < LIMITS[unit]!) return format.format(-n, unit);
  }
  return formatDate(at, 'day', locale);
}
