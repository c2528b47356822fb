import { STAGE_EVENT_KINDS } from '#lib/analytics';
import type { AuditEvent, AuditQuery, AuditStore, NewAuditEvent } from './AuditStore';

/** AuditStore in memory, for tests and for a MemoryDocStore process. */
export class MemoryAuditStore implements AuditStore {
  readonly #events: AuditEvent[] = [];
  #nextId = 1;

  async append(events: readonly NewAuditEvent[]): Promise<AuditEvent[]> {
    const stored = events.map((e) => ({ ...e, data: structuredClone(e.data), id: this.#nextId++ }));
    this.#events.push(...stored);
    return stored.map((e) => ({ ...e, data: structuredClone(e.data) }));
  }

  async list(boardId: string, query: AuditQuery): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    for (let i = this.#events.length - 1; i >= 0 && out.length < query.limit; i--) {
      const e = this.#events[i] as AuditEvent;
      if (e.boardId !== boardId) continue;
      if (query.cardId !== undefined && e.cardId !== query.cardId) continue;
      if (query.kind !== undefined && e.kind !== query.kind) continue;
      if (query.before !== undefined && e.id >= query.before) continue;
      out.push({ ...e, data: structuredClone(e.data) });
    }
    return out;
  }

  async stageEvents(boardId: string): Promise<AuditEvent[]> {
    const kinds: readonly string[] = STAGE_EVENT_KINDS;
    return this.#events
      .filter((e) => e.boardId === boardId && kinds.includes(e.kind))
      .map((e) => ({ ...e, data: structuredClone(e.data) }));
  }

  async removeBoard(boardId: string): Promise<number> {
    let removed = 0;
    for (let i = this.#events.length - 1; i >= 0; i--) {
      if (this.#events[i]?.boardId === boardId) {
        this.#events.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }
}
