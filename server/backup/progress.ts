/** One line of progress per step, for the operator watching a long backup or restore. */
export type Progress = (line: string) => void;

/** Bytes as a person reads them: 812 B, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Reports `done` of `total` items at most about ten times (and at the end), so a backup of
 * thousands of files shows it is moving without a line per file.
 */
export function countdown(total: number, report: (done: number) => void): (done: number) => void {
  const every = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (done === total || done % every === 0) report(done);
  };
}
