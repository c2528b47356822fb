/**
 * A card's comments as threads, for the card panel: what comment-ops.ts writes, read back into
 * plain views. Values that fail the shape check (comment-value.ts) are skipped, so an old or
 * hostile client's leftovers never reach the page.
 */
import * as Y from 'yjs';
import { isCommentValue, isResolutionValue, type CommentValue, type ResolutionValue } from './comment-value';
import { CardKey } from './schema';

export interface CommentView extends CommentValue {
  id: string;
}

/** A first comment and its replies (oldest first), whether it is resolved, and its pin's number. */
export interface CommentThread {
  comment: CommentView;
  replies: CommentView[];
  /** Who resolved the thread and when; null while it is open. */
  resolved: ResolutionValue | null;
  /** The number shown on the pin (1, 2, … per attachment version, in order of writing), or null. */
  pinNumber: number | null;
}

const byTime = (a: CommentView, b: CommentView): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The key pins are numbered within: one version of one attachment. */
export function pinKey(pin: { attachmentId: string; version: number }): string {
  return `${pin.attachmentId}:${pin.version}`;
}

/**
 * The card's comments as threads, oldest first. A reply whose first comment was deleted becomes
 * a thread of its own, so no words disappear with someone else's comment. Pin numbers follow the
 * same order (time, then id), which every replica computes alike.
 */
export function readComments(card: Y.Map<unknown>): CommentThread[] {
  const stored = card.get(CardKey.comments);
  if (!(stored instanceof Y.Map)) return [];
  const resolutions = card.get(CardKey.resolvedComments);
  const resolvedOf = (id: string): ResolutionValue | null => {
    const value: unknown = resolutions instanceof Y.Map ? resolutions.get(id) : undefined;
    return isResolutionValue(value) ? { by: value.by, at: value.at } : null;
  };
  const all: CommentView[] = [];
  stored.forEach((value, id) => {
    if (isCommentValue(value)) all.push({ ...value, id });
  });
  all.sort(byTime);
  const threads = new Map<string, CommentThread>();
  const open = (c: CommentView) =>
    threads.set(c.id, { comment: c, replies: [], resolved: resolvedOf(c.id), pinNumber: null });
  for (const c of all) if (!c.replyTo || !stored.has(c.replyTo)) open(c);
  for (const c of all) {
    if (threads.has(c.id)) continue;
    const thread = threads.get(c.replyTo as string);
    // A reply naming another reply (an old or hostile client) still shows, as its own thread.
    if (thread) thread.replies.push(c);
    else open(c);
  }
  const ordered = [...threads.values()].sort((a, b) => byTime(a.comment, b.comment));
  const counts = new Map<string, number>();
  for (const thread of ordered) {
    const { pin } = thread.comment;
    if (!pin) continue;
    const n = (counts.get(pinKey(pin)) ?? 0) + 1;
    counts.set(pinKey(pin), n);
    thread.pinNumber = n;
  }
  return ordered;
}
