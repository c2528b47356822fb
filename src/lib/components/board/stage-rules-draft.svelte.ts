/**
 * The stage settings dialog's edit buffer. It is written to the document in one operation on
 * Save and dropped on Cancel, so half-typed rules never reach the people watching the board; it
 * starts from the stage as it was when the dialog opened, so a concurrent edit does not rewrite
 * the form under the person filling it in.
 */
import {
  newId,
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

export type TimeRuleKind = TimeRule['kind'] | 'none';

/** How the form offers a gate's signing: 或签, 会签 in parallel, 会签 in order. */
export type SigningChoice = 'any' | 'all' | 'all-in-order';

/** The gate's signing options as the form holds them. */
function signingOf(gate: Gate | null): SigningChoice {
  if (gate?.mode !== 'all') return 'any';
  return gate.sequential ? 'all-in-order' : 'all';
}

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
  department = $state('');
  // A number input binds a number, or null/undefined while empty.
  wip = $state<number | null | undefined>();
  items = $state<ChecklistSeed[]>([]);
  approvers = $state<Approver[]>([]);
  signing = $state<SigningChoice>('any');
  reviewsDraft = $state(false);
  separateDuties = $state(false);
  kind = $state<TimeRuleKind>('none');
  amount = $state(1);
  unit = $state<LeadUnit>('days');
  working = $state(false);
  sendBackTo = $state('');
  /** The owner role's key ('' for none), its hand-off and exit rule (roles.ts). */
  ownerRole = $state('');
  handoff = $state<Handoff>('add');
  exit = $state<ExitRule>('anyone');

  constructor(stage: StageView) {
    this.#initial = stage;
    const rule = stage.timeRule;
    this.department = stage.department?.text ?? '';
    this.wip = stage.wipLimit;
    this.items = stage.checklist.map((c) => ({ ...c }));
    this.approvers = stage.gate?.approvers.map((a) => ({ ...a })) ?? [];
    this.signing = signingOf(stage.gate);
    this.reviewsDraft = stage.gate?.reviewsDraft === true;
    this.separateDuties = stage.gate?.separateDuties === true;
    this.kind = rule?.kind ?? 'none';
    this.amount = ruleAmount(rule);
    this.unit = rule && 'unit' in rule ? rule.unit : 'days';
    this.working = rule?.kind === 'stage-days' ? rule.working : false;
    this.sendBackTo = stage.sendBackTo ?? '';
    this.ownerRole = stage.owner?.role ?? '';
    this.handoff = stage.owner?.handoff ?? 'add';
    this.exit = stage.owner?.exit ?? 'anyone';
  }

  editItem(i: number, value: string): void {
    editText(this.items[i], 'text', value, 'alt');
  }

  editApprover(i: number, value: string): void {
    editText(this.approvers[i], 'title', value, 'titleAlt');
  }

  addItem(): void {
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
    this.approvers = [...this.approvers, { title: '', level: 'manager' }];
  }

  removeApprover(i: number): void {
    this.approvers = this.approvers.filter((_, j) => j !== i);
  }

  /** The rules to write: blank lines are dropped, and an empty rule clears it. */
  patch(): StageRulesPatch {
    const initial = this.#initial.department;
    const checklist = this.items.filter((c) => c.text.trim());
    const gate = this.approvers.filter((a) => a.title.trim());
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
      timeRule: this.#keepCondition(this.#timeRule()),
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

  /** A rule's condition (`if`: 影视 requests only) is kept while its kind stays; the form does not edit it. */
  #keepCondition(rule: TimeRule | null): TimeRule | null {
    const before = this.#initial.timeRule;
    return rule && before?.if && before.kind === rule.kind ? { ...rule, if: before.if } : rule;
  }

  #timeRule(): TimeRule | null {
    const n = Math.trunc(Number(this.amount));
    const kind = this.kind;
    switch (kind) {
      case 'none':
        return null;
      case 'stage-days':
        return { kind, days: n, working: this.working };
      case 'monthly':
        return { kind, day: n };
      default:
        return { kind, amount: n, unit: this.unit };
    }
  }
}
