/**
 * A log-linear latency histogram small enough to send over IPC: 0.01 ms steps below 1 ms, then
 * 1 % steps (so percentiles are within 1 %). Buckets are kept sparse.
 */
export type Histogram = Record<number, number>;

const LOG_STEP = Math.log(1.01);

export function bucketOf(ms: number): number {
  if (ms < 1) return Math.max(0, Math.floor(ms * 100));
  return 100 + Math.floor(Math.log(ms) / LOG_STEP);
}

/** The upper edge of a bucket (what percentiles report). */
export function bucketValue(bucket: number): number {
  if (bucket < 100) return (bucket + 1) / 100;
  return Math.exp((bucket - 100 + 1) * LOG_STEP);
}

export function record(histogram: Histogram, ms: number): void {
  const bucket = bucketOf(ms);
  histogram[bucket] = (histogram[bucket] ?? 0) + 1;
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [bucket, count] of Object.entries(from)) {
    const key = Number(bucket);
    into[key] = (into[key] ?? 0) + count;
  }
  return into;
}

export function count(histogram: Histogram): number {
  let total = 0;
  for (const value of Object.values(histogram)) total += value;
  return total;
}

/** Percentile (nearest rank) of a histogram; NaN when empty. */
export function histogramPercentile(histogram: Histogram, p: number): number {
  const total = count(histogram);
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  for (const bucket of buckets) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return bucketValue(bucket);
  }
  return Number.NaN;
}
