/**
 * Plain, immutable views of a board document: what the UI renders, what tests compare, what the
 * server reports. Reading never writes.
 */
import * as Y from 'yjs';
import { cleanStageOwner, type StageOwner } from './roles';
import {
  checklistOf,
  readChecklistItems,
  readNamedChecklists,
  type ChecklistItemView,
  type NamedChecklistView
} from './checklist-read';
import { readCardFieldValues, type CardFieldValue } from './card-fields';
import { readComments, type CommentThread } from './comment-read';
import { DEFAULT_CALENDAR, isCalendarId, type CalendarId } from '../calendar';
import { isIsoDate } from './dates';
import { readCardFace, type CardFaceFacts } from './face-read';
import { currencyOf, overrunRoleOf } from './budget';
import { compareRanked, rankOrLast } from './rank';
import {
  cleanChecklistSeeds,
  cleanDepartment,
  cleanGate,
  cleanRequirements,
  cleanTimeRule,
  type ChecklistSeed,
  type Requirements,
  type Department,
  type Gate,
  type TimeRule
} from './rules';
import {
  CardKey,
  ChecklistItemKey,
  MetaKey,
  StageKey,
  num,
  parseSeededItemId,
  roots,
  str,
  text,
  type CardMap,
  type StageMap
} from './schema';

export interface StageView {
  id: string;
  name: string;
  altName: string;
  rank: string;
  wipLimit: number | null;
  department: Department | null;
  timeRule: TimeRule | null;
  gate: Gate | null;
  checklist: ChecklistSeed[];
  /** The stage a card returns to when sent back from this one, or null. */
  sendBackTo: string | null;
  /** The role that owns the stage, its hand-off and exit rule (roles.ts), or null. */
  owner: StageOwner | null;
  /** What a card must have before it leaves forward (requirements.ts), or null. */
  requires: Requirements | null;
}

export interface CardView extends CardFaceFacts {
  id: string;
  title: string;
  stageId: string;
  rank: string;
  archived: boolean;
  createdAt: number;
  /** When the card entered its stage; cards from before this was recorded use createdAt. */
  enteredAt: number;
  /** 'YYYY-MM-DD' or null. */
  date: string | null;
  /** The day work starts, 'YYYY-MM-DD', or null. */
  startDate: string | null;
  /** User ids of the people the card is assigned to, sorted. */
  assignees: string[];
  /** Ids of the board labels on the card (labels since removed from the board included). */
  labels: string[];
  /** How many times the card was sent back. */
  revisions: number;
  checklistDone: number;
  checklistTotal: number;
  /** Progress on the items that came from the card's current stage. */
  stageChecklistDone: number;
  stageChecklistTotal: number;
  /** Field id → value of the board's card fields the card has filled (card-fields.ts). */
  fields: Record<string, CardFieldValue>;
}

export interface RevisionView {
  from: string;
  to: string;
  at: number;
  /** Who sent it back (a user id) and why, when the server recorded it. */
  by?: string;
  note?: string;
}

/** Everything about one card that its panel shows beyond the face. */
export interface CardDetailView extends CardView {
  description: string;
  comments: CommentThread[];
  checklist: ChecklistItemView[];
  checklists: NamedChecklistView[];
  revisionLog: RevisionView[];
}

export interface BoardMetaView {
  title: string;
  templateId: string | null;
  schemaVersion: number;
  dateLabel: Department | null;
  calendar: CalendarId;
  /** ISO 4217 code amounts are shown in (budget.ts currencyOf). */
  currency: string;
  /** The process role whose people approve overruns beside the managers, or null. */
  overrunRole: string | null;
}

export interface BoardView {
  meta: BoardMetaView;
  stages: StageView[];
  /** Visible (not archived) cards of each stage, in order. Every stage has an entry. */
  columns: Map<string, CardView[]>;
  archived: CardView[];
}

/** A stage's time rule; boards from before rules were objects stored a plain day count. */
function readTimeRule(map: StageMap): TimeRule | null {
  const rule = cleanTimeRule(map.get(StageKey.timeRule));
  if (rule) return rule;
  const days = num(map, StageKey.legacyTimeLimitDays);
  return days ? cleanTimeRule({ kind: 'stage-days', days, working: false }) : null;
}

/** A stage's gate; boards from before rules were objects stored a role name. */
export function readGate(map: StageMap): Gate | null {
  const gate = cleanGate(map.get(StageKey.gate));
  if (gate) return gate;
  const role = str(map, StageKey.legacyGateRole);
  return role ? cleanGate({ approvers: [{ title: role, level: 'manager' }] }) : null;
}

/** Reads one stage map. */
export function readStage(id: string, map: StageMap): StageView {
  const rank = str(map, StageKey.rank);
  return {
    id,
    name: str(map, StageKey.name),
    altName: str(map, StageKey.altName),
    rank: rankOrLast(rank),
    wipLimit: num(map, StageKey.wipLimit),
    department: cleanDepartment(map.get(StageKey.department)),
    timeRule: readTimeRule(map),
    gate: readGate(map),
    checklist: cleanChecklistSeeds(map.get(StageKey.checklist)),
    sendBackTo: str(map, StageKey.sendBackTo) || null,
    owner: cleanStageOwner(map.get(StageKey.owner)),
    requires: cleanRequirements(map.get(StageKey.requires))
  };
}

