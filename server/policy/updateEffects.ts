/**
 * What an update leaves behind, beyond which paths it touches: whether each map key it touches
 * ends written, deleted or as it was, and how long each text it touches becomes. The field rules
 * (fieldPolicy.ts) need outcomes, not touches: a key can be deleted without a delete (an item of
 * deleted content becomes the key's newest value), and a text's length after an update is its
 * length now plus what the update inserts, minus what it deletes. Fed by updateTouches.ts while it
 * reads the update; O(update) plus the document structs a delete range covers, like the reading.
 */
import * as Y from 'yjs';
import { hasControlChars } from '#lib/text/controlChars';

/** Where an item lands (TouchList.ts's Place). */
export interface Spot {
  parent: readonly string[];
  key: string | null;
  newParent: boolean;
}

/**
 * What a map key holds after the update: 'written' (a value of this update may be its newest),
 * 'deleted' (it may hold nothing), or 'kept' (what the document holds).
 */
export interface KeyOutcome {
  parent: readonly string[];
  key: string;
  newParent: boolean;
  after: 'written' | 'deleted' | 'kept';
}

/** The change to one sequence (Y.Text) in countable units, and whether it inserts control characters. */
export interface TextChange {
  parent: readonly string[];
  newParent: boolean;
  delta: number;
  controls: boolean;
}

export interface Effects {
  keys: KeyOutcome[];
  texts: TextChange[];
  /** What `key` of the map at `parent` holds after the update (new maps and old apart). */
  after(newParent: boolean, parent: readonly string[], key: string): KeyOutcome['after'];
  /** The same for a map spelled once by pathKey (a new map's required keys share it). */
  afterAt(at: string, key: string): KeyOutcome['after'];
}

interface KeyGroup {
  spot: Spot & { key: string };
  writes: Y.Item[];
  /** The document's live value for the key, when the update deletes it. */
  deletedCurrent: Y.Item | null;
}

type Grouped<T> = [Map<readonly string[], T>, Map<readonly string[], T>];

const idText = (client: number, clock: number) => `${client}:${clock}`;
const lastIdText = (item: Y.Item) => idText(item.id.client, item.id.clock + item.length - 1);
/** A map's path as one string, new maps and old apart (JSON keeps it unambiguous). */
export const pathKey = (newParent: boolean, parent: readonly string[]) => JSON.stringify([newParent, parent]);

/**
 * Collects effects while updateTouches reads. Items placed by one neighbour or one document type
 * share their parent array, so grouping is by array first (no string per item); arrays that spell
 * the same path are merged once at the end.
 */
export class EffectsReader {
  private readonly keys: Grouped<Map<string, KeyGroup>> = [new Map(), new Map()];
  private readonly texts: Grouped<TextChange> = [new Map(), new Map()];
  private readonly deletedOwn = new Set<Y.Item>();

  /** An item of the update lands at `spot`. */
  wrote(spot: Spot, item: Y.Item): void {
    if (spot.key !== null) {
      this.group(spot as Spot & { key: string }).writes.push(item);
      return;
    }
    const change = this.text(spot);
    if (item.countable) change.delta += item.length;
    if (item.content instanceof Y.ContentString && !change.controls) {
      change.controls = hasControlChars(item.content.str);
    }
  }

  /** The update deletes ids [from, to) overlapping `item`: the document's (`own` false) or its own. */
  deleted(spot: Spot, item: Y.Item, own: boolean, from: number, to: number): void {
    if (own) this.deletedOwn.add(item);
    if (spot.key !== null) {
      if (!own) this.group(spot as Spot & { key: string }).deletedCurrent = item;
      return;
    }
    if (!item.countable || (!own && item.deleted)) return;
    const start = item.id.clock;
    const overlap = Math.min(to, start + item.length) - Math.max(from, start);
    if (overlap > 0) this.text(spot).delta -= overlap;
  }

