/**
 * The weekly digest (周报) across the reader's boards: the overview (what waits for them, what is
 * late: now) and, per board, what moved, finished, was spent and decided in the period
 * (src/lib/analytics/digest.ts), from the activity log's stage entries with who made them.
 */
import { boardDigest, type DigestEvent } from '#lib/analytics/digest';
import { isStageEventKind } from '#lib/analytics/history';
import type { ManagerDigest } from '#lib/analytics/manager';
import type { PeriodName } from '#lib/analytics/period';
import { localDate } from '#lib/board/dates';
import type { ActivityService } from '../audit/ActivityService';
import type { AuditStore } from '../audit/AuditStore';
import type { AuthStore } from '../auth/AuthStore';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';
import type { OverviewService } from './OverviewService';

export interface DigestDeps {
  overview: Pick<OverviewService, 'forUser'>;
  audit: Pick<AuditStore, 'stageEvents'>;
  /** Entries waiting in the batch are written first, so a move made a moment ago counts. */
  activity: Pick<ActivityService, 'flush'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc'>;
  users: Pick<AuthStore, 'getUser'>;
}

export class DigestService {
  constructor(private readonly deps: DigestDeps) {}

  /** The reader's digest over the named period (the last seven days unless said). */
  async forUser(userId: string, periodName: PeriodName = 'last7'): Promise<ManagerDigest> {
    const { overview, audit, activity, rooms, docs, users } = this.deps;
    await activity.flush();
    const base = await overview.forUser(userId, undefined, periodName);
    const out: ManagerDigest = { ...base, digests: [] };
    const people = new Set(base.people.map((p) => p.id));
    for (const board of base.boards) {
      const events: DigestEvent[] = [];
      for (const e of await audit.stageEvents(board.id)) {
        if (e.cardId === null || !isStageEventKind(e.kind)) continue;
        const { toStage, fromStage } = e.data;
        events.push({ cardId: e.cardId, at: e.at, kind: e.kind, toStage, fromStage, userId: e.userId });
      }
      const digest = await readDocOnce(rooms, docs, board.id, (doc) =>
        boardDigest(doc, events, base.period, localDate)
      );
      if (!digest) continue;
      out.digests.push({ ...digest, boardId: board.id, boardTitle: board.title });
      for (const m of digest.moved) if (m.by) people.add(m.by);
      for (const d of digest.decided) people.add(d.by);
    }
    for (const id of people) {
      if (base.people.some((p) => p.id === id)) continue;
      const user = await users.getUser(id);
      if (user) out.people.push({ id, name: user.name });
    }
    return out;
  }
}
