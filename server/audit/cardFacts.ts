/**
 * What the activity probe (deriveActivity.ts) reads of a card before and after an update: only
 * the parts the update touches, so the cost of a probe follows the update, not the card.
 */
import * as Y from 'yjs';
import { isCommentId, MENTIONS_MAX } from '#lib/board/comment-value';
import { readStage } from '#lib/board/read';
import { CardKey, ChecklistItemKey, LIMITS, roots, str } from '#lib/board/schema';
import type { Touch } from '../policy/updateTouches';
import { titleSeen } from './textReads';

/** A card's state as the probe compares it. */
export interface CardFacts {
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

/** What an update touches on one card, so only that is read before and after. */
export interface Touched {
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
export function touchedCards(touches: readonly Touch[]): Map<string, Touched> {
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

export function factsOf(doc: Y.Doc, cardId: string, ids: Touched): CardFacts {
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
export function titleOf(card: Y.Map<unknown>, how: (text: Y.Text) => string): string | null {
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

/** The well-formed user ids a stored comment mentions, each once, at most MENTIONS_MAX. */
function mentionsOf(value: unknown): string[] {
  const list =
    typeof value === 'object' && value !== null ? (value as { mentions?: unknown }).mentions : null;
  return Array.isArray(list) ? [...new Set(list.filter(isCommentId))].slice(0, MENTIONS_MAX) : [];
}

/** A stage's name now, '' when it is gone. */
export function stageName(doc: Y.Doc, stageId: string): string {
  const stage = roots(doc).stages.get(stageId);
  return stage ? readStage(stageId, stage).name : '';
}
