/**
 * Scenario 6's load, inside a generator: `connections` lightweight sockets spread over `rooms`
 * (round robin) that complete the handshake and then stay idle. With `seedCards`, the first
 * socket of each room writes a board of that many cards, so the server holds a loaded board.
 * Events: 'ready' {connected, failed}. Signal: 'close'.
 */
import { cardCount, seedCards } from '../clients/edits';
import { LightClient } from '../clients/lightClient';
import { cookieFor } from '../clients/target';
import type { JobIO, ServerTarget } from '../types';
import { forEachLimited } from './connect';

export interface IdleArgs extends ServerTarget {
  rooms: string[];
  connections: number;
  seedCards?: number;
  connectConcurrency?: number;
}

export async function idleConnections(
  args: IdleArgs,
  io: JobIO
): Promise<{ connected: number; failed: number; error?: string }> {
  const clients: LightClient[] = [];
  const seeded = new Set<string>();
  const result = await forEachLimited(args.connections, args.connectConcurrency ?? 50, async (index) => {
    const room = args.rooms[index % args.rooms.length] ?? '';
    const seeds = args.seedCards !== undefined && !seeded.has(room);
    if (seeds) seeded.add(room);
    const client = new LightClient({
      protocol: args.protocol,
      wsUrl: args.wsUrl,
      room,
      cookie: cookieFor(args, index),
      keepDoc: seeds ? () => false : undefined
    });
    clients.push(client);
    await client.connect();
    const doc = client.doc;
    if (seeds && doc && cardCount(doc) === 0) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') client.sendUpdate(update);
      });
      seedCards(doc, args.seedCards ?? 0);
    }
  });
  const connected = args.connections - result.failed;
  io.emit('ready', { connected, failed: result.failed, error: result.firstError });
  await io.signal('close');
  for (const client of clients) client.close();
  return { connected, failed: result.failed, error: result.firstError };
}
