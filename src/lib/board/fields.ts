/**
 * Every key the board document holds, as one table: who writes it, the Yjs shape it keeps, whether
 * its map must always have it, the check its value passes and, for a card, what a new card holds
 * under it. The board operations write what this table allows (a new card is made from it, a plain
 * card value is set through its check: card-ops.ts, card-detail-ops.ts), and the server's update
 * policy (server/policy) refuses any client update that leaves the table, so a key can never be
 * turned into something the readers and the gate rule do not expect (issue 14: a card's stage
 * written as a number, then moved anywhere). A new card field, server rule included, is one row.
 */
import * as Y from 'yjs';
import { isCalendarId } from '../calendar';
import { isIsoDate } from './dates';
import { labelProblem } from './label-ops';
import { isRank } from './rank';
import { cleanRecurringRule } from './recurring';
import { cleanStageOwner, isRoleKey, roleProblem } from './roles';
import { isCurrency } from './budget';
import { targetProblem } from './targets';
import { fieldDefProblem, fieldValueProblem } from './card-fields';
import { cleanChecklistSeeds, cleanDepartment, cleanGate, cleanRequirements, cleanTimeRule } from './rules';
import { nameProblem } from './transact';
import { CardKey, ChecklistItemKey, LIMITS, MetaKey, NamedChecklistKey, StageKey } from './schema';

import { type Field } from './field-shape';

const name =
  (max: number): Field['check'] =>
  (v) =>
    nameProblem(v, max);
const finite: Field['check'] = (v) => (Number.isFinite(v) ? null : 'a finite number');
const rank: Field['check'] = (v) => (isRank(v) ? null : 'a rank');
const isoDate: Field['check'] = (v) => (isIsoDate(v) ? null : 'a date written YYYY-MM-DD');
const id: Field['check'] = (v) => ((v as string).length >= 1 && (v as string).length <= 64 ? null : 'an id');
const onlyTrue: Field['check'] = (v) => (v === true ? null : 'true');
const stage: Field['check'] = (v, facts) =>
  typeof v === 'string' && facts.isStage(v) ? null : 'a stage the board has';
const fieldValue: Field['check'] = (v, facts) => {
  const kind = facts.fieldKind(facts.entry);
  return kind ? fieldValueProblem(kind, v) : 'a card field the board defines';
};
/**
 * A field's definition as cleanFieldDef stores it, its kind kept once cards hold values for it
 * (card-field-ops.ts defineCardField). The cards are read only when the kind changes.
 */
const fieldDef: Field['check'] = (v, facts) => {
  const problem = fieldDefProblem(v);
  if (problem) return problem;
  const before = facts.definedKind(facts.entry);
  const kind = (v as { kind: string }).kind;
  return before && before !== kind && facts.fieldHeld(facts.entry)
    ? `a ${before} field still: cards hold values for it`
    : null;
};
const ownKey: Field['check'] = (v, facts) => (v === facts.key ? null : 'the key it is stored under');

/** A rule value is stored exactly as its cleaner returns it: nothing unknown rides along. */
const cleaned =
  (clean: (v: unknown) => unknown, what: string): Field['check'] =>
  (v) => {
    const out = clean(v);
    return out !== null && JSON.stringify(out) === JSON.stringify(v) ? null : what;
  };

/** A recurring rule exactly as its cleaner returns it, naming a stage the board has, if any. */
const recurringProblem: Field['check'] = (v, facts) => {
  const bad = cleaned(cleanRecurringRule, 'a recurring rule')?.(v, facts) ?? null;
  if (bad) return bad;
  const stageId = (v as { stageId?: string }).stageId;
  return stageId === undefined ? null : (stage?.(stageId, facts) ?? null);
};

const CHECKLIST_ITEM: Field = {
  shape: 'map',
  fields: {
    [ChecklistItemKey.text]: { shape: 'string', required: true, check: name(LIMITS.checklistText) },
    [ChecklistItemKey.done]: { shape: 'boolean', required: true },
    [ChecklistItemKey.rank]: { shape: 'string', required: true, check: rank },
    [ChecklistItemKey.assignee]: { shape: 'string', check: id },
    [ChecklistItemKey.due]: { shape: 'string', check: isoDate },
    [ChecklistItemKey.list]: { shape: 'string', check: id }
  }
};

const NAMED_CHECKLIST: Field = {
  shape: 'map',
  fields: {
    [NamedChecklistKey.title]: { shape: 'string', required: true, check: name(LIMITS.checklistTitle) },
    [NamedChecklistKey.rank]: { shape: 'string', required: true, check: rank }
  }
};

