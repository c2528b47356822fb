/**
 * A card's summary report (src/lib/analytics/report.ts) as the server reads it: the live document
 * (or the stored one), the card's stage entries from the activity log, and the members' names.
 * Built per request, so the page, the PDF and the workbook are current when asked for.
 */
import { isStageEventKind, summaryReport, type StageEvent, type SummaryReport } from '#lib/analytics';
import { BoardError } from '#lib/board/errors';
import type * as Y from 'yjs';
import type { AuditStore } from '../audit/AuditStore';
import type { ActivityService } from '../audit/ActivityService';
import type { MembershipService } from '../auth/MembershipService';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import { BoardRequestError } from '../boards/BoardRequestError';

export interface ReportDeps {
  audit: Pick<AuditStore, 'stageEvents'>;
  /** Entries waiting in the batch are written first, so a move made a moment ago shows. */
  activity: Pick<ActivityService, 'flush'>;
  members: Pick<MembershipService, 'require' | 'list'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc'>;
  now?: () => number;
}

export class ReportService {
  constructor(private readonly deps: ReportDeps) {}

  /** The card's report for a member who may read the board; 404 for a card the board lacks. */
  async forCard(userId: string, boardId: string, cardId: string): Promise<SummaryReport> {
    const { audit, activity } = this.deps;
    const names = await this.names(userId, boardId);
    await activity.flush();
    const events: StageEvent[] = [];
    for (const e of await audit.stageEvents(boardId)) {
      if (e.cardId !== cardId || !isStageEventKind(e.kind)) continue;
      events.push({ cardId, at: e.at, kind: e.kind, toStage: e.data.toStage, fromStage: e.data.fromStage });
    }
    const now = (this.deps.now ?? Date.now)();
    return this.read(boardId, (doc) => {
      try {
        return summaryReport({ doc, cardId, events, names, now });
      } catch (e) {
        if (e instanceof BoardError && e.code === 'not-found')
          throw new BoardRequestError(404, 'not-found', 'No such card.');
        throw e;
      }
    });
  }

  /** `fn` over the board's document with its members' names, for a member who may read it. */
  async withBoard<T>(
    userId: string,
    boardId: string,
    fn: (doc: Y.Doc, names: ReadonlyMap<string, string>) => T
  ): Promise<T> {
    const names = await this.names(userId, boardId);
    return this.read(boardId, (doc) => fn(doc, names));
  }

  private async names(userId: string, boardId: string): Promise<Map<string, string>> {
    const { members } = this.deps;
    await members.require(userId, boardId, 'read');
    return new Map((await members.list(userId, boardId)).map((m) => [m.userId, m.name]));
  }

  private async read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const { rooms, docs } = this.deps;
    const found = await readDocOnce(rooms, docs, boardId, (doc) => ({ value: fn(doc) }));
    if (!found) throw new BoardRequestError(404, 'not-found', 'No such board.');
    return found.value;
  }
}
