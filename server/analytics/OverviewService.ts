/**
 * The manager's page: across every board the reader is a member of, the cards waiting for their
 * sign-off, the late and at-risk cards, open cards per person (src/lib/analytics/overview.ts per
 * board), budget burn (money.ts) and attainment of campaigns finished (attainment.ts) in a period. Each board's document is read once per request (readDocOnce: an open room's live
 * document, else the store's, without loading a room).
 */
import { boardOverview, type LateCard, type OverviewCard } from '#lib/analytics/overview';
import { finishedCampaigns } from '#lib/analytics/attainment';
import { boardBurn } from '#lib/analytics/money';
import { periodRange, type PeriodName } from '#lib/analytics/period';
import { localDate } from '#lib/board/dates';
import type { AuthStore } from '../auth/AuthStore';
import type { MembershipService } from '../auth/MembershipService';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import type { TemplateService } from '../templates/TemplateService';
import type { ManagerOverview } from '#lib/analytics/manager';

export interface OverviewDeps {
  members: Pick<MembershipService, 'boardsOf'>;
  boards: Pick<DocStore, 'getBoard' | 'loadDoc'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  users: Pick<AuthStore, 'getUser'>;
  templates: Pick<TemplateService, 'find'>;
  now?: () => number;
}

export class OverviewService {
  constructor(private readonly deps: OverviewDeps) {}

  /**
   * The reader's overview on the server's local day, `atRiskDays` working days ahead; money and
   * attainment over the named period (awaiting and late are now, whatever the period).
   */
  async forUser(
    userId: string,
    atRiskDays?: number,
    periodName: PeriodName = 'all'
  ): Promise<ManagerOverview> {
    const { members, boards, rooms, users, templates } = this.deps;
    const today = localDate((this.deps.now ?? Date.now)());
    const period = periodRange(periodName, today);
    const out: ManagerOverview = {
      today,
      period,
      boards: [],
      templates: [],
      people: [],
      awaiting: [],
      late: [],
      work: [],
      budgets: [],
      finished: []
    };
    const templateIds = new Set<string>();
    const people = new Set<string>();
    for (const { boardId, role } of await members.boardsOf(userId)) {
      const record = await boards.getBoard(boardId);
      if (!record || record.archived) continue;
      const seen = await readDocOnce(rooms, boards, boardId, (doc) => ({
        ...boardOverview(doc, { userId, role }, today, atRiskDays),
        budgets: boardBurn(doc, period),
        finished: finishedCampaigns(doc, period, localDate)
      }));
      if (!seen) continue;
      out.boards.push({ id: boardId, title: record.title, templateId: record.templateId });
      if (record.templateId) templateIds.add(record.templateId);
      const row = <T extends object>(card: T) => ({ ...card, boardId, boardTitle: record.title });
      out.awaiting.push(...seen.awaiting.map((c: OverviewCard) => row(c)));
      out.late.push(...seen.late.map((c: LateCard) => row(c)));
      out.budgets.push(...seen.budgets.map(row));
      out.finished.push(...seen.finished.map(row));
      for (const [person, cards] of Object.entries(seen.load)) {
        out.work.push({ userId: person, boardId, cards });
        people.add(person);
      }
      for (const c of [...seen.awaiting, ...seen.late, ...seen.budgets, ...seen.finished])
        for (const a of c.assignees) people.add(a);
    }
    for (const id of templateIds) {
      const template = await templates.find(id);
      if (template) out.templates.push({ id, name: { ...template.name } });
    }
    for (const id of people) {
      const user = await users.getUser(id);
      if (user) out.people.push({ id, name: user.name });
    }
    out.awaiting.sort((a, b) => a.enteredAt - b.enteredAt);
    out.late.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    out.finished.sort((a, b) => b.finishedAt - a.finishedAt);
    out.people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return out;
  }
}
