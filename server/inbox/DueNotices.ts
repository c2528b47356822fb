/**
 * Tells a card's assignees, once per date, that it is due tomorrow and that its date has passed.
 * A timer in the server process, started and stopped with it (server/lifecycle.ts).
 *
 * Cheap by an index, not by scanning: the dates live in `DueIndex`, kept from the activity log
 * (a card created with a date, dated, re-dated, cleared, deleted), so a pass is one indexed
 * range query that returns only the dates asking for a notice, plus one read of the document of
 * each board that has such a card (to confirm the date, and read who is on the card). A board
 * dated before the index existed, or written by the server's own hand, is read whole once, the
 * first time a pass sees it. Loading every document every pass would cost the whole instance's
 * boards each time; this costs what is due.
 */
import * as Y from 'yjs';
import { excerptOf, type ActivityEntry } from '#lib/activity/types';
import { isCommentId } from '#lib/board/comment-value';
import { isIsoDate, localDate } from '#lib/board/dates';
import { soonUntil } from '#lib/board/due';
import { calendarOf, readStages } from '#lib/board/read';
import { CALENDAR_IDS, type CalendarId } from '#lib/calendar';
import { CardKey, LIMITS, roots, str } from '#lib/board/schema';
import { errorMessage, type Logger } from '../log';
import { PassTimer } from '../PassTimer';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import type { DueIndex, DueRow, DueTold } from './DueIndex';
import type { InboxService } from './InboxService';
import type { NewInboxItem } from './InboxStore';
import { CARD_TITLE_MAX } from './noticesFor';

/** A day is told by its date, so a pass every quarter hour is soon enough. */
export const DUE_PASS_MS = 15 * 60 * 1000;
/** The longest a started server waits before its first pass. */
const FIRST_PASS_MS = 60 * 1000;
/** Dates one pass handles at most; the rest wait for the next pass (oldest first). */
const PASS_MAX = 500;

export interface DueNoticesDeps {
  index: DueIndex;
  inbox: Pick<InboxService, 'deliver'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc' | 'listBoards'>;
  log: Logger;
  /** The clock the days are read from (tests set it). */
  now?: () => number;
  /** Cards found overdue (not done, not archived), once per card and date: webhooks and robots hear of them. */
  overdue?: (boardId: string, cards: { cardId: string; title: string; date: string }[]) => void;
}

export interface DuePassResult {
  /** Boards read whole into the index for the first time. */
  indexed: number;
  /** Items stored (each person told). */
  told: number;
}

/** What the pass reads of a card that seems due. */
interface DueCard {
  date: string | null;
  title: string;
  assignees: string[];
  /** Archived, or in the last stage (done): nobody needs telling. */
  settled: boolean;
}

export class DueNotices {
  readonly #deps: DueNoticesDeps;
  readonly #now: () => number;
  readonly #timer = new PassTimer(() => this.#pass(), FIRST_PASS_MS);

