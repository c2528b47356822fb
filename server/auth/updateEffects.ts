/**
 * What an update leaves behind, beyond which paths it touches: whether each map key it touches
 * ends written, deleted or as it was, and how long each text it touches becomes. The field rules
 * (fieldPolicy.ts) need outcomes, not touches: a key can be deleted without a delete (an item of
 * deleted content becomes the key's newest value), and a text's length after an update is its
 * length now plus what the update inserts, minus what it deletes. Fed by updateTouches.ts while it
 * reads the update; O(update) plus the document structs a delete range covers, like the reading.
 */
import * as Y from 'yjs';
import { hasControlChars } from '../../src/lib/text/controlChars';

/** Where an item lands (updateTouches.ts's Place). */
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
}

interface KeyGroup {
  spot: Spot & { key: string };
  writes: Y.Item[];
  /** The document's live value for the key, when the update deletes it. */
  deletedCurrent: Y.Item | null;
}

const idText = (client: number, clock: number) => `${client}:${clock}`;

export class EffectsReader {
  private readonly keys = new Map<string, KeyGroup>();
  /** Per parent array (shared by the items a place or a document type puts there), new and old apart. */
  private readonly texts = [
    new Map<readonly string[], TextChange>(),
    new Map<readonly string[], TextChange>()
  ];
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
    const keys = [...this.keys.values()].map((g) => ({ ...g.spot, after: this.outcome(g) }));
    const merged = new Map<string, TextChange>();
    for (const byParent of this.texts) {
      for (const change of byParent.values()) {
        const at = JSON.stringify([change.newParent, change.parent]);
        const into = merged.get(at);
        if (!into) merged.set(at, { ...change });
        else {
          into.delta += change.delta;
          into.controls ||= change.controls;
        }
      }
    }
    return { keys, texts: [...merged.values()] };
  }

  /**
   * The key's newest item after integration is the document's current one or one of the update's
   * that no other write of the update follows (a tail: a later write names its predecessor as
   * origin). So: a tail that is dead may be the last word (deleted); the current value deleted with
   * no write placed after it leaves nothing (deleted); otherwise a write lands or nothing changes.
   */
  private outcome(group: KeyGroup): KeyOutcome['after'] {
    const followed = new Set<string>();
    for (const w of group.writes) if (w.origin) followed.add(idText(w.origin.client, w.origin.clock));
    const dead = (w: Y.Item) => w.content instanceof Y.ContentDeleted || this.deletedOwn.has(w);
    const isTail = (w: Y.Item) => !followed.has(idText(w.id.client, w.id.clock + w.length - 1));
    if (group.writes.some((w) => isTail(w) && dead(w))) return 'deleted';
    const current = group.deletedCurrent;
    if (current && !followed.has(idText(current.id.client, current.id.clock + current.length - 1))) {
      return 'deleted';
    }
    return group.writes.length > 0 ? 'written' : 'kept';
  }

  private group(spot: Spot & { key: string }): KeyGroup {
    const at = JSON.stringify([spot.newParent, spot.parent, spot.key]);
    let group = this.keys.get(at);
    if (!group) this.keys.set(at, (group = { spot, writes: [], deletedCurrent: null }));
    return group;
  }

  private text(spot: Spot): TextChange {
    const byParent = this.texts[spot.newParent ? 1 : 0] as Map<readonly string[], TextChange>;
    let change = byParent.get(spot.parent);
    if (!change) {
      change = { parent: spot.parent, newParent: spot.newParent, delta: 0, controls: false };
      byParent.set(spot.parent, change);
    }
    return change;
  }
}
