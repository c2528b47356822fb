/**
 * Defining a board's card fields (card-fields.ts): add, rename, change the kind of, reorder and
 * remove them. A field's kind is fixed once a card holds a value for it, since a budget in fen
 * read as a date (or a link read as money) would silently stop showing what people typed; the
 * server's update policy holds a forged update to the same rule (fields.ts). A field a stage's
 * rules name (a requirement, an approver's or time rule's condition) is not removed from under
 * them: the stage would go on asking for a field nobody can fill.
 */
import type * as Y from 'yjs';
import {
  CARD_FIELD_LIMITS,
  cardsHoldingField,
  cleanFieldDef,
  isFieldId,
  readFieldDefs,
  type CardFieldDef,
  type CardFieldKind
} from './card-fields';
import { BoardError } from './errors';
import type { BoardOrigin } from './origin';
import { rankAtIndex, rankBetween } from './rank';
import { readStages, type StageView } from './read';
import type { Condition } from './rules';
import { roots } from './schema';
import { transact } from './transact';

/** The stages whose rules name field `id`: a requirement, or an approver's or time rule's condition. */
export function stagesUsingField(stages: readonly StageView[], id: string): StageView[] {
  const names = (c: Condition | undefined) => c?.field === id;
  return stages.filter(
    (s) =>
      s.requires?.fields?.includes(id) || names(s.timeRule?.if) || s.gate?.approvers.some((a) => names(a.if))
  );
}

/** True when another field of the board already has this name (or English name), case aside. */
function nameTaken(doc: Y.Doc, def: CardFieldDef, id: string): boolean {
  const fold = (s: string | undefined) => s?.toLocaleLowerCase();
  const mine = [fold(def.name), fold(def.alt)].filter(Boolean);
  return readFieldDefs(doc).some(
    (f) => f.id !== id && [fold(f.name), fold(f.alt)].some((n) => n && mine.includes(n))
  );
}

/**
 * Defines a card field (or, with the id of one, renames it or changes its kind); returns its id.
 * Refused: a name another field has, a 31st field, and a new kind for a field cards hold values for.
 */
export function defineCardField(
  doc: Y.Doc,
  def: { name: string; alt?: string; kind: CardFieldKind },
  id: string,
  origin?: BoardOrigin
): string {
  const { fields } = roots(doc);
  if (!isFieldId(id)) throw new BoardError('invalid', 'A field id is 1–64 letters, digits, _ or -.');
  const existing = cleanFieldDef(fields.get(id));
  if (!existing && fields.size >= CARD_FIELD_LIMITS.fields)
    throw new BoardError('too-many-fields', `A board has at most ${CARD_FIELD_LIMITS.fields} card fields.`);
  const last = readFieldDefs(doc).at(-1);
  const clean = cleanFieldDef({ ...def, rank: existing?.rank ?? rankBetween(last?.rank ?? null, null) });
  if (!clean) throw new BoardError('invalid', 'The card field is not usable.');
  if (nameTaken(doc, clean, id))
    throw new BoardError('field-name-taken', `A field is already named ${clean.name}.`);
  if (existing && existing.kind !== clean.kind && cardsHoldingField(doc, id) > 0)
    throw new BoardError(
      'field-kind-locked',
      `Cards hold values for ${id}; its kind stays ${existing.kind}.`
    );
  transact(doc, origin, () => fields.set(id, clean));
  return id;
}

/** Moves field `id` to `index` in the board's order of fields (0: first). */
export function moveCardField(doc: Y.Doc, id: string, index: number, origin?: BoardOrigin): void {
  const { fields } = roots(doc);
  const def = cleanFieldDef(fields.get(id));
  if (!def) throw new BoardError('not-found', `No card field ${id}.`);
  const others = readFieldDefs(doc).filter((f) => f.id !== id);
  transact(doc, origin, () => fields.set(id, { ...def, rank: rankAtIndex(others, index) }));
}

/**
 * Removes a card field's definition; values cards hold for it are no longer read. Refused while a
 * stage's rules name it (the error lists those stages): they are changed first, in stage settings.
 */
export function removeCardField(doc: Y.Doc, id: string, origin?: BoardOrigin): void {
  const users = stagesUsingField(readStages(doc), id);
  if (users.length)
    throw new BoardError(
      'field-in-rules',
      `Stages ${users.map((s) => s.id).join(', ')} name card field ${id} in their rules.`,
      undefined,
      undefined,
      users.map((s) => s.id)
    );
  transact(doc, origin, () => roots(doc).fields.delete(id));
}
