import { describe, expect, it } from 'vitest';
import { formatDate, formatIsoDay } from '#lib/i18n/dates';

describe('dates in the reader language', () => {
  it('writes a day the Chinese way in zh-CN and the English way in en (not mm/dd/yyyy)', () => {
    expect(formatIsoDay('2026-12-07', 'day', 'zh-CN')).toBe('2026年12月7日');
    expect(formatIsoDay('2026-12-07', 'short-day', 'zh-CN')).toBe('12月7日');
    expect(formatIsoDay('2026-12-07', 'day', 'en')).toBe('Dec 7, 2026');
  });

  it('keeps a stored day on that day whatever the clock zone', () => {
    // Midnight UTC is still 6 December west of Greenwich; the due date must not move.
    expect(formatIsoDay('2027-01-01', 'short-day', 'en')).toBe('Jan 1');
  });

  it('leaves text that is not a day as it is rather than printing Invalid Date', () => {
    expect(formatIsoDay('soon', 'day', 'en')).toBe('soon');
  });

  it('formats a moment with its time', () => {
    const at = new Date(2026, 11, 7, 14, 5);
    expect(formatDate(at, 'short-day-time', 'zh-CN')).toBe('12月7日 14:05');
  });
});
