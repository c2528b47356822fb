/**
 * The rules a stage carries: what a card entering it must do (checklist), who signs off before
 * it leaves (gate), how long it may take (time rule), where it returns when sent back, and how
 * many cards it holds at once (WIP). Templates supply them; the board stores a copy per stage,
 * so editing a template never changes a board made from it.
 *
 * Texts are stored as the document wrote them (`text`, Chinese for the built-in templates) with
 * an optional second-language text (`alt`) shown beside, like a stage's name and altName.
 */

import { cleanName } from './transact';

/** How a lead time is counted back from the card's date; working days by the board's calendar (src/lib/calendar). */
export type LeadUnit = 'days' | 'working-days' | 'months';

/**
 * A time rule. None of the source processes limits days per stage outright; they set lead
 * times before a date on the card (a holiday, an event, the day a video is needed) or a day of
 * the month, so those are first-class rules here.
 */
export type TimeRule =
  /** A card may stay `days` (calendar or working) days in the stage. */
  (
    | { kind: 'stage-days'; days: number; working: boolean }
    /** A card must have entered the stage `amount` `unit` before its date. */
    | { kind: 'start-by'; amount: number; unit: LeadUnit }
    /** A card must have left the stage `amount` `unit` before its date. */
    | { kind: 'finish-by'; amount: number; unit: LeadUnit }
    /** A card must leave the stage by the next `day` of a month after it entered (26 = the 26th). */
    | { kind: 'monthly'; day: number }
  ) & {
    /** The rule applies only to cards for which this holds (design review's lead time: 影视 requests). */
    if?: Condition;
  };

/**
 * A test on one of a card's fields (card-fields.ts): filled in, above or at least a number, or
 * equal to a value. `field` is a board field's id, or 'date' for the card's own date.
 */
export interface Condition {
  field: string;
  op: ConditionOp;
  value?: string | number | boolean;
}
export type ConditionOp = 'set' | 'gt' | 'gte' | 'eq';
export const CONDITION_OPS: readonly ConditionOp[] = ['set', 'gt', 'gte', 'eq'];

/**
 * What a card must have before it leaves the stage forward (ONES's transition rules, 飞书项目's
 * node deliverables): its checklist done ('all' the items the stage gave it, or the seed keys
 * named), a draft attached, card fields filled ('date': the card's own date), someone assigned,
 * and for supervision (001 五, 监测指标) a budget line, a target, an actual for every target.
 */
export interface Requirements {
  checklist?: 'all' | string[];
  draft?: boolean;
  fields?: string[];
  assignee?: boolean;
  /** At least one budget line (budget.ts). */
  budget?: boolean;
  /** At least one target (targets.ts): planning sets them. */
  targets?: boolean;
  /** Every target has its actual: evaluation records them. */
  actuals?: boolean;
}

/** The yes/no requirements, in the order a stage lists what is missing. */
export const REQUIREMENT_FLAGS = ['draft', 'assignee', 'budget', 'targets', 'actuals'] as const;
export type RequirementFlag = (typeof REQUIREMENT_FLAGS)[number];

export const TIME_RULE_KINDS = ['stage-days', 'start-by', 'finish-by', 'monthly'] as const;
export const LEAD_UNITS: readonly LeadUnit[] = ['days', 'working-days', 'months'];

/** How senior an approver is; issue 5 maps these to board roles. */
export type ApproverLevel = 'manager' | 'director' | 'general-manager' | 'other';
export const APPROVER_LEVELS: readonly ApproverLevel[] = ['manager', 'director', 'general-manager', 'other'];

/** One person who signs off, by their title in the process (产品市场部经理), maybe conditionally. */
export interface Approver {
  title: string;
  titleAlt?: string;
  level: ApproverLevel;
  /** The condition under which this approver is needed (e.g. 重大调研项目), or absent: always. */
  when?: string;
  whenAlt?: string;
  /** The process role (roles.ts) whose people sign for this approver, or absent: by board role. */
  role?: string;
  /** The same condition as a test on the card's fields, when the board can judge it (approversFor). */
  if?: Condition;
}

