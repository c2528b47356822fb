/**
 * Outgoing webhooks end to end: a real server over a real SQLite file, a card made by a
 * y-websocket client, and a real local receiver that checks each request's signature as a
 * receiver should (HMAC-SHA256 over `${t}.${body}`, a fresh `t`), fails the first attempts, hangs
 * past the sender's timeout once, then takes it. Retry waits are milliseconds here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, readStages } from '#lib/board';
import type { OutboundEvent } from '#lib/outbound/types';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { inboxOf } from '../inbox/inboxApi';
import { added, addIntegration, deliveryLog, listIntegrations, resend, sendTest } from './integrationsApi';
import { startReceiver, type Receiver, type Received } from './receiver';

const DELAYS = [40, 80, 160, 320];
const TIMEOUT_MS = 250;

/** Checks the signature as a receiver does; a stale `t` (over 5 minutes) is a replay. */
function verified(req: Received, secret: string): boolean {
  const header = String(req.headers['x-stageboard-signature'] ?? '');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${req.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

describe('outgoing webhooks', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let boardId: string;
  let client: TestClient;
  const receivers: Receiver[] = [];

  beforeEach(async () => {
    tmp = tempDir();
    server = await startTestServer(tmp.dir, { outboundAllowHosts: ['127.0.0.1'] }, undefined, {
      outbound: { retry: { delaysMs: DELAYS, jitter: 0, timeoutMs: TIMEOUT_MS, disableAfter: 2 }, pollMs: 10 }
    });
    boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
    client = await connectClient(server, boardId);
  });

  afterEach(async () => {
    client.destroy();
    await server.stop();
    for (const r of receivers.splice(0)) await r.close();
    tmp.cleanup();
  });

  it('signs each delivery, retries a failing then hanging receiver with growing waits, and logs every attempt', async () => {
    let secret = '';
    const badSignatures: number[] = [];
    const flaky = await startReceiver((req, i) => {
      if (!verified(req, secret)) badSignatures.push(i);
      if (i < 2) return { status: 503, body: { error: 'busy' } };
      if (i === 2) return 'hang';
      return { status: 200, body: { ok: true } };
    });
    receivers.push(flaky);
    const made = await added(server, boardId, {
      kind: 'webhook',
      url: `${flaky.url}/hooks/stageboard`,
      events: ['card.created'],
      locale: 'en'
    });
    secret = made.secret!;
    expect(secret).toMatch(/^whsec_/);
    // Shown once: the list never carries it.
    expect(JSON.stringify(await (await listIntegrations(server, boardId)).json())).not.toContain(secret);

    const stageId = readStages(client.doc)[0]!.id;
    const cardId = addCard(client.doc, { stageId, title: 'Poster' });

    await waitFor('the fourth attempt to be delivered', () => flaky.received.length >= 4, 10_000);
    expect(badSignatures).toEqual([]);
    const events = flaky.received.map((r) => JSON.parse(r.body) as OutboundEvent);
    // One event, the same id on every attempt: the receiver can drop repeats by it.
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events[0]).toMatchObject({
      type: 'card.created',
      version: 1,
      board: { id: boardId, title: 'Launch' },
      card: { id: cardId, title: 'Poster' },
      stage: { from: null, to: { id: stageId } },
      actor: { id: server.owner.id }
    });
    expect(events[0]!.card!.url).toContain(`/boards/${boardId}?card=${cardId}`);
    expect(flaky.received[0]!.headers['x-stageboard-event']).toBe('card.created');
    expect(new Set(flaky.received.map((r) => r.headers['x-stageboard-delivery'])).size).toBe(1);

    // Each wait at least the configured delay, each longer than the one before.
    const gaps = flaky.received.slice(1).map((r, i) => r.at - flaky.received[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(DELAYS[0]! - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(DELAYS[1]! - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(DELAYS[2]! + TIMEOUT_MS - 5);

    const log = await waitFor('four attempts in the log', async () => {
      const list = await deliveryLog(server, boardId, made.integration.id);
      return list.length >= 4 ? list : null;
    });
    const oldestFirst = [...log].reverse();
    expect(oldestFirst.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(oldestFirst.map((a) => a.statusCode)).toEqual([503, 503, null, 200]);
    expect(oldestFirst.map((a) => a.ok)).toEqual([false, false, false, true]);
    expect(oldestFirst[0]!.error).toBe('http-503');
    expect(oldestFirst[2]!.error).toMatch(/^timeout/);
    expect(oldestFirst[2]!.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(oldestFirst[0]!.response).toContain('busy');
    expect(log.every((a) => a.deliveryStatus === 'delivered' && a.eventType === 'card.created')).toBe(true);

    // A resend sends the same event again, signed afresh, and is logged as a fifth attempt.
    expect((await resend(server, boardId, made.integration.id, log[0]!.deliveryId)).status).toBe(202);
    await waitFor('the resend', () => flaky.received.length >= 5);
    expect((JSON.parse(flaky.received[4]!.body) as OutboundEvent).id).toBe(events[0]!.id);
    expect(badSignatures).toEqual([]);
  });

  it('turns a hook off after deliveries fail again and again, and tells the board’s owner in the inbox', async () => {
    const down = await startReceiver(() => ({ status: 500 }));
    receivers.push(down);
    const made = await added(server, boardId, {
      kind: 'webhook',
      url: `${down.url}/down`,
      events: ['card.created'],
      locale: 'zh-CN'
    });
    const stageId = readStages(client.doc)[0]!.id;
    addCard(client.doc, { stageId, title: 'One' });
    addCard(client.doc, { stageId, title: 'Two' });

    const item = await waitFor('the owner’s notice', async () =>
      (await inboxOf(server)).items.find((i) => i.kind === 'integration-off')
    );
    expect(item).toMatchObject({ boardId, cardTitle: '127.0.0.1' });
    const [hook] = await server.services.outbound.list(boardId);
    expect(hook).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: 2 });
    // Two deliveries, each tried 1 + DELAYS.length times, then given up.
    expect(down.received).toHaveLength(2 * (DELAYS.length + 1));
    const log = await deliveryLog(server, boardId, made.integration.id);
    expect(log.filter((a) => a.deliveryStatus === 'dead')).toHaveLength(2 * (DELAYS.length + 1));

    // Off means off: a new card and a test event wait in the outbox, unsent.
    addCard(client.doc, { stageId, title: 'Three' });
    expect((await sendTest(server, boardId, made.integration.id)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 150));
    expect(down.received).toHaveLength(2 * (DELAYS.length + 1));
  });

  it('refuses URLs that are not http(s) or point at private addresses not allowed by the operator', async () => {
    const refuse = async (url: string, code: string) => {
      const res = await addIntegration(server, boardId, {
        kind: 'webhook',
        url,
        events: ['card.created'],
        locale: 'en'
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    };
    await refuse('ftp://127.0.0.1/x', 'invalid-url');
    await refuse('http://user:pw@127.0.0.1/x', 'invalid-url');
    // 127.0.0.1 is allowed in this server's config (any name resolving to it too); its neighbours are not.
    await refuse('http://127.0.0.2/x', 'blocked-address');
    await refuse('http://10.0.0.7/x', 'blocked-address');
    await refuse('http://169.254.169.254/latest/meta-data', 'blocked-address');
    await refuse('http://[::1]/x', 'blocked-address');
    await refuse('http://[::ffff:10.0.0.7]/x', 'blocked-address');
  });
});
