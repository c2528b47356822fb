/**
 * The update policy's field rules: every key a client writes keeps the shape and passes the check
 * the board's field table gives it (src/lib/board/fields.ts), a live card, stage or item keeps the
 * keys it must have, a new one is made with them, texts stay within their limits, and a stage is
 * not removed from under the cards that stand in it. Judged on what the update leaves behind
 * (updateEffects.ts), so a delete disguised as a write, or a change spread over several writes of
 * one update, is judged as what it does. Reasons: README.md, "Refusing updates by role".
 */
import * as Y from 'yjs';
import { cleanFieldDef, type CardFieldKind } from '#lib/board/card-fields';
import { CardKey } from '#lib/board/schema';
import { hasShape, isOwnRule, type Field, type FieldFacts } from '#lib/board/field-shape';
import { ROOT_FIELDS } from '#lib/board/fields';
import { liveValue, type Context, type ItemMap, type Refusal } from './policyContext';
import { pathKey, type Effects } from './updateEffects';
import type { Touch } from './updateTouches';

/** 'free': no rule here (an unknown root, meta's own keys, what a rule of its own judges). */
type Slot = Field | 'free' | 'none';

const Y_TYPE: Partial<Record<Field['shape'], [string, typeof Y.Text | typeof Y.Map | typeof Y.Array]>> = {
  text: ['YText', Y.Text],
  map: ['YMap', Y.Map],
  array: ['YArray', Y.Array]
};

/** Where the table puts a path (`parent`, then `key` if any): its field, 'free', or 'none'. */
export function slotAt(parent: readonly string[], key: string | null = null): Slot {
  let field: Field | undefined = ROOT_FIELDS[parent[0] as string];
  if (!field) return 'free';
  const depth = key === null ? parent.length : parent.length + 1;
  for (let i = 1; i < depth; i++) {
    // Below a field with a rule of its own, that rule judges (commentPolicy.ts, or none: the server's).
    if (field.write !== undefined && isOwnRule(field.write)) return 'free';
    const segment = i < parent.length ? (parent[i] as string) : (key as string);
    const next: Field | undefined = field.fields?.[segment] ?? field.entries;
    if (!next) return field.open ? 'free' : 'none';
    field = next;
  }
  return field;
}

const invalid = (detail: string): Refusal => ({ reason: 'invalid', detail });
const STAGES = ['stages'];
const FIELDS = ['fields'];
const CARDS = ['cards'];

/** One touch's value against its field: the shape it keeps and the check it passes. */
export function judgeField(touch: Touch, path: string, context: Context): Refusal | null {
  if (touch.key === null) {
    const slot = slotAt(touch.parent);
    if (slot === 'free') return null;
    if (slot === 'none' || (slot.shape !== 'text' && slot.shape !== 'array')) {
      return invalid(`${path} holds no sequence.`);
    }
    const foreign = touch.kind === 'write' && (touch.content === 'any' || touch.content === 'type');
    return slot.shape === 'text' && foreign ? invalid(`${path} holds text only.`) : null;
  }
  // Deletes and values written as deleted content are judged by what they leave (judgeOutcomes).
  if (touch.kind === 'delete' || touch.content === 'deleted') return null;
  const slot = slotAt(touch.parent, touch.key);
  if (slot === 'free') return null;
  if (slot === 'none') return invalid(`${path} is not a key the board has.`);
  const yType = Y_TYPE[slot.shape];
  if (yType) {
    const [type, kind] = yType;
    if (touch.content !== 'type' || (touch.value as { yType?: string }).yType !== type) {
      return invalid(`${path} is a ${type}.`);
    }
    // Replacing a live map or text whole drops what others wrote into it meanwhile; the operations
    // make one only where none is (childMap, liveText).
    const current = touch.newParent ? undefined : docValue(context.doc, touch.parent, touch.key);
    return current instanceof kind ? invalid(`${path} exists; it is not replaced whole.`) : null;
  }
  if (touch.content !== 'any' || !hasShape(slot.shape, touch.value)) {
    return invalid(`${path} is a ${slot.shape}.`);
  }
  const problem = slot.check?.(touch.value, new Facts(touch.parent.at(-1) ?? '', touch.key ?? '', context));
  return problem ? invalid(`${path}: ${problem}.`) : null;
}

/**
 * A class, not an object of closures: no closure is made per touch. Under tsx (`npm run dev`,
 * bench scenario 8) each one would also be named at run time.
 */
class Facts implements FieldFacts {
  constructor(
    readonly key: string,
    readonly entry: string,
    private readonly context: Context
  ) {}

  /** The kind of card field `id` after the update: as this update defines it, or as the board does. */
  fieldKind(id: string): CardFieldKind | null {
    const after = this.context.after(false, FIELDS, id);
    if (after === 'deleted') return null;
    if (after === 'written') return cleanFieldDef(this.context.fieldDefs.get(id))?.kind ?? null;
    return this.definedKind(id);
  }

  definedKind(id: string): CardFieldKind | null {
    return cleanFieldDef(liveValue(this.context.doc.share.get('fields'), id))?.kind ?? null;
  }

  /** One pass over the cards (a kind change is rare): does any hold a value for field `id`? */
  fieldHeld(id: string): boolean {
    const cards = this.context.doc.share.get('cards') as ItemMap | undefined;
    for (const [cardId, item] of cards?._map ?? []) {
      if (item.deleted) continue;
      const card = liveValue(cards, cardId);
      const values = card instanceof Y.AbstractType ? liveValue(card, CardKey.fields) : undefined;
      if (values instanceof Y.AbstractType && liveValue(values, id) !== undefined) return true;
    }
    return false;
  }

