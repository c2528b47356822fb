import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardSummaries } from '#server/boards/BoardSummaries';
import { MemoryDocStore } from '#server/store/MemoryDocStore';
import { LOCAL_ORIGIN, addCard, initBoard, readStages } from '#lib/board';
import type { Logger } from '#server/log';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('board summaries are written at most once per window per board', () => {
  let store: MemoryDocStore;
  let doc: Y.Doc;

  beforeEach(async () => {
    vi.useFakeTimers();
    store = new MemoryDocStore();
    await store.createBoard({ id: 'b', title: 'B', templateId: null });
    doc = new Y.Doc();
    initBoard(doc, { title: 'B', stages: [{ name: '待办', altName: 'To do' }] }, LOCAL_ORIGIN);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first change at once, holds a burst, and writes its last state when the window ends', async () => {
    const update = vi.spyOn(store, 'updateBoard');
    const summaries = new BoardSummaries(store, quiet, 5_000);
    const stage = readStages(doc)[0]!.id;
    summaries.changed('b', doc);
    expect(update).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      addCard(doc, { stageId: stage, title: `card ${i}` }, LOCAL_ORIGIN);
      summaries.changed('b', doc);
    }
    expect(update).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(update).toHaveBeenCalledTimes(2);
    expect((await store.getBoard('b'))?.summary?.stages[0]?.cards).toBe(20);
    // A quiet window ends without a write.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('flush writes what a window still holds', async () => {
    const summaries = new BoardSummaries(store, quiet, 5_000);
    summaries.changed('b', doc);
    addCard(doc, { stageId: readStages(doc)[0]!.id, title: 'late' }, LOCAL_ORIGIN);
    summaries.changed('b', doc);
    await summaries.flush();
    expect((await store.getBoard('b'))?.summary?.stages[0]?.cards).toBe(1);
  });
});
