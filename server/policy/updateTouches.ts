/**
 * What a client's Yjs update would change in a board document, read from the encoded update and
 * the current document without applying anything: Yjs cannot roll an applied update back, so the
 * server judges first (updatePolicy.ts). Reasons and limits: README.md, "Refusing updates by role".
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from '../protocol';
import { TouchList, type Place } from './TouchList';
import { EffectsReader, type Effects } from './updateEffects';

/** How a write's content is encoded; 'any' is a plain JSON-like value (Y.Map#set of a non-type). */
export type ContentKind = 'any' | 'string' | 'type' | 'deleted' | 'other';

/** One change an update makes: a map key written or deleted, or content added to or cut from a sequence. */
export interface Touch {
  /** Path of the type that changes, from the root name: ['cards', 'c1', 'title']; a sequence element is '[]'. */
  parent: readonly string[];
  /** The map key written or deleted; null for sequence content (Y.Text characters, Y.Array elements). */
  key: string | null;
  kind: 'write' | 'delete';
  /** True when the changed type is itself created by this update (the fields of a new card). */
  newParent: boolean;
  /** For a write: how its content is encoded. */
  content?: ContentKind;
  /** For a map write: what Y.Map#get would return ({ yType } for a nested type); sequences carry none. */
  value?: unknown;
}

export type TouchResult =
  /** `inert`: the update adds ids that land as garbage (GC structs): invisible, but not nothing. */
  | { ok: true; touches: Touch[]; inert: boolean; effects: Effects }
  | { ok: false; reason: 'unresolvable'; detail: string };

/** The path segment of an element of a sequence (Y.Array, Y.Text) rather than a map value. */
export const SEQUENCE = '[]';

/** Where an item's content lands, or 'inert' when Yjs turns it into garbage on arrival. */
type Landing = Place | 'inert';
type Struct = Y.Item | Y.GC | Y.Skip;
type SharedType = Y.AbstractType<unknown>;

/** Thrown inside this module only; touchesOf turns it into the 'unresolvable' result. */
class Unresolvable extends Error {}

interface Reader {
  doc: Y.Doc;
  /** The update's structs per client, in clock order (a client's structs form one run). */
  own: Map<number, Struct[]>;
  landings: Map<Y.Item, Landing>;
  typePaths: Map<SharedType, readonly string[]>;
  /** Where the contents of a type this update creates land, per item holding it (memoised like typePaths). */
  newTypes: Map<Y.Item, Place>;
  effects: EffectsReader;
}

/**
 * What `update` (Yjs update format v1) would change in `doc`, or 'unresolvable' when it depends on
 * something neither holds. O(update), plus the document structs a delete range covers. `decoded`
 * is the update already decoded (the protocol decoder keeps it: decoding is most of the cost).
 * Throws when the bytes are not an update (the caller treats that as a protocol error).
 */
export function touchesOf(
  doc: Y.Doc,
  update: Uint8Array,
  decoded: DecodedUpdate = Y.decodeUpdate(update)
): TouchResult {
  try {
    return { ok: true, ...readTouches(doc, update, decoded) };
  } catch (err) {
    if (err instanceof Unresolvable) return { ok: false, reason: 'unresolvable', detail: err.message };
    throw err;
  }
}

function readTouches(
  doc: Y.Doc,
  update: Uint8Array,
  { structs, ds }: DecodedUpdate
): { touches: Touch[]; inert: boolean; effects: Effects } {
  const sections = decoding.readVarUint(decoding.createDecoder(update));
  const own = groupByClient(structs, sections);
  const reader: Reader = {
    doc,
    own,
    landings: new Map(),
    typePaths: new Map(),
    newTypes: new Map(),
    effects: new EffectsReader()
  };
  const out = new TouchList();
  let inert = false;
  for (const [client, list] of reader.own) {
    const state = Y.getState(doc.store, client);
    let next = state;
    for (const struct of list) {
      const end = struct.id.clock + struct.length;
      if (end <= state) continue; // the document has it already; Yjs skips it
      // Past a gap Yjs parks the rest as pending and applies it with some later update, unchecked.
      if (struct.id.clock > next) throw new Unresolvable(`client ${client} skips from clock ${next}`);
      if (struct instanceof Y.Skip) continue; // leaves `next` behind: what follows is past a gap
      next = end;
      const landing = struct instanceof Y.Item ? land(reader, struct) : 'inert';
      if (landing === 'inert' || !(struct instanceof Y.Item)) inert = true;
      else {
        out.add(landing, struct);
        reader.effects.wrote(landing, struct);
      }
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) deleteRange(reader, out, client, clock, clock + len);
  }
  return { touches: out.list, inert, effects: reader.effects.result() };
}

