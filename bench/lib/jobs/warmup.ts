/**
 * Run once in every new generator before it measures anything. It serves both protocols from
 * inside the generator itself (the stock y-websocket handler and a Hocuspocus server, on loopback)
 * and runs a second of the room load against each, so V8 has compiled the clients' hot paths
 * and the first server measured does not pay for a cold generator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as HocuspocusServer } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { freePort } from '../../servers/spawnPeer';
import { now } from '../stats';
import type { JobIO } from '../types';
import { roomLoad, type RoomLoadArgs } from './roomLoad';

/** An io that starts at once and never stops early. */
const selfDriven: JobIO = {
  emit: () => undefined,
  signal: <T>(name: string) =>
    new Promise<T>((resolve) => {
      if (name === 'go') resolve({ startAt: now() } as T);
    })
};

const load = (protocol: RoomLoadArgs['protocol'], wsUrl: string): RoomLoadArgs => ({
  protocol,
  wsUrl,
  room: 'warmup',
  full: 5,
  light: 20,
  editors: 'all',
  rateHz: 10,
  durationMs: 1000,
  settleMs: 100,
  senderPrefix: 'w',
  seedCards: 20
});

export async function warmup(): Promise<number> {
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ server: httpServer });
  wss.on('connection', (socket, req) => setupWSConnection(socket, req));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const yPort = (httpServer.address() as AddressInfo).port;
  const hocuspocus = new HocuspocusServer({ address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await hocuspocus.listen(await freePort());
  try {
    const a = await roomLoad(load('y-websocket', `ws://127.0.0.1:${yPort}`), selfDriven);
    const b = await roomLoad(load('hocuspocus', `ws://127.0.0.1:${hocuspocus.address.port}`), selfDriven);
    return a.sent + b.sent;
  } finally {
    await hocuspocus.destroy();
    wss.close();
    httpServer.close();
  }
}
