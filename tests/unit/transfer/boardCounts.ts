import type * as Y from 'yjs';
import { readChecklistItems, readLabels, readStages } from '#lib/board';
import type { ImportCounts } from '#lib/transfer/import-plan';

/** What an imported board holds, counted from its document as the preview counts its plan. */
export function boardCounts(doc: Y.Doc): ImportCounts {
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  const counts: ImportCounts = {
    stages: readStages(doc).length,
    cards: cards.size,
    archived: 0,
    checklists: 0,
    checklistItems: 0,
    checkedItems: 0,
    comments: 0,
    labels: readLabels(doc).length,
    links: 0
  };
  for (const card of cards.values()) {
    if (card.get('archived') === true) counts.archived++;
    counts.checklists += (card.get('checklists') as Y.Map<unknown>).size;
    const items = readChecklistItems(card);
    counts.checklistItems += items.length;
    counts.checkedItems += items.filter((i) => i.done).length;
    counts.comments += (card.get('comments') as Y.Map<unknown>).size;
    counts.links += linksOf(String(card.get('description') ?? '')).length;
  }
  return counts;
}

/** The links an import wrote under a description (import-plan.ts Fitter.description): after its last rule. */
export function linksOf(description: string): string[] {
  const at = description.lastIndexOf('---\n');
  if (at < 0) return [];
  return description.slice(at + 4).match(/^- \[[^\]\n]*\]\(https?:\/\/[^\s)]+\)$/gm) ?? [];
}
