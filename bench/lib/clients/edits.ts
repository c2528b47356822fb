/**
 * The edits the load makes, shaped like the board's: a card is a Y.Map in the `benchCards` map with a
 * `stageId`, a `rank` and a Y.Text `title`. A "card move" sets stageId and rank (moveCard does the
 * same); a "keystroke" inserts one character into a title. Every edit also sets the sender's entry
 * of the `bench` map to a marker string carrying sender, sequence number and send time. The
 * marker travels as plain UTF-8 inside the Yjs update, so a lightweight socket can find it without
 * decoding Yjs, and a full client reads it from the map.
 */
import * as Y from 'yjs';
import { now } from '../stats';

/**
 * The root the load's cards live in. Not `cards`: Stageboard's update policy holds that root to
 * the board's field table (a card stands in a stage the board has and carries every key a card
 * has: src/lib/board/fields.ts), and these cards are shaped for all three servers; a root the
 * board does not name is left to managers, as `bench` is.
 */
const CARDS_ROOT = 'benchCards';

export const STAGES = ['brief', 'draft', 'review', 'approved', 'live'];
const MARKER_HEAD = Buffer.from('~bm~');
const TILDE = 0x7e;

export interface Marker {
  sender: string;
  seq: number;
  sentAt: number;
}

export function marker(sender: string, seq: number, sentAt: number): string {
  return `~bm~${sender}~${seq}~${sentAt.toFixed(3)}~`;
}

/** Calls `found` for every marker in `bytes` (an update may merge several edits). */
export function scanMarkers(bytes: Uint8Array, found: (m: Marker) => void): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buffer.indexOf(MARKER_HEAD);
  while (at !== -1) {
    const parsed = parseAt(buffer, at + MARKER_HEAD.length);
    if (parsed) found(parsed.marker);
    at = buffer.indexOf(MARKER_HEAD, parsed ? parsed.end : at + 1);
  }
}

/** Parses `sender~seq~sentAt~` at `start` without building strings for the numbers. */
function parseAt(buffer: Buffer, start: number): { marker: Marker; end: number } | null {
  const senderEnd = buffer.indexOf(TILDE, start);
  if (senderEnd === -1 || senderEnd - start > 64) return null;
  const seq = readNumber(buffer, senderEnd + 1);
  if (!seq) return null;
  const sentAt = readNumber(buffer, seq.end + 1);
  if (!sentAt) return null;
  const sender = buffer.toString('latin1', start, senderEnd);
  return { marker: { sender, seq: seq.value, sentAt: sentAt.value }, end: sentAt.end + 1 };
}

/** A decimal number (digits with an optional fraction) ending at a '~'. */
function readNumber(buffer: Buffer, start: number): { value: number; end: number } | null {
  let value = 0;
  let scale = 0;
  for (let i = start; i < buffer.length && i < start + 32; i++) {
    const byte = buffer[i] as number;
    if (byte === TILDE) return i > start ? { value: scale ? value / scale : value, end: i } : null;
    if (byte === 0x2e) {
      scale = 1;
    } else if (byte >= 0x30 && byte <= 0x39) {
      value = value * 10 + (byte - 0x30);
      if (scale) scale *= 10;
    } else {
      return null;
    }
  }
  return null;
}

export function parseMarker(value: unknown): Marker | null {
  if (typeof value !== 'string' || !value.startsWith('~bm~')) return null;
  const [, , sender, seq, sentAt] = value.split('~');
  if (sender === undefined || seq === undefined || sentAt === undefined) return null;
  return { sender, seq: Number(seq), sentAt: Number(sentAt) };
}

/** Adds `count` cards (ids c0…) with a title, stage and rank, as the board's addCards does. */
export function seedCards(doc: Y.Doc, count: number, prefix = 'c'): void {
  const cards = doc.getMap<Y.Map<unknown>>(CARDS_ROOT);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const card = new Y.Map<unknown>();
      card.set('id', `${prefix}${i}`);
      card.set('stageId', STAGES[i % STAGES.length]);
      card.set('rank', `a${String(i).padStart(4, '0')}`);
      const title = new Y.Text();
      title.insert(0, `Campaign task ${i}: write the brief and collect assets`);
      card.set('title', title);
      cards.set(`${prefix}${i}`, card);
    }
  });
}

export function cardCount(doc: Y.Doc): number {
  return doc.getMap(CARDS_ROOT).size;
}

/** One edit by `sender`: odd sequence numbers move a card, even ones type a character. */
export function makeEdit(doc: Y.Doc, sender: string, seq: number): void {
  const cards = doc.getMap<Y.Map<unknown>>(CARDS_ROOT);
  const ids = [...cards.keys()];
  const id = ids[Math.floor(Math.random() * ids.length)];
  const card = id === undefined ? undefined : cards.get(id);
  doc.transact(() => {
    if (card && seq % 2 === 1) {
      card.set('stageId', STAGES[Math.floor(Math.random() * STAGES.length)]);
      card.set('rank', `a${Math.random().toString(36).slice(2, 8)}`);
    } else if (card) {
      const title = card.get('title');
      if (title instanceof Y.Text) title.insert(Math.floor(Math.random() * (title.length + 1)), 'x');
    }
    doc.getMap('bench').set(sender, marker(sender, seq, now()));
  });
}

/** Highest sequence number of every sender's marker in a document (what a restart kept). */
export function markersIn(doc: Y.Doc): Record<string, number> {
  const out: Record<string, number> = {};
  doc.getMap('bench').forEach((value) => {
    const m = parseMarker(value);
    if (m) out[m.sender] = Math.max(out[m.sender] ?? 0, m.seq);
  });
  return out;
}