/**
 * Groups structs by client. Yjs keeps only the last section an update gives a client, so a client
 * in two sections (or an empty section) would make it apply less than is read here, and the rest
 * could wait as pending: such an update is refused.
 */
function groupByClient(structs: Struct[], sections: number): Map<number, Struct[]> {
  const own = new Map<number, Struct[]>();
  let current: Struct[] | undefined;
  for (const struct of structs) {
    const client = struct.id.client;
    if (current?.[0]?.id.client !== client) {
      if (own.has(client)) throw new Unresolvable(`client ${client} appears in two sections`);
      current = [];
      own.set(client, current);
    }
    current.push(struct);
  }
  if (own.size !== sections) throw new Unresolvable(`${sections} sections hold ${own.size} clients`);
  return own;
}

/** The struct holding `client:clock`: the document's if it has that clock, else the update's. */
function find(reader: Reader, client: number, clock: number): { struct: Y.Item | Y.GC; inDoc: boolean } {
  if (clock < Y.getState(reader.doc.store, client)) {
    const structs = reader.doc.store.clients.get(client) as (Y.Item | Y.GC)[];
    return { struct: structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC, inDoc: true };
  }
  const struct = findOwn(reader.own.get(client) ?? [], clock);
  if (!struct || struct instanceof Y.Skip) throw new Unresolvable(`${client}:${clock} is nowhere`);
  return { struct, inDoc: false };
}