  /** True when the board has stage `id` after the update. */
  isStage(id: string): boolean {
    const after = this.context.after(false, STAGES, id);
    if (after === 'written') return true;
    return (
      after !== 'deleted' && liveValue(this.context.doc.share.get('stages'), id) instanceof Y.AbstractType
    );
  }
}

/** What the whole update leaves: required keys, new maps complete, text lengths, stages in use. */
export function judgeOutcomes(effects: Effects, touches: readonly Touch[], context: Context): Refusal | null {
  const deleted = new Set<string>();
  for (const k of effects.keys) if (k.after === 'deleted') deleted.add(JSON.stringify([...k.parent, k.key]));
  for (const k of effects.keys) {
    if (k.after !== 'deleted' || k.newParent) continue;
    const slot = slotAt(k.parent, k.key);
    const path = [...k.parent, k.key].join('/');
    if (slot !== 'free' && slot !== 'none' && slot.required && !goesWith(k.parent, deleted)) {
      if (docValue(context.doc, k.parent))
        return invalid(`${path} may not be deleted: its map always has it.`);
    }
    if (k.parent.length === 1 && k.parent[0] === 'stages') {
      const refusal = judgeStageRemoval(k.key, path, context);
      if (refusal) return refusal;
    }
  }
  return judgeNewMaps(touches, effects) ?? judgeTexts(effects, context);
}

/** A key of a map deleted in the same update goes with its map (`deleted`: paths as JSON). */
function goesWith(parent: readonly string[], deleted: ReadonlySet<string>): boolean {
  if (deleted.size === 0) return false;
  return parent.some((_, i) => i > 0 && deleted.has(JSON.stringify(parent.slice(0, i + 1))));
}

/** A new map (a card, a stage, an item) is made with every key its field requires, once. */
function judgeNewMaps(touches: readonly Touch[], effects: Effects): Refusal | null {
  const made = new Set<string>();
  for (const t of touches) {
    if (t.kind !== 'write' || t.key === null || t.content !== 'type') continue;
    const path = [...t.parent, t.key];
    // The new map's keys are read under this path as their parent: spelled once for both uses.
    const at = pathKey(true, path);
    const seen = t.newParent ? at : pathKey(false, path);
    if (made.has(seen)) return invalid(`${path.join('/')} is written twice in one update.`);
    made.add(seen);
    const slot = slotAt(path);
    if (slot === 'free' || slot === 'none' || !slot.fields) continue;
    for (const key of requiredKeys(slot)) {
      if (effects.afterAt(at, key) !== 'written') return invalid(`${path.join('/')} is made without ${key}.`);
    }
  }
  return null;
}

const REQUIRED = new WeakMap<Field, readonly string[]>();

/** The keys a map's field requires, in the table's order (read once per field). */
function requiredKeys(field: Field): readonly string[] {
  let keys = REQUIRED.get(field);
  if (!keys) {
    keys = Object.entries(field.fields ?? {}).flatMap(([key, f]) => (f.required ? [key] : []));
    REQUIRED.set(field, keys);
  }
  return keys;
}

/**
 * Texts end within their limits: the length now (Y.Text#length is kept, not counted) plus what
 * the update inserts, minus what it deletes. Never reads a text's content.
 */
function judgeTexts(effects: Effects, context: Context): Refusal | null {
  for (const change of effects.texts) {
    const slot = slotAt(change.parent);
    if (slot === 'free' || slot === 'none' || slot.shape !== 'text') continue;
    const path = change.parent.join('/');
    if (slot.plain && change.controls) return invalid(`${path} holds no control characters.`);
    const current = change.newParent ? null : docValue(context.doc, change.parent);
    const after = (current instanceof Y.Text ? current.length : 0) + change.delta;
    if (slot.maxLength !== undefined && after > slot.maxLength) {
      return invalid(`${path} would be ${after} characters; at most ${slot.maxLength}.`);
    }
  }
  return null;
}

/** A stage goes only once no card stands in it: each of its cards moves out or goes in the same update. */
function judgeStageRemoval(stageId: string, path: string, context: Context): Refusal | null {
  const cards = context.doc.share.get('cards') as ItemMap | undefined;
  for (const [cardId, item] of cards?._map ?? []) {
    if (item.deleted) continue;
    const card = liveValue(cards, cardId);
    if (!(card instanceof Y.AbstractType) || liveValue(card, CardKey.stageId) !== stageId) continue;
    const moves = context.after(false, ['cards', cardId], CardKey.stageId) === 'written';
    const goes = context.after(false, CARDS, cardId) === 'deleted';
    if (!moves && !goes) return invalid(`${path} holds card ${cardId}; it moves out first.`);
  }
  return null;
}

/** The live value at `parent`/`key` in the document (read through item maps, never defining a root). */
function docValue(
  doc: Y.Doc,
  parent: readonly string[],
  key: string | null = null
): Y.AbstractType<unknown> | undefined {
  let type = doc.share.get(parent[0] as string) as Y.AbstractType<unknown> | undefined;
  const depth = key === null ? parent.length : parent.length + 1;
  for (let i = 1; i < depth && type; i++) {
    const value = liveValue(type, i < parent.length ? (parent[i] as string) : (key as string));
    type = value instanceof Y.AbstractType ? value : undefined;
  }
  return type;
}
