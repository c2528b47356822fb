import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Integration, NewDelivery, OutboundStore } from '#server/outbound/OutboundStore';

/** An outbound store; `reopen` gives a fresh one on the same data (persistent stores only). */
export interface OutboundStoreFixture {
  store: OutboundStore;
  reopen?: () => Promise<OutboundStore>;
  cleanup: () => Promise<void>;
}

const integration = (id: string, boardId: string, over: Partial<Integration> = {}): Integration => ({
  id,
  boardId,
  kind: 'webhook',
  url: `https://hooks.example.com/${id}`,
  secret: `whsec_${id}`,
  events: ['card.created', 'digest.weekly'],
  locale: 'zh-CN',
  digestWeekday: 1,
  digestHour: 9,
  enabled: true,
  disabledReason: null,
  consecutiveFailures: 0,
  createdBy: 'ann',
  createdAt: 1_000,
  ...over
});

const delivery = (integrationId: string, eventId: string, nextAt = 100, boardId = 'b1'): NewDelivery => ({
  integrationId,
  boardId,
  eventId,
  eventType: 'card.created',
  payload: JSON.stringify({ id: eventId }),
  nextAt,
  createdAt: 50
});

/** Rules O1… every OutboundStore keeps; run against each implementation. */
export function outboundStoreContract(name: string, open: () => Promise<OutboundStoreFixture>): void {
  describe(`OutboundStore contract: ${name}`, () => {
    let fixture: OutboundStoreFixture;
    let store: OutboundStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
      await store.addIntegration(integration('h1', 'b1'));
      await store.addIntegration(
        integration('h2', 'b1', { createdAt: 2_000, kind: 'feishu', events: ['card.overdue'] })
      );
      await store.addIntegration(integration('h3', 'b2'));
    });

    afterEach(() => fixture.cleanup());

    it('O1 keeps integrations per board, oldest first, as written', async () => {
      expect((await store.listIntegrations('b1')).map((i) => i.id)).toEqual(['h1', 'h2']);
      expect(await store.getIntegration('h2')).toEqual(
        integration('h2', 'b1', { createdAt: 2_000, kind: 'feishu', events: ['card.overdue'] })
      );
      expect(await store.getIntegration('nope')).toBeNull();
    });

    it('O2 an update changes what it names and returns the integration after', async () => {
      const after = await store.updateIntegration('h1', {
        enabled: false,
        disabledReason: 'failures',
        consecutiveFailures: 5
      });
      expect(after).toMatchObject({
        id: 'h1',
        enabled: false,
        disabledReason: 'failures',
        consecutiveFailures: 5,
        url: 'https://hooks.example.com/h1'
      });
      expect(await store.updateIntegration('nope', { enabled: true })).toBeNull();
    });

    it('O3 lists the enabled integrations of every board that listen to an event', async () => {
      await store.updateIntegration('h3', { enabled: false });
      expect((await store.listListening('digest.weekly')).map((i) => i.id)).toEqual(['h1']);
    });

    it('O4 an event reaches an integration once: a second enqueue of it adds nothing', async () => {
      const first = await store.enqueue([delivery('h1', 'e1'), delivery('h2', 'e1')]);
      expect(first.map((d) => [d.integrationId, d.status, d.attempts])).toEqual([
        ['h1', 'pending', 0],
        ['h2', 'pending', 0]
      ]);
      expect(await store.enqueue([delivery('h1', 'e1'), delivery('h1', 'e2')])).toHaveLength(1);
    });

    it('O5 due lists pending deliveries of enabled integrations due by now, earliest first, within the limit', async () => {
      await store.enqueue([
        delivery('h1', 'late', 300),
        delivery('h1', 'early', 100),
        delivery('h2', 'mid', 200),
        delivery('h1', 'future', 900)
      ]);
      expect((await store.due(500, 10)).map((d) => d.eventId)).toEqual(['early', 'mid', 'late']);
      expect((await store.due(500, 2)).map((d) => d.eventId)).toEqual(['early', 'mid']);
      await store.updateIntegration('h2', { enabled: false });
      expect((await store.due(500, 10)).map((d) => d.eventId)).toEqual(['early', 'late']);
    });

    it('O6 an attempt moves its delivery on and is logged, newest first, with the delivery’s state now', async () => {
      const [d] = await store.enqueue([delivery('h1', 'e1')]);
      const base = { deliveryId: d!.id, integrationId: 'h1', durationMs: 12, response: 'busy' };
      await store.recordAttempt({
        ...base,
        at: 110,
        statusCode: 503,
        ok: false,
        error: 'http-503',
        status: 'pending',
        nextAt: 400
      });
      expect(await store.getDelivery(d!.id)).toMatchObject({ status: 'pending', attempts: 1, nextAt: 400 });
      expect(await store.due(300, 10)).toEqual([]);
      await store.recordAttempt({
        ...base,
        at: 410,
        statusCode: 200,
        ok: true,
        error: null,
        status: 'delivered',
        nextAt: 410
      });
      const log = await store.attempts('h1', 10);
      expect(log.map((a) => [a.attempt, a.statusCode, a.ok, a.error, a.deliveryStatus, a.eventId])).toEqual([
        [2, 200, true, null, 'delivered', 'e1'],
        [1, 503, false, 'http-503', 'delivered', 'e1']
      ]);
      expect(await store.due(10_000, 10)).toEqual([]);
    });

    it('O7 a requeue makes a delivery pending again, due at the time given', async () => {
      const [d] = await store.enqueue([delivery('h1', 'e1')]);
      await store.recordAttempt({
        deliveryId: d!.id,
        integrationId: 'h1',
        at: 1,
        statusCode: 200,
        durationMs: 1,
        ok: true,
        error: null,
        response: '',
        status: 'delivered',
        nextAt: 1
      });
      expect(await store.requeue(d!.id, 700)).toBe(true);
      expect((await store.due(700, 10)).map((x) => x.id)).toEqual([d!.id]);
      expect(await store.requeue(999_999, 700)).toBe(false);
    });

    it('O8 removing an integration or a board removes its deliveries and log', async () => {
      const [d1, d3] = await store.enqueue([delivery('h1', 'e1'), delivery('h3', 'e3', 100, 'b2')]);
      for (const d of [d1!, d3!]) {
        await store.recordAttempt({
          deliveryId: d.id,
          integrationId: d.integrationId,
          at: 1,
          statusCode: 500,
          durationMs: 1,
          ok: false,
          error: 'x',
          response: '',
          status: 'pending',
          nextAt: 1
        });
      }
      await store.removeIntegration('h1');
      expect(await store.getIntegration('h1')).toBeNull();
      expect(await store.getDelivery(d1!.id)).toBeNull();
      expect(await store.attempts('h1', 10)).toEqual([]);
      await store.removeBoard('b2');
      expect(await store.listIntegrations('b2')).toEqual([]);
      expect(await store.getDelivery(d3!.id)).toBeNull();
      expect((await store.listIntegrations('b1')).map((i) => i.id)).toEqual(['h2']);
    });

    it('O9 (persistent stores only; memory passes trivially) keeps the outbox across a reopen', async () => {
      if (!fixture.reopen) return;
      await store.enqueue([delivery('h1', 'e1')]);
      const reopened = await fixture.reopen();
      expect((await reopened.due(500, 10)).map((d) => d.eventId)).toEqual(['e1']);
      expect((await reopened.getIntegration('h1'))?.secret).toBe('whsec_h1');
    });
  });
}
