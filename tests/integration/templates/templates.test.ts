import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, readStages, renameStage } from '../../../src/lib/board';
import { TEMPLATES, findBuiltinTemplate, type BoardTemplate } from '../../../src/lib/templates';
import { connectClient, waitFor } from '../helpers/syncHarness';
import { SAVER, templateServerPerTest, shape } from './templateFixture';

/** Saving boards as team templates and making boards from them, on a real SQLite file. */
describe('team templates on a real SQLite file', () => {
  const f = templateServerPerTest();

  it('saving a board keeps its renamed stage, its changed rules and the template rules it started with', async () => {
    const boardId = await f.customisedBoard();
    const saved = await f.services.templates.saveFromBoard({
      owner: SAVER,
      boardId,
      name: '  Poster\n review '
    });
    const builtin = findBuiltinTemplate('design-review') as BoardTemplate;

    expect(saved.id).toMatch(/^team-[a-z0-9]{20}$/);
    expect(saved).toMatchObject({ kind: 'team', name: { 'zh-CN': 'Poster review', en: 'Poster review' } });
    expect(saved.dateLabel).toEqual(builtin.dateLabel);
    expect(saved.stages.map((s) => s.name['zh-CN'])).toEqual(
      builtin.stages.map((s, i) => (i === 1 ? '创意方案' : s.name['zh-CN']))
    );
    expect(saved.stages[0]?.name.en).toBe(builtin.stages[0]?.name.en);
    expect(saved.stages[3]?.timeRule).toEqual({ kind: 'stage-days', days: 5, working: true });
    expect(saved.stages[3]?.gate).toEqual({
      approvers: [{ title: { 'zh-CN': '设计总监', en: 'Design director' }, level: 'director' }]
    });
    // toEqual ignores a property that is undefined: the board keeps the rule, not where it was cited from.
    expect(saved.stages[0]?.timeRule).toEqual({ ...builtin.stages[0]?.timeRule, source: undefined });
    expect(saved.stages.map((s) => s.checklist.length)).toEqual(
      builtin.stages.map((s) => s.checklist.length)
    );
    expect(saved.stages.map((s) => s.sendBackTo?.stage ?? null)).toEqual(
      builtin.stages.map((s) => {
        const to = builtin.stages.findIndex((o) => o.key === s.sendBackTo?.stage);
        return to < 0 ? null : `s${to + 1}`;
      })
    );

    expect(await f.services.templates.get(saved.id)).toEqual(saved);
    const listed = await f.services.templates.list();
    expect(listed.slice(0, TEMPLATES.length)).toEqual(TEMPLATES);
    expect(listed.slice(TEMPLATES.length)).toEqual([saved]);
    expect((await f.services.store.getTemplate(saved.id))?.sourceBoardId).toBe(boardId);
  });

  it('a save reads the live board, including an edit a connected client made a moment ago', async () => {
    const { id } = await f.services.boards.create({
      title: 'Live',
      templateId: 'blank',
      creatorId: f.server.owner.id
    });
    const client = await connectClient(f.server, id);
    try {
      const first = readStages(client.doc)[0]!;
      renameStage(client.doc, first.id, '客户刚改的', LOCAL_ORIGIN);
      await waitFor('the server to apply the rename', () =>
        f.services.rooms.read(id, (doc) => readStages(doc)[0]?.name === '客户刚改的')
      );
      const saved = await f.services.templates.saveFromBoard({
        owner: SAVER,
        boardId: id,
        name: 'Live copy'
      });
      expect(saved.stages[0]?.name['zh-CN']).toBe('客户刚改的');
    } finally {
      client.destroy();
    }
  });

  it('a board made from a team template gets its stages, checklists, gate, time rule and send-back loops', async () => {
    const sourceId = await f.customisedBoard();
    const template = await f.services.templates.saveFromBoard({
      owner: SAVER,
      boardId: sourceId,
      name: 'Poster review'
    });

    const record = await f.services.boards.create({ title: 'Summer poster', templateId: template.id });
    expect(record.templateId).toBe(template.id);
    const made = await f.board(record.id);
    const source = shape(await f.board(sourceId));
    expect(made.meta.templateId).toBe(template.id);
    expect(made.meta.dateLabel?.text).toBe(findBuiltinTemplate('design-review')?.dateLabel?.['zh-CN']);
    expect(shape(made)).toEqual(source);
    // Not vacuous: the source board has every kind of rule the template must carry.
    expect(source[1]?.name).toBe('创意方案');
    expect(source[3]).toMatchObject({
      timeRule: { kind: 'stage-days', days: 5 },
      gate: ['director: 设计总监']
    });
    expect(source.filter((s) => s.sendBackTo !== null).length).toBeGreaterThan(1);
    expect(source.some((s) => s.checklist.length > 0 && s.wipLimit !== null)).toBe(true);
  });

  it('editing a team template leaves boards made from it alone; boards made afterwards get the edit', async () => {
    const template = await f.posterTemplate();
    const before = await f.services.boards.create({ title: 'Before', templateId: template.id });
    const beforeShape = shape(await f.board(before.id));

    const definition = structuredClone(template);
    definition.stages[0]!.name = { 'zh-CN': '需求沟通', en: 'Brief' };
    const dropped = definition.stages[0]!.checklist.pop();
    const updated = await f.services.templates.update(SAVER, template.id, { definition, name: 'Poster v2' });
    expect(updated.name).toEqual({ 'zh-CN': 'Poster v2', en: 'Poster v2' });
    expect((await f.services.store.getTemplate(template.id))?.name).toBe('Poster v2');

    const after = await f.services.boards.create({ title: 'After', templateId: template.id });
    expect(shape(await f.board(before.id))).toEqual(beforeShape);
    const afterShape = shape(await f.board(after.id));
    expect(afterShape[0]?.name).toBe('需求沟通');
    expect(afterShape[0]?.checklist).toEqual(beforeShape[0]?.checklist.slice(0, -1));
    expect(afterShape[0]?.checklist).not.toContain(dropped?.text['zh-CN']);
    expect(afterShape.slice(1)).toEqual(beforeShape.slice(1));
  });

  it('team templates survive a restart on the same SQLite file', async () => {
    const template = await f.posterTemplate();
    const renamed = await f.services.templates.update(SAVER, template.id, { name: 'Kept poster' });
    await f.restart();

    expect(await f.services.templates.get(template.id)).toEqual(renamed);
    expect((await f.services.templates.list()).at(-1)).toEqual(renamed);
    const made = await f.services.boards.create({ title: 'After restart', templateId: template.id });
    expect((await f.board(made.id)).stages.map((s) => s.name)).toEqual(
      renamed.stages.map((s) => s.name['zh-CN'])
    );
  });
});
