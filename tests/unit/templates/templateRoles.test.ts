import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, readBoard, readRoleList } from '#lib/board';
import { TEMPLATES, boardInitFromTemplate, validateTemplate, type BoardTemplate } from '#lib/templates';

const PRIMARY = ['campaign-execution', 'design-review', 'conference-event'];
const primary = TEMPLATES.filter((t) => PRIMARY.includes(t.id));

describe('process roles in the templates', () => {
  it.each(primary.map((t) => [t.id, t] as const))(
    '%s gives every stage an owner role it defines, with hand-off add and a cited source',
    (_id, t) => {
      const keys = new Set(t.roles?.map((r) => r.key));
      expect(keys.size).toBeGreaterThan(0);
      for (const role of t.roles ?? []) expect(role.source?.quote).toBeTruthy();
      for (const stage of t.stages) {
        expect(stage.owner, stage.key).toBeDefined();
        expect(keys.has(stage.owner!.role)).toBe(true);
        expect(stage.owner!.handoff).toBe('add');
        expect(stage.owner!.source?.quote).toBeTruthy();
      }
      // The gate approvers the document names as a role sign by it.
      const signed = t.stages.flatMap((s) => s.gate?.approvers ?? []).filter((a) => a.role);
      expect(signed.length).toBeGreaterThan(0);
    }
  );

  it.each(primary.map((t) => [t.id, t] as const))(
    'a board from %s holds its roles, nobody mapped yet, and each stage’s owner',
    (_id, t) => {
      const doc = new Y.Doc();
      initBoard(doc, boardInitFromTemplate(t, t.name['zh-CN']));
      expect(
        readRoleList(doc)
          .map((r) => r.key)
          .sort()
      ).toEqual(t.roles!.map((r) => r.key).sort());
      expect(readRoleList(doc).every((r) => r.people.length === 0)).toBe(true);
      expect(readBoard(doc).stages.map((s) => s.owner?.role)).toEqual(t.stages.map((s) => s.owner!.role));
    }
  );

  it('refuses an owner or approver naming a role the template does not define', () => {
    const t = structuredClone(primary[0]!) as BoardTemplate;
    t.stages[0]!.owner = { ...t.stages[0]!.owner!, role: 'nobody' };
    expect(() => validateTemplate(t)).toThrow(/owner\.role/);
  });
});
