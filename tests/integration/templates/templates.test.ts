import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBoardRequestError } from '../../../server/boards/BoardRequestError';
import { getServices, type Services } from '../../../server/services';
import { isTemplateRequestError } from '../../../server/templates/TemplateRequestError';
import { MAX_TEMPLATE_BYTES } from '../../../server/templates/TemplateService';
import {
  LOCAL_ORIGIN,
  SERVER_ORIGIN,
  readBoard,
  readStages,
  renameStage,
  setStageRules,
  type BoardView
} from '../../../src/lib/board';
import { TEMPLATES, findBuiltinTemplate, type BoardTemplate } from '../../../src/lib/templates';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

/** A board's stages and rules by position, in the texts people see: what a template must carry over. */
function shape(board: BoardView) {
  const position = new Map(board.stages.map((s, i) => [s.id, i]));
  return board.stages.map((s) => ({
    name: s.name,
    department: s.department?.text ?? null,
    checklist: s.checklist.map((c) => c.text),
    gate: s.gate?.approvers.map((a) => `${a.level}: ${a.title}${a.when ? ` (${a.when})` : ''}`) ?? null,
    timeRule: s.timeRule,
    sendBackTo: s.sendBackTo === null ? null : position.get(s.sendBackTo),
    wipLimit: s.wipLimit
  }));
}

/** The account that saves the templates of these tests (their owner), a colleague, and an administrator. */
const SAVER = { id: 'u-saver', isAdmin: false };
const COLLEAGUE = { id: 'u-colleague', isAdmin: false };
const ADMIN = { id: 'u-admin', isAdmin: true };

/** The refusal a promise ends in, as the API would answer it. */
async function refusal(
  promise: Promise<unknown>
): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => new Error('expected the request to be refused'),
    (e: unknown) => e
  );
  if (!isTemplateRequestError(error) && !isBoardRequestError(error)) throw error;
  return { status: error.status, code: error.code, message: error.message };
}

describe('team templates on a real SQLite file', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let services: Services;

  const start = async () => {
    server = await startTestServer(tmp.dir);
    services = getServices();
  };
  const board = (id: string) => services.rooms.read(id, readBoard);

  /** A design-review board with one stage renamed and one stage's rules changed, as a team would. */
  async function customisedBoard(): Promise<string> {
    const { id } = await services.boards.create({ title: 'Spring poster', templateId: 'design-review' });
    const stages = await services.rooms.read(id, readStages);
    await services.rooms.change(id, (doc) => renameStage(doc, stages[1]!.id, '创意方案', SERVER_ORIGIN));
    await services.rooms.change(id, (doc) =>
      setStageRules(
        doc,
        stages[3]!.id,
        {
          timeRule: { kind: 'stage-days', days: 5, working: true },
          gate: { approvers: [{ title: '设计总监', titleAlt: 'Design director', level: 'director' }] }
        },
        SERVER_ORIGIN
      )
    );
    return id;
  }

  beforeEach(async () => {
    tmp = tempDir();
    await start();
  });

  afterEach(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('saving a board keeps its renamed stage, its changed rules and the template rules it started with', async () => {
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
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Poster'
    });
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

  it('only its owner and administrators may rename, replace or delete a team template; others may use it', async () => {
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Poster'
    });
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

  it('an invalid definition is refused with 400 naming the field, and nothing is stored', async () => {
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Poster'
    });
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
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Extra'
    });
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

  it('a deleted template is gone (404 after), and boards made from it keep their stages', async () => {
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Poster'
    });
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
    const template = await services.templates.saveFromBoard({
      owner: SAVER,
      boardId: await customisedBoard(),
      name: 'Poster'
    });
    const renamed = await services.templates.update(SAVER, template.id, { name: 'Kept poster' });
    await server.stop();
    await start();

    expect(await services.templates.get(template.id)).toEqual(renamed);
    expect((await services.templates.list()).at(-1)).toEqual(renamed);
    const made = await services.boards.create({ title: 'After restart', templateId: template.id });
    expect((await board(made.id)).stages.map((s) => s.name)).toEqual(
      renamed.stages.map((s) => s.name['zh-CN'])
    );
  });
});
