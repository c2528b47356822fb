/**
 * Makes recurring plans' cards (src/lib/board/recurring.ts): a timer in the server process,
 * started and stopped with it (server/lifecycle.ts), like the due-date notices.
 *
 * Once per rule and period: each occurrence is claimed in the store (`RecurringClaims`, a unique
 * board + rule + period row) before its card is written, so a second pass, a restart or another
 * process on the same database finds it taken. The cost is at most once, not exactly once: a
 * process that dies between the claim and the write leaves that period without its card, which a
 * person notices and adds by hand; the other way round would be a duplicate plan for everyone.
 *
 * A board's rules are read from its document only when its catalogue row says it changed since
 * the last read (`updatedAt` follows every change: server/boards/BoardSummaries.ts), so a pass
 * over an instance whose boards sit still reads the board list and no document.
 */
import { newId } from '#lib/board/ids';
import { calendarOf, readStage } from '#lib/board/read';
import { dueOccurrences, type Occurrence } from '#lib/board/recurring';
import { makeOccurrenceCard, readRecurringRules } from '#lib/board/recurring-ops';
import { localDate } from '#lib/board/dates';
import { CardKey, roots, str } from '#lib/board/schema';
import type { CalendarId } from '#lib/calendar';
import type { RecurringRuleView } from '#lib/board/recurring';
import { errorMessage, type Logger } from '../log';
import { PassTimer } from '../PassTimer';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import type { RecurringClaims } from './RecurringClaims';

/** Plans are made by the day, so a pass every quarter hour is soon enough. */
export const RECURRING_PASS_MS = 15 * 60 * 1000;
const FIRST_PASS_MS = 60 * 1000;
/** A board edited by people is looked at this long after its last change (rules are typed in bursts). */
const CHANGED_DELAY_MS = 1_000;

export interface RecurringPlansDeps {
  claims: RecurringClaims;
  rooms: Pick<RoomManager, 'read' | 'stats' | 'change'>;
  docs: Pick<DocStore, 'loadDoc' | 'listBoards'>;
  log: Logger;
  /** The clock the days are read from (tests set it). */
  now?: () => number;
  /**
   * Told of each card made, with the stage it was made in: the activity log records its creation
   * (the server's act), so the board's stage history starts where the card did.
   */
  created?: (
    boardId: string,
    cardId: string,
    data: { title: string; toStage: string; toStageName: string }
  ) => void;
}

interface BoardRules {
  updatedAt: number;
  calendar: CalendarId;
  rules: RecurringRuleView[];
}

export class RecurringPlans {
  readonly #deps: RecurringPlansDeps;
  readonly #now: () => number;
  readonly #seen = new Map<string, BoardRules>();
  readonly #timer = new PassTimer(() => this.#pass(), FIRST_PASS_MS);
  readonly #changed = new Map<string, ReturnType<typeof setTimeout>>();
  /** Looks at changed boards under way, which stop() waits for as for a pass. */
  readonly #looking = new Set<Promise<unknown>>();

  constructor(deps: RecurringPlansDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** Runs a pass every `intervalMs`, the first a little after start (not during start-up). */
  start(intervalMs = RECURRING_PASS_MS): void {
    this.#timer.start(intervalMs);
  }

  /** Ends the timer and waits for a pass under way, which stops after its current board. */
  async stop(): Promise<void> {
    for (const timer of this.#changed.values()) clearTimeout(timer);
    this.#changed.clear();
    await this.#timer.stop();
    await Promise.all(this.#looking);
  }

  /**
   * A person changed the board: its rules are read again shortly, so a rule added or resumed
   * for today makes its card within a second instead of at the next pass. Each change of a
   * burst pushes the look back; the claims keep it from racing a pass.
   */
  changed(boardId: string): void {
    if (this.#timer.stopped) return;
    clearTimeout(this.#changed.get(boardId));
    const timer = setTimeout(() => {
      this.#changed.delete(boardId);
      this.#seen.delete(boardId);
      const look = this.#board(boardId, Number.NaN, localDate(this.#now()))
        .catch((error: unknown) => {
          this.#deps.log.error('recurring plans failed on a board', {
            board: boardId,
            error: errorMessage(error)
          });
        })
        .finally(() => this.#looking.delete(look));
      this.#looking.add(look);
    }, CHANGED_DELAY_MS);
    timer.unref();
    this.#changed.set(boardId, timer);
  }

  /** One pass; resolves to the cards made. Passes never overlap. */
  pass(): Promise<number> {
    return this.#timer.pass();
  }

  async #pass(): Promise<number> {
    const { docs, log } = this.#deps;
    let made = 0;
    try {
      const today = localDate(this.#now());
      const boards = await docs.listBoards();
      const live = new Set(boards.map((b) => b.id));
      for (const id of this.#seen.keys()) if (!live.has(id)) this.#seen.delete(id);
      for (const board of boards) {
        if (this.#timer.stopped) break;
        try {
          made += await this.#board(board.id, board.updatedAt, today);
        } catch (error) {
          log.error('recurring plans failed on a board', { board: board.id, error: errorMessage(error) });
        }
      }
    } catch (error) {
      log.error('recurring plans failed', { error: errorMessage(error) });
    }
    if (made > 0) log.info('recurring plans', { made });
    return made;
  }

  async #board(boardId: string, updatedAt: number, today: string): Promise<number> {
    const { rooms, docs, claims } = this.#deps;
    let known = this.#seen.get(boardId);
    if (!known || known.updatedAt !== updatedAt) {
      const read = await readDocOnce(rooms, docs, boardId, (doc) => ({
        calendar: calendarOf(roots(doc).meta),
        rules: readRecurringRules(doc)
      }));
      known = { updatedAt, calendar: read?.calendar ?? 'mon-fri', rules: read?.rules ?? [] };
      this.#seen.set(boardId, known);
    }
    let made = 0;
    for (const rule of known.rules) {
      for (const occurrence of dueOccurrences(rule, today, known.calendar)) {
        const cardId = newId();
        const key = { boardId, ruleId: rule.id, period: occurrence.period };
        if (!(await claims.claim(key, cardId, this.#now()))) continue;
        if (await this.#make(boardId, rule.id, occurrence, cardId)) made++;
      }
    }
    return made;
  }

  async #make(boardId: string, ruleId: string, occurrence: Occurrence, cardId: string): Promise<boolean> {
    let made: { title: string; toStage: string; toStageName: string } | null = null;
    await this.#deps.rooms.change(
      boardId,
      (doc) => {
        if (!makeOccurrenceCard(doc, ruleId, occurrence, cardId)) return;
        const card = roots(doc).cards.get(cardId);
        const toStage = card ? str(card, CardKey.stageId) : '';
        const stage = roots(doc).stages.get(toStage);
        made = {
          title: card ? String(card.get(CardKey.title) ?? '') : '',
          toStage,
          toStageName: stage ? readStage(toStage, stage).name : ''
        };
      },
      'recurring'
    );
    if (made) this.#deps.created?.(boardId, cardId, made);
    return made !== null;
  }
}
