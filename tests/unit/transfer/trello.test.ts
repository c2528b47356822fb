import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importCards, readChecklistItems, readLabels, startImport } from '#lib/board';
import { countPlan } from '#lib/transfer/import-plan';
import { ImportProblem } from '#lib/transfer/import-problem';
import {
  planTrello,
  readTrelloExport,
  slimTrelloExport,
  trelloPeople,
  trelloSources,
  type TrelloOptions
} from '#lib/transfer/trello';
import { boardCounts } from '#tests/unit/transfer/boardCounts';

const raw = JSON.parse(readFileSync('tests/fixtures/trello/gocd-test-drive.json', 'utf8')) as Record<
  string,
  unknown
>;
const newBoard = (over: Partial<TrelloOptions> = {}): TrelloOptions => ({
  target: { title: '', template: null, stageFor: {} },
  closedLists: 'skip',
  people: {},
  ...over
});

function problem(fn: () => unknown): ImportProblem {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportProblem) return e;
    throw e;
  }
  throw new Error('no problem found');
}

describe('a real Trello export (the GoCD Test Drive board)', () => {
  const board = readTrelloExport(raw);

  it('reads every list, card, checklist and comment the file holds', () => {
    expect(board.lists).toHaveLength(18);
    expect(board.cards).toHaveLength(122);
    expect(board.checklists).toHaveLength(14);
    expect(board.comments).toHaveLength(93);
    expect(board.actions).toBe(1000);
  });

  it('skipping closed lists leaves their cards out and says the actions were capped', () => {
    const { counts, losses } = planTrello(board, newBoard());
    expect(counts.stages).toBe(6);
    expect(losses.closedListsSkipped).toBe(12);
    expect(losses.cardsSkipped).toBe(122 - counts.cards);
    expect(losses.actionsCapped).toBe(true);
    expect(counts.labels).toBe(8);
  });

  it('keeping closed lists archived brings every card, those of closed lists archived', () => {
    const { counts, losses } = planTrello(board, newBoard({ closedLists: 'archive' }));
    expect(counts.stages).toBe(18);
    expect(counts.cards).toBe(122);
    expect(losses.cardsSkipped).toBe(0);
    expect(counts.checklists).toBe(14);
    expect(counts.checklistItems).toBe(62);
    expect(counts.links).toBe(59);
    expect(losses.trelloFiles).toBeGreaterThan(0);
    expect(counts.archived).toBeGreaterThanOrEqual(78);
  });

  it('the slimmed export plans exactly what the whole file plans', () => {
    const slim = readTrelloExport(JSON.parse(JSON.stringify(slimTrelloExport(raw))));
    const options = newBoard({ closedLists: 'archive' });
    expect(planTrello(slim, options)).toEqual(planTrello(board, options));
    expect(JSON.stringify(slimTrelloExport(raw)).length).toBeLessThan(JSON.stringify(raw).length / 3);
  });

  it('builds a board whose counts are the plan counts, comments keeping their time and writer', () => {
    const people = trelloPeople(board);
    const mapped = people[0]!;
    const { plan, counts } = planTrello(
      board,
      newBoard({ closedLists: 'archive', people: { [mapped.key]: 'u-mapped' } })
    );
    const doc = new Y.Doc();
    const ids = startImport(
      doc,
      { title: plan.title, stages: plan.stages.map((name) => ({ name })) },
      plan.labels
    );
    for (let i = 0; i < plan.cards.length; i += 25)
      importCards(doc, ids, plan.cards.slice(i, i + 25), 'u-importer');
    expect(boardCounts(doc)).toEqual(counts);
    expect(readLabels(doc)).toHaveLength(8);
    const cards = [...doc.getMap<Y.Map<unknown>>('cards').values()];
    const comments = cards.flatMap((map) => [
      ...(map.get('comments') as Y.Map<{ author: string; at: number; originally?: string }>).values()
    ]);
    expect(comments.filter((c) => c.author === 'u-mapped')).toHaveLength(mapped.comments);
    expect(comments.filter((c) => c.originally)).toHaveLength(93 - mapped.comments);
    expect(Math.min(...comments.map((c) => c.at))).toBeLessThan(Date.parse('2020-01-01'));
    const ticked = cards.flatMap((map) => readChecklistItems(map));
    expect(ticked.filter((i) => i.done)).toHaveLength(counts.checkedItems);
  });

  it('a template maps lists onto its stages; unmapped lists are left out', () => {
    const sources = trelloSources(board).filter((s) => !s.closed);
    const stageFor = Object.fromEntries(sources.map((s, i) => [s.key, i === 0 ? null : i % 2]));
    const { plan, counts, losses } = planTrello(
      board,
      newBoard({ target: { title: 'T', template: { id: 'tpl', stages: ['A', 'B'] }, stageFor } })
    );
    expect(plan.stages).toEqual(['A', 'B']);
    expect(losses.cardsSkipped).toBe(122 - counts.cards);
    expect(plan.cards.every((c) => c.stage === 0 || c.stage === 1)).toBe(true);
    expect(countPlan(plan)).toEqual(counts);
  });
});

describe('a file that is not a usable Trello export', () => {
  it('JSON without lists and cards is not a Trello board', () => {
    expect(problem(() => readTrelloExport({ hello: 1 })).code).toBe('not-trello');
    expect(problem(() => readTrelloExport([1, 2])).code).toBe('not-trello');
  });

  it('a card whose list is not in the file is named', () => {
    const broken = {
      ...raw,
      cards: [...(raw.cards as object[]), { id: 'x', name: 'Lost card', idList: 'nope' }]
    };
    const p = problem(() => readTrelloExport(broken));
    expect(p.code).toBe('card-without-list');
    expect(p.detail.card).toBe('Lost card');
  });

  it('more cards than an import takes is refused with the limit', () => {
    const many = {
      name: 'b',
      lists: [{ id: 'l', name: 'L' }],
      cards: Array.from({ length: 2001 }, (_, i) => ({ id: `c${i}`, name: 'c', idList: 'l' }))
    };
    expect(problem(() => readTrelloExport(many)).code).toBe('too-many-cards');
  });

  it('mapping a member to an account outside the candidates is refused', () => {
    const board = readTrelloExport(raw);
    const p = problem(() => planTrello(board, newBoard({ people: { x: 'stranger' }, candidates: [] })));
    expect(p.code).toBe('unknown-person');
  });
});
