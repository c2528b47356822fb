/**
 * A board's charts (src/lib/analytics): its stage history from the activity log, reconciled with
 * the document, as the four figures the insights page draws. Computed per request: a board's
 * stage entries are one indexed read, and the figures a pass over them.
 */
import { boardInsights, isStageEventKind, type BoardInsights, type StageEvent } from '#lib/analytics';
import { readMeta, readStages } from '#lib/board/read';
import { localDate } from '#lib/board/dates';
import { CardKey, num, roots, str } from '#lib/board/schema';
import type { AuditStore } from '../audit/AuditStore';
import type { ActivityService } from '../audit/ActivityService';
import type { MembershipService } from '../auth/MembershipService';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import { BoardRequestError } from '../boards/BoardRequestError';

export interface InsightsDeps {
  audit: Pick<AuditStore, 'stageEvents'>;
  /** Entries waiting in the batch are written first, so a move made a moment ago counts. */
  activity: Pick<ActivityService, 'flush'>;
  members: Pick<MembershipService, 'require'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc'>;
  now?: () => number;
}

export class InsightsService {
  constructor(private readonly deps: InsightsDeps) {}

  /** The board's figures up to today (the server's local day), for a member who may read it. */
  async forBoard(userId: string, boardId: string): Promise<BoardInsights> {
    const { audit, activity, members, rooms, docs } = this.deps;
    await members.require(userId, boardId, 'read');
    await activity.flush();
    const read = await readDocOnce(rooms, docs, boardId, (doc) => {
      const stages = readStages(doc).map(({ id, name, altName }) => ({ id, name, altName }));
      const cards: {
        id: string;
        title: string;
        stageId: string;
        createdAt: number;
        enteredAt: number;
        archived: boolean;
      }[] = [];
      roots(doc).cards.forEach((map, id) => {
        const createdAt = num(map, CardKey.createdAt) ?? 0;
        cards.push({
          id,
          title: String(map.get(CardKey.title) ?? ''),
          stageId: str(map, CardKey.stageId),
          createdAt,
          enteredAt: num(map, CardKey.enteredAt) ?? createdAt,
          archived: map.get(CardKey.archived) === true
        });
      });
      return { title: readMeta(doc).title, stages, cards };
    });
    if (!read) throw new BoardRequestError(404, 'not-found', 'No such board.');
    const events: StageEvent[] = [];
    for (const e of await audit.stageEvents(boardId)) {
      if (e.cardId === null || !isStageEventKind(e.kind)) continue;
      events.push({
        cardId: e.cardId,
        at: e.at,
        kind: e.kind,
        toStage: e.data.toStage,
        fromStage: e.data.fromStage
      });
    }
    const now = (this.deps.now ?? Date.now)();
    return boardInsights({ ...read, events, today: localDate(now), dayOf: localDate });
  }
}
