import { expect, it, vi } from 'vitest';
import type { DocStore, NewTemplate } from '#server/store/DocStore';
import type { BoardTemplate } from '#lib/templates/types';

/** What the template rules need from the contract suite: the store under test, and reopening it. */
export interface TemplateRuleContext {
  store: () => DocStore;
  reopen: () => Promise<DocStore>;
  persistent: boolean;
}

/** A definition with every nesting a real one has: localized texts, lists, a gate, rules, a loop. */
export function sampleDefinition(id: string, firstStage = '策划'): BoardTemplate {
  return {
    id,
    kind: 'team',
    name: { 'zh-CN': '我们的发布流程', en: 'Our launch process' },
    description: { 'zh-CN': '团队自己的流程', en: 'The team’s own process' },
    sources: [],
    dateLabel: { 'zh-CN': '上线日期', en: 'Go-live date' },
    stages: [
      {
        key: 's1',
        name: { 'zh-CN': firstStage, en: 'Planning' },
        department: { 'zh-CN': '市场部', en: 'Marketing' },
        checklist: [{ text: { 'zh-CN': '写方案', en: 'Write the plan' } }],
        gate: { approvers: [{ title: { 'zh-CN': '总监', en: 'Director' }, level: 'director' }] },
        timeRule: { kind: 'finish-by', amount: 10, unit: 'working-days' }
      },
      {
        key: 's2',
        name: { 'zh-CN': '设计', en: 'Design' },
        checklist: [],
        sendBackTo: { stage: 's1' },
        wipLimit: { limit: 3 }
      }
    ]
  };
}

const newTemplate = (id: string, name = `Template ${id}`): NewTemplate => ({
  id,
  name,
  definition: sampleDefinition(id),
  sourceBoardId: 'board-1',
  ownerId: 'user-1'
});
/** Lets a test hand the store a value its types forbid, as a JavaScript caller could. */
const unchecked = <T>(value: unknown): T => value as T;

/**
 * Team-template rules of the DocStore contract (S14…), registered inside docStoreContract's
 * describe so they run against every store with the same fixture. Kept in their own file so the
 * document-log rules stay readable in one sitting.
 */
