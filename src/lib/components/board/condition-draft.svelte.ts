/**
 * One condition (`if`) as the stage settings dialog edits it: an approver's or a time rule's test on
 * a card field ("仅当 预算 大于 500000 元"), or none: always. The value is held as typed (money in
 * yuan, as the card panel takes it) and read back into the stored form on Save. A condition the
 * person did not touch is written back exactly as it was, so one naming a field since removed, or
 * a value the form would spell differently, survives an unrelated edit.
 */
import { cleanCondition, type CardFieldKind, type Condition, type ConditionOp } from '$lib/board';
import type { MessageKey } from '$lib/i18n/locale';
import { inputText, parseInput } from '../card/field-input';

/** A field a condition may test: a board field, or 'date' for the card's own date. */
export interface ConditionField {
  id: string;
  kind: CardFieldKind;
}

/**
 * The tests the form offers for a field of `kind`: numbers compare, a flag is only ticked (为是),
 * other values are filled in or equal to one.
 */
export function opsFor(kind: CardFieldKind): readonly ConditionOp[] {
  switch (kind) {
    case 'money':
    case 'number':
      return ['set', 'gt', 'gte', 'eq'];
    case 'flag':
      return ['set'];
    default:
      return ['set', 'eq'];
  }
}

/** What the value box shows for a stored condition value. */
function valueText(kind: CardFieldKind | null, value: Condition['value']): string {
  if (value === undefined) return '';
  if (kind && typeof value !== 'boolean') return inputText(kind, value);
  return String(value);
}

/** Why a condition cannot be written, as a catalogue key; the dialog shows it on the condition's tab. */
export type ConditionProblem = Extract<MessageKey, `stage.settings.invalid.${string}`>;

export type ConditionResult = { condition: Condition | null } | { problem: ConditionProblem };

export class ConditionDraft {
  readonly #initial: Condition | null;
  readonly #initialText: string;
  /** The field tested, '' for none (always). */
  field = $state('');
  op = $state<ConditionOp>('set');
  /** The value as typed: yuan for money, YYYY-MM-DD for a date. */
  text = $state('');

  /** `fields`: the board's fields when the dialog opened, to spell the stored value as the box shows it. */
  constructor(initial: Condition | undefined, fields: readonly ConditionField[]) {
    this.#initial = initial ?? null;
    const kind = fields.find((f) => f.id === initial?.field)?.kind ?? null;
    this.#initialText = valueText(kind, initial?.value);
    this.field = initial?.field ?? '';
    this.op = initial?.op ?? 'set';
    this.text = this.#initialText;
  }

  /** True while the condition is as it was stored. */
  get untouched(): boolean {
    const i = this.#initial;
    return i
      ? this.field === i.field && this.op === i.op && this.text === this.#initialText
      : this.field === '';
  }

  /** Picks the field tested ('' for always), keeping the test and value where they still fit. */
  choose(field: string, kind: CardFieldKind | null, before: CardFieldKind | null): void {
    this.field = field;
    if (!kind) return;
    if (!opsFor(kind).includes(this.op)) this.op = opsFor(kind)[0]!;
    if (kind !== before) this.text = '';
  }

  /** The condition to store, null for always, or why the typed value is not one. */
  result(fields: readonly ConditionField[]): ConditionResult {
    if (this.untouched) return { condition: this.#initial };
    if (!this.field) return { condition: null };
    const kind = fields.find((f) => f.id === this.field)?.kind;
    if (!kind) return { problem: 'stage.settings.invalid.fieldGone' };
    if (this.op === 'set') return { condition: { field: this.field, op: 'set' } };
    const value = parseInput(kind, this.text);
    if (value === null) return { problem: 'stage.settings.invalid.conditionEmpty' };
    const condition = value === undefined ? null : cleanCondition({ field: this.field, op: this.op, value });
    return condition ? { condition } : { problem: 'stage.settings.invalid.conditionValue' };
  }
}
