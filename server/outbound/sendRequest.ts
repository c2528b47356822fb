/**
 * One POST to a webhook or robot, bounded every way a receiver could hold the server: a deadline
 * for the whole exchange, at most RESPONSE_MAX bytes of the answer kept, no redirects followed (a
 * redirect to an internal address would step around the address guard), and the address guard on
 * the very socket it connects (addressGuard.ts).
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalRefused, parseTarget, type AddressPolicy } from './addressGuard';

/** Bytes of an answer kept for the delivery log. */
export const RESPONSE_MAX = 2048;

export interface SendResult {
  statusCode: number;
  /** The answer's first RESPONSE_MAX bytes, as text. */
  body: string;
}

/** A send that got no answer: `code` is what the delivery log shows. */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    readonly code: 'timeout' | 'blocked-address' | 'invalid-url' | 'connection-failed',
    message: string
  ) {
    super(message);
  }
}

export function sendRequest(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; policy: AddressPolicy }
): Promise<SendResult> {
  const url = parseTarget(target);
  if (url === 'invalid-url') return Promise.reject(new SendFailure('invalid-url', 'not an http(s) URL'));
  if (literalRefused(url, options.policy)) {
    return Promise.reject(new SendFailure('blocked-address', `blocked address ${url.hostname}`));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
        'content-length': Buffer.byteLength(body)
      },
      lookup: guardedLookup(options.policy),
      // A fresh connection each time: a kept-alive socket would skip the lookup the guard lives in.
      agent: false
    });
    const timer = setTimeout(() => {
      req.destroy(new SendFailure('timeout', `no answer in ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept >= RESPONSE_MAX) return;
        chunks.push(chunk.subarray(0, RESPONSE_MAX - kept));
        kept += Math.min(chunk.length, RESPONSE_MAX - kept);
        // Enough is kept: the rest of a large answer is not read off the wire.
        if (kept >= RESPONSE_MAX) res.destroy();
      });
      const done = () => {
        clearTimeout(timer);
        resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', () => done());
    });
    req.on('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      if (error instanceof SendFailure) return reject(error);
      if (error.code === 'blocked-address') return reject(new SendFailure('blocked-address', error.message));
      reject(new SendFailure('connection-failed', error.message));
    });
    req.end(body);
  });
}
