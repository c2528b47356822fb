/**
 * A backup or restore that cannot go on, for a reason the operator can act on. The message names
 * what is wrong and what to do next; the CLI prints it as one line and exits non-zero, without a
 * stack (it is the operator's input or disk, not a bug).
 */
export class BackupError extends Error {
  override name = 'BackupError';
}
