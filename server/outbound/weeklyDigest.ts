/**
 * When each robot's weekly digest is due, and what it says: the board's digest (周报) over the
 * seven days before the scheduled moment (src/lib/analytics/digest.ts), read from the activity
 * log's stage entries and the board's document as the manager's digest page reads them. Days are
 * China's (UTC+8, no summer time): the schedule is "Monday 09:00 北京时间".
 */
import { boardDigest, type DigestEvent } from '#lib/analytics/digest';
import { isStageEventKind } from '#lib/analytics/history';
import type { WeeklyDigest } from '#lib/outbound/types';
import type { AuditStore } from '../audit/AuditStore';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore } from '../store/DocStore';
import { readDocOnce } from '../store/readDocOnce';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
/** Titles of finished cards a digest names. */
const FINISHED_NAMED = 5;

/** The day 'YYYY-MM-DD' a moment falls on in China. */
export const chinaDay = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The latest scheduled moment at or before `now` for ISO `weekday` (1 Monday … 7 Sunday) and
 * `hour` in China, with its day.
 */
export function lastScheduled(now: number, weekday: number, hour: number): { at: number; day: string } {
  const china = new Date(now + CHINA_OFFSET_MS);
  const midnight = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate());
  const isoToday = ((china.getUTCDay() + 6) % 7) + 1;
  let dayStart = midnight - ((isoToday - weekday + 7) % 7) * DAY_MS;
  if (dayStart + hour * 3600_000 > now + CHINA_OFFSET_MS) dayStart -= 7 * DAY_MS;
  return {
    at: dayStart + hour * 3600_000 - CHINA_OFFSET_MS,
    day: new Date(dayStart).toISOString().slice(0, 10)
  };
}

export interface DigestReaders {
  audit: Pick<AuditStore, 'stageEvents'>;
  rooms: Pick<RoomManager, 'read' | 'stats'>;
  docs: Pick<DocStore, 'loadDoc'>;
}

/** The board's figures for the seven days before `scheduledDay`; null when the board is gone. */
export async function weeklyDigest(
  deps: DigestReaders,
  boardId: string,
  scheduledDay: string
): Promise<WeeklyDigest | null> {
  const end = Date.parse(`${scheduledDay}T00:00:00Z`);
  const period = {
    from: new Date(end - 7 * DAY_MS).toISOString().slice(0, 10),
    to: new Date(end - DAY_MS).toISOString().slice(0, 10)
  };
  const events: DigestEvent[] = [];
  for (const e of await deps.audit.stageEvents(boardId)) {
    if (e.cardId === null || !isStageEventKind(e.kind)) continue;
    const { toStage, fromStage } = e.data;
    events.push({ cardId: e.cardId, at: e.at, kind: e.kind, toStage, fromStage, userId: e.userId });
  }
  const digest = await readDocOnce(deps.rooms, deps.docs, boardId, (doc) =>
    boardDigest(doc, events, period, chinaDay)
  );
  if (!digest) return null;
  return {
    ...period,
    moved: digest.moved.filter((m) => !m.sentBack).length,
    finished: digest.finished.length,
    sentBack: digest.moved.filter((m) => m.sentBack).length,
    spent: digest.spent,
    currency: digest.currency,
    finishedTitles: digest.finished.slice(0, FINISHED_NAMED).map((m) => m.title)
  };
}
