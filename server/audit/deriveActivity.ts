/**
 * Turns an applied client update into activity entries: a probe reads the cards the update
 * touches (from the policy's decoding, server/policy/updateTouches.ts) before it is applied, and
 * compares them after. Only what a person would call an event is reported: a card created,
 * renamed, moved, archived, restored or deleted; its date set, changed or cleared; a label put on
 * or taken off; its description edited; a checklist item ticked or unticked; a comment added, or
 * edited to mention someone new; a person assigned or unassigned. Ranks, clocks and seeding are
 * bookkeeping, not events. The description is never read: that it was typed into is the event
 * (ActivityService keeps one per person and card every few minutes).
 */
import * as Y from 'yjs';
import { excerptOf, type ActivityData, type ActivityKind } from '#lib/activity/types';
import { isCommentId } from '#lib/board/comment-value';
import { CardKey, ChecklistItemKey, roots } from '#lib/board/schema';
import type { Touch } from '../policy/updateTouches';
import { factsOf, titleOf, touchedCards, type CardFacts, type Touched } from './cardFacts';
import { titleNow } from './textReads';

export interface DerivedEvent {
  kind: ActivityKind;
  cardId: string;
  data: ActivityData;
  /**
   * card.renamed: reads the title as it is then. A rename is held while its author types
   * (renameBursts.ts), so the title is read once, when the burst ends, not once per keystroke.
   */
  readTitle?: () => string;
}

export interface ActivityProbe {
  /** The entries the update made, read from the document after it was applied. */
  finish(doc: Y.Doc): DerivedEvent[];
}

const NONE: ActivityProbe = { finish: () => [] };

/** Reads, before an update is applied, what `finish` will compare against. */
export function probeActivity(doc: Y.Doc, touches: readonly Touch[]): ActivityProbe {
  const touched = touchedCards(touches);
  if (touched.size === 0) return NONE;
  const before = new Map<string, CardFacts>();
  for (const [cardId, ids] of touched) before.set(cardId, factsOf(doc, cardId, ids));
  return {
    finish(after) {
      const events: DerivedEvent[] = [];
      for (const [cardId, ids] of touched) {
        const was = before.get(cardId) as CardFacts;
        events.push(...compare(after, cardId, ids, was, factsOf(after, cardId, ids)));
      }
      return events;
    }
  };
}

/** A board label's name now, '' when it is gone (an entry keeps the name it had). */
function labelName(doc: Y.Doc, labelId: string): string {
  const value = roots(doc).labels.get(labelId);
  const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : '';
  return typeof name === 'string' ? name : '';
}

/** What a comment entry carries: the comment's id and opening words, and whom it (newly) mentions. */
function commentData(doc: Y.Doc, cardId: string, commentId: string, mentions: readonly string[]) {
  const comments = roots(doc).cards.get(cardId)?.get(CardKey.comments);
  const value: unknown = comments instanceof Y.Map ? comments.get(commentId) : undefined;
  const text = typeof value === 'object' && value !== null ? (value as { text?: unknown }).text : '';
  const data: ActivityData = { commentId, excerpt: excerptOf(typeof text === 'string' ? text : '') };
  if (mentions.length > 0) data.mentions = [...mentions];
  return data;
}

function itemText(doc: Y.Doc, cardId: string, itemId: string): string {
  const checklist = roots(doc).cards.get(cardId)?.get(CardKey.checklist);
  const item = checklist instanceof Y.Map ? checklist.get(itemId) : undefined;
  const text = item instanceof Y.Map ? item.get(ChecklistItemKey.text) : undefined;
  return typeof text === 'string' ? text : '';
}

/** Who was put on or taken off the card, among well-formed user ids. */
function assignmentChanges(a: CardFacts, b: CardFacts): ['card.assigned' | 'card.unassigned', string][] {
  const out: ['card.assigned' | 'card.unassigned', string][] = [];
  for (const id of b.assigned) if (!a.assigned.has(id) && isCommentId(id)) out.push(['card.assigned', id]);
  for (const id of a.assigned) if (!b.assigned.has(id) && isCommentId(id)) out.push(['card.unassigned', id]);
  return out;
}

