/**
 * A team template carries a board's stages and rules to the boards made from it, and never reaches
 * back into boards made before an edit or a deletion.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, readStages, renameStage } from '#lib/board';
import { TEMPLATES, findBuiltinTemplate, type BoardTemplate } from '#lib/templates';
import { connectClient, waitFor } from '../helpers/syncHarness';
import { SAVER, refusal, shape, useTemplateServer } from './templateFixture';

describe('team templates: saving a board, and the boards made from it', () => {
  const fx = useTemplateServer();
  const { board, customisedBoard, savedTemplate } = fx;

  it('saving a board keeps its renamed stage, its changed rules and the template rules it started with', async () => {
    const { services } = fx;
    const boardId = await customisedBoard();
    const saved = await services.templates.saveFromBoard({
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

    expect(await services.templates.get(saved.id)).toEqual(saved);
    const listed = await services.templates.list();
    expect(listed.slice(0, TEMPLATES.length)).toEqual(TEMPLATES);
    expect(listed.slice(TEMPLATES.length)).toEqual([saved]);
    expect((await services.store.getTemplate(saved.id))?.sourceBoardId).toBe(boardId);
  });

  it('a save reads the live board, including an edit a connected client made a moment ago', async () => {
    const { services, server } = fx;
    const { id } = await services.boards.create({
      title: 'Live',
      templateId: 'blank',
      creatorId: server.owner.id
    });
    const client = await connectClient(server, id);
    try {
      const first = readStages(client.doc)[0]!;
      renameStage(client.doc, first.id, '客户刚改的', LOCAL_ORIGIN);
      await waitFor('the server to apply the rename', () =>
        services.rooms.read(id, (doc) => readStages(doc)[0]?.name === '客户刚改的')
      );
      const saved = await services.templates.saveFromBoard({ owner: SAVER, boardId: id, name: 'Live copy' });
      expect(saved.stages[0]?.name['zh-CN']).toBe('客户刚改的');
    } finally {
      client.destroy();
    }
  });

  it('a board made from a team template gets its stages, checklists, gate, time rule and send-back loops', async () => {
    const { services } = fx;
    const sourceId = await customisedBoard();
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: sourceId,
      name: 'Poster review'
    });

    const record = await services.boards.create({ title: 'Summer poster', templateId: template.id });
    expect(record.templateId).toBe(template.id);
    const made = await board(record.id);
    const source = shape(await board(sourceId));
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
    const { services } = fx;
    const template = await savedTemplate('Poster');
    const before = await services.boards.create({ title: 'Before', templateId: template.id });
    const beforeShape = shape(await board(before.id));

    const definition = structuredClone(template);
    definition.stages[0]!.name = { 'zh-CN': '需求沟通', en: 'Brief' };
    const dropped = definition.stages[0]!.checklist.pop();
    const updated = await services.templates.update(SAVER, template.id, { definition, name: 'Poster v2' });
    expect(updated.name).toEqual({ 'zh-CN': 'Poster v2', en: 'Poster v2' });
    expect((await services.store.getTemplate(template.id))?.name).toBe('Poster v2');

    const after = await services.boards.create({ title: 'After', templateId: template.id });
    expect(shape(await board(before.id))).toEqual(beforeShape);
    const afterShape = shape(await board(after.id));
    expect(afterShape[0]?.name).toBe('需求沟通');
    expect(afterShape[0]?.checklist).toEqual(beforeShape[0]?.checklist.slice(0, -1));
    expect(afterShape[0]?.checklist).not.toContain(dropped?.text['zh-CN']);
    expect(afterShape.slice(1)).toEqual(beforeShape.slice(1));
  });

  it('a deleted template is gone (404 after), and boards made from it keep their stages', async () => {
    const { services } = fx;
    const template = await savedTemplate('Poster');
    const made = await services.boards.create({ title: 'Made', templateId: template.id });
    const madeShape = shape(await board(made.id));

    await services.templates.delete(SAVER, template.id);
    expect(await refusal(services.templates.get(template.id))).toMatchObject({
      status: 404,
      code: 'not-found'
    });
    expect(await refusal(services.templates.delete(SAVER, template.id))).toMatchObject({ status: 404 });
    expect(await refusal(services.templates.update(SAVER, template.id, { name: 'Back' }))).toMatchObject({
      status: 404
    });
    expect(await refusal(services.boards.create({ title: 'Late', templateId: template.id }))).toMatchObject({
      status: 400,
      code: 'unknown-template'
    });
    expect(await refusal(services.templates.get('Not An Id!'))).toMatchObject({ status: 404 });
    expect(shape(await board(made.id))).toEqual(madeShape);
    expect(await services.templates.list()).toEqual(TEMPLATES);
  });

  it('team templates survive a restart on the same SQLite file', async () => {
    let { services } = fx;
    const template = await savedTemplate('Poster');
    const renamed = await services.templates.update(SAVER, template.id, { name: 'Kept poster' });
    await fx.restart();
    ({ services } = fx);

    expect(await services.templates.get(template.id)).toEqual(renamed);
    expect((await services.templates.list()).at(-1)).toEqual(renamed);
    const made = await services.boards.create({ title: 'After restart', templateId: template.id });
    expect((await board(made.id)).stages.map((s) => s.name)).toEqual(
      renamed.stages.map((s) => s.name['zh-CN'])
    );
  });
});
