import type * as Y from 'yjs';
import { hasControlChars, stripControlChars } from '../text/controlChars';
import { LOCAL_ORIGIN, type BoardOrigin } from './origin';

/** Runs one named operation as one Yjs transaction tagged with its origin. */
export function transact<T>(doc: Y.Doc, origin: BoardOrigin | undefined, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, origin ?? LOCAL_ORIGIN);
  return result;
}

/**
 * Trims a user-supplied name, drops control characters that could mislead its reader, and checks
 * its length; returns null when it is unusable. What it returns passes `nameProblem`.
 */
export function cleanName(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = stripControlChars(value).replace(/\s+/g, ' ').trim();
  if (!trimmed || trimmed.length > max) return null;
  return trimmed;
}

/**
 * Why `value` is not a name as `cleanName` stores it (1–`max` characters, or empty when
 * `allowEmpty`; no control characters), or null. The server's update policy asks this of names a
 * client writes, so it refuses what the operations would never write.
 */
export function nameProblem(value: unknown, max: number, allowEmpty = false): string | null {
  if (typeof value !== 'string') return 'a name is text';
  if ((!allowEmpty && !value.trim()) || value.length > max) return `a name is 1–${max} characters`;
  return hasControlChars(value) ? 'a name holds no control characters' : null;
}
