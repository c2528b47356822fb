/**
 * What a manager's page needs of one board: the cards waiting for the reader's sign-off, the cards
 * overdue or due within a few working days, and open cards per person. Pure over the document
 * (isomorphic, like src/lib/board): the server runs it over every board the reader may see.
 */
import type * as Y from 'yjs';
import type { BoardRole } from '../auth/permissions';
import { addWorkingDays } from '../calendar';
import { gateStatusOf } from '../board/approvals';
import { compareDates } from '../board/dates';
import { cardDeadlines } from '../board/deadlines';
import { inLastStage } from '../board/due';
import { readBoard } from '../board/read';
import { approverToSign } from '../board/sign-ops';

export interface OverviewCard {
  cardId: string;
  title: string;
  stageId: string;
  stageName: string;
  stageAltName: string;
  assignees: string[];
  /** When it entered its stage (ms): how long an approval has waited. */
  enteredAt: number;
  /** The earliest date that matters now (a time rule's or the card's own), or null. */
  due: string | null;
}

export interface LateCard extends OverviewCard {
  due: string;
  status: 'overdue' | 'at-risk';
}

export interface BoardOverview {
  awaiting: OverviewCard[];
  late: LateCard[];
  /** User id → open cards (not archived, not in the last stage) they are assigned to. */
  load: Record<string, number>;
}

/** Default "at risk" horizon: due within this many working days. */
export const AT_RISK_WORKING_DAYS = 3;

/**
 * The board seen by `userId` (their `role`) on `today`: cards whose gate waits for a signature
 * they may give now, late and at-risk cards (due within `atRiskDays` working days of the board's
 * calendar), and open cards per assignee. Separation of duties reads the card's creator, which
 * only the log knows: `creatorOf` may say (null: unknown, the assignees still count).
 */
export function boardOverview(
  doc: Y.Doc,
  who: { userId: string; role: BoardRole },
  today: string,
  atRiskDays = AT_RISK_WORKING_DAYS,
  creatorOf: (cardId: string) => string | null = () => null
): BoardOverview {
  const board = readBoard(doc);
  const calendar = board.meta.calendar;
  const horizon = addWorkingDays(today, atRiskDays, calendar);
  const out: BoardOverview = { awaiting: [], late: [], load: {} };
  for (const stage of board.stages) {
    const done = inLastStage(stage.id, board.stages);
    for (const card of board.columns.get(stage.id) ?? []) {
      const base = {
        cardId: card.id,
        title: card.title,
        stageId: stage.id,
        stageName: stage.name,
        stageAltName: stage.altName,
        assignees: card.assignees,
        enteredAt: card.enteredAt
      };
      const deadlines = done ? [] : cardDeadlines(card, board.stages, today, calendar);
      const dates = [...deadlines.map((d) => d.due), ...(card.date && !done ? [card.date] : [])].sort(
        compareDates
      );
      const due = dates[0] ?? null;
      if (stage.gate && mayApproveNow(doc, card.id, stage.id, who, creatorOf(card.id))) {
        out.awaiting.push({ ...base, due });
      }
      if (done) continue;
      for (const id of card.assignees) out.load[id] = (out.load[id] ?? 0) + 1;
      if (due === null) continue;
      const overdue = deadlines.some((d) => d.late) || compareDates(due, today) < 0;
      if (overdue) out.late.push({ ...base, due, status: 'overdue' });
      else if (compareDates(due, horizon) <= 0) out.late.push({ ...base, due, status: 'at-risk' });
    }
  }
  return out;
}

/** The card's gate is closed for its round and this person may sign it now (their turn included). */
function mayApproveNow(
  doc: Y.Doc,
  cardId: string,
  stageId: string,
  who: { userId: string; role: BoardRole },
  creator: string | null
): boolean {
  const status = gateStatusOf(doc, cardId, stageId);
  if (!status || status.open) return false;
  try {
    approverToSign(doc, cardId, { ...who, creator });
    return true;
  } catch {
    return false;
  }
}
