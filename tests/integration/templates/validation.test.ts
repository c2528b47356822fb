/**
 * What a team template may hold: a bad save or edit is refused saying what is wrong, and stores
 * nothing; fields a template does not have are dropped.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES } from '#server/templates/TemplateService';
import type { BoardTemplate } from '#lib/templates';
import { SAVER, refusal, useTemplateServer } from './templateFixture';

describe('team templates: what is refused', () => {
  const fx = useTemplateServer();
  const { savedTemplate } = fx;

  it('an invalid definition is refused with 400 naming the field, and nothing is stored', async () => {
    const { services } = fx;
    const template = await savedTemplate('Poster');
    const stored = await services.store.getTemplate(template.id);
    const edit = (change: (d: BoardTemplate) => void): BoardTemplate => {
      const d = structuredClone(template);
      change(d);
      return d;
    };
    const cases: [unknown, RegExp][] = [
      [edit((d) => (d.stages[1]!.name['zh-CN'] = '')), /stages\[1\]\.name\.zh-CN is empty/],
      [
        edit((d) => (d.stages[0]!.sendBackTo = { stage: 's3' })),
        /stages\[0\]\.sendBackTo\.stage "s3" names no earlier stage/
      ],
      [
        edit((d) => (d.stages[2]!.timeRule = { kind: 'monthly', day: 40 })),
        /stages\[2\]\.timeRule day must be 1–31/
      ],
      [edit((d) => (d.kind = 'builtin')), /: kind must be "team"/],
      [edit((d) => (d.id = 'team-someone-else')), /: id must be/],
      [edit((d) => (d.stages = [])), /: stages must hold at least one stage/],
      [{ ...template, stages: [null] }, /stages\[0\] must be an object/],
      ['not a template', /definition must be a template object/]
    ];
    for (const [definition, message] of cases) {
      const refused = await refusal(services.templates.update(SAVER, template.id, { definition }));
      expect(refused).toMatchObject({ status: 400, code: 'invalid-template' });
      expect(refused.message).toMatch(message);
    }
    const huge = { ...template, padding: 'x'.repeat(MAX_TEMPLATE_BYTES) };
    expect(await refusal(services.templates.update(SAVER, template.id, { definition: huge }))).toMatchObject({
      status: 413,
      code: 'too-large'
    });
    for (const name of ['   ', 'x'.repeat(201), 42]) {
      expect(await refusal(services.templates.update(SAVER, template.id, { name }))).toMatchObject({
        status: 400,
        code: 'invalid-name'
      });
    }
    expect(await refusal(services.templates.update(SAVER, template.id, {}))).toMatchObject({
      code: 'empty-patch'
    });
    expect(await services.store.getTemplate(template.id)).toEqual(stored);
  });

  it('keeps only the fields a template has when a client sends more', async () => {
    const { services } = fx;
    const template = await savedTemplate('Extra');
    const padded = {
      ...template,
      script: '<b>not a field</b>',
      stages: template.stages.map((s) => ({ ...s, onEnter: 'rm -rf' }))
    };
    const updated = await services.templates.update(SAVER, template.id, { definition: padded });
    expect(updated).toEqual(template);
    expect((await services.store.getTemplate(template.id))?.definition).toEqual(template);
  });

  it('saving refuses an unknown board (404) and a bad name or description (400), storing nothing', async () => {
    const { services } = fx;
    const { id } = await services.boards.create({ title: 'Real', templateId: 'blank' });
    for (const boardId of ['no-such-board', '../etc', undefined]) {
      expect(
        await refusal(services.templates.saveFromBoard({ owner: SAVER, boardId, name: 'X' }))
      ).toMatchObject({
        status: 404,
        code: 'unknown-board'
      });
    }
    for (const name of ['', ' \n ', 'x'.repeat(201), null]) {
      expect(
        await refusal(services.templates.saveFromBoard({ owner: SAVER, boardId: id, name }))
      ).toMatchObject({
        status: 400,
        code: 'invalid-name'
      });
    }
    expect(
      await refusal(
        services.templates.saveFromBoard({
          owner: SAVER,
          boardId: id,
          name: 'X',
          description: 'x'.repeat(1001)
        })
      )
    ).toMatchObject({ status: 400, code: 'invalid-description' });
    expect(await services.store.listTemplates()).toEqual([]);

    const described = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: id,
      name: 'X',
      description: 'Line one\nline two'
    });
    expect(described.description).toEqual({ 'zh-CN': 'Line one line two', en: 'Line one line two' });
  });
});