  result(): Effects {
    const groups = new Map<string, Map<string, KeyGroup>>();
    // Loops, not callbacks: no closure is made per check. Under tsx (`npm run dev`, bench
    // scenario 8) each one would also be named at run time.
    for (let newParent = 0; newParent < 2; newParent++) {
      for (const [parent, byKey] of this.keys[newParent] as Map<readonly string[], Map<string, KeyGroup>>) {
        const at = pathKey(newParent === 1, parent);
        const into = groups.get(at);
        if (!into) groups.set(at, byKey);
        else for (const [key, group] of byKey) into.set(key, merge(into.get(key), group));
      }
    }
    const keys: KeyOutcome[] = [];
    const afterAt = new Map<string, Map<string, KeyOutcome['after']>>();
    for (const [at, byKey] of groups) {
      const outcomes = new Map<string, KeyOutcome['after']>();
      afterAt.set(at, outcomes);
      for (const [key, group] of byKey) {
        const after = this.outcome(group);
        outcomes.set(key, after);
        keys.push({ parent: group.spot.parent, key, newParent: group.spot.newParent, after });
      }
    }
    const texts = new Map<string, TextChange>();
    for (const byParent of this.texts) {
      for (const change of byParent.values()) {
        const at = pathKey(change.newParent, change.parent);
        const into = texts.get(at);
        if (!into) texts.set(at, change);
        else {
          into.delta += change.delta;
          into.controls ||= change.controls;
        }
      }
    }
    return new Outcomes(keys, [...texts.values()], afterAt);
  }

  /**
   * The key's newest item after integration is the document's current one or one of the update's
   * that no other write of the update follows (a tail: a later write names its predecessor as
   * origin). So: a tail that is dead may be the last word (deleted); the current value deleted with
   * no write placed after it leaves nothing (deleted); otherwise a write lands or nothing changes.
   */
  private outcome(group: KeyGroup): KeyOutcome['after'] {
    const { writes, deletedCurrent } = group;
    // The common cases without a set: a plain delete, or one write over the current value.
    if (writes.length === 0) return deletedCurrent ? 'deleted' : 'kept';
    if (writes.length === 1) {
      const w = writes[0] as Y.Item;
      if (w.content instanceof Y.ContentDeleted || this.deletedOwn.has(w)) return 'deleted';
      const after = deletedCurrent ? lastIdText(deletedCurrent) : null;
      return after === null || (w.origin !== null && idText(w.origin.client, w.origin.clock) === after)
        ? 'written'
        : 'deleted';
    }
    const followed = new Set<string>();
    for (const w of group.writes) if (w.origin) followed.add(idText(w.origin.client, w.origin.clock));
    for (const w of group.writes) {
      const dead = w.content instanceof Y.ContentDeleted || this.deletedOwn.has(w);
      if (dead && !followed.has(lastIdText(w))) return 'deleted';
    }
    const current = group.deletedCurrent;
    if (current && !followed.has(lastIdText(current))) return 'deleted';
    return group.writes.length > 0 ? 'written' : 'kept';
  }

  private group(spot: Spot & { key: string }): KeyGroup {
    const byParent = this.keys[spot.newParent ? 1 : 0];
    let byKey = byParent.get(spot.parent);
    if (!byKey) byParent.set(spot.parent, (byKey = new Map()));
    let group = byKey.get(spot.key);
    if (!group) byKey.set(spot.key, (group = { spot, writes: [], deletedCurrent: null }));
    return group;
  }

  private text(spot: Spot): TextChange {
    const byParent = this.texts[spot.newParent ? 1 : 0];
    let change = byParent.get(spot.parent);
    if (!change) {
      change = { parent: spot.parent, newParent: spot.newParent, delta: 0, controls: false };
      byParent.set(spot.parent, change);
    }
    return change;
  }
}

class Outcomes implements Effects {
  constructor(
    readonly keys: KeyOutcome[],
    readonly texts: TextChange[],
    private readonly byPath: ReadonlyMap<string, ReadonlyMap<string, KeyOutcome['after']>>
  ) {}

  after(newParent: boolean, parent: readonly string[], key: string): KeyOutcome['after'] {
    return this.afterAt(pathKey(newParent, parent), key);
  }

  afterAt(at: string, key: string): KeyOutcome['after'] {
    return this.byPath.get(at)?.get(key) ?? 'kept';
  }
}

/** One key's group from two parent arrays that spell the same path. */
function merge(a: KeyGroup | undefined, b: KeyGroup): KeyGroup {
  if (!a) return b;
  return {
    spot: a.spot,
    writes: [...a.writes, ...b.writes],
    deletedCurrent: a.deletedCurrent ?? b.deletedCurrent
  };
}