/** The card's revision log, or null. */
export function revisionsOf(map: CardMap): Y.Array<RevisionView> | null {
  const log = map.get(CardKey.revisions);
  return log instanceof Y.Array ? (log as Y.Array<RevisionView>) : null;
}

/** The keys of a card's id → true map (assignees, labels), sorted so views compare stably. */
function keysOf(map: CardMap, key: string): string[] {
  const nested = map.get(key);
  return nested instanceof Y.Map ? [...nested.keys()].sort() : [];
}

/** Reads one card map. */
export function readCard(id: string, map: CardMap): CardView {
  const stageId = str(map, CardKey.stageId);
  let done = 0;
  let total = 0;
  let stageDone = 0;
  let stageTotal = 0;
  checklistOf(map)?.forEach((item, id) => {
    if (!(item instanceof Y.Map)) return;
    const ticked = item.get(ChecklistItemKey.done) === true;
    total++;
    if (ticked) done++;
    if (parseSeededItemId(id)?.stageId === stageId) {
      stageTotal++;
      if (ticked) stageDone++;
    }
  });
  const rank = str(map, CardKey.rank);
  const createdAt = num(map, CardKey.createdAt) ?? 0;
  const date = str(map, CardKey.date);
  const startDate = str(map, CardKey.startDate);
  return {
    id,
    title: text(map, CardKey.title),
    stageId,
    rank: rankOrLast(rank),
    archived: map.get(CardKey.archived) === true,
    createdAt,
    enteredAt: num(map, CardKey.enteredAt) ?? createdAt,
    date: isIsoDate(date) ? date : null,
    startDate: isIsoDate(startDate) ? startDate : null,
    assignees: keysOf(map, CardKey.assignees),
    labels: keysOf(map, CardKey.labels),
    revisions: revisionsOf(map)?.length ?? 0,
    checklistDone: done,
    checklistTotal: total,
    stageChecklistDone: stageDone,
    stageChecklistTotal: stageTotal,
    fields: readCardFieldValues(map),
    ...readCardFace(map)
  };
}

/** Reads one card with its checklist items (in order) and revision log. */
export function readCardDetail(id: string, map: CardMap): CardDetailView {
  const revisionLog = (revisionsOf(map)?.toArray() ?? []).filter(
    (r) => r && typeof r.from === 'string' && typeof r.to === 'string' && typeof r.at === 'number'
  );
  return {
    ...readCard(id, map),
    description: text(map, CardKey.description),
    comments: readComments(map),
    checklist: readChecklistItems(map),
    checklists: readNamedChecklists(map),
    revisionLog
  };
}

/** The board's stages in order. */
export function readStages(doc: Y.Doc): StageView[] {
  const out: StageView[] = [];
  roots(doc).stages.forEach((map, id) => out.push(readStage(id, map)));
  return out.sort(compareRanked);
}

/** The board's working calendar; a board from before calendars counts Monday–Friday. */
export function calendarOf(meta: Y.Map<unknown>): CalendarId {
  const value = meta.get(MetaKey.calendar);
  return isCalendarId(value) ? value : DEFAULT_CALENDAR;
}

/** Reads the meta map. */
export function readMeta(doc: Y.Doc): BoardMetaView {
  const { meta } = roots(doc);
  const templateId = str(meta, MetaKey.templateId);
  return {
    title: str(meta, MetaKey.title),
    templateId: templateId || null,
    schemaVersion: num(meta, MetaKey.schemaVersion) ?? 0,
    dateLabel: cleanDepartment(meta.get(MetaKey.dateLabel)),
    calendar: calendarOf(meta),
    currency: currencyOf(meta),
    overrunRole: overrunRoleOf(meta)
  };
}

/**
 * The stage a card shows in. A card whose stage was removed while someone moved a card into it
 * (a concurrent edit) would otherwise vanish; it shows in the first stage instead, the same on
 * every replica because the rule reads only converged state.
 */
export function effectiveStageId(stageId: string, stageIds: ReadonlySet<string>, first: string | undefined) {
  return stageIds.has(stageId) ? stageId : first;
}

/** The whole board as plain data. */
export function readBoard(doc: Y.Doc): BoardView {
  const stages = readStages(doc);
  const stageIds = new Set(stages.map((s) => s.id));
  const first = stages[0]?.id;
  const columns = new Map<string, CardView[]>(stages.map((s) => [s.id, []]));
  const archived: CardView[] = [];
  roots(doc).cards.forEach((map, id) => {
    const card = readCard(id, map);
    if (card.archived) {
      archived.push(card);
      return;
    }
    const stageId = effectiveStageId(card.stageId, stageIds, first);
    if (stageId !== undefined) columns.get(stageId)?.push({ ...card, stageId });
  });
  for (const list of columns.values()) list.sort(compareRanked);
  archived.sort(compareRanked);
  return { meta: readMeta(doc), stages, columns, archived };
}

/** Visible cards of one stage, in order, optionally leaving one card out (the one being moved). */
export function readColumn(doc: Y.Doc, stageId: string, without?: string): CardView[] {
  return (readBoard(doc).columns.get(stageId) ?? []).filter((c) => c.id !== without);
}