function findOwn(list: readonly Struct[], clock: number): Struct | undefined {
  let [lo, hi] = [0, list.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as Struct;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * The items an update item needs integrated before it: the ones its placement reads (origin,
 * right origin, parent) and the struct before it from the same client (Yjs integrates a client's
 * structs in clock order). Only items of the update that are not resolved yet.
 */
function dependencies(reader: Reader, item: Y.Item): Y.Item[] {
  const ids = [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null];
  const state = Y.getState(reader.doc.store, item.id.client);
  if (item.id.clock > state) ids.push(Y.createID(item.id.client, item.id.clock - 1));
  const deps: Y.Item[] = [];
  for (const id of ids) {
    if (!id) continue;
    const { struct, inDoc } = find(reader, id.client, id.clock);
    if (!inDoc && struct instanceof Y.Item && !reader.landings.has(struct)) deps.push(struct);
  }
  return deps;
}

/**
 * Where `start` lands. Depth-first over dependencies with an explicit stack, because a run of
 * typed characters chains each to the one before and would overflow the call stack.
 */
function land(reader: Reader, start: Y.Item): Landing {
  const stack = [start];
  const open = new Set<Y.Item>();
  while (stack.length > 0) {
    const item = stack[stack.length - 1] as Y.Item;
    const deps = reader.landings.has(item) ? null : dependencies(reader, item);
    if (deps?.length === 0) reader.landings.set(item, placeOf(reader, item));
    if (!deps?.length) {
      open.delete(item);
      stack.pop();
      continue;
    }
    // Yjs cannot integrate a cycle either: it would wait for ever as pending.
    if (deps.some((d) => open.has(d))) throw new Unresolvable(`${idText(item)} depends on itself`);
    open.add(item);
    stack.push(...deps);
  }
  return reader.landings.get(start) as Landing;
}

/** Mirrors Item#getMissing: an explicit parent, else the left origin's parent, else the right's. */
function placeOf(reader: Reader, item: Y.Item): Landing {
  const parent = item.parent as Y.ID | string | null;
  if (typeof parent === 'string') return { parent: [parent], key: item.parentSub, newParent: false };
  if (parent !== null) {
    const holder = landingOfId(reader, parent, true);
    return holder === 'inert'
      ? 'inert'
      : { parent: holder.parent, key: item.parentSub, newParent: holder.newParent };
  }
  const left = item.origin ? landingOfId(reader, item.origin, false) : null;
  const right = item.rightOrigin ? landingOfId(reader, item.rightOrigin, false) : null;
  // A neighbour that is garbage makes Yjs drop the item (it becomes a GC struct).
  if (left === 'inert' || right === 'inert') return 'inert';
  const from = left ?? right;
  if (!from) throw new Unresolvable(`${idText(item)} has no parent`);
  return from;
}

/**
 * The landing of the struct holding `id`, as a neighbour (`asHolder` false: its own place) or as
 * the item holding a parent type (`asHolder` true: the path of that type).
 */
function landingOfId(reader: Reader, id: Y.ID, asHolder: boolean): Landing {
  const { struct, inDoc } = find(reader, id.client, id.clock);
  if (!(struct instanceof Y.Item)) return 'inert';
  if (inDoc) {
    if (!asHolder) return docPlace(reader, struct);
    // A holder whose type was garbage-collected (content now ContentDeleted) takes nothing in.
    if (!(struct.content instanceof Y.ContentType)) return 'inert';
    return { parent: typePath(reader, struct.content.type), key: null, newParent: false };
  }
  const own = reader.landings.get(struct) as Landing;
  if (!asHolder || own === 'inert') return own;
  if (!(struct.content instanceof Y.ContentType)) return 'inert';
  // One path array per new type: its items then share it, so the effects and the policy that
  // group by parent array spell each new map's path once, not once per key.
  let place = reader.newTypes.get(struct);
  if (!place) {
    place = { parent: [...own.parent, own.key ?? SEQUENCE], key: null, newParent: true };
    reader.newTypes.set(struct, place);
  }
  return place;
}

function docPlace(reader: Reader, item: Y.Item): Place {
  return { parent: typePath(reader, item.parent as SharedType), key: item.parentSub, newParent: false };
}

/** Path of a type in the document, from its root name down (memoised: touches share parents). */
function typePath(reader: Reader, type: SharedType): readonly string[] {
  const known = reader.typePaths.get(type);
  if (known) return known;
  const item = type._item;
  const path =
    item === null
      ? [Y.findRootTypeKey(type)]
      : [...typePath(reader, item.parent as SharedType), item.parentSub ?? SEQUENCE];
  reader.typePaths.set(type, path);
  return path;
}

/** Touches for deleting ids [from, to) of `client`: document items, then items of the update. */
function deleteRange(reader: Reader, out: TouchList, client: number, from: number, to: number): void {
  const state = Y.getState(reader.doc.store, client);
  if (from < state) {
    const structs = reader.doc.store.clients.get(client) as (Y.Item | Y.GC)[];
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const s = structs[i] as Y.Item | Y.GC;
      if (s.id.clock >= to) break;
      if (!(s instanceof Y.Item) || s.deleted) continue;
      const place = docPlace(reader, s);
      out.add(place, null);
      reader.effects.deleted(place, s, false, from, to);
    }
  }
  // Inserted and deleted in one update: no visible effect, still reported (conservatively).
  for (let clock = Math.max(from, state); clock < to;) {
    const { struct } = find(reader, client, clock);
    const landing = struct instanceof Y.Item ? reader.landings.get(struct) : 'inert';
    if (landing && landing !== 'inert') {
      out.add(landing, null);
      reader.effects.deleted(landing, struct as Y.Item, true, from, to);
    }
    clock = struct.id.clock + struct.length;
  }
}

const idText = ({ id }: Y.Item): string => `${id.client}:${id.clock}`;
