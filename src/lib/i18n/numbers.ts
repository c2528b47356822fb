const PERCENT = new Map<string, Intl.NumberFormat>();

/** A fraction as a whole percentage in the reader's locale (0.975 → 98%). */
export function formatPercent(fraction: number, locale: string): string {
  let format = PERCENT.get(locale);
  if (!format)
    PERCENT.set(
      locale,
      (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }))
    );
  return format.format(fraction);
}
