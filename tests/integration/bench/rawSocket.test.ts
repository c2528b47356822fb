import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { RawWebSocket } from '#bench/lib/clients/rawSocket';

/** A real ws server on port 0 that sends each connection the given messages. */
async function serve(messages: Buffer[]): Promise<{ url: string; server: Server }> {
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (socket: WebSocket) => {
    for (const m of messages) socket.send(m);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

let running: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => running?.close(resolve) ?? resolve(undefined));
  running = null;
});

/** The messages a RawWebSocket receives, copied out (its buffer is reused after each call). */
async function receive(messages: Buffer[]): Promise<Buffer[]> {
  const { url, server } = await serve(messages);
  running = server;
  const socket = await RawWebSocket.connect(url, 5000);
  const got: Buffer[] = [];
  await new Promise<void>((resolve) => {
    socket.onmessage = (data) => {
      got.push(Buffer.from(data));
      if (got.length === messages.length) resolve();
    };
  });
  socket.close();
  return got;
}

describe('the benchmark’s raw WebSocket client', () => {
  it('receives a multi-megabyte message intact across many reads', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 11)) & 0xff;
    const [got] = await receive([big]);
    expect(got?.length).toBe(big.length);
    expect(got?.equals(big)).toBe(true);
  });

  it('receives thousands of small messages, split anywhere between reads, in order', async () => {
    const messages = Array.from({ length: 3000 }, (_, i) =>
      Buffer.from(`message ${i} `.repeat(1 + (i % 40)))
    );
    const got = await receive(messages);
    expect(got.map((b) => b.toString())).toEqual(messages.map((b) => b.toString()));
  });
});
