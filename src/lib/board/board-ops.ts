import * as Y from 'yjs';
import { isCalendarId, type CalendarId } from '../calendar';
import { CARD_FIELD_LIMITS, cleanFieldDef, isFieldId, type CardFieldKind } from './card-fields';
import { BoardError } from './errors';
import { newId } from './ids';
import type { BoardOrigin } from './origin';
import { ranksBetween } from './rank';
import { cleanRecurringRule, type RecurringRule } from './recurring';
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
  cleanRole,
  cleanStageOwner,
  isRoleKey,
  ROLE_LIMITS,
  type ProcessRole,
  type StageOwner
} from './roles';
import { LIMITS, MetaKey, SCHEMA_VERSION, StageKey, roots } from './schema';
import { cleanName, transact } from './transact';

/** A stage as a template or a caller describes it before it exists. */
export interface StageInit {
  name: string;
  altName?: string;
  wipLimit?: number | null;
  department?: Department | null;
  timeRule?: TimeRule | null;
  gate?: Gate | null;
  checklist?: ChecklistSeed[];
  /** Index, in the same init list, of the earlier stage a card is sent back to. */
  sendBackTo?: number | null;
  /** The role that owns the stage (a key of BoardInit.roles), its hand-off and exit rule. */
  owner?: StageOwner | null;
  requires?: Requirements | null;
}

export interface BoardInit {
  title: string;
  templateId?: string | null;
  /** What a card's date means on this board (节日日期 / Holiday date), or absent. */
  dateLabel?: Department | null;
  /** The working calendar (absent: Monday–Friday, as boards before calendars). */
  calendar?: CalendarId;
  /** Card fields the board defines from the start (a template's 预算, 重大项目 …), in order. */
  fields?: { id: string; name: string; alt?: string; kind: CardFieldKind }[];
  stages: StageInit[];
  /** The board's process roles by key, people usually empty until a manager maps them. */
  roles?: Readonly<Record<string, ProcessRole>>;
  /** Recurring plans, each naming its stage by index in `stages` (absent: the first). */
  recurring?: (Omit<RecurringRule, 'stageId'> & { stage?: number })[];
}

/** Builds a stage map ready to be put into the `stages` root. */
export function makeStageMap(id: string, rank: string, stage: StageInit): Y.Map<unknown> {
  const name = cleanName(stage.name, LIMITS.stageName);
  if (!name) throw new BoardError('invalid', `Stage name must be 1–${LIMITS.stageName} characters.`);
  const map = new Y.Map<unknown>();
  map.set(StageKey.id, id);
  map.set(StageKey.name, name);
  map.set(StageKey.rank, rank);
  if (stage.altName) map.set(StageKey.altName, stage.altName);
  if (stage.wipLimit != null) map.set(StageKey.wipLimit, stage.wipLimit);
  // Rules are stored cleaned, so what a board holds never depends on who wrote the template.
  const department = cleanDepartment(stage.department);
  const timeRule = stage.timeRule ? cleanTimeRule(stage.timeRule) : null;
  const gate = stage.gate ? cleanGate(stage.gate) : null;
  const checklist = cleanChecklistSeeds(stage.checklist);
  if (department) map.set(StageKey.department, department);
  if (timeRule) map.set(StageKey.timeRule, timeRule);
  if (gate) map.set(StageKey.gate, gate);
  if (checklist.length) map.set(StageKey.checklist, checklist);
  const owner = cleanStageOwner(stage.owner);
  if (owner) map.set(StageKey.owner, owner);
  const requires = cleanRequirements(stage.requires);
  if (requires) map.set(StageKey.requires, requires);
  return map;
}

/** Fills an empty document with a board's meta and stages (a new board, blank or from a template). */
export function initBoard(doc: Y.Doc, init: BoardInit, origin?: BoardOrigin): void {
  const title = cleanName(init.title, LIMITS.boardTitle);
  if (!title) throw new BoardError('invalid', `Board title must be 1–${LIMITS.boardTitle} characters.`);
  if (init.stages.length > LIMITS.stages) throw new BoardError('too-many-stages', 'Too many stages.');
  transact(doc, origin, () => {
    const { meta, stages } = roots(doc);
    meta.set(MetaKey.title, title);
    meta.set(MetaKey.templateId, init.templateId ?? '');
    meta.set(MetaKey.schemaVersion, SCHEMA_VERSION);
    meta.set(MetaKey.createdAt, Date.now());
    const dateLabel = cleanDepartment(init.dateLabel);
    if (dateLabel) meta.set(MetaKey.dateLabel, dateLabel);
    const { roles } = roots(doc);
    for (const [key, value] of Object.entries(init.roles ?? {}).slice(0, ROLE_LIMITS.roles)) {
      const role = isRoleKey(key) ? cleanRole(value) : null;
      if (role) roles.set(key, role);
    }
    if (init.calendar) meta.set(MetaKey.calendar, init.calendar);
    const fieldRanks = ranksBetween(null, null, init.fields?.length ?? 0);
    init.fields?.slice(0, CARD_FIELD_LIMITS.fields).forEach((f, i) => {
      const def = cleanFieldDef({ name: f.name, alt: f.alt, kind: f.kind, rank: fieldRanks[i] });
      if (def && isFieldId(f.id)) roots(doc).fields.set(f.id, def);
    });
    const ranks = ranksBetween(null, null, init.stages.length);
    const ids = init.stages.map(() => newId());
    init.stages.forEach((stage, i) => {
      const id = ids[i] as string;
      const map = makeStageMap(id, ranks[i] as string, stage);
      const back = stage.sendBackTo;
      if (back != null && Number.isInteger(back) && back >= 0 && back < i) {
        map.set(StageKey.sendBackTo, ids[back]);
      }
      stages.set(id, map);
    });
    for (const { stage, ...rule } of init.recurring ?? []) {
      const stageId = stage === undefined ? undefined : ids[stage];
      const clean = cleanRecurringRule({ ...rule, ...(stageId ? { stageId } : {}) });
      if (clean) roots(doc).recurring.set(newId(), clean);
    }
  });
}

/** Renames the board. */
export function renameBoard(doc: Y.Doc, title: string, origin?: BoardOrigin): void {
  const clean = cleanName(title, LIMITS.boardTitle);
  if (!clean) throw new BoardError('invalid', `Board title must be 1–${LIMITS.boardTitle} characters.`);
  transact(doc, origin, () => roots(doc).meta.set(MetaKey.title, clean));
}

/** Chooses the working calendar the board's time rules, due dates and recurring plans count by. */
export function setBoardCalendar(doc: Y.Doc, calendar: CalendarId, origin?: BoardOrigin): void {
  if (!isCalendarId(calendar)) throw new BoardError('invalid', 'Unknown calendar.');
  transact(doc, origin, () => roots(doc).meta.set(MetaKey.calendar, calendar));
}
