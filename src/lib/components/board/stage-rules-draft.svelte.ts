/**
 * The stage settings dialog's edit buffer. It is written to the document in one operation on
 * Save and dropped on Cancel, so half-typed rules never reach the people watching the board; it
 * starts from the stage as it was when the dialog opened, so a concurrent edit does not rewrite
 * the form under the person filling it in.
 */
import {
  newId,
  RULE_LIMITS,
  type Approver,
  type ChecklistSeed,
  type ExitRule,
  type Gate,
  type Handoff,
  type LeadUnit,
  type StageRulesPatch,
  type StageView,
  type TimeRule
} from '$lib/board';
import type { MessageKey } from '$lib/i18n/locale';
import { ConditionDraft, type ConditionField } from './condition-draft.svelte';

export type TimeRuleKind = TimeRule['kind'] | 'none';

/** How the form offers a gate's signing: 或签, 会签 in parallel, 会签 in order. */
export type SigningChoice = 'any' | 'all' | 'all-in-order';

/** The gate's signing options as the form holds them. */
function signingOf(gate: Gate | null): SigningChoice {
  if (gate?.mode !== 'all') return 'any';
  return gate.sequential ? 'all-in-order' : 'all';
}

/** The dialog's tabs, in order: each names the part of the stage's rules it edits. */
export const STAGE_TABS = ['basic', 'checklist', 'time', 'gate', 'requires'] as const;
export type StageTab = (typeof STAGE_TABS)[number];

/** An approver as the form edits it: the stored approver, and its condition apart. */
export interface ApproverRow {
  approver: Approver;
  condition: ConditionDraft;
}

/**
 * Why the form cannot be saved: a catalogue key, the tab that holds the faulty input (the dialog
 * opens it) and the input's `data-check` name (the dialog focuses it).
 */
export class DraftProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly tab: StageTab,
    readonly target: string,
    readonly params: Record<string, string | number> = {}
  ) {
    super(key);
  }
}

/** The largest number a time rule of `kind` takes: a day of the month, or a count of days. */
export const amountMax = (kind: TimeRuleKind): number =>
  kind === 'monthly' ? 31 : kind === 'stage-days' ? RULE_LIMITS.stageDays : RULE_LIMITS.leadAmount;

/** The number the form shows for a time rule: its days, its day of the month, or its lead. */
function ruleAmount(rule: TimeRule | null): number {
  if (!rule) return 1;
  if (rule.kind === 'stage-days') return rule.days;
  if (rule.kind === 'monthly') return rule.day;
  return rule.amount;
}

/** A text edited away from the template's wording loses its second-language text. */
function editText<T extends { text?: string; title?: string }>(
  item: T | undefined,
  field: 'text' | 'title',
  value: string,
  altField: string
): void {
  if (!item) return;
  if (item[field] !== value) delete (item as Record<string, unknown>)[altField];
  (item as Record<string, unknown>)[field] = value;
}

export class StageRulesDraft {
  readonly #initial: StageView;
  readonly #fields: readonly ConditionField[];
  department = $state('');
  // A number input binds a number, or null/undefined while empty.
  wip = $state<number | null | undefined>();
  items = $state<ChecklistSeed[]>([]);
  approvers = $state<ApproverRow[]>([]);
  signing = $state<SigningChoice>('any');
  reviewsDraft = $state(false);
  separateDuties = $state(false);
  kind = $state<TimeRuleKind>('none');
  amount = $state(1);
  unit = $state<LeadUnit>('days');
  working = $state(false);
  /** The time rule's condition (design review's 10 working days: 影视 requests only). */
  readonly timeIf: ConditionDraft;
  sendBackTo = $state('');
  /** The owner role's key ('' for none), its hand-off and exit rule (roles.ts). */
  ownerRole = $state('');
  handoff = $state<Handoff>('add');
  exit = $state<ExitRule>('anyone');

  /**
   * `fields`: what a condition may test (the board's fields and 'date') when the dialog opened; a
   * stored value is spelled for its box by its field's kind.
   */
  constructor(stage: StageView, fields: readonly ConditionField[] = []) {
    this.#initial = stage;
    this.#fields = fields;
    const rule = stage.timeRule;
    this.department = stage.department?.text ?? '';
    this.wip = stage.wipLimit;
    this.items = stage.checklist.map((c) => ({ ...c }));
    this.approvers =
      stage.gate?.approvers.map((a) => ({
        approver: { ...a },
        condition: new ConditionDraft(a.if, fields)
      })) ?? [];
    this.signing = signingOf(stage.gate);
    this.reviewsDraft = stage.gate?.reviewsDraft === true;
    this.separateDuties = stage.gate?.separateDuties === true;
    this.kind = rule?.kind ?? 'none';
    this.amount = ruleAmount(rule);
    this.unit = rule && 'unit' in rule ? rule.unit : 'days';
    this.working = rule?.kind === 'stage-days' ? rule.working : false;
    this.timeIf = new ConditionDraft(rule?.if, fields);
    this.sendBackTo = stage.sendBackTo ?? '';
    this.ownerRole = stage.owner?.role ?? '';
    this.handoff = stage.owner?.handoff ?? 'add';
    this.exit = stage.owner?.exit ?? 'anyone';
  }

