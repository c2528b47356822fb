import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES } from '../../../server/templates/TemplateService';
import { SERVER_ORIGIN, readStages, renameStage } from '../../../src/lib/board';
import { TEMPLATES, findBuiltinTemplate, type BoardTemplate } from '../../../src/lib/templates';
import { refusal } from '../helpers/refusal';
import { ADMIN, COLLEAGUE, SAVER, templateServerPerTest, shape } from './templateFixture';

/** Who may change a team template, and what a save or change refuses, on a real SQLite file. */
describe('team templates refuse what they must', () => {
  const f = templateServerPerTest();

  it('only its owner and administrators may rename, replace or delete a team template; others may use it', async () => {
    const template = await f.posterTemplate();
    expect((await f.services.store.getTemplate(template.id))?.ownerId).toBe(SAVER.id);
    const definition = structuredClone(template);
    definition.stages[0]!.name = { 'zh-CN': '改掉', en: 'Changed' };
    for (const attempt of [
      f.services.templates.update(COLLEAGUE, template.id, { name: 'Mine now' }),
      f.services.templates.update(COLLEAGUE, template.id, { definition }),
      f.services.templates.delete(COLLEAGUE, template.id)
    ]) {
      expect(await refusal(attempt)).toMatchObject({ status: 403, code: 'not-template-owner' });
    }
    expect(await f.services.templates.get(template.id)).toEqual(template);
    // Using it is everyone's: the colleague starts a board from it.
    const made = await f.services.boards.create({ title: 'Colleague’s', templateId: template.id });
    expect((await f.board(made.id)).stages[0]?.name).toBe(template.stages[0]?.name['zh-CN']);
    expect((await f.services.templates.listFor(COLLEAGUE)).changeable).toEqual([]);
    expect((await f.services.templates.listFor(SAVER)).changeable).toEqual([template.id]);
    expect((await f.services.templates.listFor(ADMIN)).changeable).toEqual([template.id]);

    expect((await f.services.templates.update(ADMIN, template.id, { name: 'Tidied' })).name.en).toBe(
      'Tidied'
    );
    // An administrator's edit leaves the template its saver's.
    expect((await f.services.store.getTemplate(template.id))?.ownerId).toBe(SAVER.id);
    await f.services.templates.delete(SAVER, template.id);
    expect(await refusal(f.services.templates.get(template.id))).toMatchObject({ status: 404 });
  });

  it('saving under a team template’s name is refused (409); replacing keeps its id and owner, and is its owner’s or an administrator’s', async () => {
    const boardId = await f.customisedBoard();
    const template = await f.services.templates.saveFromBoard({ owner: SAVER, boardId, name: 'Poster' });
    const again = f.services.templates.saveFromBoard({ owner: COLLEAGUE, boardId, name: ' poster ' });
    expect(await refusal(again)).toMatchObject({ status: 409, code: 'template-name-taken' });
    expect((await f.services.store.listTemplates()).length).toBe(1);

    const replace = (owner: typeof SAVER, id: string) =>
      f.services.templates.saveFromBoard({ owner, boardId, name: 'Poster', replace: id });
    expect(await refusal(replace(COLLEAGUE, template.id))).toMatchObject({
      status: 403,
      code: 'not-template-owner'
    });
    expect(await refusal(replace(SAVER, 'design-review'))).toMatchObject({
      status: 403,
      code: 'builtin-template'
    });
    expect(await refusal(replace(SAVER, 'team-nosuchtemplate'))).toMatchObject({ status: 404 });

    const stages = await f.services.rooms.read(boardId, readStages);
    await f.services.rooms.change(boardId, (doc) =>
      renameStage(doc, stages[0]!.id, '需求沟通', SERVER_ORIGIN)
    );
    for (const actor of [SAVER, ADMIN]) {
      const replaced = await replace(actor, template.id);
      expect(replaced.id).toBe(template.id);
      expect(replaced.stages[0]?.name['zh-CN']).toBe('需求沟通');
    }
    const stored = await f.services.store.listTemplates();
    expect(stored.map((t) => [t.id, t.ownerId])).toEqual([[template.id, SAVER.id]]);
  });

  it('built-in templates cannot be changed or deleted (403) and stay as they are', async () => {
    const definition = { ...(findBuiltinTemplate('design-review') as BoardTemplate), kind: 'team' };
    for (const attempt of [
      f.services.templates.update(SAVER, 'design-review', { name: 'Mine now' }),
      f.services.templates.update(SAVER, 'blank', { definition }),
      f.services.templates.delete(SAVER, 'design-review')
    ]) {
      const refused = await refusal(attempt);
      expect(refused).toMatchObject({ status: 403, code: 'builtin-template' });
      expect(refused.message).toMatch(/save that board as your own template/);
    }
    expect(await f.services.templates.get('design-review')).toBe(findBuiltinTemplate('design-review'));
  });

  it('an invalid definition is refused with 400 naming the field, and nothing is stored', async () => {
    const template = await f.posterTemplate();
    const stored = await f.services.store.getTemplate(template.id);
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
      const refused = await refusal(f.services.templates.update(SAVER, template.id, { definition }));
      expect(refused).toMatchObject({ status: 400, code: 'invalid-template' });
      expect(refused.message).toMatch(message);
    }
    const huge = { ...template, padding: 'x'.repeat(MAX_TEMPLATE_BYTES) };
    expect(
      await refusal(f.services.templates.update(SAVER, template.id, { definition: huge }))
    ).toMatchObject({
      status: 413,
      code: 'too-large'
    });
    for (const name of ['   ', 'x'.repeat(201), 42]) {
      expect(await refusal(f.services.templates.update(SAVER, template.id, { name }))).toMatchObject({
        status: 400,
        code: 'invalid-name'
      });
    }
    expect(await refusal(f.services.templates.update(SAVER, template.id, {}))).toMatchObject({
      code: 'empty-patch'
    });
    expect(await f.services.store.getTemplate(template.id)).toEqual(stored);
  });

  it('keeps only the fields a template has when a client sends more', async () => {
    const template = await f.services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await f.customisedBoard(),
      name: 'Extra'
    });
    const padded = {
      ...template,
      script: '<b>not a field</b>',
      stages: template.stages.map((s) => ({ ...s, onEnter: 'rm -rf' }))
    };
    const updated = await f.services.templates.update(SAVER, template.id, { definition: padded });
    expect(updated).toEqual(template);
    expect((await f.services.store.getTemplate(template.id))?.definition).toEqual(template);
  });

  it('saving refuses an unknown board (404) and a bad name or description (400), storing nothing', async () => {
    const { id } = await f.services.boards.create({ title: 'Real', templateId: 'blank' });
    for (const boardId of ['no-such-board', '../etc', undefined]) {
      expect(
        await refusal(f.services.templates.saveFromBoard({ owner: SAVER, boardId, name: 'X' }))
      ).toMatchObject({
        status: 404,
        code: 'unknown-board'
      });
    }
    for (const name of ['', ' \n ', 'x'.repeat(201), null]) {
      expect(
        await refusal(f.services.templates.saveFromBoard({ owner: SAVER, boardId: id, name }))
      ).toMatchObject({
        status: 400,
        code: 'invalid-name'
      });
    }
    expect(
      await refusal(
        f.services.templates.saveFromBoard({
          owner: SAVER,
          boardId: id,
          name: 'X',
          description: 'x'.repeat(1001)
        })
      )
    ).toMatchObject({ status: 400, code: 'invalid-description' });
    expect(await f.services.store.listTemplates()).toEqual([]);

    const described = await f.services.templates.saveFromBoard({
      owner: SAVER,
      boardId: id,
      name: 'X',
      description: 'Line one\nline two'
    });
    expect(described.description).toEqual({ 'zh-CN': 'Line one line two', en: 'Line one line two' });
  });

  it('a deleted template is gone (404 after), and boards made from it keep their stages', async () => {
    const template = await f.posterTemplate();
    const made = await f.services.boards.create({ title: 'Made', templateId: template.id });
    const madeShape = shape(await f.board(made.id));

    await f.services.templates.delete(SAVER, template.id);
    expect(await refusal(f.services.templates.get(template.id))).toMatchObject({
      status: 404,
      code: 'not-found'
    });
    expect(await refusal(f.services.templates.delete(SAVER, template.id))).toMatchObject({ status: 404 });
    expect(await refusal(f.services.templates.update(SAVER, template.id, { name: 'Back' }))).toMatchObject({
      status: 404
    });
    expect(await refusal(f.services.boards.create({ title: 'Late', templateId: template.id }))).toMatchObject(
      {
        status: 400,
        code: 'unknown-template'
      }
    );
    expect(await refusal(f.services.templates.get('Not An Id!'))).toMatchObject({ status: 404 });
    expect(shape(await f.board(made.id))).toEqual(madeShape);
    expect(await f.services.templates.list()).toEqual(TEMPLATES);
  });
});
