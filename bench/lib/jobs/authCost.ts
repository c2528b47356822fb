/**
 * Scenario 8's measurement, inside a generator: what Stageboard's authentication and update checks
 * cost, timed in process on the server's own code, with no server and no network in between.
 *
 * Updates: a client replica and a "server" copy of the same big board; the replica makes typical
 * edits with the board operations, and the server copy takes each update as Room does
 * (server/rooms/Room.ts): Y.decodeUpdate (the protocol decoder's validation, which keeps the
 * structs for the check), checkUpdate on those structs, probeActivity, Y.applyUpdate,
 * probe.finish — each timed.
 * Upgrades: the lookups a WebSocket upgrade makes before it is accepted (server/sync/attachSync.ts)
 * against a SQLite file: the session behind the cookie, the membership, the board's catalogue row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import {
  addCard,
  addCards,
  checklistOf,
  gateBlocks,
  initBoard,
  moveCard,
  readStages,
  setCardTitle,
  setChecklistItemDone,
  type BoardOrigin
} from '#lib/board';
import { CardKey, ChecklistItemKey, roots } from '#lib/board/schema';
import { boardInitFromTemplate, findBuiltinTemplate } from '#lib/templates';
import { probeActivity } from '#server/audit/deriveActivity';
import { AuthService } from '#server/auth/AuthService';
import { MembershipService } from '#server/auth/MembershipService';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteMemberStore } from '#server/auth/SqliteMemberStore';
import { checkUpdate, type Actor } from '#server/policy/updatePolicy';
import { loadConfig } from '#server/config';
import { createLogger } from '#server/log';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { latencySummary } from '../stats';

export const UPDATE_KINDS = ['title', 'move', 'tick', 'add'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];
/**
 * The timed parts of taking one update; `checks` is check + activity, what auth added to applying.
 * `decode` was paid before accounts too (the protocol decoder validates every update).
 */
export const PARTS = ['decode', 'apply', 'check', 'activity', 'checks'] as const;
export type Part = (typeof PARTS)[number];

export interface AuthCostArgs {
  /** Built-in template the board is made from (its stages, gates and checklists). */
  template: string;
  cards: number;
  /** Timed updates of each kind (they alternate), after `warmup` untimed ones of each. */
  updatesPerKind: number;
  warmup: number;
  /** Timed calls of each upgrade lookup. */
  lookups: number;
}

export interface Percentiles {
  p50: number;
  p99: number;
}

export interface AuthCostResult {
  boardBytes: number;
  cards: number;
  /** µs per update, every kind together. */
  all: Record<Part, Percentiles>;
  /** µs per update by kind. */
  byKind: Record<UpdateKind, Record<Part, Percentiles>>;
  /** Update bytes, median by kind. */
  bytes: Record<UpdateKind, number>;
  /** Updates whose probe reported no activity (each kind should report one event). */
  silent: number;
  /** µs per call: userForToken alone, and the whole admission (session, membership, board). */
  session: Percentiles;
  admission: Percentiles;
}

const BUILD: BoardOrigin = { source: 'server', reason: 'bench' };
/** What the board operations tag a person's edit with; the server copy applies as a connection does. */
const LOCAL: BoardOrigin = { source: 'local' };
const FROM_CLIENT: BoardOrigin = { source: 'client', connectionId: 'bench', userId: 'bench-editor' };
/** An editor: the everyday writer, and the role whose checks go deepest (managers pass more at once). */
const ACTOR: Actor = { userId: 'bench-editor', role: 'editor' };

export async function measureAuthCost(args: AuthCostArgs): Promise<AuthCostResult> {
  return { ...measureUpdates(args), ...(await measureLookups(args.lookups)) };
}

function measureUpdates(args: AuthCostArgs): Omit<AuthCostResult, 'session' | 'admission'> {
  const board = buildBoard(args.template, args.cards);
  const server = new Y.Doc();
  const replica = new Y.Doc();
  Y.applyUpdate(server, board, BUILD);
  Y.applyUpdate(replica, board, BUILD);
  let last: Uint8Array | null = null;
  replica.on('update', (update: Uint8Array) => void (last = update));
  const samples = new Map<UpdateKind, Record<Part, number[]>>(
    UPDATE_KINDS.map((kind) => [kind, { decode: [], apply: [], check: [], activity: [], checks: [] }])
  );
  const sizes = new Map<UpdateKind, number[]>(UPDATE_KINDS.map((kind) => [kind, []]));
  const random = seededRandom(1);
  let silent = 0;
  for (let i = 0; i < (args.warmup + args.updatesPerKind) * UPDATE_KINDS.length; i++) {
    const kind = UPDATE_KINDS[i % UPDATE_KINDS.length] as UpdateKind;
    last = null;
    edit(replica, kind, random, i);
    const update = last as Uint8Array | null;
    if (!update) throw new Error(`a ${kind} edit made no update`);
    const tDecode = performance.now();
    const decoded = Y.decodeUpdate(update);
    const t0 = performance.now();
    const verdict = checkUpdate(server, update, ACTOR, decoded);
    const t1 = performance.now();
    if (!verdict.ok) throw new Error(`the server refused a ${kind} edit: ${verdict.detail}`);
    const probe = probeActivity(server, verdict.touches);
    const t2 = performance.now();
    Y.applyUpdate(server, update, FROM_CLIENT);
    const t3 = performance.now();
    const events = probe.finish(server);
    const t4 = performance.now();
    if (i < args.warmup * UPDATE_KINDS.length) continue;
    if (events.length === 0) silent++;
    const s = samples.get(kind) as Record<Part, number[]>;
    const us = (ms: number): number => ms * 1000;
    s.decode.push(us(t0 - tDecode));
    s.apply.push(us(t3 - t2));
    s.check.push(us(t1 - t0));
    s.activity.push(us(t2 - t1 + (t4 - t3)));
    s.checks.push(us(t2 - t0 + (t4 - t3)));
    sizes.get(kind)?.push(update.byteLength);
  }
  const cards = roots(server).cards.size;
  server.destroy();
  replica.destroy();
  const summarise = (parts: Record<Part, number[]>): Record<Part, Percentiles> =>
    Object.fromEntries(PARTS.map((part) => [part, percentiles(parts[part])])) as Record<Part, Percentiles>;
  const all = Object.fromEntries(
    PARTS.map((part) => [part, [...samples.values()].flatMap((s) => s[part])])
  ) as Record<Part, number[]>;
  return {
    boardBytes: board.byteLength,
    cards,
    all: summarise(all),
    byKind: Object.fromEntries(
      UPDATE_KINDS.map((kind) => [kind, summarise(samples.get(kind) as Record<Part, number[]>)])
    ) as Record<UpdateKind, Record<Part, Percentiles>>,
    bytes: Object.fromEntries(
      UPDATE_KINDS.map((kind) => [kind, percentiles(sizes.get(kind) ?? []).p50])
    ) as Record<UpdateKind, number>,
    silent
  };
}

