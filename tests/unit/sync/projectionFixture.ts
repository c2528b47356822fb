/** What the BoardProjection tests share: boards, projections, and the check against a fresh read. */
import { afterEach, expect } from 'vitest';
import * as Y from 'yjs';
import { initBoard, readBoard } from '#lib/board';
import { BoardProjection } from '#lib/sync/board-projection';

/** A function that projects a document; every projection it made is destroyed after each test. */
export function useProjections(): (doc: Y.Doc) => BoardProjection {
  const projections: BoardProjection[] = [];
  afterEach(() => {
    for (const p of projections.splice(0)) p.destroy();
  });
  return (doc) => {
    const projection = new BoardProjection(doc);
    projections.push(projection);
    return projection;
  };
}

/** A board with the given stages (fixed client id when given, so a seed replays exactly) and their ids. */
export function board(stages = ['A', 'B', 'C'], clientID?: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initBoard(doc, { title: 'Launch', stages: stages.map((name) => ({ name })) });
  return { doc, ids: readBoard(doc).stages.map((s) => s.id) };
}

/** Everything the projection shows, in readBoard's shape, so the two compare with toEqual. */
export function shown(projection: BoardProjection) {
  const stages = projection.stages;
  return {
    meta: projection.meta,
    stages,
    columns: new Map(stages.map((s) => [s.id, [...projection.column(s.id)]])),
    archived: [...projection.archived]
  };
}

/** The projection shows exactly what a fresh readBoard of `doc` shows. */
export function expectMatchesDoc(projection: BoardProjection, doc: Y.Doc): void {
  const view = readBoard(doc);
  expect(shown(projection)).toEqual(view);
  expect(projection.cardCount).toBe(doc.getMap('cards').size);
}
