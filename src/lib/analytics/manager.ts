/**
 * The manager's page as the API sends it (server/analytics/OverviewService.ts) and the page filters
 * it: rows name their board, so filtering by board, template or person needs no second request.
 */
import type { FinishedCampaign } from './attainment';
import type { BoardDigest } from './digest';
import type { CardBurn } from './money';
import type { LateCard, OverviewCard } from './overview';
import { isPeriodName, type Period, type PeriodName } from './period';

/** A row of one board's, named with its board. */
export type OnBoard<T> = T & { boardId: string; boardTitle: string };

export interface ManagerOverview {
  /** The day the figures are read on. */
  today: string;
  /** What money and attainment are read over (awaiting and late are now). */
  period: Period;
  boards: { id: string; title: string; templateId: string | null }[];
  templates: { id: string; name: { 'zh-CN': string; en: string } }[];
  people: { id: string; name: string }[];
  awaiting: OnBoard<OverviewCard>[];
  late: OnBoard<LateCard>[];
  /** Open cards per person and board. */
  work: { userId: string; boardId: string; cards: number }[];
  /** Cards with a budget and their spending in the period. */
  budgets: OnBoard<CardBurn>[];
  /** Cards finished in the period with their targets, newest first. */
  finished: OnBoard<FinishedCampaign>[];
}

/** The weekly digest: the overview (awaiting and late are now) and each board's week. */
export interface ManagerDigest extends ManagerOverview {
  digests: OnBoard<BoardDigest>[];
}

export interface OverviewFilter {
  board: string | null;
  template: string | null;
  person: string | null;
}

const FILTER_KEYS = ['board', 'template', 'person'] as const;

/** The filter a page's query says (?board=&template=&person=&period=), for bookmarks. */
export function filterFromQuery(
  query: URLSearchParams,
  periods: readonly PeriodName[],
  fallback: PeriodName
): OverviewFilter & { period: PeriodName } {
  const period = query.get('period');
  const f = { board: null, template: null, person: null } as OverviewFilter;
  for (const key of FILTER_KEYS) f[key] = query.get(key) || null;
  return { ...f, period: isPeriodName(period) && periods.includes(period) ? period : fallback };
}

/** The query of a filter, leaving out what is unset (and the period when it is `fallback`). */
export function queryOf(f: OverviewFilter & { period: PeriodName }, fallback: PeriodName): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (f[key] !== null) q.set(key, f[key]);
  if (f.period !== fallback) q.set('period', f.period);
  return q;
}

/** The ids of the boards the filter keeps. */
function boardsShown(o: ManagerOverview, f: OverviewFilter): Set<string> {
  return new Set(
    o.boards
      .filter(
        (b) => (f.board === null || b.id === f.board) && (f.template === null || b.templateId === f.template)
      )
      .map((b) => b.id)
  );
}

/** The digest narrowed to one board and template (people are not filtered: it is about boards). */
export function filterDigest(d: ManagerDigest, f: Omit<OverviewFilter, 'person'>): ManagerDigest {
  const boards = boardsShown(d, { ...f, person: null });
  return {
    ...filterOverview(d, { ...f, person: null }),
    digests: d.digests.filter((x) => boards.has(x.boardId))
  };
}

/** The overview narrowed to one board, template and person (null: all). */
export function filterOverview<O extends ManagerOverview>(o: O, f: OverviewFilter): O {
  const boards = boardsShown(o, f);
  const onBoard = (row: { boardId: string }) => boards.has(row.boardId);
  const byPerson = (row: { assignees: string[] }) => f.person === null || row.assignees.includes(f.person);
  return {
    ...o,
    awaiting: o.awaiting.filter((r) => onBoard(r) && byPerson(r)),
    late: o.late.filter((r) => onBoard(r) && byPerson(r)),
    budgets: o.budgets.filter((r) => onBoard(r) && byPerson(r)),
    finished: o.finished.filter((r) => onBoard(r) && byPerson(r)),
    work: o.work.filter((r) => onBoard(r) && (f.person === null || r.userId === f.person))
  };
}

/** Open cards per person over the boards shown, most first. */
export function workByPerson(o: ManagerOverview): { userId: string; name: string; cards: number }[] {
  const totals = new Map<string, number>();
  for (const w of o.work) totals.set(w.userId, (totals.get(w.userId) ?? 0) + w.cards);
  const names = new Map(o.people.map((p) => [p.id, p.name]));
  return [...totals]
    .map(([userId, cards]) => ({ userId, name: names.get(userId) ?? '', cards }))
    .sort((a, b) => b.cards - a.cards || a.name.localeCompare(b.name, 'zh-CN'));
}
