/**
 * Card titles as the activity log names them, read so that the work an update costs stays
 * bounded by the update, not by the title it touches. Issue 14: 10,000 one-character prefix
 * inserts, each its own update, re-read the whole title twice per update (a Y.Text read walks
 * every item of its list, deleted ones included), which cost the square of the flood, stalled
 * every board for seconds and left gigabytes of title strings waiting in the write chain.
 *
 * So a title is read whole only (1) the first time the log needs it, (2) when a burst of typing
 * ends (renameBursts.ts asks for the final title once), and (3) after a change that no burst will
 * re-read (the server's or the store's). Between those, entries name the card by the title last
 * read: while someone types, that is the title before their typing, which is what the rename
 * entry that follows says it was renamed from. Every whole read is counted for the tests.
 */
import * as Y from 'yjs';
import { isBoardOrigin } from '#lib/board/origin';

interface LastRead {
  /** null: changed by something that will not read it again; read it at the next ask. */
  value: string | null;
  /** False once a client changed it: the burst that change opened reads it when it ends. */
  fresh: boolean;
}

const lastReads = new WeakMap<Y.Text, LastRead>();
let itemsWalked = 0;

/** The title as last read (maybe before a burst of typing still under way); read if never read. */
export function titleSeen(text: Y.Text): string {
  const last = lastReads.get(text);
  return last?.value ?? read(text, last);
}

/** The title as it is now: read again only if it changed since it was last read. */
export function titleNow(text: Y.Text): string {
  const last = lastReads.get(text);
  return last?.fresh && last.value !== null ? last.value : read(text, last);
}

/** Items `read` has walked since the process started (tests compare two readings). */
export function textItemsWalked(): number {
  return itemsWalked;
}

function read(text: Y.Text, last: LastRead | undefined): string {
  const value = walk(text);
  if (last) {
    last.value = value;
    last.fresh = true;
    return value;
  }
  const entry: LastRead = { value, fresh: true };
  lastReads.set(text, entry);
  // Called once per transaction that changes the text, whatever its size: O(1) per update.
  text.observe((_event, transaction) => {
    const { origin } = transaction;
    if (isBoardOrigin(origin) && origin.source === 'client') entry.fresh = false;
    else entry.value = null;
  });
  return value;
}

/** What Y.Text#toString does, counting the items it walks. */
function walk(text: Y.Text): string {
  let value = '';
  for (let item = text._start; item !== null; item = item.right) {
    itemsWalked++;
    if (!item.deleted && item.countable && item.content instanceof Y.ContentString) value += item.content.str;
  }
  return value;
}
