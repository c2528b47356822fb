import type * as Y from 'yjs';
import { LOCAL_ORIGIN, type BoardOrigin } from './origin';

/** Runs one named operation as one Yjs transaction tagged with its origin. */
export function transact<T>(doc: Y.Doc, origin: BoardOrigin | undefined, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, origin ?? LOCAL_ORIGIN);
  return result;
}

/** Trims a user-supplied name and checks its length; returns null when it is unusable. */
export function cleanName(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!trimmed || trimmed.length > max) return null;
  return trimmed;
}