  editItem(i: number, value: string): void {
    editText(this.items[i], 'text', value, 'alt');
  }

  editApprover(i: number, value: string): void {
    editText(this.approvers[i]?.approver, 'title', value, 'titleAlt');
  }

  /**
   * Drops approver `i`'s condition in words (修改或取消已批准的方案), which the board cannot judge:
   * without it and without a condition, the approver is always needed.
   */
  dropWhen(i: number): void {
    const approver = this.approvers[i]?.approver;
    if (!approver) return;
    delete approver.when;
    delete approver.whenAlt;
  }

  addItem(): void {
    if (this.items.length >= RULE_LIMITS.checklistSeeds) return;
    this.items = [...this.items, { key: newId(8), text: '' }];
  }

  removeItem(i: number): void {
    this.items = this.items.filter((_, j) => j !== i);
  }

  /** Moves checklist item `i` up (-1) or down (+1). */
  moveItem(i: number, by: number): void {
    const j = i + by;
    if (j < 0 || j >= this.items.length) return;
    const next = [...this.items];
    [next[i], next[j]] = [next[j] as ChecklistSeed, next[i] as ChecklistSeed];
    this.items = next;
  }

  addApprover(): void {
    if (this.approvers.length >= RULE_LIMITS.approvers) return;
    const row = {
      approver: { title: '', level: 'manager' as const },
      condition: new ConditionDraft(undefined, [])
    };
    this.approvers = [...this.approvers, row];
  }

  removeApprover(i: number): void {
    this.approvers = this.approvers.filter((_, j) => j !== i);
  }

  /**
   * The rules to write: blank lines are dropped, and an empty rule clears it. `fields` are the
   * board's fields now (a condition may not pick one removed meanwhile). Throws a DraftProblem
   * naming the tab and input at fault when something typed is not a rule.
   */
  patch(fields: readonly ConditionField[] = this.#fields): StageRulesPatch {
    const initial = this.#initial.department;
    const checklist = this.items.filter((c) => c.text.trim());
    if (this.wip != null && !(Number.isInteger(Number(this.wip)) && this.wip >= 1 && this.wip <= 999))
      throw new DraftProblem('stage.settings.invalid.wip', 'basic', 'wip');
    const gate = this.#approvers(fields);
    return {
      wipLimit: this.wip == null ? null : Number(this.wip),
      department: this.department.trim()
        ? {
            text: this.department,
            ...(this.department === initial?.text && initial.alt ? { alt: initial.alt } : {})
          }
        : null,
      checklist: checklist.length ? checklist : null,
      gate: gate.length ? this.#gate(gate) : null,
      timeRule: this.#timeRule(fields),
      sendBackTo: this.sendBackTo || null,
      owner: this.ownerRole ? { role: this.ownerRole, handoff: this.handoff, exit: this.exit } : null
    };
  }

  /** The gate with its signing options, each written only when set (cleanGate keeps the same). */
  #gate(approvers: Approver[]): Gate {
    return {
      approvers,
      ...(this.signing !== 'any' ? { mode: 'all' as const } : {}),
      ...(this.signing === 'all-in-order' ? { sequential: true as const } : {}),
      ...(this.reviewsDraft ? { reviewsDraft: true as const } : {}),
      ...(this.separateDuties ? { separateDuties: true as const } : {})
    };
  }

  /** The approvers with a title, each with its condition (or none: always). */
  #approvers(fields: readonly ConditionField[]): Approver[] {
    const out: Approver[] = [];
    this.approvers.forEach(({ approver, condition }, i) => {
      if (!approver.title.trim()) return;
      const result = condition.result(fields);
      if ('problem' in result) throw new DraftProblem(result.problem, 'gate', `approver-${i}-if`);
      const { if: _, ...rest } = approver;
      out.push(result.condition ? { ...rest, if: result.condition } : rest);
    });
    return out;
  }

  #timeRule(fields: readonly ConditionField[]): TimeRule | null {
    const kind = this.kind;
    if (kind === 'none') return null;
    const n = Number(this.amount);
    if (!Number.isInteger(n) || n < 1 || n > amountMax(kind))
      throw new DraftProblem('stage.settings.invalid.amount', 'time', 'amount', { max: amountMax(kind) });
    const result = this.timeIf.result(fields);
    if ('problem' in result) throw new DraftProblem(result.problem, 'time', 'time-if');
    const when = result.condition ? { if: result.condition } : {};
    switch (kind) {
      case 'stage-days':
        return { kind, days: n, working: this.working, ...when };
      case 'monthly':
        return { kind, day: n, ...when };
      default:
        return { kind, amount: n, unit: this.unit, ...when };
    }
  }
}
