/**
 * The manager's page as the API sends it (server/analytics/OverviewService.ts) and the page filters
 * it: rows name their board, so filtering by board, template or person needs no second request.
 */
import type { LateCard, OverviewCard } from './overview';

export interface ManagerOverview {
  /** The day the figures are read on. */
  today: string;
  boards: { id: string; title: string; templateId: string | null }[];
  templates: { id: string; name: { 'zh-CN': string; en: string } }[];
  people: { id: string; name: string }[];
  awaiting: (OverviewCard & { boardId: string; boardTitle: string })[];
  late: (LateCard & { boardId: string; boardTitle: string })[];
  /** Open cards per person and board. */
  work: { userId: string; boardId: string; cards: number }[];
}

export interface OverviewFilter {
  board: string | null;
  template: string | null;
  person: string | null;
}

/** The overview narrowed to one board, template and person (null: all). */
export function filterOverview(o: ManagerOverview, f: OverviewFilter): ManagerOverview {
  const boards = new Set(
    o.boards
      .filter(
        (b) => (f.board === null || b.id === f.board) && (f.template === null || b.templateId === f.template)
      )
      .map((b) => b.id)
  );
  const onBoard = (row: { boardId: string }) => boards.has(row.boardId);
  const byPerson = (row: { assignees: string[] }) => f.person === null || row.assignees.includes(f.person);
  return {
    ...o,
    awaiting: o.awaiting.filter((r) => onBoard(r) && byPerson(r)),
    late: o.late.filter((r) => onBoard(r) && byPerson(r)),
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
