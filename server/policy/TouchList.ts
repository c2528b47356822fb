/**
 * The touches one update makes, as updateTouches.ts reads them: each write or delete once, with
 * repeats folded, so a run of thousands of typed characters is one touch, not thousands.
 */
import * as Y from 'yjs';
import type { ContentKind, Touch } from './updateTouches';

/** Where a change lands: the type's path, the map key (null in a sequence), whether the type is new. */
export type Place = Pick<Touch, 'parent' | 'key' | 'newParent'>;

/** By exact class: the board uses these three; anything else is reported as 'other'. */
const TYPE_NAMES = new Map<unknown, string>([
  [Y.Map, 'YMap'],
  [Y.Text, 'YText'],
  [Y.Array, 'YArray']
]);

function contentKind(c: Y.Item['content']): ContentKind {
  if (c instanceof Y.ContentDeleted) return 'deleted';
  if (c instanceof Y.ContentType) return 'type';
  return c instanceof Y.ContentAny ? 'any' : c instanceof Y.ContentString ? 'string' : 'other';
}

/** What Y.Map#get returns for this item: the last value it holds ({ yType } for a nested type). */
function mapValue(c: Y.Item['content']): unknown {
  if (c instanceof Y.ContentDeleted) return undefined;
  if (c instanceof Y.ContentType) return { yType: TYPE_NAMES.get(c.type.constructor) ?? 'other' };
  return c.getContent().at(-1);
}

/** Touches in order, with repeats folded: one per parent, key, kind and content, except map writes. */
export class TouchList {
  readonly list: Touch[] = [];
  private readonly seen = new Set<string>();
  /** Tags seen per place object: items placed by one neighbour share it, so long runs stop here. */
  private readonly byPlace = new WeakMap<Place, Set<string>>();

  /** Adds the write of `item` at `place`, or (item null) a delete there. */
  add(place: Place, item: Y.Item | null): void {
    const kind = item ? 'write' : 'delete';
    if (item && place.key !== null) {
      const { content } = item;
      this.list.push(touchAt(place, kind, contentKind(content), mapValue(content)));
      return;
    }
    const content = item ? contentKind(item.content) : undefined;
    const tag = `${kind} ${content}`;
    let tags = this.byPlace.get(place);
    if (tags?.has(tag)) return;
    if (!tags) this.byPlace.set(place, (tags = new Set()));
    tags.add(tag);
    // JSON keeps the key unambiguous: folding two different touches would hide one from the policy.
    const key = `${tag} ${place.newParent} ${JSON.stringify([place.key, place.parent])}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(touchAt(place, kind, content));
  }
}

/**
 * A touch at `place`, its fields written out: building it with object spread (`{ ...place, kind }`)
 * took V8's generic copy path and was three quarters of the check's time (scenario 8, bench/).
 */
function touchAt(place: Place, kind: Touch['kind'], content?: ContentKind, value?: unknown): Touch {
  const { parent, key, newParent } = place;
  return kind === 'delete'
    ? { parent, key, kind, newParent }
    : { parent, key, kind, newParent, content, value };
}