const emptyMap = () => new Y.Map();

/** A card: `initial` is what `makeCardMap` (card-ops.ts) gives a new card, `required` what it never loses. */
export const CARD_FIELDS: Readonly<Record<string, Field>> = {
  [CardKey.id]: { write: 'edit-card', shape: 'string', required: true, check: ownKey, initial: (c) => c.id },
  [CardKey.title]: {
    write: 'edit-card',
    shape: 'text',
    required: true,
    maxLength: LIMITS.cardTitle,
    plain: true,
    initial: (c) => new Y.Text(c.title)
  },
  [CardKey.description]: {
    write: 'edit-card',
    shape: 'text',
    required: true,
    maxLength: LIMITS.cardDescription,
    initial: () => new Y.Text()
  },
  [CardKey.stageId]: {
    write: 'move-card',
    shape: 'string',
    required: true,
    check: stage,
    gated: true,
    initial: (c) => c.stageId
  },
  [CardKey.rank]: {
    write: 'move-card',
    shape: 'string',
    required: true,
    check: rank,
    initial: (c) => c.rank
  },
  [CardKey.archived]: { write: 'edit-card', shape: 'boolean', required: true, initial: () => false },
  [CardKey.createdAt]: {
    write: 'edit-card',
    shape: 'number',
    required: true,
    check: finite,
    initial: (c) => c.now
  },
  [CardKey.enteredAt]: {
    write: 'move-card',
    shape: 'number',
    required: true,
    check: finite,
    initial: (c) => c.now
  },
  [CardKey.date]: { write: 'edit-card', shape: 'string', check: isoDate },
  [CardKey.startDate]: { write: 'edit-card', shape: 'string', check: isoDate },
  [CardKey.checklist]: {
    write: 'tick-checklist',
    shape: 'map',
    required: true,
    entries: CHECKLIST_ITEM,
    initial: emptyMap
  },
  [CardKey.seeded]: {
    write: 'move-card',
    shape: 'map',
    required: true,
    entries: { shape: 'boolean', check: onlyTrue },
    initial: emptyMap
  },
  [CardKey.revisions]: { write: 'server', shape: 'array', initial: () => new Y.Array() },
  [CardKey.comments]: { write: 'comments', shape: 'map', initial: emptyMap },
  // Made with the card, so two people assigning, labelling or making a checklist on a new card at
  // once share one map.
  [CardKey.assignees]: {
    write: 'edit-card',
    shape: 'map',
    required: true,
    entries: { shape: 'boolean', check: onlyTrue },
    initial: emptyMap
  },
  [CardKey.labels]: {
    write: 'edit-card',
    shape: 'map',
    required: true,
    entries: { shape: 'boolean', check: onlyTrue },
    initial: emptyMap
  },
  // Not required: cards from before resolutions existed lack it; removing it reopens every thread.
  [CardKey.resolvedComments]: { write: 'resolutions', shape: 'map', initial: emptyMap },
  [CardKey.checklists]: {
    write: 'edit-card',
    shape: 'map',
    required: true,
    entries: NAMED_CHECKLIST,
    initial: emptyMap
  },
  [CardKey.attachments]: { write: 'server', shape: 'map' },
  // Not required: cards from before card fields existed lack it (childMap makes it on first use).
  [CardKey.fields]: {
    write: 'edit-card',
    shape: 'map',
    entries: { shape: 'value', check: fieldValue },
    initial: emptyMap
  },
  // Money (budget.ts, expenses.ts): rules of their own, since who may write an expense depends on
  // the budget it leaves (server/policy/moneyPolicy.ts). Made with the card's first budget line,
  // not with the card: most cards never get one, and two empty maps on each of 2,000 cards cost
  // the big board's open 5% (bench/ui-compare.ts). An expense needs a line, so its map is there.
  [CardKey.budget]: { write: 'budget', shape: 'map' },
  [CardKey.expenses]: { write: 'expenses', shape: 'map' },
  // Targets and results (targets.ts): the planners' and evaluators' to write, like the card's
  // other fields; each value is checked whole. Made with the card, unlike the managers' money
  // maps: any editor writes the first target, and two first writes of a map made on first use
  // make two maps, of which the server refuses the second (its sender would lose its edits).
  // Not required: cards from before targets existed lack it (childMap makes it on first use).
  [CardKey.targets]: {
    write: 'edit-card',
    shape: 'map',
    entries: { shape: 'value', check: targetProblem },
    initial: emptyMap
  },
  // The summary report's 问题与改进建议: live text like the description, written by the card's
  // editors, made with the card for the same reason (e2e report.spec "both keep their words").
  [CardKey.retro]: {
    write: 'edit-card',
    shape: 'text',
    maxLength: LIMITS.cardRetro,
    initial: () => new Y.Text()
  }
};