/** Reads the card's title when called, or the one `facts` last saw if the card has none by then. */
function readTitleOf(doc: Y.Doc, cardId: string, facts: CardFacts): () => string {
  const card = roots(doc).cards.get(cardId);
  return () => (card instanceof Y.Map ? titleOf(card, titleNow) : null) ?? facts.title;
}

function compare(doc: Y.Doc, cardId: string, ids: Touched, a: CardFacts, b: CardFacts): DerivedEvent[] {
  const event = (kind: ActivityKind, data: ActivityData = {}): DerivedEvent => ({
    kind,
    cardId,
    data: { title: b.exists ? b.title : a.title, ...data }
  });
  if (!a.exists && !b.exists) return [];
  const people = () => assignmentChanges(a, b).map(([kind, memberId]) => event(kind, { memberId }));
  // Whoever is put on a new card hears of it like anyone assigned later.
  if (!a.exists) {
    // A date it is made with goes into the entry: the due-date index reads it from there.
    const date = b.date ? { date: b.date } : {};
    return [event('card.created', { toStage: b.stageId, toStageName: b.stageName, ...date }), ...people()];
  }
  if (!b.exists) return [event('card.deleted')];
  const out: DerivedEvent[] = [];
  // Typed into, the title is not read now: the burst reads it once, when it ends, and drops a
  // burst that ends where it began.
  if (ids.title)
    out.push({ ...event('card.renamed', { from: a.title }), readTitle: readTitleOf(doc, cardId, b) });
  if (a.stageId !== b.stageId) {
    out.push(
      event('card.moved', {
        fromStage: a.stageId,
        fromStageName: a.stageName,
        toStage: b.stageId,
        toStageName: b.stageName
      })
    );
  }
  if (a.archived !== b.archived) out.push(event(b.archived ? 'card.archived' : 'card.restored'));
  if (ids.date && a.date !== b.date) out.push(event('card.dated', { date: b.date, fromDate: a.date }));
  for (const labelId of b.labels) {
    if (!a.labels.has(labelId)) out.push(event('card.labeled', { label: labelName(doc, labelId) }));
  }
  for (const labelId of a.labels) {
    if (!b.labels.has(labelId)) out.push(event('card.unlabeled', { label: labelName(doc, labelId) }));
  }
  if (ids.description) out.push(event('card.described'));
  for (const [itemId, done] of b.items) {
    const was = a.items.get(itemId) === true;
    if (done === undefined || done === was) continue;
    out.push(
      event(done ? 'checklist.ticked' : 'checklist.unticked', { item: itemText(doc, cardId, itemId) })
    );
  }
  // Given an item (a new one too): its person hears of it, as when put on the card.
  for (const [itemId, memberId] of b.itemAssignees) {
    if (memberId === a.itemAssignees.get(itemId) || !isCommentId(memberId)) continue;
    out.push(event('checklist.assigned', { item: itemText(doc, cardId, itemId), memberId }));
  }
  for (const id of b.comments) {
    const mentions = b.mentions.get(id) ?? [];
    if (!a.comments.has(id)) {
      out.push(event('comment.added', commentData(doc, cardId, id, mentions)));
      continue;
    }
    // An edit that names someone new tells them too; those named before heard already.
    const before = new Set(a.mentions.get(id));
    const added = mentions.filter((m) => !before.has(m));
    if (added.length > 0) out.push(event('comment.mentioned', commentData(doc, cardId, id, added)));
  }
  // Put on the card as it entered a stage: a hand-off to that stage's owners (roles.ts), which the
  // inbox tells as such.
  const moved = a.stageId !== b.stageId ? { toStage: b.stageId, toStageName: b.stageName } : {};
  out.push(
    ...people().map((e) => (e.kind === 'card.assigned' ? { ...e, data: { ...e.data, ...moved } } : e))
  );
  return out;
}
