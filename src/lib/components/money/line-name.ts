import { SUGGESTED_LINES } from '$lib/board';
import { pick } from '../board/rule-text';

/** A budget line's name in the reader's language: 001's lines have an English name, others as written. */
export function lineName(name: string): string {
  return pick(name, SUGGESTED_LINES.find((l) => l.name === name)?.alt);
}
