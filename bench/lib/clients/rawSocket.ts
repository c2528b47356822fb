/**
 * A minimal WebSocket client on a bare TCP socket, for the lightweight sockets: thousands of them
 * receive tens of thousands of small messages a second in one generator process, and the `ws`
 * library's stream machinery per message would make the generator the bottleneck. It speaks
 * RFC 6455 as far as the benchmark needs: the upgrade handshake (Sec-WebSocket-Accept checked),
 * masked binary frames out, unmasked frames in (any length, fragmented or not), ping → pong,
 * close. No extensions (permessage-deflate is not offered).
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const SHARED_READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

export class RawWebSocket {
  /** Each complete data message; the bytes are only valid during the call (the buffer is reused). */
  onmessage: (data: Buffer) => void = () => undefined;
  onclose: (reason: string) => void = () => undefined;
  readonly #socket: net.Socket;
  #open = false;
  #closed = false;
  #chunks: Buffer[] = [];
  #buffered = 0;
  #fragments: Buffer[] = [];

  private constructor(socket: net.Socket) {
    this.#socket = socket;
  }

  /**
   * Connects and completes the upgrade, sending `headers` with it (e.g. a Cookie); rejects on any
   * answer but 101 (e.g. 401 without a session, 404 for unknown boards).
   */
  static connect(
    url: string,
    timeoutMs: number,
    headers: Record<string, string> = {}
  ): Promise<RawWebSocket> {
    const target = new URL(url);
    const extra = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const key = randomBytes(16).toString('base64');
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    return new Promise((resolve, reject) => {
      let head: Buffer = Buffer.alloc(0);
      // Reads land in one buffer shared by every socket (no allocation, no stream machinery per
      // read); #onData consumes them synchronously and copies only an incomplete frame.
      const socket = net.connect({
        host: target.hostname,
        port: Number(target.port || 80),
        noDelay: true,
        onread: { buffer: SHARED_READ_BUFFER, callback: (n) => onRead(SHARED_READ_BUFFER.subarray(0, n)) }
      });
      const ws = new RawWebSocket(socket);
      const timer = setTimeout(() => fail(new Error(`upgrade timed out (${url})`)), timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      const onRead = (chunk: Buffer): boolean => {
        if (ws.#open) {
          ws.#onData(chunk);
          return true;
        }
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) return true;
        clearTimeout(timer);
        const lines = head.toString('latin1', 0, end).split('\r\n');
        const status = lines[0] ?? '';
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          fail(new Error(`Unexpected server response: ${status}`));
          return false;
        }
        const got = lines
          .find((line) => /^sec-websocket-accept:/i.test(line))
          ?.split(':')[1]
          ?.trim();
        if (got !== accept) {
          fail(new Error('bad Sec-WebSocket-Accept'));
          return false;
        }
        ws.#open = true;
        resolve(ws);
        // Frames that came in the same read as the 101 (servers send their sync step at once)
        // wait a microtask, so the caller awaiting connect() has set onmessage; delivered at
        // once, they went to the no-op handler and were lost.
        const early = head.subarray(end + 4);
        if (early.length > 0) queueMicrotask(() => ws.#onData(early));
        return true;
      };
      socket.on('error', (error) => (ws.#open ? ws.#end(error.message) : fail(error)));
      socket.on('close', () =>
        ws.#open ? ws.#end('socket closed') : fail(new Error(`closed before upgrade (${url})`))
      );
      socket.on('connect', () => {
        socket.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\n` +
            `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`
        );
      });
    });
  }

  get isOpen(): boolean {
    return this.#open && !this.#closed;
  }

  send(data: Uint8Array): void {
    if (this.isOpen) this.#socket.write(frame(OP_BINARY, data));
  }

  /** Drops the connection (no closing handshake, like ws.terminate()). */
  close(): void {
    this.#closed = true;
    this.#socket.destroy();
  }

  #end(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.destroy();
    this.onclose(reason);
  }

  /** Consumes every complete frame in `chunk` (which may be the shared read buffer). */
  #onData(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    this.#frames();
    // What is left (an incomplete frame) must outlive the read buffer, which the next read
    // reuses. Copy only the bytes still in it: earlier leftovers have their own memory already.
    // (Copying everything left on every read made a large message quadratic: a 4 MB sync
    // reply arriving in 64 KB reads was copied some 60 times over.)
    this.#chunks = this.#chunks.map((c) => (c.buffer === SHARED_READ_BUFFER.buffer ? Buffer.from(c) : c));
  }

  #frames(): void {
    while (this.#buffered >= 2 && !this.#closed) {
      let head = this.#chunks[0] as Buffer;
      if (head.length < 14 && this.#chunks.length > 1) head = this.#merge();
      const b1 = head[1] as number;
      let length = b1 & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (head.length < 4) return;
        length = head.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (head.length < 10) return;
        length = head.readUInt32BE(2) * 2 ** 32 + head.readUInt32BE(6);
        offset = 10;
      }
      const maskAt = offset;
      if (b1 & 0x80) offset += 4;
      const total = offset + length;
      if (this.#buffered < total) return;
      if (head.length < total) head = this.#merge();
      const payload = head.subarray(offset, total);
      if (b1 & 0x80) unmask(payload, head.subarray(maskAt, maskAt + 4));
      const b0 = head[0] as number;
      const rest = head.subarray(total);
      if (rest.length > 0) this.#chunks[0] = rest;
      else this.#chunks.shift();
      this.#buffered -= total;
      this.#onFrame(b0 & 0x0f, (b0 & 0x80) !== 0, payload);
    }
  }

  #merge(): Buffer {
    if (this.#chunks.length === 1) return this.#chunks[0] as Buffer;
    const all = Buffer.concat(this.#chunks, this.#buffered);
    this.#chunks = [all];
    return all;
  }

  #onFrame(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OP_PING) {
      this.#socket.write(frame(0xa, payload));
    } else if (opcode === OP_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      if (!this.#closed) this.#socket.write(frame(OP_CLOSE, payload.subarray(0, 2)));
      this.#end(`closed by the server with ${code}`);
    } else if (opcode === OP_CONTINUATION || opcode <= 0x2) {
      if (!fin || this.#fragments.length > 0) {
        this.#fragments.push(Buffer.from(payload));
        if (!fin) return;
        const whole = Buffer.concat(this.#fragments);
        this.#fragments = [];
        this.onmessage(whole);
      } else {
        this.onmessage(payload);
      }
    }
  }
}

/** A masked client frame (FIN set). */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const extra = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const out = Buffer.allocUnsafe(2 + extra + 4 + length);
  out[0] = 0x80 | opcode;
  out[1] = 0x80 | (extra === 0 ? length : extra === 2 ? 126 : 127);
  if (extra === 2) out.writeUInt16BE(length, 2);
  if (extra === 8) {
    out.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    out.writeUInt32BE(length >>> 0, 6);
  }
  const maskAt = 2 + extra;
  randomBytes(4).copy(out, maskAt);
  out.set(payload, maskAt + 4);
  unmask(out.subarray(maskAt + 4), out.subarray(maskAt, maskAt + 4));
  return out;
}

function unmask(data: Buffer, mask: Buffer): void {
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) ^ (mask[i & 3] as number);
}
