import { BoardError, type StageView } from '$lib/board';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { missingText } from './requirement-text';
import { approversText, stageName } from './rule-text';

/**
 * Runs a board operation from a control and returns why it was refused ('' when it ran), so the
 * component shows the reason beside the control instead of throwing into the UI.
 */
export function refusalOf(op: () => unknown, stages: readonly StageView[] = []): string {
  try {
    op();
    return '';
  } catch (e) {
    return refusalMessage(e, stages);
  }
}

/**
 * What to tell the person about an operation that threw, in their language, by the error's code
 * (the English message stays for logs). A closed gate is named with who approves it when the
 * board's stages are at hand.
 */
export function refusalMessage(e: unknown, stages: readonly StageView[] = []): string {
  if (!(e instanceof BoardError)) return t('error.generic', { message: String(e) });
  if (e.code === 'gate-closed') {
    const stage = stages.find((s) => s.id === e.stageId);
    return stage?.gate
      ? t('refusal.gate-closed', {
          stage: stageName(stage),
          // Those this card needs (预算 above the line brings in 总经理), else the stage's list.
          who: approversText({ approvers: e.approvers?.length ? e.approvers : stage.gate.approvers })
        })
      : t('refusal.gate-closed.unnamed');
  }
  if (e.code === 'exit-restricted') {
    const stage = stages.find((s) => s.id === e.stageId);
    return stage
      ? t('refusal.exit-restricted', { stage: stageName(stage) })
      : t('refusal.exit-restricted.unnamed');
  }
  if (e.code === 'requirements-unmet') {
    return t('refusal.requirements-unmet', {
      stage: stageName(stages.find((s) => s.id === e.stageId)),
      missing: missingText(e.missing ?? [])
    });
  }
  if (e.code === 'field-in-rules') {
    const names = stages.filter((s) => e.stageIds?.includes(s.id)).map(stageName);
    const quoted = names.map((n) => (i18n.locale === 'en' ? `“${n}”` : `「${n}」`));
    return names.length
      ? t('refusal.field-in-rules', { stages: quoted.join(i18n.locale === 'en' ? ', ' : '、') })
      : t('refusal.field-in-rules.unnamed');
  }
  return t(`refusal.${e.code}`);
}