/** 或签 'any' (one approver's signature opens the gate) or 会签 'all' (every approver signs). */
export type SignMode = 'any' | 'all';
export const SIGN_MODES: readonly SignMode[] = ['any', 'all'];

/**
 * A sign-off a card needs before it may leave the stage forward. Each option is stored only when
 * it differs from its default, so a gate written before issue 17 (approvers only) reads as 或签
 * with nothing else, which is what its single approval meant.
 */
export interface Gate {
  approvers: Approver[];
  /** Absent: 'any'. */
  mode?: SignMode;
  /** 会签 in the listed order: an approver signs only after every one before them. */
  sequential?: true;
  /** The gate reviews the card's drafts: a newer draft than a signature saw outdates it. */
  reviewsDraft?: true;
  /** The card's assignees and creator may not sign (separation of duties). */
  separateDuties?: true;
}

/** The gate's signing mode, its default filled in. */
export const signMode = (gate: Gate): SignMode => gate.mode ?? 'any';

/** A checklist item a card receives on entering the stage; `key` is stable within the stage. */
export interface ChecklistSeed {
  key: string;
  text: string;
  alt?: string;
}

/** A stage's responsible department or role (策划部, 设计部 …). */
export interface Department {
  text: string;
  alt?: string;
}

/** Upper bounds on rule data, so a board (or a team template) cannot be bloated through them. */
export const RULE_LIMITS = {
  text: 300,
  checklistSeeds: 60,
  approvers: 8,
  leadAmount: 1000,
  stageDays: 1000
} as const;

