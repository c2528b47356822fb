/**
 * Large board documents for the join-storm and cold-open scenarios, built once with the board
 * model (initBoard, addCards) and cut into updates small enough for every server's message limit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { addCards, initBoard, readStages, type BoardOrigin } from '#lib/board';
import { CardKey, roots } from '#lib/board/schema';

const ORIGIN: BoardOrigin = { source: 'server', reason: 'bench' };
/** Stageboard refuses messages over MAX_MESSAGE_BYTES (2 MiB by default); stay well under it. */
const CHUNK_BYTES = 512 * 1024;
const WORDS = 'campaign review draft approve budget venue banner launch report channel poster copy'.split(
  ' '
);

export interface BoardSpec {
  /** Stop after this many cards (when `targetBytes` is not given). */
  cards?: number;
  /** Stop once the document holds at least this many bytes. */
  targetBytes?: number;
  stages: number;
  /** Characters of description per card (0: titles only, as scripts/big-board.ts writes). */
  descriptionChars: number;
}

export interface BuiltBoard {
  /** Updates in order; applying all of them gives the board. Each is at most ~CHUNK_BYTES. */
  chunks: Uint8Array[];
  /** Size of the whole document as one update (encodeStateAsUpdate). */
  bytes: number;
  cards: number;
}

/** Deterministic filler text of `chars` characters for card `n`. */
function description(n: number, chars: number): string {
  let out = `Card ${n}. `;
  for (let i = n; out.length < chars; i++) out += `${WORDS[i % WORDS.length]} `;
  return out.slice(0, chars);
}

/**
 * Builds a board like scripts/big-board.ts (stages named "Stage i", cards dealt round-robin,
 * titled "Card n"), optionally with long descriptions, one transaction per chunk.
 */
export function buildBoard(spec: BoardSpec): BuiltBoard {
  if (spec.cards === undefined && spec.targetBytes === undefined) throw new Error('cards or targetBytes');
  const doc = new Y.Doc();
  const chunks: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => chunks.push(update));
  const names = Array.from({ length: spec.stages }, (_, i) => ({ name: `Stage ${i + 1}` }));
  initBoard(doc, { title: 'Bench board', templateId: null, stages: names }, ORIGIN);
  const stages = readStages(doc);
  const perCard = 160 + spec.descriptionChars;
  const batch = Math.max(stages.length, Math.floor(CHUNK_BYTES / perCard));
  let cards = 0;
  let bytes = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  const more = (): boolean =>
    spec.targetBytes !== undefined ? bytes < spec.targetBytes : cards < (spec.cards ?? 0);
  while (more()) {
    // After the first batch the measured bytes per card size the last one, so the target is met closely.
    const left =
      spec.targetBytes !== undefined
        ? cards === 0
          ? batch
          : Math.ceil((spec.targetBytes - bytes) / (bytes / cards))
        : (spec.cards ?? 0) - cards;
    const count = Math.max(1, Math.min(batch, left));
    doc.transact(() => {
      // Nested transactions join this one, so each batch leaves as exactly one update.
      stages.forEach((stage, s) => {
        const titles: string[] = [];
        for (let i = s; i < count; i += stages.length) titles.push(`Card ${cards + i + 1}`);
        const ids = addCards(doc, stage.id, titles, ORIGIN);
        if (spec.descriptionChars === 0) return;
        ids.forEach((id, k) => {
          const text = roots(doc).cards.get(id)?.get(CardKey.description);
          if (text instanceof Y.Text)
            text.insert(0, description(cards + s + k * stages.length + 1, spec.descriptionChars));
        });
      });
    }, ORIGIN);
    cards += count;
    bytes += chunks.at(-1)?.byteLength ?? 0;
  }
  const built = { chunks, bytes: Y.encodeStateAsUpdate(doc).byteLength, cards };
  doc.destroy();
  return built;
}

/** Writes the chunks to `file` (each prefixed by its 4-byte length) for generator processes to read. */
export function saveChunks(file: string, chunks: readonly Uint8Array[]): void {
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    const head = Buffer.alloc(4);
    head.writeUInt32LE(chunk.byteLength);
    parts.push(head, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** Reads what saveChunks wrote. */
export function loadChunks(file: string): Uint8Array[] {
  const data = readFileSync(file);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < data.byteLength;) {
    const length = data.readUInt32LE(at);
    chunks.push(new Uint8Array(data.buffer, data.byteOffset + at + 4, length));
    at += 4 + length;
  }
  return chunks;
}

/** Number of cards in a board document (what a synced client checks before a figure counts). */
export function cardCount(doc: Y.Doc): number {
  return roots(doc).cards.size;
}
