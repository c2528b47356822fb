import { describe, expect, it } from 'vitest';
import { TEMPLATES, type BoardTemplate, type SourceRef } from '#lib/templates';
import { citedLines, quoteProblem, seedLines } from '#tests/helpers/seed-quotes';

/** Every citation in a template, with the path of the item it belongs to. */
function citations(t: BoardTemplate): [string, SourceRef][] {
  const out: [string, SourceRef][] = t.sources.map((ref, i) => [`sources[${i}]`, ref]);
  t.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    if (s.source) out.push([at, s.source]);
    s.checklist.forEach((c, j) => c.source && out.push([`${at}.checklist[${j}]`, c.source]));
    if (s.gate?.source) out.push([`${at}.gate`, s.gate.source]);
    s.gate?.approvers.forEach((a, j) => a.source && out.push([`${at}.gate.approvers[${j}]`, a.source]));
    if (s.timeRule?.source) out.push([`${at}.timeRule`, s.timeRule.source]);
    if (s.sendBackTo?.source) out.push([`${at}.sendBackTo`, s.sendBackTo.source]);
  });
  return out;
}

const ALL = TEMPLATES.flatMap((t) => citations(t).map(([path, ref]) => [`${t.id} ${path}`, ref] as const));

describe('quotes in the built-in templates', () => {
  it('are found at the lines they cite in the seed documents', () => {
    const quoted = ALL.filter(([, ref]) => ref.quote);
    expect(quoted.length).toBeGreaterThan(300);
    const wrong = quoted.flatMap(([path, ref]) => {
      const problem = quoteProblem(ref);
      return problem ? [`${path}: ${problem}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('cite lines that exist', () => {
    const bad = ALL.filter(([, ref]) => {
      const lines = citedLines(ref.where);
      return lines.some((n) => n < 1 || n > seedLines(ref.doc).length);
    });
    expect(bad.map(([path]) => path)).toEqual([]);
  });

  it('fail the check when a quote is moved to other lines or altered', () => {
    const ref: SourceRef = { doc: '002', where: 'SC-004 step 1, l.7', quote: '每月26日以销售计划表的形式' };
    expect(quoteProblem(ref)).toBeNull();
    expect(quoteProblem({ ...ref, where: 'SC-004 step 1, l.9' })).toMatch(/is not in 002 l\.9/);
    expect(quoteProblem({ ...ref, quote: '每月25日以销售计划表的形式' })).not.toBeNull();
  });

  it('read 003 converted to simplified Chinese without its pinyin glosses', () => {
    // 003 l.241 reads 營銷會議方案確定、細(xì)化 in the document.
    expect(quoteProblem({ doc: '003', where: 'l.241', quote: '营销会议方案确定、细化' })).toBeNull();
  });

  it('mark inferred items with a reason', () => {
    for (const [path, ref] of ALL) {
      if (ref.inferred !== undefined) expect(ref.inferred.trim().length, path).toBeGreaterThan(10);
    }
  });
});