/** The board as one update: the template's stages, `cards` cards dealt round robin, each seeded with its stage's checklist. */
function buildBoard(templateId: string, cards: number): Uint8Array {
  const template = findBuiltinTemplate(templateId);
  if (!template) throw new Error(`no built-in template ${templateId}`);
  const doc = new Y.Doc();
  initBoard(doc, boardInitFromTemplate(template, 'Auth cost'), BUILD);
  const stages = readStages(doc);
  stages.forEach((stage, s) => {
    const titles: string[] = [];
    for (let i = s; i < cards; i += stages.length) titles.push(`Card ${i + 1}`);
    addCards(doc, stage.id, titles, BUILD);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** One typical edit on the replica, made with the board operations as the UI makes it. */
function edit(doc: Y.Doc, kind: UpdateKind, random: () => number, n: number): void {
  const { cards } = roots(doc);
  const ids = [...cards.keys()];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const stages = readStages(doc);
  if (kind === 'add') {
    addCard(doc, { stageId: pick(stages).id, title: `New card ${n}` }, LOCAL);
    return;
  }
  for (;;) {
    const id = pick(ids);
    const card = cards.get(id);
    if (!card) continue;
    if (kind === 'title') {
      const title = card.get(CardKey.title);
      setCardTitle(doc, id, `${title instanceof Y.Text ? title.toString() : ''} v${n}`.slice(-150), LOCAL);
      return;
    }
    if (kind === 'tick') {
      const items = [...(checklistOf(card)?.entries() ?? [])];
      if (items.length === 0) continue;
      const [itemId, item] = pick(items);
      setChecklistItemDone(doc, id, itemId, item.get(ChecklistItemKey.done) !== true, LOCAL);
      return;
    }
    // A move to another stage the card may enter now: back, or forward through open gates.
    const from = card.get(CardKey.stageId);
    const targets = stages.filter((s) => s.id !== from && !gateBlocks(doc, id, s.id));
    if (targets.length === 0) continue;
    const to = pick(targets);
    // Somewhere in the column (moveCard clamps the index), without reading the board once more.
    moveCard(doc, id, to.id, Math.floor(random() * (ids.length / stages.length + 1)), LOCAL);
    return;
  }
}

/** The upgrade's lookups against a fresh SQLite file holding one account, its session and one board. */
async function measureLookups(count: number): Promise<Pick<AuthCostResult, 'session' | 'admission'>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stageboard-auth-cost-'));
  const store = SqliteDocStore.open(loadConfig({ DATA_DIR: dir }));
  try {
    const users = SqliteAuthStore.over(store);
    const auth = new AuthService(users, createLogger('silent'));
    const members = new MembershipService(SqliteMemberStore.over(store), users);
    const { user, token } = await auth.signUp({ email: 'cost@bench.local', password: 'bench-password' });
    const boardId = 'authCostBoard';
    await store.createBoard({ id: boardId, title: 'Auth cost', templateId: null });
    await members.addCreator(boardId, user.id);
    // What attachSync's admit() awaits before handing the socket to a room.
    const admit = async (): Promise<void> => {
      const found = await auth.userForToken(token);
      if (!found) throw new Error('the session was not found');
      await members.require(found.id, boardId, 'read');
      if (!(await store.getBoard(boardId))) throw new Error('the board was not found');
    };
    const session = await timeCalls(count, async () => void (await auth.userForToken(token)));
    const admission = await timeCalls(count, admit);
    return { session, admission };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** p50/p99 µs of `count` sequential calls, after a tenth as many untimed. */
async function timeCalls(count: number, call: () => Promise<void>): Promise<Percentiles> {
  for (let i = 0; i < Math.ceil(count / 10); i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await call();
    samples.push((performance.now() - t0) * 1000);
  }
  return percentiles(samples);
}

function percentiles(samples: number[]): Percentiles {
  const { p50, p99 } = latencySummary(samples);
  return { p50, p99 };
}

/** A small deterministic generator (mulberry32), so every repeat makes the same edits. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
