/**
 * Who may change a team template: its owner and administrators; everyone signed in may use it.
 * Built-in templates are nobody's to change.
 */
import { describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, readStages, renameStage } from '#lib/board';
import { findBuiltinTemplate, type BoardTemplate } from '#lib/templates';
import { ADMIN, COLLEAGUE, SAVER, refusal, useTemplateServer } from './templateFixture';

describe('team templates: who may change them', () => {
  const fx = useTemplateServer();
  const { board, customisedBoard, savedTemplate } = fx;

  it('only its owner and administrators may rename, replace or delete a team template; others may use it', async () => {
    const { services } = fx;
    const template = await savedTemplate('Poster');
    expect((await services.store.getTemplate(template.id))?.ownerId).toBe(SAVER.id);
    const definition = structuredClone(template);
    definition.stages[0]!.name = { 'zh-CN': '改掉', en: 'Changed' };
    for (const attempt of [
      services.templates.update(COLLEAGUE, template.id, { name: 'Mine now' }),
      services.templates.update(COLLEAGUE, template.id, { definition }),
      services.templates.delete(COLLEAGUE, template.id)
    ]) {
      expect(await refusal(attempt)).toMatchObject({ status: 403, code: 'not-template-owner' });
    }
    expect(await services.templates.get(template.id)).toEqual(template);
    // Using it is everyone's: the colleague starts a board from it.
    const made = await services.boards.create({ title: 'Colleague’s', templateId: template.id });
    expect((await board(made.id)).stages[0]?.name).toBe(template.stages[0]?.name['zh-CN']);
    expect((await services.templates.listFor(COLLEAGUE)).changeable).toEqual([]);
    expect((await services.templates.listFor(SAVER)).changeable).toEqual([template.id]);
    expect((await services.templates.listFor(ADMIN)).changeable).toEqual([template.id]);

    expect((await services.templates.update(ADMIN, template.id, { name: 'Tidied' })).name.en).toBe('Tidied');
    // An administrator's edit leaves the template its saver's.
    expect((await services.store.getTemplate(template.id))?.ownerId).toBe(SAVER.id);
    await services.templates.delete(SAVER, template.id);
    expect(await refusal(services.templates.get(template.id))).toMatchObject({ status: 404 });
  });

  it('saving under a team template’s name is refused (409); replacing keeps its id and owner, and is its owner’s or an administrator’s', async () => {
    const { services } = fx;
    const boardId = await customisedBoard();
    const template = await services.templates.saveFromBoard({ owner: SAVER, boardId, name: 'Poster' });
    const again = services.templates.saveFromBoard({ owner: COLLEAGUE, boardId, name: ' poster ' });
    expect(await refusal(again)).toMatchObject({ status: 409, code: 'template-name-taken' });
    expect((await services.store.listTemplates()).length).toBe(1);

    const replace = (owner: typeof SAVER, id: string) =>
      services.templates.saveFromBoard({ owner, boardId, name: 'Poster', replace: id });
    expect(await refusal(replace(COLLEAGUE, template.id))).toMatchObject({
      status: 403,
      code: 'not-template-owner'
    });
    expect(await refusal(replace(SAVER, 'design-review'))).toMatchObject({
      status: 403,
      code: 'builtin-template'
    });
    expect(await refusal(replace(SAVER, 'team-nosuchtemplate'))).toMatchObject({ status: 404 });

    const stages = await services.rooms.read(boardId, readStages);
    await services.rooms.change(boardId, (doc) => renameStage(doc, stages[0]!.id, '需求沟通', SERVER_ORIGIN));
    for (const actor of [SAVER, ADMIN]) {
      const replaced = await replace(actor, template.id);
      expect(replaced.id).toBe(template.id);
      expect(replaced.stages[0]?.name['zh-CN']).toBe('需求沟通');
    }
    const stored = await services.store.listTemplates();
    expect(stored.map((t) => [t.id, t.ownerId])).toEqual([[template.id, SAVER.id]]);
  });

  it('built-in templates cannot be changed or deleted (403) and stay as they are', async () => {
    const { services } = fx;
    const definition = { ...(findBuiltinTemplate('design-review') as BoardTemplate), kind: 'team' };
    for (const attempt of [
      services.templates.update(SAVER, 'design-review', { name: 'Mine now' }),
      services.templates.update(SAVER, 'blank', { definition }),
      services.templates.delete(SAVER, 'design-review')
    ]) {
      const refused = await refusal(attempt);
      expect(refused).toMatchObject({ status: 403, code: 'builtin-template' });
      expect(refused.message).toMatch(/save that board as your own template/);
    }
    expect(await services.templates.get('design-review')).toBe(findBuiltinTemplate('design-review'));
  });
});
