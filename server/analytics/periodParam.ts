import type { PeriodName } from '#lib/analytics/period';

/** The ?period= of a manager's page request when it is one of `allowed`, else `fallback`. */
export function periodParam<P extends PeriodName>(url: URL, allowed: readonly P[], fallback: P): P {
  const value = url.searchParams.get('period');
  return (allowed as readonly (string | null)[]).includes(value) ? (value as P) : fallback;
}
