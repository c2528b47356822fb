/**
 * The weekly digest (周报) of one board for a manager: what moved in the period (stage entries
 * from the activity log, with who moved it), what finished (entered the last stage), money spent
 * (expenses dated in the period) and overruns decided in it. What is late and what waits for the
 * reader are "now" and come from the overview (overview.ts). Pure: the log and "the day a moment
 * falls on" are given.
 */
import type * as Y from 'yjs';
import { currencyOf } from '../board/budget';
import { countsAsSpent, readExpenses } from '../board/expenses';
import { readBoard } from '../board/read';
import { roots } from '../board/schema';
import type { DayOf } from './figures';
import type { StageEvent } from './history';
import { inPeriod, type Period } from './period';

/** A stage entry of the log with who made it. */
export interface DigestEvent extends StageEvent {
  userId: string | null;
}

export interface DigestMove {
  cardId: string;
  title: string;
  fromStage: string | null;
  toStage: string;
  sentBack: boolean;
  by: string | null;
  at: number;
}

export interface DigestDecision {
  cardId: string;
  title: string;
  amount: number;
  approved: boolean;
  by: string;
  at: number;
}

export interface BoardDigest {
  /** Stage id → its names, for the stages the moves name (a removed stage is absent). */
  stages: Record<string, { name: string; altName: string }>;
  /** Moves and send-backs in the period, newest first. */
  moved: DigestMove[];
  /** Entries into the last stage in the period, newest first (also among `moved`). */
  finished: DigestMove[];
  currency: string;
  /** Fen spent (within budget or approved) on expenses dated in the period. */
  spent: number;
  /** Fen of overruns still pending, dated in the period. */
  pending: number;
  /** Overruns approved or rejected in the period, newest first. */
  decided: DigestDecision[];
}

/** The board's digest over `period` from its stage entries (any order). */
export function boardDigest(
  doc: Y.Doc,
  events: readonly DigestEvent[],
  period: Pick<Period, 'from' | 'to'>,
  dayOf: DayOf
): BoardDigest {
  const board = readBoard(doc);
  const lastStage = board.stages.at(-1)?.id ?? null;
  const { meta, cards } = roots(doc);
  const titles = new Map<string, string>();
  for (const list of board.columns.values()) for (const c of list) titles.set(c.id, c.title);
  for (const c of board.archived) titles.set(c.id, c.title);
  const out: BoardDigest = {
    stages: Object.fromEntries(board.stages.map((s) => [s.id, { name: s.name, altName: s.altName }])),
    moved: [],
    finished: [],
    currency: currencyOf(meta),
    spent: 0,
    pending: 0,
    decided: []
  };
  for (const e of events) {
    if (e.kind !== 'card.moved' && e.kind !== 'card.sent-back') continue;
    const title = titles.get(e.cardId);
    // A deleted card has left the board and its digest; a move within one stage is no move.
    if (title === undefined || !e.toStage || e.toStage === e.fromStage) continue;
    if (!inPeriod(dayOf(e.at), period)) continue;
    const move: DigestMove = {
      cardId: e.cardId,
      title,
      fromStage: e.fromStage ?? null,
      toStage: e.toStage,
      sentBack: e.kind === 'card.sent-back',
      by: e.userId,
      at: e.at
    };
    out.moved.push(move);
    if (e.toStage === lastStage) out.finished.push(move);
  }
  cards.forEach((card, cardId) => {
    const title = titles.get(cardId) ?? '';
    for (const e of readExpenses(card)) {
      if (inPeriod(e.date, period)) {
        if (countsAsSpent(e)) out.spent += e.amount;
        else if (e.status === 'pending') out.pending += e.amount;
      }
      if (e.decidedAt !== undefined && e.decidedBy !== undefined && inPeriod(dayOf(e.decidedAt), period)) {
        out.decided.push({
          cardId,
          title,
          amount: e.amount,
          approved: e.status === 'approved',
          by: e.decidedBy,
          at: e.decidedAt
        });
      }
    }
  });
  const newestFirst = (a: { at: number }, b: { at: number }) => b.at - a.at;
  out.moved.sort(newestFirst);
  out.finished.sort(newestFirst);
  out.decided.sort(newestFirst);
  return out;
}
