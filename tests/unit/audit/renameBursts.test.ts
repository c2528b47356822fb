/**
 * Titles are typed keystroke by keystroke, so the room derives a `card.renamed` per key; the
 * activity log keeps one entry per burst of typing (server/audit/renameBursts.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from '#lib/activity/types';
import { ActivityService, type NewActivity } from '#server/audit/ActivityService';
import { MemoryAuditStore } from '#server/audit/MemoryAuditStore';

const QUIET = 100;
const users = { getUser: async (id: string) => ({ name: `Name of ${id}` }) } as never;
const rename = (cardId: string, from: string, title: string): NewActivity => ({
  kind: 'card.renamed',
  cardId,
  data: { title, from }
});
/** Time passes on the fake clock; timers due meanwhile fire, and the writes they start finish. */
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

let services: ActivityService[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  for (const s of services) await s.flush();
  services = [];
  vi.useRealTimers();
});

function setup(maxMs = 10_000) {
  const store = new MemoryAuditStore();
  const heard: ActivityEntry[] = [];
  const activity = new ActivityService(
    store,
    users,
    (_b, e) => heard.push(...e),
    () => Date.now(),
    {
      quietMs: QUIET,
      maxMs
    }
  );
  services.push(activity);
  const logged = async () =>
    (await activity.list('b1')).map((e) => [e.kind, e.cardId, e.userId, e.data.from, e.data.title]);
  return { activity, heard, logged };
}

/** Types `word` onto `start` one letter at a time, as the room reports it. */
async function type(activity: ActivityService, userId: string, cardId: string, start: string, word: string) {
  let title = start;
  for (const letter of word) {
    const next = title + letter;
    void activity.record('b1', userId, [rename(cardId, title, next)]);
    title = next;
    await sleep(5);
  }
}

describe('renames typed letter by letter', () => {
  it('become one entry, from the first title to the last, once the typing stops', async () => {
    const { activity, heard, logged } = setup();
    await type(activity, 'u1', 'c1', 'Poster', ' A2');
    expect(await logged()).toEqual([]);
    await sleep(QUIET * 3);
    expect(await logged()).toEqual([['card.renamed', 'c1', 'u1', 'Poster', 'Poster A2']]);
    expect(heard.map((e) => e.data.title)).toEqual(['Poster A2']);
  });

  it('are kept apart by card and by person, and other events are not held', async () => {
    const { activity, logged } = setup();
    await type(activity, 'u1', 'c1', 'A', 'b');
    await type(activity, 'u2', 'c1', 'Ab', 'c');
    await type(activity, 'u1', 'c2', 'X', 'y');
    void activity.record('b1', 'u1', [{ kind: 'card.archived', cardId: 'c3', data: { title: 'Z' } }]);
    // Past the log's own batch wait (25 ms), well inside the renames' quiet time.
    await sleep(30);
    expect(await logged()).toEqual([['card.archived', 'c3', 'u1', undefined, 'Z']]);
    await sleep(QUIET * 3);
    expect((await logged()).map((e) => e.slice(1))).toEqual(
      expect.arrayContaining([
        ['c1', 'u1', 'A', 'Ab'],
        ['c1', 'u2', 'Ab', 'Abc'],
        ['c2', 'u1', 'X', 'Xy']
      ])
    );
    expect(await logged()).toHaveLength(4);
  });

  it('leave nothing when the title ends as it began', async () => {
    const { activity, logged } = setup();
    void activity.record('b1', 'u1', [rename('c1', 'Poster', 'Postery')]);
    void activity.record('b1', 'u1', [rename('c1', 'Postery', 'Poster')]);
    await sleep(QUIET * 3);
    expect(await logged()).toEqual([]);
  });

  it('are written at once by a flush (shutdown), and a long burst is cut at the longest wait', async () => {
    const first = setup();
    void first.activity.record('b1', 'u1', [rename('c1', 'A', 'AB')]);
    await first.activity.flush();
    expect(await first.logged()).toEqual([['card.renamed', 'c1', 'u1', 'A', 'AB']]);

    const long = setup(QUIET * 2);
    let title = 'A';
    const end = Date.now() + QUIET * 6;
    while (Date.now() < end) {
      void long.activity.record('b1', 'u1', [rename('c1', title, `${title}a`)]);
      title += 'a';
      await sleep(QUIET / 4);
    }
    await sleep(QUIET * 3);
    const entries = await long.logged();
    expect(entries.length).toBeGreaterThan(1);
    // Consecutive entries chain: each starts where the one before ended, and the last is the title.
    const chain = [...entries].reverse();
    expect(chain[0]![3]).toBe('A');
    for (let i = 1; i < chain.length; i++) expect(chain[i]![3]).toBe(chain[i - 1]![4]);
    expect(chain.at(-1)![4]).toBe(title);
  });
});
