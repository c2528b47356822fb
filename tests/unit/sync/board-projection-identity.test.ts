/**
 * A BoardProjection hands out the same column arrays and card views for everything an edit did not
 * touch, so the UI re-renders only what changed, even on a board of thousands of cards.
 */
import { describe, expect, it } from 'vitest';
import { addCard, archiveCard, moveCard, setCardTitle, type CardView } from '#lib/board';
import type { BoardProjection } from '#lib/sync/board-projection';
import { replica, sync } from '../../helpers/yjs';
import { board, useProjections } from './projectionFixture';

const project = useProjections();

function snapshotColumns(projection: BoardProjection, stageIds: string[]): Map<string, readonly CardView[]> {
  return new Map(stageIds.map((id) => [id, projection.column(id)]));
}

describe('BoardProjection keeps what an edit did not touch', () => {
  it('keeps every other column array and every other card view identical when one card changes', () => {
    const { doc, ids } = board();
    const [a, b, c] = ids as [string, string, string];
    for (const stageId of ids)
      for (let i = 0; i < 4; i++) addCard(doc, { stageId, title: `${stageId}-${i}` });
    const archived = addCard(doc, { stageId: c, title: 'old' });
    archiveCard(doc, archived);
    const projection = project(doc);
    const before = snapshotColumns(projection, ids);
    const archivedBefore = projection.archived;
    const edited = before.get(b)![1]!;

    setCardTitle(doc, edited.id, 'renamed');

    expect(projection.column(a)).toBe(before.get(a));
    expect(projection.column(c)).toBe(before.get(c));
    expect(projection.archived).toBe(archivedBefore);
    const column = projection.column(b);
    expect(column).not.toBe(before.get(b));
    expect(column.map((card) => card.title)).toEqual([`${b}-0`, 'renamed', `${b}-2`, `${b}-3`]);
    column.forEach((card, i) => {
      if (card.id === edited.id) expect(card).not.toBe(edited);
      else expect(card).toBe(before.get(b)![i]);
    });
  });

  it('keeps untouched columns and cards identical when a remote move arrives', () => {
    const { doc, ids } = board();
    const [a, b, c] = ids as [string, string, string];
    for (const stageId of ids)
      for (let i = 0; i < 3; i++) addCard(doc, { stageId, title: `${stageId}-${i}` });
    const remote = replica(doc);
    const projection = project(doc);
    const before = snapshotColumns(projection, ids);
    const moving = before.get(a)![0]!;

    moveCard(remote, moving.id, b, 1);
    sync(remote, doc);

    expect(projection.column(c)).toBe(before.get(c));
    expect(projection.column(a)).toEqual(before.get(a)!.slice(1));
    projection.column(a).forEach((card, i) => expect(card).toBe(before.get(a)![i + 1]));
    const column = projection.column(b);
    expect(column.map((card) => card.id)).toEqual([
      before.get(b)![0]!.id,
      moving.id,
      before.get(b)![1]!.id,
      before.get(b)![2]!.id
    ]);
    for (const card of column) if (card.id !== moving.id) expect(before.get(b)).toContain(card);
  });
});