/** A stage: what `makeStageMap` (board-ops.ts) and `setStageRules` (stage-ops.ts) write. */
export const STAGE_FIELDS: Readonly<Record<string, Field>> = {
  [StageKey.id]: { shape: 'string', required: true, check: ownKey },
  [StageKey.name]: { shape: 'string', required: true, check: name(LIMITS.stageName) },
  [StageKey.altName]: { shape: 'string', check: name(LIMITS.stageName) },
  [StageKey.rank]: { shape: 'string', required: true, check: rank },
  [StageKey.wipLimit]: {
    shape: 'number',
    check: (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 999 ? null : '1–999')
  },
  [StageKey.department]: { shape: 'value', check: cleaned(cleanDepartment, 'a department') },
  [StageKey.timeRule]: { shape: 'value', check: cleaned(cleanTimeRule, 'a time rule') },
  [StageKey.gate]: { shape: 'value', check: cleaned(cleanGate, 'a gate') },
  [StageKey.checklist]: {
    shape: 'value',
    check: cleaned((v) => (cleanChecklistSeeds(v).length ? cleanChecklistSeeds(v) : null), 'checklist seeds')
  },
  [StageKey.sendBackTo]: { shape: 'string', check: stage },
  [StageKey.owner]: { shape: 'value', check: cleaned(cleanStageOwner, 'a stage owner') },
  [StageKey.requires]: { shape: 'value', check: cleaned(cleanRequirements, 'requirements') },
  [StageKey.legacyTimeLimitDays]: { shape: 'number', check: finite },
  [StageKey.legacyGateRole]: { shape: 'string', check: name(LIMITS.stageName) }
};

/** The meta map: its known keys keep their shapes; other keys are board-level data (edit-board). */
export const META_FIELDS: Readonly<Record<string, Field>> = {
  [MetaKey.title]: { shape: 'string', check: name(LIMITS.boardTitle) },
  [MetaKey.templateId]: { shape: 'string', check: (v) => ((v as string).length <= 64 ? null : 'an id') },
  [MetaKey.schemaVersion]: { shape: 'number', check: finite },
  [MetaKey.createdAt]: { shape: 'number', check: finite },
  [MetaKey.dateLabel]: { shape: 'value', check: cleaned(cleanDepartment, 'a date label') },
  [MetaKey.calendar]: { shape: 'string', check: (v) => (isCalendarId(v) ? null : 'a calendar') },
  [MetaKey.currency]: { shape: 'string', check: (v) => (isCurrency(v) ? null : 'a currency code') },
  [MetaKey.overrunRole]: { shape: 'string', check: (v) => (isRoleKey(v) ? null : 'a role key') }
};

/** The roots of a board document, each a map (BoardRoots in schema.ts). */
export const ROOT_FIELDS: Readonly<Record<string, Field>> = {
  meta: { write: 'edit-board', shape: 'map', fields: META_FIELDS, open: true },
  stages: {
    write: 'edit-stages',
    shape: 'map',
    entries: { shape: 'map', fields: STAGE_FIELDS }
  },
  cards: { shape: 'map', entries: { shape: 'map', fields: CARD_FIELDS } },
  approvals: { write: 'server', shape: 'map' },
  // Labels are everyday card work (Trello lets every member make them), not board structure.
  labels: { write: 'edit-card', shape: 'map', entries: { shape: 'value', check: labelProblem } },
  // Who holds which process role decides who is handed cards, moves them out and signs: the
  // managers' part, as managing members is.
  roles: {
    write: 'manage-members',
    shape: 'map',
    entries: { shape: 'value', check: (v, facts) => roleProblem(v, facts.entry) }
  },
  // Recurring plans are the process (what the board makes by itself every month): the manager's.
  recurring: {
    write: 'edit-board',
    shape: 'map',
    entries: { shape: 'value', check: recurringProblem }
  },
  // Which fields cards have is part of the process, like its stages: a manager's to define.
  fields: { write: 'edit-stages', shape: 'map', entries: { shape: 'value', check: fieldDef } }
};
