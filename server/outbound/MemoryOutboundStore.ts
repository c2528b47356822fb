import type { OutboundEventType } from '#lib/outbound/types';
import type {
  Attempt,
  AttemptRecord,
  Delivery,
  Integration,
  IntegrationPatch,
  NewDelivery,
  OutboundStore
} from './OutboundStore';

/** The outbox for the memory family: one process, nothing survives it. */
export class MemoryOutboundStore implements OutboundStore {
  readonly #integrations = new Map<string, Integration>();
  readonly #deliveries = new Map<number, Delivery>();
  readonly #attempts: Omit<Attempt, 'eventId' | 'eventType' | 'deliveryStatus'>[] = [];
  #nextDelivery = 1;
  #nextAttempt = 1;

  async addIntegration(integration: Integration): Promise<void> {
    this.#integrations.set(integration.id, { ...integration, events: [...integration.events] });
  }

  async getIntegration(id: string): Promise<Integration | null> {
    const found = this.#integrations.get(id);
    return found ? { ...found, events: [...found.events] } : null;
  }

  async listListening(type: OutboundEventType): Promise<Integration[]> {
    return [...this.#integrations.values()]
      .filter((i) => i.enabled && i.events.includes(type))
      .map((i) => ({ ...i, events: [...i.events] }));
  }

  async listIntegrations(boardId: string): Promise<Integration[]> {
    return [...this.#integrations.values()]
      .filter((i) => i.boardId === boardId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((i) => ({ ...i, events: [...i.events] }));
  }

  async updateIntegration(id: string, patch: IntegrationPatch): Promise<Integration | null> {
    const found = this.#integrations.get(id);
    if (!found) return null;
    const next = { ...found, ...patch };
    this.#integrations.set(id, next);
    return { ...next, events: [...next.events] };
  }

  async removeIntegration(id: string): Promise<void> {
    this.#integrations.delete(id);
    this.#dropDeliveries((d) => d.integrationId === id);
  }

  async removeBoard(boardId: string): Promise<void> {
    for (const [id, i] of this.#integrations) if (i.boardId === boardId) this.#integrations.delete(id);
    this.#dropDeliveries((d) => d.boardId === boardId);
  }

  #dropDeliveries(which: (d: Delivery) => boolean): void {
    const gone = new Set<number>();
    for (const [id, d] of this.#deliveries) if (which(d)) gone.add(id);
    for (const id of gone) this.#deliveries.delete(id);
    for (let i = this.#attempts.length - 1; i >= 0; i--) {
      if (gone.has(this.#attempts[i]!.deliveryId)) this.#attempts.splice(i, 1);
    }
  }

  async enqueue(deliveries: readonly NewDelivery[]): Promise<Delivery[]> {
    const added: Delivery[] = [];
    for (const d of deliveries) {
      const taken = [...this.#deliveries.values()].some(
        (x) => x.integrationId === d.integrationId && x.eventId === d.eventId
      );
      if (taken) continue;
      const row: Delivery = { ...d, id: this.#nextDelivery++, status: 'pending', attempts: 0 };
      this.#deliveries.set(row.id, row);
      added.push({ ...row });
    }
    return added;
  }

  async due(now: number, limit: number): Promise<Delivery[]> {
    return [...this.#deliveries.values()]
      .filter(
        (d) => d.status === 'pending' && d.nextAt <= now && this.#integrations.get(d.integrationId)?.enabled
      )
      .sort((a, b) => a.nextAt - b.nextAt || a.id - b.id)
      .slice(0, limit)
      .map((d) => ({ ...d }));
  }

  async getDelivery(id: number): Promise<Delivery | null> {
    const found = this.#deliveries.get(id);
    return found ? { ...found } : null;
  }

  async recordAttempt(record: AttemptRecord): Promise<void> {
    const delivery = this.#deliveries.get(record.deliveryId);
    if (!delivery) return;
    delivery.attempts += 1;
    delivery.status = record.status;
    delivery.nextAt = record.nextAt;
    const { status: _status, nextAt: _nextAt, ...logged } = record;
    this.#attempts.push({ ...logged, id: this.#nextAttempt++, attempt: delivery.attempts });
  }

  async requeue(deliveryId: number, at: number): Promise<boolean> {
    const delivery = this.#deliveries.get(deliveryId);
    if (!delivery) return false;
    delivery.status = 'pending';
    delivery.nextAt = at;
    return true;
  }

  async attempts(integrationId: string, limit: number): Promise<Attempt[]> {
    const out: Attempt[] = [];
    for (let i = this.#attempts.length - 1; i >= 0 && out.length < limit; i--) {
      const a = this.#attempts[i]!;
      if (a.integrationId !== integrationId) continue;
      const d = this.#deliveries.get(a.deliveryId);
      if (!d) continue;
      out.push({ ...a, eventId: d.eventId, eventType: d.eventType, deliveryStatus: d.status });
    }
    return out;
  }
}
