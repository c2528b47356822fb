import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, readBoard, readFieldDefs, readRoleList } from '#lib/board';
import {
  TEMPLATES,
  TemplateError,
  boardInitFromTemplate,
  checkBuiltinTemplates,
  findBuiltinTemplate,
  templateFromBoard,
  validateTemplate,
  type BoardTemplate
} from '#lib/templates';
import { renderTemplatesDoc } from '#scripts/templates-doc';

const REQUIRED = [
  'campaign-execution',
  'design-review',
  'conference-event',
  'market-research',
  'holiday-promotion',
  'store-opening',
  'promo-material-production',
  'pr-activity',
  'monthly-sales-plan',
  'customer-complaint'
];

const copy = (t: BoardTemplate): BoardTemplate => structuredClone(t);

describe('the built-in template library', () => {
  it('holds the ten processes the documents describe, plus a blank board', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blank', ...REQUIRED]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s validates', (_id, template) => {
    expect(() => validateTemplate(template)).not.toThrow();
  });

  it('passes the start-up check the server runs before it listens', () => {
    expect(() => checkBuiltinTemplates()).not.toThrow();
  });

  it.each(REQUIRED)('%s has names in both languages and cites its documents', (id) => {
    const t = findBuiltinTemplate(id)!;
    expect(t.sources.length).toBeGreaterThan(0);
    for (const stage of t.stages) {
      expect(stage.name['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(stage.name.en).toMatch(/[A-Za-z]/);
      expect(stage.source).toBeDefined();
      for (const item of stage.checklist) expect(item.source).toBeDefined();
    }
  });

  it('carries the rules the issue names', () => {
    const design = findBuiltinTemplate('design-review')!;
    const proof = design.stages.find((s) => s.name['zh-CN'] === '校稿')!;
    const draft = design.stages.find((s) => s.name['zh-CN'] === '设计稿')!;
    expect(proof.sendBackTo?.stage).toBe(draft.key);
    expect(
      design.stages.some((s) => s.timeRule?.kind === 'start-by' && s.timeRule.unit === 'working-days')
    ).toBe(true);
    const holiday = findBuiltinTemplate('holiday-promotion')!;
    expect(holiday.stages.some((s) => s.timeRule?.kind === 'start-by' && s.timeRule.amount === 50)).toBe(
      true
    );
    const sales = findBuiltinTemplate('monthly-sales-plan')!;
    expect(sales.stages.some((s) => s.timeRule?.kind === 'monthly' && s.timeRule.day === 26)).toBe(true);
    const event = findBuiltinTemplate('conference-event')!;
    expect(event.stages.find((s) => s.key === 'pre-event')?.checklist.length).toBeGreaterThanOrEqual(5);
    // In 002 the one who approves is the product marketing manager, not the market manager doing the work.
    const research = findBuiltinTemplate('market-research')!;
    const titles = research.stages.flatMap((s) => s.gate?.approvers.map((a) => a.title['zh-CN']) ?? []);
    expect(titles).toContain('产品市场部经理');
    expect(titles).not.toContain('市场经理');
  });

  it('has a campaign planned with budget lines and targets and evaluated on its actuals (001 监测指标)', () => {
    const campaign = findBuiltinTemplate('campaign-execution')!;
    const doc = new Y.Doc();
    initBoard(doc, boardInitFromTemplate(campaign, 'x'));
    const requires = Object.fromEntries(
      readBoard(doc).stages.map((s, i) => [campaign.stages[i]!.key, s.requires])
    );
    expect(requires.planning).toEqual({ budget: true, targets: true });
    expect(requires.monitoring).toEqual({ actuals: true });
    // One budget, the lines: no 预算 field beside them.
    expect(readFieldDefs(doc)).toEqual([]);
  });
});

describe('template validation', () => {
  const base = () => copy(findBuiltinTemplate('design-review')!);
  const refuses = (t: BoardTemplate, field: RegExp) => {
    let error: unknown;
    try {
      validateTemplate(t);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(/^Template "design-review": /);
    expect((error as TemplateError).field).toMatch(field);
  };

  it('names the template and the field of an empty stage name', () => {
    const t = base();
    t.stages[2]!.name.en = '';
    refuses(t, /^stages\[2\]\.name\.en$/);
  });

  it('refuses a send-back to a later stage', () => {
    const t = base();
    t.stages[1]!.sendBackTo = { stage: t.stages[3]!.key, source: { doc: '004', where: 'x' } };
    refuses(t, /^stages\[1\]\.sendBackTo\.stage$/);
  });

  it('refuses a built-in rule without a source', () => {
    const t = base();
    delete t.stages[0]!.checklist[0]!.source;
    refuses(t, /^stages\[0\]\.checklist\[0\]\.source$/);
  });

  it('refuses a results requirement that is not yes or no', () => {
    const t = base();
    t.stages[0]!.requires = { actuals: 'all' as unknown as boolean, source: { doc: '004', where: 'x' } };
    refuses(t, /^stages\[0\]\.requires\.actuals$/);
  });

  it('refuses an unusable time rule, duplicate stage keys and an approver level it does not know', () => {
    const a = base();
    a.stages[0]!.timeRule = { kind: 'start-by', amount: 0, unit: 'days', source: { doc: '004', where: 'x' } };
    refuses(a, /^stages\[0\]\.timeRule$/);
    const b = base();
    b.stages[1]!.key = b.stages[0]!.key;
    refuses(b, /^stages\[1\]\.key$/);
    const c = base();
    const gated = c.stages.findIndex((s) => s.gate);
    (c.stages[gated]!.gate!.approvers[0] as { level: string }).level = 'boss';
    refuses(c, new RegExp(`^stages\\[${gated}\\]\\.gate\\.approvers\\[0\\]\\.level$`));
  });
});

describe('templates and boards', () => {
  it.each(REQUIRED)('a board made from %s holds its stages and rules', (id) => {
    const template = findBuiltinTemplate(id)!;
    const doc = new Y.Doc();
    initBoard(doc, boardInitFromTemplate(template, 'x'));
    const board = readBoard(doc);
    expect(board.meta.templateId).toBe(id);
    expect(board.stages.map((s) => [s.name, s.altName])).toEqual(
      template.stages.map((s) => [s.name['zh-CN'], s.name.en])
    );
    template.stages.forEach((s, i) => {
      const stage = board.stages[i]!;
      expect(stage.checklist.map((c) => c.text)).toEqual(s.checklist.map((c) => c.text['zh-CN']));
      expect(stage.gate?.approvers.map((a) => a.title) ?? []).toEqual(
        s.gate?.approvers.map((a) => a.title['zh-CN']) ?? []
      );
      expect(stage.timeRule?.kind ?? null).toBe(s.timeRule?.kind ?? null);
      const back = s.sendBackTo ? template.stages.findIndex((o) => o.key === s.sendBackTo!.stage) : -1;
      expect(stage.sendBackTo).toBe(back >= 0 ? board.stages[back]!.id : null);
      expect(stage.wipLimit).toBe(s.wipLimit?.limit ?? null);
    });
  });

  it('a board saved as a template makes the same board again', () => {
    const doc = new Y.Doc();
    initBoard(doc, boardInitFromTemplate(findBuiltinTemplate('design-review')!, 'x'));
    const saved = templateFromBoard(
      { ...readBoard(doc), fields: readFieldDefs(doc) },
      { id: 'team-abc', name: '我们的审稿流程' },
      readRoleList(doc)
    );
    expect(() => validateTemplate(saved)).not.toThrow();
    expect(saved.kind).toBe('team');
    const again = new Y.Doc();
    initBoard(again, boardInitFromTemplate(saved, 'y'));
    const strip = (d: Y.Doc) =>
      readBoard(d).stages.map(({ id: _id, rank: _rank, sendBackTo, ...rest }) => ({
        ...rest,
        sendBackTo: sendBackTo ? readBoard(d).stages.findIndex((s) => s.id === sendBackTo) : null
      }));
    expect(strip(again)).toEqual(strip(doc));
    expect(readBoard(again).meta.dateLabel).toEqual(readBoard(doc).meta.dateLabel);
  });
});

describe('docs/templates.md', () => {
  it('is generated from the template data and up to date (npm run docs:templates)', () => {
    const onDisk = readFileSync(new URL('../../../docs/templates.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderTemplatesDoc());
  });

  it('lists the source of every stage, checklist item, gate and time rule', () => {
    const doc = renderTemplatesDoc();
    for (const t of TEMPLATES.filter((x) => x.id !== 'blank')) {
      expect(doc).toContain(`(\`${t.id}\`)`);
      for (const s of t.stages) {
        expect(doc).toContain(`${s.source!.doc} ${s.source!.where}`);
        for (const item of s.checklist)
          expect(doc).toContain(`${item.text['zh-CN']} — ${item.text.en} · ${item.source!.doc}`);
      }
    }
    expect(doc).not.toContain('_no source_');
  });
});