export function templateContractRules(ctx: TemplateRuleContext): void {
  it('S14 a created template reads back deep-equal through get and list', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1000);
    const store = ctx.store();
    const created = await store.createTemplate(newTemplate('team-a'));
    const expected = {
      id: 'team-a',
      name: 'Template team-a',
      definition: sampleDefinition('team-a'),
      sourceBoardId: 'board-1',
      ownerId: 'user-1',
      createdAt: 1000,
      updatedAt: 1000
    };
    expect(created).toEqual(expected);
    expect(await store.getTemplate('team-a')).toEqual(expected);
    expect(await store.listTemplates()).toEqual([expected]);
    const orphan = await store.createTemplate({
      ...newTemplate('team-b'),
      sourceBoardId: null,
      ownerId: null
    });
    expect(orphan).toMatchObject({ sourceBoardId: null, ownerId: null });
  });

  it('S15 templates list most recently updated first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = ctx.store();
    for (const [id, time] of [
      ['team-a', 1000],
      ['team-b', 2000],
      ['team-c', 3000],
      ['team-d', 3000]
    ] as const) {
      vi.setSystemTime(time);
      await store.createTemplate(newTemplate(id));
    }
    vi.setSystemTime(4000);
    await store.updateTemplate('team-a', { name: 'Touched' });
    // Same millisecond: the template created later counts as newer.
    expect((await store.listTemplates()).map((t) => t.id)).toEqual(['team-a', 'team-d', 'team-c', 'team-b']);
  });

  it('S16 updateTemplate changes name and/or definition and bumps only updatedAt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1000);
    const store = ctx.store();
    const created = await store.createTemplate(newTemplate('team-a', 'Old name'));

    vi.setSystemTime(2000);
    const renamed = { ...created, name: 'New name', updatedAt: 2000 };
    expect(await store.updateTemplate('team-a', { name: 'New name' })).toEqual(renamed);

    vi.setSystemTime(3000);
    const definition = sampleDefinition('team-a', '新策划');
    const redefined = { ...renamed, definition, updatedAt: 3000 };
    expect(await store.updateTemplate('team-a', { definition })).toEqual(redefined);
    expect(await store.getTemplate('team-a')).toEqual(redefined);

    vi.setSystemTime(4000);
    const both = {
      ...redefined,
      name: 'Both',
      definition: sampleDefinition('team-a', '三'),
      updatedAt: 4000
    };
    expect(await store.updateTemplate('team-a', { name: both.name, definition: both.definition })).toEqual(
      both
    );
    expect(await store.listTemplates()).toEqual([both]);
  });

  it('S17 deleteTemplate removes only that template and reports that it existed', async () => {
    const store = ctx.store();
    await store.createTemplate(newTemplate('team-gone'));
    await store.createTemplate(newTemplate('team-kept'));
    expect(await store.deleteTemplate('team-gone')).toBe(true);
    expect(await store.getTemplate('team-gone')).toBeNull();
    expect((await store.listTemplates()).map((t) => t.id)).toEqual(['team-kept']);
    expect(await store.deleteTemplate('team-gone')).toBe(false);
  });

  it('S18 an unknown template id reads as null, updates to null and deletes as false', async () => {
    const store = ctx.store();
    expect(await store.getTemplate('team-ghost')).toBeNull();
    expect(await store.updateTemplate('team-ghost', { name: 'Boo' })).toBeNull();
    expect(await store.deleteTemplate('team-ghost')).toBe(false);
    expect(await store.listTemplates()).toEqual([]);
  });

  it('S19 stored definitions are copies: changing what went in or came out changes nothing stored', async () => {
    const store = ctx.store();
    const input = newTemplate('team-a');
    const created = await store.createTemplate(input);
    input.definition.stages[0]!.checklist.push({ text: { 'zh-CN': '加', en: 'Added' } });
    created.definition.stages.pop();
    const got = await store.getTemplate('team-a');
    got!.definition.name.en = 'Changed';
    (await store.listTemplates())[0]!.definition.stages[0]!.name['zh-CN'] = '改';
    const patch = sampleDefinition('team-a', '更新');
    await store.updateTemplate('team-a', { definition: patch });
    patch.stages = [];

    expect((await store.getTemplate('team-a'))?.definition).toEqual(sampleDefinition('team-a', '更新'));
  });

  it('S20 bad template input is rejected with a clear error and stores nothing', async () => {
    const store = ctx.store();
    const kept = await store.createTemplate(newTemplate('team-a'));
    const definition = sampleDefinition('team-x');

    await expect(store.createTemplate({ ...newTemplate('x'), id: '' })).rejects.toThrow(/template\.id/);
    await expect(store.createTemplate(unchecked({ ...newTemplate('x'), name: 7 }))).rejects.toThrow(
      /template\.name must be a string/
    );
    for (const bad of [null, 'text', [1, 2]]) {
      await expect(store.createTemplate(unchecked({ ...newTemplate('x'), definition: bad }))).rejects.toThrow(
        /template\.definition must be an object/
      );
    }
    await expect(store.createTemplate(unchecked({ ...newTemplate('x'), sourceBoardId: 3 }))).rejects.toThrow(
      /template\.sourceBoardId/
    );
    for (const bad of [undefined, 7, {}]) {
      await expect(store.createTemplate(unchecked({ ...newTemplate('x'), ownerId: bad }))).rejects.toThrow(
        /template\.ownerId must be a string or null/
      );
    }
    await expect(store.createTemplate(newTemplate('team-a', 'Clash'))).rejects.toThrow(
      /template with id "team-a" already exists/
    );
    const cyclic = unchecked<BoardTemplate & { self?: unknown }>({ ...definition });
    cyclic.self = cyclic;
    await expect(store.createTemplate({ ...newTemplate('x'), definition: cyclic })).rejects.toThrow(/JSON/);
    await expect(store.updateTemplate('team-a', { definition: cyclic })).rejects.toThrow(/JSON/);
    await expect(store.updateTemplate('team-a', unchecked({ name: 1 }))).rejects.toThrow(/patch\.name/);
    await expect(store.updateTemplate('team-a', unchecked({ definition: 'x' }))).rejects.toThrow(
      /patch\.definition must be an object/
    );
    await expect(store.getTemplate('')).rejects.toThrow(/id must be a non-empty string/);
    await expect(store.deleteTemplate(unchecked(null))).rejects.toThrow(/id must be a non-empty string/);

    expect(await store.listTemplates()).toEqual([kept]);
  });

  it('S22 a template keeps the owner it was created with through every update', async () => {
    const store = ctx.store();
    await store.createTemplate({ ...newTemplate('team-a'), ownerId: 'user-saver' });
    await store.updateTemplate('team-a', { name: 'Renamed' });
    // A patch has no owner field; one smuggled in by a JavaScript caller changes nothing.
    await store.updateTemplate(
      'team-a',
      unchecked({ definition: sampleDefinition('team-a'), ownerId: 'user-x' })
    );
    expect((await store.getTemplate('team-a'))?.ownerId).toBe('user-saver');
    expect((await store.listTemplates())[0]?.ownerId).toBe('user-saver');
  });

  // A store that forgets on close (memory) has nothing to reopen: the rule is not registered for it.
  if (ctx.persistent) {
    it('S21 templates survive close and reopen', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1000);
      const store = ctx.store();
      await store.createTemplate(newTemplate('team-a'));
      await store.createTemplate(newTemplate('team-gone'));
      vi.setSystemTime(2000);
      const record = await store.updateTemplate('team-a', { name: 'Kept' });
      await store.deleteTemplate('team-gone');

      const reopened = await ctx.reopen();
      expect(await reopened.listTemplates()).toEqual([record]);
      expect(await reopened.getTemplate('team-a')).toEqual(record);
    });
  }
}
