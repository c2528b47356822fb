import { describe, expect, it } from 'vitest';
import { TEMPLATES, type SourceRef } from '#lib/templates';
import { citations, citedLines, quoteProblem, seedLines } from '#tests/helpers/seed-quotes';

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
