import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanRequirements, initBoard, readStages } from '#lib/board';
import { RequirementsDraft } from '#lib/components/board/requirements-draft.svelte';

/**
 * The Requirements tab's edit buffer: a stage's requirements read back as ticks, and the ticks
 * written as the board stores them (what cleanRequirements keeps, in its order, or null for none).
 */
describe('the stage settings’ requirements buffer', () => {
  it('ticks a budget, targets and actuals and writes them as the board stores them', () => {
    const doc = new Y.Doc();
    initBoard(doc, {
      title: '双十一',
      stages: [{ name: '策划阶段', requires: { draft: true, budget: true, targets: true } }, { name: '评估' }]
    });
    const [planning, evaluation] = readStages(doc);
    const draft = new RequirementsDraft(planning!);
    expect([draft.budget, draft.targets, draft.actuals]).toEqual([true, true, false]);
    draft.budget = false;
    draft.actuals = true;
    const patch = draft.patch([]);
    expect(patch).toEqual({ draft: true, targets: true, actuals: true });
    expect(JSON.stringify(cleanRequirements(patch))).toBe(JSON.stringify(patch));
    const none = new RequirementsDraft(evaluation!);
    expect(none.patch([])).toBeNull();
    none.actuals = true;
    expect(none.patch([])).toEqual({ actuals: true });
  });
});
