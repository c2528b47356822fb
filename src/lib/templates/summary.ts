/**
 * What the template picker needs of a template: everything it previews, without the source
 * quotes (those are for docs/templates.md), so the board list page stays small.
 */
import type { BoardTemplate, Localized } from './types';
import { cleanTimeRule, type Department, type Gate, type TimeRule } from '../board/rules';
import { citationOf, type Citation } from './citation';
import { boardGate, boardText } from './convert';

export interface TemplateSummary {
  id: string;
  kind: BoardTemplate['kind'];
  name: Localized;
  description: Localized;
  /** What the card's date means, as a board stores it (for the time rules' wording). */
  dateLabel: Department | null;
  /** Where the process comes from, worded for people by the preview. */
  sources: Citation[];
  stages: {
    name: Localized;
    department: Localized | null;
    checklist: Localized[];
    gate: Gate | null;
    timeRule: TimeRule | null;
    sendBackTo: Localized | null;
    wipLimit: number | null;
  }[];
}

export function summarize(t: BoardTemplate): TemplateSummary {
  const byKey = new Map(t.stages.map((s) => [s.key, s.name]));
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    description: t.description,
    dateLabel: boardText(t.dateLabel),
    sources: t.sources.map(citationOf),
    stages: t.stages.map((s) => {
      // The rule without its source: the picker shows the rule, the docs show where it came from.
      const rule = s.timeRule ? cleanTimeRule(s.timeRule) : null;
      return {
        name: s.name,
        department: s.department ?? null,
        checklist: s.checklist.map((c) => c.text),
        gate: boardGate(s.gate),
        timeRule: rule,
        sendBackTo: s.sendBackTo ? (byKey.get(s.sendBackTo.stage) ?? null) : null,
        wipLimit: s.wipLimit?.limit ?? null
      };
    })
  };
}
