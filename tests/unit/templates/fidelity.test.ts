import { describe, expect, it } from 'vitest';
import { findBuiltinTemplate, validateTemplate, TemplateError, type BoardTemplate } from '#lib/templates';
import { renderTemplatesDoc } from '#scripts/templates-doc';
import { citations, citedLines } from '#tests/helpers/seed-quotes';

const template = (id: string): BoardTemplate => findBuiltinTemplate(id)!;
const stage = (id: string, key: string) => template(id).stages.find((s) => s.key === key)!;

/** Whether an item of the stage (itself, checklist, gate, approvers, time rule or loop) cites `doc` at `line`. */
function cites(id: string, key: string, doc: string, line: number): boolean {
  const at = `stages[${template(id).stages.findIndex((s) => s.key === key)}]`;
  return citations(template(id)).some(
    ([path, r]) =>
      (path === at || path.startsWith(`${at}.`)) && r.doc === doc && citedLines(r.where).includes(line)
  );
}

describe('the templates say what the documents ask (issue 17, "Fidelity to the documents")', () => {
  it.each([
    // SC-007: activity record and mid-activity plan revision, in PR and in event planning.
    ['pr-activity', 'implementation', '002', 11],
    ['conference-event', 'on-site', '002', 11],
    // Events: progress and briefing meetings, periodic progress reports, spending, logistics.
    ['conference-event', 'pre-event', '003', 233],
    ['conference-event', 'pre-event', '003', 407],
    ['conference-event', 'pre-event', '003', 227],
    ['conference-event', 'on-site', '003', 237],
    // Campaign: other departments' views, no change without the leader, risk and emergency plans.
    ['campaign-execution', 'preparation', '001', 259],
    ['campaign-execution', 'execution', '001', 126],
    ['campaign-execution', 'preparation', '001', 296],
    ['campaign-execution', 'monitoring', '001', 297],
    ['campaign-execution', 'preparation', '001', 298],
    // SC-003's approval chain.
    ['campaign-execution', 'planning', '002', 7],
    // Brand plan by 12月15日 and the monthly news-coverage summary.
    ['pr-activity', 'planning', '004', 225],
    ['pr-activity', 'evaluation', '004', 239],
    // A 活动总结 stage for store openings.
    ['store-opening', 'summary', '004', 738],
    // Research reports go to the company, the departments concerned, and the archive.
    ['market-research', 'done', '000', 58],
    ['market-research', 'done', '000', 60],
    ['market-research', 'done', '000', 61]
  ])('%s, stage %s, cites %s l.%i', (id, key, doc, line) => {
    expect(cites(id, key, doc, line)).toBe(true);
  });

  it('has special activities approved by the general manager and routine ones by the product marketing manager', () => {
    const pr = stage('pr-activity', 'planning').gate!.approvers;
    const gm = pr.find((a) => a.level === 'general-manager')!;
    expect(gm.when?.['zh-CN']).toContain('特殊的市场活动');
    expect(pr.find((a) => a.title['zh-CN'] === '产品市场部经理')?.when?.['zh-CN']).toBe('常规的市场活动');
    const event = stage('conference-event', 'approval').gate!.approvers;
    expect(event.find((a) => a.level === 'general-manager')?.when?.['zh-CN']).toContain('技术交流会');
  });

  it('lists the campaign plan approvers in SC-003 order, with the head of marketing for changes only', () => {
    const gate = stage('campaign-execution', 'planning').gate!.approvers;
    expect(gate.map((a) => a.level)).toEqual(['manager', 'director', 'general-manager', 'manager']);
    expect(gate[3]!.title['zh-CN']).toBe('市场营销部主管领导');
    expect(gate[3]!.when).toBeDefined();
  });

  it('marks the design-review loops read from the flowchart as inferred', () => {
    const loops = template('design-review').stages.filter((s) => s.sendBackTo);
    expect(loops.length).toBe(4);
    for (const s of loops) expect(s.sendBackTo!.source?.inferred, s.key).toBeTruthy();
  });

  it('keeps the store-opening stages in order and ends with the inferred summary', () => {
    const keys = template('store-opening').stages.map((s) => s.key);
    expect(keys.slice(-2)).toEqual(['execution', 'summary']);
    expect(stage('store-opening', 'summary').source?.inferred).toBeTruthy();
  });

  it('says in docs/templates.md what is inferred and why', () => {
    const doc = renderTemplatesDoc();
    expect(doc).toContain('## Inferred rather than stated');
    expect(doc).toContain('video requests only');
    const reason = stage('design-review', 'proofing').sendBackTo!.source!.inferred!;
    expect(doc.split(reason).length).toBeGreaterThan(2); // beside the loop, and in the list
  });

  it('refuses an inferred marker that gives no reason, also on an approver', () => {
    const t = structuredClone(template('conference-event'));
    const approval = t.stages.findIndex((s) => s.key === 'approval');
    t.stages[approval]!.gate!.approvers[0]!.source!.inferred = ' ';
    expect(() => validateTemplate(t)).toThrow(TemplateError);
    try {
      validateTemplate(t);
    } catch (e) {
      expect((e as TemplateError).field).toBe(`stages[${approval}].gate.approvers[0].source.inferred`);
    }
  });
});
