/**
 * The shape of a board's Y.Doc (DESIGN.md, "The board document"). Only this folder reaches into
 * the Y types by key; everything else reads views (read.ts) and writes through operations.
 */
import * as Y from 'yjs';
import { BoardError } from './errors';

export const SCHEMA_VERSION = 1;

/** Upper bounds on what one edit may write, so a bad client cannot bloat a board. */
export const LIMITS = {
  boardTitle: 200,
  stageName: 100,
  cardTitle: 500,
  checklistText: 300,
  checklistItems: 200,
  /** Named checklists a card may hold, besides the items its stages gave it. */
  checklists: 20,
  checklistTitle: 100,
  stages: 50,
  cardDescription: 20_000,
  /** The team's 问题与改进建议 for the summary report: a page or two, not a document. */
  cardRetro: 10_000,
  assignees: 20,
  labels: 50,
  labelName: 40
} as const;

export type StageMap = Y.Map<unknown>;
export type CardMap = Y.Map<unknown>;

/** Top-level types of a board document. */
export interface BoardRoots {
  meta: Y.Map<unknown>;
  stages: Y.Map<StageMap>;
  cards: Y.Map<CardMap>;
  approvals: Y.Map<unknown>;
  /** Label id → LabelValue (label-ops.ts): the board's labels, which cards refer to by id. */
  labels: Y.Map<unknown>;
  /** Role key → ProcessRole (roles.ts): the board's process roles and who holds each. */
  roles: Y.Map<unknown>;
  /** Rule id → RecurringRule (recurring.ts): cards the server makes every month or week. */
  recurring: Y.Map<unknown>;
  /** Field id → CardFieldDef (card-fields.ts): the card fields the board defines. */
  fields: Y.Map<unknown>;
}

/** The board's root maps (creating them is free: Yjs top-level types exist by name). */
export function roots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap('meta'),
    stages: doc.getMap<StageMap>('stages'),
    cards: doc.getMap<CardMap>('cards'),
    approvals: doc.getMap('approvals'),
    labels: doc.getMap('labels'),
    roles: doc.getMap('roles'),
    recurring: doc.getMap('recurring'),
    fields: doc.getMap('fields')
  };
}

/** The card's map, or a not-found BoardError: what every card operation starts from. */
export function cardMap(doc: Y.Doc, cardId: string): CardMap {
  const map = roots(doc).cards.get(cardId);
  if (!map) throw new BoardError('not-found', `No card ${cardId}.`);
  return map;
}

/**
 * The Y.Map a card keeps under `key`, made on first use for cards created before the field
 * existed. Call inside the operation's transaction. (New cards get theirs with the card, so two
 * people writing a fresh card's first entry at once share one map.)
 */
export function childMap<T = unknown>(card: CardMap, key: string): Y.Map<T> {
  const existing = card.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<T>;
  const made = new Y.Map<T>();
  card.set(key, made);
  return made;
}

/** Keys of a stage map. */
export const StageKey = {
  id: 'id',
  name: 'name',
  /** English (or other-language) name shown beside a template's Chinese name. */
  altName: 'altName',
  rank: 'rank',
  wipLimit: 'wipLimit',
  /** Responsible department or role: a Department object (rules.ts). */
  department: 'department',
  /** A TimeRule object (rules.ts), or absent. */
  timeRule: 'timeRule',
  /** A Gate object (rules.ts): who signs off before a card may leave the stage, or absent. */
  gate: 'gate',
  /** ChecklistSeed[] (rules.ts): items a card receives on first entering the stage. */
  checklist: 'checklist',
  /** Id of the earlier stage a card returns to when sent back from this one, or absent. */
  sendBackTo: 'sendBackTo',
  /** A StageOwner object (roles.ts): the role that owns the stage, its hand-off and exit rule, or absent. */
  owner: 'owner',
  /** A Requirements object (rules.ts): what a card must have before it leaves forward, or absent. */
  requires: 'requires',
  /** Read only, from boards made before rules were objects: a day count and a role name. */
  legacyTimeLimitDays: 'timeLimitDays',
  legacyGateRole: 'gateRole'
} as const;

