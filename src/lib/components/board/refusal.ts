import { BoardError } from '$lib/board';

/**
 * Runs a board operation from a control and returns why it was refused ('' when it ran), so the
 * component shows the reason beside the control instead of throwing into the UI.
 */
export function refusalOf(op: () => unknown): string {
  try {
    op();
    return '';
  } catch (e) {
    return refusalMessage(e);
  }
}

/** What to tell the person about an operation that threw. */
export function refusalMessage(e: unknown): string {
  return e instanceof BoardError ? e.message : String(e);
}
