import { t } from '$lib/i18n/i18n.svelte';
import type { Citation } from '$lib/templates/citation';

/** "《市场部工作手册》§2.2.4 会务流程，第 221–243 行" / "Market department handbook, §2.2.4 会务流程, lines 221–243". */
export function citationText(c: Citation): string {
  const doc = t(`templates.sourceDoc.${c.doc}`);
  const lines = c.lines.replace(/,\s*/g, t('templates.sourceLinesJoin'));
  if (!c.section)
    return t(c.range ? 'templates.sourceNoSection' : 'templates.sourceNoSectionLine', { doc, lines });
  return t(c.range ? 'templates.source' : 'templates.sourceLine', { doc, section: c.section, lines });
}