/** Keys of a card map. */
export const CardKey = {
  id: 'id',
  title: 'title',
  description: 'description',
  stageId: 'stageId',
  rank: 'rank',
  archived: 'archived',
  createdAt: 'createdAt',
  /** When the card entered its current stage (ms since the epoch); time rules count from it. */
  enteredAt: 'enteredAt',
  /** The card's date ('YYYY-MM-DD'): due date, holiday, event day — the board's dateLabel says which. */
  date: 'date',
  /** Y.Map of checklist item id → Y.Map of ChecklistItemKey. */
  checklist: 'checklist',
  /** Y.Map of stage id → true: stages whose checklist this card has received (never twice). */
  seeded: 'seeded',
  /**
   * Y.Map of checklist id → Y.Map of NamedChecklistKey: the checklists people made on the card.
   * Their items stay in `checklist` and name their list (ChecklistItemKey.list), so moving an item
   * between lists rewrites one key, and a tick made meanwhile is kept.
   */
  checklists: 'checklists',
  /** Y.Array of Revision: each time the card was sent back. Its length is the round count. */
  revisions: 'revisions',
  /** Y.Map of comment id → CommentValue (comment-value.ts): plain values, each its author's. */
  comments: 'comments',
  /**
   * Y.Map of comment id → ResolutionValue { by, at }: resolved threads. Apart from `comments`
   * because anyone who may comment resolves anyone's thread. Absent on a card until first used.
   */
  resolvedComments: 'resolvedComments',
  /** Y.Map of user id → true: the people the card is assigned to. */
  assignees: 'assignees',
  /** Y.Map of label id → true: the board labels (root `labels`) the card carries. */
  labels: 'labels',
  /** The day work starts ('YYYY-MM-DD'), shown with the card's date (its due date). */
  startDate: 'startDate',
  /** Y.Map of attachment id → AttachmentValue: the card's drafts, written by the server only. */
  attachments: 'attachments',
  /** Y.Map of field id → CardFieldValue: the card's values of the board's card fields (card-fields.ts). */
  fields: 'fields',
  /** Y.Map of line id → BudgetLine (budget.ts): the card's budget, set by managers. */
  budget: 'budget',
  /** Y.Map of expense id → ExpenseValue (expenses.ts): spending against the budget's lines. */
  expenses: 'expenses',
  /** Y.Map of target id → TargetValue (targets.ts): what the card aims at and what it reached. */
  targets: 'targets',
  /**
   * Y.Text: the team's 问题与改进建议 (001 七: problems found and suggestions), written for the
   * card's summary report. Absent until someone first writes it.
   */
  retro: 'retro'
} as const;

/**
 * Keys of a checklist item map. An item seeded from a stage has the id `<stageId>.<seed key>`,
 * which says where it came from; its second-language text is read from that stage's seed while
 * the wording still matches. Neither is stored per card: a board of thousands of cards carries
 * several items each, and this keeps an item at about 136 bytes instead of 224.
 */
export const ChecklistItemKey = {
  text: 'text',
  done: 'done',
  rank: 'rank',
  /** The user id of whoever does this item, or absent. */
  assignee: 'assignee',
  /** The item's own due date ('YYYY-MM-DD'), or absent. */
  due: 'due',
  /**
   * The id of the named checklist (CardKey.checklists) the item is in. Absent, or naming a list
   * since removed: the item is at home, with its stage's items if seeded, else with those added
   * by hand.
   */
  list: 'list'
} as const;

/** Keys of a named checklist's map. */
export const NamedChecklistKey = {
  title: 'title',
  rank: 'rank'
} as const;

/** The id of the item a stage's seed gives a card. */
export function seededItemId(stageId: string, seedKey: string): string {
  return `${stageId}.${seedKey}`;
}

/** The stage and seed key of a seeded item id, or null for an item added by hand. */
export function parseSeededItemId(itemId: string): { stageId: string; key: string } | null {
  const dot = itemId.indexOf('.');
  return dot > 0 ? { stageId: itemId.slice(0, dot), key: itemId.slice(dot + 1) } : null;
}

/** Keys of the meta map. */
export const MetaKey = {
  title: 'title',
  templateId: 'templateId',
  schemaVersion: 'schemaVersion',
  createdAt: 'createdAt',
  /** What a card's date means on this board, as a Department-like { text, alt } object. */
  dateLabel: 'dateLabel',
  /** The working calendar its time rules count by (`src/lib/calendar`); absent: Monday–Friday. */
  calendar: 'calendar',
  /** ISO 4217 code of the board's money (budget.ts); absent: CNY. */
  currency: 'currency',
  /** Key of the process role whose people approve budget overruns beside the managers, or absent. */
  overrunRole: 'overrunRole'
} as const;

export function str(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
}

export function num(map: Y.Map<unknown>, key: string): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function text(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  if (v instanceof Y.Text) return v.toString();
  return typeof v === 'string' ? v : '';
}