/** True when `n` is a whole number in [min, max]. */
function whole(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/** Why a time rule is unusable, or null when it is fine. */
export function timeRuleProblem(rule: unknown): string | null {
  if (!rule || typeof rule !== 'object') return 'must be an object';
  const r = rule as Record<string, unknown>;
  switch (r.kind) {
    case 'stage-days':
      if (!whole(r.days, 1, RULE_LIMITS.stageDays)) return `days must be 1–${RULE_LIMITS.stageDays}`;
      if (typeof r.working !== 'boolean') return 'working must be true or false';
      return null;
    case 'start-by':
    case 'finish-by':
      if (!whole(r.amount, 1, RULE_LIMITS.leadAmount)) return `amount must be 1–${RULE_LIMITS.leadAmount}`;
      if (!LEAD_UNITS.includes(r.unit as LeadUnit)) return `unit must be one of ${LEAD_UNITS.join(', ')}`;
      return null;
    case 'monthly':
      return whole(r.day, 1, 31) ? null : 'day must be 1–31';
    default:
      return `kind must be one of ${TIME_RULE_KINDS.join(', ')}`;
  }
}

/** The rule with only its known fields (what gets stored), or null when it is unusable. */
export function cleanTimeRule(rule: unknown): TimeRule | null {
  if (timeRuleProblem(rule) !== null) return null;
  const r = rule as TimeRule;
  const condition = r.if === undefined ? null : cleanCondition(r.if);
  const when = condition ? { if: condition } : {};
  switch (r.kind) {
    case 'stage-days':
      return { kind: r.kind, days: r.days, working: r.working, ...when };
    case 'start-by':
    case 'finish-by':
      return { kind: r.kind, amount: r.amount, unit: r.unit, ...when };
    case 'monthly':
      return { kind: r.kind, day: r.day, ...when };
  }
}

const FIELD_REF = /^[\w-]{1,64}$/;

/** The condition with only its known keys, or null when it is unusable. */
export function cleanCondition(condition: unknown): Condition | null {
  const c = condition as Partial<Condition> | null;
  if (!c || typeof c.field !== 'string' || !FIELD_REF.test(c.field) || !CONDITION_OPS.includes(c.op!))
    return null;
  const { field, op, value } = c as Condition;
  if (op === 'set') return { field, op };
  if (typeof value === 'number' && Number.isFinite(value)) return { field, op, value };
  if (op !== 'eq') return null;
  if (typeof value === 'boolean') return { field, op, value };
  const text = cleanText(value);
  return text ? { field, op, value: text } : null;
}

/** The requirements with only well-formed parts, or null when nothing is required. */
export function cleanRequirements(requires: unknown): Requirements | null {
  const r = requires as Requirements | null;
  if (!r || typeof r !== 'object') return null;
  const out: Requirements = {};
  const keys = (list: unknown) =>
    Array.isArray(list)
      ? [...new Set(list.filter((k): k is string => typeof k === 'string' && FIELD_REF.test(k)))].slice(
          0,
          RULE_LIMITS.checklistSeeds
        )
      : [];
  if (r.checklist === 'all') out.checklist = 'all';
  else if (keys(r.checklist).length) out.checklist = keys(r.checklist);
  if (r.draft === true) out.draft = true;
  if (keys(r.fields).length) out.fields = keys(r.fields);
  if (r.assignee === true) out.assignee = true;
  for (const flag of ['budget', 'targets', 'actuals'] as const) if (r[flag] === true) out[flag] = true;
  return Object.keys(out).length ? out : null;
}

/** A rule text folded and bounded like every other name on a board, or null. */
const cleanText = (value: unknown): string | null => cleanName(value, RULE_LIMITS.text);

/** A gate with only well-formed approvers, or null when none is left. */
export function cleanGate(gate: unknown): Gate | null {
  const list = (gate as { approvers?: unknown } | null)?.approvers;
  if (!Array.isArray(list)) return null;
  const approvers: Approver[] = [];
  for (const a of list.slice(0, RULE_LIMITS.approvers)) {
    const title = cleanText((a as Approver)?.title);
    const level = (a as Approver)?.level;
    if (!title || !APPROVER_LEVELS.includes(level)) continue;
    const out: Approver = { title, level };
    const titleAlt = cleanText((a as Approver).titleAlt);
    const when = cleanText((a as Approver).when);
    const whenAlt = cleanText((a as Approver).whenAlt);
    if (titleAlt) out.titleAlt = titleAlt;
    const condition = cleanCondition((a as Approver).if);
    if (when) out.when = when;
    if (whenAlt) out.whenAlt = whenAlt;
    const role = (a as Approver).role;
    if (typeof role === 'string' && /^[\w-]{1,32}$/.test(role)) out.role = role;
    if (condition) out.if = condition;
    approvers.push(out);
  }
  if (!approvers.length) return null;
  const g = gate as Partial<Record<keyof Gate, unknown>>;
  const out: Gate = { approvers };
  if (g.mode === 'all') out.mode = 'all';
  if (g.mode === 'all' && g.sequential === true) out.sequential = true;
  if (g.reviewsDraft === true) out.reviewsDraft = true;
  if (g.separateDuties === true) out.separateDuties = true;
  return out;
}

/** Checklist seeds with usable text and unique keys, at most RULE_LIMITS.checklistSeeds. */
export function cleanChecklistSeeds(seeds: unknown): ChecklistSeed[] {
  if (!Array.isArray(seeds)) return [];
  const out: ChecklistSeed[] = [];
  const keys = new Set<string>();
  for (const s of seeds) {
    // Boards made before rules existed stored plain strings; their index is their key.
    const raw = typeof s === 'string' ? { key: `c${out.length}`, text: s } : (s as ChecklistSeed);
    const text = cleanText(raw?.text);
    const key = typeof raw?.key === 'string' && /^[\w-]{1,32}$/.test(raw.key) ? raw.key : null;
    if (!text || !key || keys.has(key)) continue;
    keys.add(key);
    const alt = cleanText(raw.alt);
    out.push(alt ? { key, text, alt } : { key, text });
    if (out.length === RULE_LIMITS.checklistSeeds) break;
  }
  return out;
}

/** A department with usable text, or null. */
export function cleanDepartment(dep: unknown): Department | null {
  const text = cleanText((dep as Department | null)?.text);
  if (!text) return null;
  const alt = cleanText((dep as Department).alt);
  return alt ? { text, alt } : { text };
}
