import { describe, expect, it } from 'vitest';
import {
  cardMatches,
  isFiltering,
  NO_FILTER,
  parseFilter,
  withFilter,
  type CardFilter,
  type CardView,
  type DeadlineStage
} from '#lib/board';

const noon = (date: string) => new Date(`${date}T12:00:00`).getTime();

function card(over: Partial<CardView> = {}): CardView {
  return {
    id: 'c1',
    title: 'Singles’ Day poster',
    stageId: 's0',
    rank: 'a',
    archived: false,
    createdAt: noon('2026-11-01'),
    enteredAt: noon('2026-11-20'),
    date: null,
    startDate: null,
    assignees: [],
    labels: [],
    revisions: 0,
    checklistDone: 0,
    checklistTotal: 0,
    stageChecklistDone: 0,
    stageChecklistTotal: 0,
    fields: {},
    commentCount: 0,
    attachmentCount: 0,
    described: false,
    cover: null,
    money: null,
    results: null,
    ...over
  };
}

const stages: DeadlineStage[] = [
  { id: 's0', timeRule: { kind: 'stage-days', days: 3, working: false } },
  { id: 's1', timeRule: null },
  { id: 'done', timeRule: null }
];
const context = { me: 'me-id', today: '2026-11-22', stages, calendar: 'mon-fri' as const };
const filter = (over: Partial<CardFilter>): CardFilter => ({ ...NO_FILTER, ...over });

describe('filter in the URL', () => {
  it('round-trips every part through the query and keeps the open card', () => {
    const f: CardFilter = { who: ['me', 'u2'], labels: ['l1'], due: 'overdue', text: '海报 A2' };
    const params = withFilter(new URLSearchParams('card=c9'), f);
    expect(params.get('card')).toBe('c9');
    expect(parseFilter(new URLSearchParams(params.toString()))).toEqual(f);
  });

  it('clearing the filter leaves only the other parameters', () => {
    const params = withFilter(new URLSearchParams('card=c9&who=me&q=x'), NO_FILTER);
    expect(params.toString()).toBe('card=c9');
    expect(isFiltering(parseFilter(params))).toBe(false);
  });

  it('ignores malformed parts instead of failing, and bounds what a link can ask for', () => {
    const many = Array.from({ length: 50 }, (_, i) => `u${i}`).join(',');
    const parsed = parseFilter(new URLSearchParams(`due=yesterday&who=${many},,u1&q=${'x'.repeat(500)}`));
    expect(parsed.due).toBeNull();
    expect(parsed.who).toHaveLength(20);
    expect(parsed.text).toHaveLength(200);
  });
});

describe('which cards match', () => {
  it('by assignee, with "me" meaning the reader', () => {
    expect(cardMatches(card({ assignees: ['me-id'] }), filter({ who: ['me'] }), context)).toBe(true);
    expect(cardMatches(card({ assignees: ['u2'] }), filter({ who: ['me'] }), context)).toBe(false);
    expect(cardMatches(card({ assignees: ['u2'] }), filter({ who: ['me', 'u2'] }), context)).toBe(true);
    expect(
      cardMatches(card({ assignees: ['me-id'] }), filter({ who: ['me'] }), { ...context, me: null })
    ).toBe(false);
  });

  it('by any of the labels, and by every word of the text', () => {
    expect(cardMatches(card({ labels: ['l2'] }), filter({ labels: ['l1', 'l2'] }), context)).toBe(true);
    expect(cardMatches(card({ labels: [] }), filter({ labels: ['l1'] }), context)).toBe(false);
    expect(cardMatches(card(), filter({ text: 'POSTER singles' }), context)).toBe(true);
    expect(cardMatches(card(), filter({ text: 'poster banner' }), context)).toBe(false);
  });

  it('overdue: a passed stage time limit, or a past date unless the card is done', () => {
    // Entered the 3-day stage on the 18th: due the 21st, late on the 22nd.
    expect(cardMatches(card({ enteredAt: noon('2026-11-18') }), filter({ due: 'overdue' }), context)).toBe(
      true
    );
    expect(cardMatches(card(), filter({ due: 'overdue' }), context)).toBe(false);
    const pastDate = { stageId: 's1', date: '2026-11-21' };
    expect(cardMatches(card(pastDate), filter({ due: 'overdue' }), context)).toBe(true);
    expect(cardMatches(card({ ...pastDate, stageId: 'done' }), filter({ due: 'overdue' }), context)).toBe(
      false
    );
  });

  it('due this week: something falls due in the next seven days', () => {
    expect(cardMatches(card({ stageId: 's1', date: '2026-11-28' }), filter({ due: 'week' }), context)).toBe(
      true
    );
    expect(cardMatches(card({ stageId: 's1', date: '2026-11-29' }), filter({ due: 'week' }), context)).toBe(
      false
    );
    // In s0 since the 20th: its 3-day limit falls on the 23rd.
    expect(cardMatches(card(), filter({ due: 'week' }), context)).toBe(true);
  });
});
