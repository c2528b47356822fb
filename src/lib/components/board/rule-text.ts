/** Stage rules and deadlines in words, in the viewer's language. */
import {
  cardDeadlines,
  type Approver,
  type CardView,
  type Condition,
  type Deadline,
  type Department,
  type StageView,
  type TimeRule
} from '$lib/board';
import type { CalendarId } from '$lib/calendar';
import { i18n, t } from '$lib/i18n/i18n.svelte';

/** A board text in the viewer's language: the second-language text in English when there is one. */
export function pick(text: string, alt?: string | null): string {
  return i18n.locale === 'en' && alt ? alt : text;
}

export function stageName(stage: Pick<StageView, 'name' | 'altName'> | undefined): string {
  return stage ? pick(stage.name, stage.altName) : '?';
}

/**
 * Everyone who signs off at a gate (or, for a card, those its fields call for), with their
 * conditions: in words, or a field test put in words by `describe` (requirement-text conditionText).
 */
export function approversText(
  gate: { readonly approvers: readonly Approver[] },
  describe?: (condition: Condition) => string
): string {
  const sep = i18n.locale === 'en' ? ', ' : '、';
  return gate.approvers
    .map((a) => {
      const who = pick(a.title, a.titleAlt);
      if (a.when) return t('rule.when', { who, when: pick(a.when, a.whenAlt) });
      return a.if && describe ? t('rule.if', { subject: who, condition: describe(a.if) }) : who;
    })
    .join(sep);
}

/** What the card's date is called on this board; `inSentence` lower-cases it for English prose. */
export function dateLabelText(label: Department | null, inSentence = false): string {
  const text = label ? pick(label.text, label.alt) : t('rule.defaultDateLabel');
  return inSentence && i18n.locale === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function timeRuleText(rule: TimeRule, dateLabel: Department | null): string {
  switch (rule.kind) {
    case 'stage-days':
      return t(rule.working ? 'rule.stageWorkingDays' : 'rule.stageDays', { days: rule.days });
    case 'monthly':
      return t('rule.monthly', { day: rule.day });
    case 'start-by':
    case 'finish-by':
      return t(rule.kind === 'start-by' ? 'rule.startBy' : 'rule.finishBy', {
        amount: rule.amount,
        unit: t(`unit.${rule.unit}`),
        label: dateLabelText(dateLabel, true)
      });
  }
}

/** Why a card is late, for the overdue mark's tooltip and the panel. */
export function lateReason(d: Deadline, stage: StageView | undefined, dateLabel: Department | null): string {
  const params = { stage: stageName(stage), due: d.due, rule: timeRuleText(d.rule, dateLabel) };
  if (d.startedLate) return t('late.startedLate', params);
  switch (d.rule.kind) {
    case 'stage-days':
      return t('late.stageDays', params);
    case 'monthly':
      return t('late.monthly', params);
    case 'start-by':
      return t('late.startBy', params);
    case 'finish-by':
      return t('late.finishBy', params);
  }
}

/** Why a card shown in `stageId` is late: one reason per deadline it missed, none when on time. */
export function lateReasons(
  card: CardView,
  stageId: string,
  stages: readonly StageView[],
  dateLabel: Department | null,
  today: string,
  calendar: CalendarId
): string[] {
  return cardDeadlines({ ...card, stageId }, stages, today, calendar)
    .filter((d) => d.late)
    .map((d) =>
      lateReason(
        d,
        stages.find((s) => s.id === d.stageId),
        dateLabel
      )
    );
}