  constructor(deps: DueNoticesDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** Runs a pass every `intervalMs`, the first a little after start (at most FIRST_PASS_MS). */
  start(intervalMs = DUE_PASS_MS): void {
    this.#timer.start(intervalMs);
  }

  /** Ends the timer and waits for a pass under way, which stops after its current board. */
  stop(): Promise<void> {
    return this.#timer.stop();
  }

  /** Keeps the index from recorded entries: a date set or cleared, a card made with one or deleted. */
  async fromActivity(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    for (const { kind, cardId, data } of entries) {
      if (!cardId) continue;
      if (kind === 'card.dated' || (kind === 'card.created' && data.date)) {
        await this.#deps.index.setDate(boardId, cardId, isIsoDate(data.date) ? data.date : null);
      } else if (kind === 'card.deleted') {
        await this.#deps.index.setDate(boardId, cardId, null);
      }
    }
  }

  /** One pass: index boards not seen yet, then tell what is due. Passes never overlap. */
  pass(): Promise<DuePassResult> {
    return this.#timer.pass();
  }

  async #pass(): Promise<DuePassResult> {
    const result: DuePassResult = { indexed: 0, told: 0 };
    const { index, log } = this.#deps;
    try {
      result.indexed = await this.#indexNewBoards();
      const today = localDate(this.#now());
      // Due soon is up to the next working day, which each board counts by its own calendar: ask
      // for the farthest any calendar reaches, and let each board keep what its calendar says.
      const farthest =
        CALENDAR_IDS.map((c) => soonUntil(today, c))
          .sort()
          .at(-1) ?? today;
      const rows = await index.pending(today, farthest, PASS_MAX);
      const byBoard = new Map<string, DueRow[]>();
      for (const row of rows) byBoard.set(row.boardId, [...(byBoard.get(row.boardId) ?? []), row]);
      for (const [boardId, due] of byBoard) {
        if (this.#timer.stopped) break;
        try {
          result.told += await this.#tellBoard(boardId, due, today);
        } catch (error) {
          log.error('due notices failed on a board', { board: boardId, error: errorMessage(error) });
        }
      }
    } catch (error) {
      log.error('due notices failed', { error: errorMessage(error) });
    }
    if (result.indexed + result.told > 0) log.info('due notices', { ...result });
    return result;
  }

  /** Reads boards the index has not seen into it, once each. */
  async #indexNewBoards(): Promise<number> {
    const { index, docs, rooms } = this.#deps;
    const seen = await index.indexedBoards();
    let indexed = 0;
    for (const board of await docs.listBoards({ includeArchived: true })) {
      if (this.#timer.stopped) break;
      if (seen.has(board.id)) continue;
      const dates = (await readDocOnce(rooms, docs, board.id, datesOf)) ?? new Map<string, string>();
      await index.indexBoard(board.id, dates, this.#now());
      indexed++;
    }
    return indexed;
  }

  /** Confirms each date against the document and tells the card's assignees; returns items stored. */
  async #tellBoard(boardId: string, due: readonly DueRow[], today: string): Promise<number> {
    const { index, inbox, rooms, docs } = this.#deps;
    const read = await readDocOnce(rooms, docs, boardId, (doc) => {
      const lastStage = readStages(doc).at(-1)?.id;
      const calendar: CalendarId = calendarOf(roots(doc).meta);
      return { calendar, cards: due.map((row) => dueCard(doc, row.cardId, lastStage)) };
    });
    const cards = read?.cards;
    const soon = soonUntil(today, read?.calendar ?? 'mon-fri');
    const items: NewInboxItem[] = [];
    const overdue: { cardId: string; title: string; date: string }[] = [];
    const told: [DueRow, DueTold][] = [];
    for (const [i, row] of due.entries()) {
      const card = cards?.[i] ?? null;
      if (!card || card.date !== row.date) {
        // The index was behind the document (a change the log did not see): it follows now.
        await index.setDate(boardId, row.cardId, card?.date ?? null);
        continue;
      }
      // Not soon yet by this board's calendar: a later pass tells it.
      if (row.date > soon) continue;
      const kind: DueTold = row.date < today ? 'overdue' : 'due-soon';
      told.push([row, kind]);
      if (card.settled) continue;
      if (kind === 'overdue') overdue.push({ cardId: row.cardId, title: card.title, date: row.date });
      for (const userId of card.assignees) {
        items.push({
          userId,
          boardId,
          cardId: row.cardId,
          kind,
          actorId: null,
          cardTitle: card.title,
          excerpt: '',
          detail: row.date,
          commentId: null,
          dedupeKey: `${kind}:${row.cardId}:${row.date}`,
          createdAt: this.#now()
        });
      }
    }
    const stored = await inbox.deliver(boardId, items);
    for (const [row, kind] of told) await index.markTold(boardId, row.cardId, row.date, kind);
    if (overdue.length > 0) this.#deps.overdue?.(boardId, overdue);
    return stored.length;
  }
}

/** Every dated card of a board: what the index starts from. */
function datesOf(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const [cardId, card] of roots(doc).cards) {
    const date = str(card, CardKey.date);
    if (isIsoDate(date)) out.set(cardId, date);
  }
  return out;
}

/** A card as the pass needs it; `lastStage` is the board's last stage (done), if any. */
function dueCard(doc: Y.Doc, cardId: string, lastStage: string | undefined): DueCard | null {
  const card = roots(doc).cards.get(cardId);
  if (!card) return null;
  const date = str(card, CardKey.date);
  const done = lastStage !== undefined && lastStage === str(card, CardKey.stageId);
  const assignees = card.get(CardKey.assignees);
  const title = card.get(CardKey.title);
  return {
    date: isIsoDate(date) ? date : null,
    title: excerptOf(title instanceof Y.Text ? title.toString() : String(title ?? ''), CARD_TITLE_MAX),
    assignees:
      assignees instanceof Y.Map ? [...assignees.keys()].filter(isCommentId).slice(0, LIMITS.assignees) : [],
    settled: card.get(CardKey.archived) === true || done
  };
}
