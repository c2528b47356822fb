/** What a card lacks, its field values and the conditions on them, in words, in the viewer's language. */
import type { CardFieldKind, CardFieldValue, CardFieldView, Condition, Missing } from '$lib/board';
import { formatIsoDay } from '$lib/i18n/dates';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { targetName } from '../money/target-text';
import { dateLabelText, pick } from './rule-text';

const list = (parts: string[]) => parts.join(i18n.locale === 'en' ? ', ' : '、');

/** One missing thing: 上传定稿, 填写预算 … */
export function missingPart(m: Missing): string {
  switch (m.kind) {
    case 'checklist':
      return t('missing.checklist');
    case 'item':
      return t('missing.item', { item: pick(m.text, m.alt) });
    case 'draft':
      return t('missing.draft');
    case 'field':
      return t('missing.field', { field: pick(m.name, m.alt) });
    case 'date':
      return t('missing.field', { field: dateLabelText(m.label, true) });
    case 'assignee':
      return t('missing.assignee');
    case 'budget':
      return t('missing.budget');
    case 'targets':
      return t('missing.targets');
    case 'actuals':
      return t('missing.actuals', {
        targets: list(m.names.map((n) => t('missing.item.quoted', { item: targetName(n) })))
      });
  }
}

/** Everything missing as one phrase: 上传定稿、填写预算. */
export function missingText(missing: readonly Missing[]): string {
  return list(missing.map(missingPart));
}

/** A field's value as a person reads it: ¥1,234.50 for money (stored in fen), 是/否 for a flag. */
export function fieldValueText(kind: CardFieldKind, value: CardFieldValue): string {
  switch (kind) {
    case 'money':
      return new Intl.NumberFormat(i18n.locale, { style: 'currency', currency: 'CNY' }).format(
        (value as number) / 100
      );
    case 'number':
      return new Intl.NumberFormat(i18n.locale).format(value as number);
    case 'flag':
      return t(value ? 'fields.flag.yes' : 'fields.flag.no');
    case 'date':
      return formatIsoDay(value as string);
    default:
      return String(value);
  }
}

/** A condition in words ("when 预算 is above ¥50,000.00"), against the board's fields. */
export function conditionText(condition: Condition, fields: readonly CardFieldView[]): string {
  const field = fields.find((f) => f.id === condition.field);
  const name = field ? pick(field.name, field.alt) : condition.field;
  const value =
    condition.value === undefined
      ? ''
      : field && typeof condition.value !== 'string'
        ? fieldValueText(field.kind, condition.value)
        : String(condition.value);
  // A flag is ticked, not filled in: 重大项目为是时.
  const op = condition.op === 'set' && field?.kind === 'flag' ? 'op.setFlag' : condition.op;
  return t('condition.when', { field: name, op: t(`condition.${op}`), value });
}
