/**
 * What the template picker needs of a template: everything it previews, without the source
 * quotes (those are for docs/templates.md), so the board list page stays small.
 */
import type { BoardTemplate, Localized } from './types';
import type { ApproverLevel, TimeRule } from '../board/rules';

export interface TemplateSummary {
  id: string;
  kind: BoardTemplate['kind'];
  name: Localized;
  description: Localized;
  dateLabel: Localized | null;
  /** "001 营销推广活动执行流程, l.45–70" … */
  sources: string[];
  stages: {
    name: Localized;
    department: Localized | null;
    checklist: Localized[];
    approvers: { title: Localized; level: ApproverLevel; when: Localized | null }[];
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
    dateLabel: t.dateLabel ?? null,
    sources: t.sources.map((s) => `${s.doc} ${s.where}`),
    stages: t.stages.map((s) => {
      // Strip the rule's source: the picker shows the rule, the docs show where it came from.
      const rule = s.timeRule ? (({ source: _source, ...rest }) => rest as TimeRule)(s.timeRule) : null;
      return {
        name: s.name,
        department: s.department ?? null,
        checklist: s.checklist.map((c) => c.text),
        approvers: (s.gate?.approvers ?? []).map((a) => ({
          title: a.title,
          level: a.level,
          when: a.when ?? null
        })),
        timeRule: rule,
        sendBackTo: s.sendBackTo ? (byKey.get(s.sendBackTo.stage) ?? null) : null,
        wipLimit: s.wipLimit?.limit ?? null
      };
    })
  };
}
