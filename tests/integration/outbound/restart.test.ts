/**
 * The outbox survives a restart: a delivery whose retry came due while the server was down is
 * sent by the next server on the same SQLite file as it starts, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundEvent } from '#lib/outbound/types';
import type { StartServerOptions } from '#server/app';
import { startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';
import { added, deliveryLog } from './integrationsApi';
import { startReceiver, type Receiver } from './receiver';

const RETRY_MS = 300;
const options: Pick<StartServerOptions, 'outbound'> = {
  outbound: {
    retry: { delaysMs: [RETRY_MS, RETRY_MS], jitter: 0, timeoutMs: 1000, disableAfter: 5 },
    pollMs: 20
  }
};

describe('outbox across a restart', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer | null = null;
  let receiver: Receiver;

  beforeEach(async () => {
    tmp = tempDir();
    receiver = await startReceiver((_req, i) => (i === 0 ? { status: 503 } : { status: 204 }));
  });

  afterEach(async () => {
    await server?.stop();
    await receiver.close();
    tmp.cleanup();
  });

  it('sends a delivery that came due while the server was down once, after start', async () => {
    server = await startTestServer(tmp.dir, { outboundAllowHosts: ['127.0.0.1'] }, undefined, options);
    const boardId = (await server.services.boards.create({ title: 'Launch', creatorId: server.owner.id })).id;
    const { integration } = await added(server, boardId, {
      kind: 'webhook',
      url: `${receiver.url}/in`,
      events: ['card.created'],
      locale: 'en'
    });
    await server.services.outbound.test(boardId, integration.id);
    await waitFor('the first, refused attempt', () => receiver.received.length === 1);
    const stoppedAt = Date.now();
    await server.stop();
    server = null;

    // Down for longer than the retry's wait: it is due before the next server starts.
    await new Promise((r) => setTimeout(r, RETRY_MS + 100));
    expect(receiver.received).toHaveLength(1);

    server = await startTestServer(tmp.dir, { outboundAllowHosts: ['127.0.0.1'] }, undefined, options);
    await waitFor('the retry after start', () => receiver.received.length >= 2);
    expect(receiver.received[1]!.at - stoppedAt).toBeGreaterThanOrEqual(RETRY_MS);
    // Once: more passes send nothing more.
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received.map((r) => JSON.parse(r.body) as OutboundEvent);
    expect(second!.id).toBe(first!.id);
    const log = await deliveryLog(server, boardId, integration.id);
    expect(log.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [2, true, 204],
      [1, false, 503]
    ]);
  });
});
