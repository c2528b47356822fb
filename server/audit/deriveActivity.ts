/**
 * Turns an applied client update into activity entries: a probe reads the cards the update
 * touches (from the policy's decoding, server/auth/updateTouches.ts) before it is applied, and
 * compares them after. Only what a person would call an event is reported: a card created,
 * renamed, moved, archived, restored or deleted; its date set, changed or cleared; a label put on
 * or taken off; its description edited; a checklist item ticked or unticked; a comment added, or
 * edited to mention someone new; a person assigned or unassigned. Ranks, clocks and seeding are
 * bookkeeping, not events. The description is never read: that it was typed into is the event
 * (ActivityService keeps one per person and card every few minutes).
 */
import * as Y from 'yjs';
import { excerptOf, type ActivityData, type ActivityKind } from '../../src/lib/activity/types';
import { isCommentId, MENTIONS_MAX } from '../../src/lib/board/comment-value';
import { readStage } from '../../src/lib/board/read';
import { CardKey, ChecklistItemKey, LIMITS, roots, str } from '../../src/lib/board/schema';
import type { Touch } from '../auth/updateTouches';
import { titleNow, titleSeen } from './textReads';

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

interface CardFacts {
  exists: boolean;
  /** As last read (textReads.ts): during a burst of typing, the title before it. */
  title: string;
  stageId: string;
  /** Its stage's name then (the stage may be renamed or removed by the same update); '' unless touched. */
  stageName: string;
  archived: boolean;
  /** Done state of the checklist items the update touches (undefined: no such item). */
  items: Map<string, boolean | undefined>;
  /** The card's date ('YYYY-MM-DD'), or null; read when the update touches it. */
  date: string | null;
  /** Of the labels the update touches (all, when it replaces the map), those on the card. */
  labels: Set<string>;
  /** Assignee of the checklist items the update touches, where one is set. */
  itemAssignees: Map<string, string>;
  comments: Set<string>;
  /** Comment id → the user ids it mentions, for the touched comments that exist. */
  mentions: Map<string, readonly string[]>;
  /** Of the assignees the update touches (all, when it replaces the map), those on the card. */
  assigned: Set<string>;
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

/** What an update touches on one card, so only that is read before and after. */
interface Touched {
  items: Set<string>;
  comments: Set<string>;
  /** The card itself, or its stage, is written: stage names are read (a stage's name costs a parse). */
  stage: boolean;
  /** The title is written or typed into. */
  title: boolean;
  /** User ids written or deleted in the card's assignees map. */
  assignees: Set<string>;
  /** The assignees map itself is written (a new card, or a card given its first map): read it whole. */
  allAssignees: boolean;
  /** The card's date is written (or the card itself). */
  date: boolean;
  /** Label ids written or deleted in the card's labels map; or the map itself is written. */
  labels: Set<string>;
  allLabels: boolean;
  /** The description is typed into or replaced. */
  description: boolean;
}

/** Card id → the checklist item ids and comment ids the update touches on it. */
function touchedCards(touches: readonly Touch[]): Map<string, Touched> {
  const cards = new Map<string, Touched>();
  for (const { parent, key } of touches) {
    if (parent[0] !== 'cards') continue;
    const cardId = parent.length === 1 ? key : parent[1];
    if (!cardId) continue;
    let entry = cards.get(cardId);
    if (!entry) cards.set(cardId, (entry = newTouched()));
    if (parent.length === 1 || (parent.length === 2 && key === CardKey.stageId)) entry.stage = true;
    if ((parent.length === 2 && key === CardKey.title) || parent[2] === CardKey.title) entry.title = true;
    if (parent.length === 2 && key === CardKey.assignees) entry.allAssignees = true;
    if (parent.length === 1 || (parent.length === 2 && key === CardKey.date)) entry.date = true;
    if (parent.length === 2 && key === CardKey.labels) entry.allLabels = true;
    if (parent[2] === CardKey.labels && parent.length === 3 && key) entry.labels.add(key);
    if ((parent.length === 2 && key === CardKey.description) || parent[2] === CardKey.description) {
      entry.description = true;
    }
    if (parent[2] === CardKey.assignees && parent.length === 3 && key) entry.assignees.add(key);
    if (parent[2] === CardKey.checklist) {
      const itemId = parent.length === 3 ? key : parent[3];
      if (itemId) entry.items.add(itemId);
    } else if (parent[2] === CardKey.comments && parent.length === 3 && key) {
      entry.comments.add(key);
    }
  }
  return cards;
}

const newTouched = (): Touched => ({
  items: new Set(),
  comments: new Set(),
  stage: false,
  title: false,
  assignees: new Set(),
  allAssignees: false,
  date: false,
  labels: new Set(),
  allLabels: false,
  description: false
});

function factsOf(doc: Y.Doc, cardId: string, ids: Touched): CardFacts {
  const card = roots(doc).cards.get(cardId);
  const items = new Map<string, boolean | undefined>();
  const itemAssignees = new Map<string, string>();
  const comments = new Set<string>();
  const mentions = new Map<string, readonly string[]>();
  if (!(card instanceof Y.Map)) {
    const none = {
      title: '',
      stageId: '',
      stageName: '',
      archived: false,
      date: null,
      labels: new Set<string>(),
      assigned: new Set<string>()
    };
    return { exists: false, ...none, items, itemAssignees, comments, mentions };
  }
  const checklist = card.get(CardKey.checklist);
  for (const itemId of ids.items) {
    const item = checklist instanceof Y.Map ? checklist.get(itemId) : undefined;
    items.set(itemId, item instanceof Y.Map ? item.get(ChecklistItemKey.done) === true : undefined);
    const assignee = item instanceof Y.Map ? item.get(ChecklistItemKey.assignee) : undefined;
    if (typeof assignee === 'string') itemAssignees.set(itemId, assignee);
  }
  const stored = card.get(CardKey.comments);
  for (const id of ids.comments) {
    if (!(stored instanceof Y.Map) || !stored.has(id)) continue;
    comments.add(id);
    mentions.set(id, mentionsOf(stored.get(id)));
  }
  const stageId = String(card.get(CardKey.stageId) ?? '');
  return {
    exists: true,
    title: titleOf(card, titleSeen) ?? '',
    stageId,
    stageName: ids.stage ? stageName(doc, stageId) : '',
    archived: card.get(CardKey.archived) === true,
    date: ids.date ? str(card, CardKey.date) || null : null,
    labels: labelsOf(card, ids),
    items,
    itemAssignees,
    comments,
    mentions,
    assigned: assignedOf(card, ids)
  };
}

/** The card's title, read by `how` when it is live text; null when it has none. */
function titleOf(card: Y.Map<unknown>, how: (text: Y.Text) => string): string | null {
  const title = card.get(CardKey.title);
  return title instanceof Y.Text ? how(title) : typeof title === 'string' ? title : null;
}

/**
 * Reading a whole assignees map stops here: ops keep it to LIMITS.assignees, and this bounds the
 * work (and the entries) should a client write more.
 */
const ASSIGNEES_READ_MAX = LIMITS.assignees * 2;

function assignedOf(card: Y.Map<unknown>, ids: Touched): Set<string> {
  const map = card.get(CardKey.assignees);
  const out = new Set<string>();
  if (!(map instanceof Y.Map)) return out;
  if (ids.allAssignees) {
    for (const userId of map.keys()) {
      if (out.size >= ASSIGNEES_READ_MAX) break;
      out.add(userId);
    }
  }
  for (const userId of ids.assignees) if (map.has(userId)) out.add(userId);
  return out;
}

function labelsOf(card: Y.Map<unknown>, ids: Touched): Set<string> {
  const map = card.get(CardKey.labels);
  const out = new Set<string>();
  if (!(map instanceof Y.Map)) return out;
  if (ids.allLabels) {
    for (const labelId of map.keys()) {
      if (out.size >= LIMITS.labels) break;
      out.add(labelId);
    }
  }
  for (const labelId of ids.labels) if (map.has(labelId)) out.add(labelId);
  return out;
}

/** A board label's name now, '' when it is gone (an entry keeps the name it had). */
function labelName(doc: Y.Doc, labelId: string): string {
  const value = roots(doc).labels.get(labelId);
  const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : '';
  return typeof name === 'string' ? name : '';
}

/** The well-formed user ids a stored comment mentions, each once, at most MENTIONS_MAX. */
function mentionsOf(value: unknown): string[] {
  const list =
    typeof value === 'object' && value !== null ? (value as { mentions?: unknown }).mentions : null;
  return Array.isArray(list) ? [...new Set(list.filter(isCommentId))].slice(0, MENTIONS_MAX) : [];
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

function stageName(doc: Y.Doc, stageId: string): string {
  const stage = roots(doc).stages.get(stageId);
  return stage ? readStage(stageId, stage).name : '';
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
  out.push(...people());
  return out;
}
