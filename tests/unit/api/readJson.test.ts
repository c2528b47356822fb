import { describe, expect, it } from 'vitest';
import { readJson } from '#server/http/json';

/** A request whose body arrives as a stream without a Content-Length, like a chunked upload. */
function chunked(parts: string[], onPull?: () => void): Request {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (i < parts.length) controller.enqueue(encoder.encode(parts[i++]));
      else controller.close();
    }
  });
  return new Request('http://x/api', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

const status = (e: unknown) => (e instanceof Response ? e.status : e);

describe('reading a JSON body', () => {
  it('reads a small object, counting bytes not characters', async () => {
    expect(await readJson(chunked(['{"title":', '"双十一"}']))).toEqual({ title: '双十一' });
    // 6 Chinese characters are 18 bytes of UTF-8: over a 16-byte limit.
    expect(await readJson(chunked(['{"t":"双十一推广活动"}']), 16).catch(status)).toBe(413);
  });

  it('answers 413 as soon as a body without a length passes the limit', async () => {
    let pulls = 0;
    const parts = Array.from({ length: 1000 }, () => 'x'.repeat(1024));
    const answer = await readJson(
      chunked(parts, () => pulls++),
      4096
    ).catch((e: unknown) => ({ status: status(e), pulls }));
    expect(answer).toMatchObject({ status: 413 });
    expect((answer as { pulls: number }).pulls).toBeLessThan(10);
  });

  it('drops what a refused sender still sends, so it can read the 413, and cuts one that never stops', async () => {
    // Cancelling at once is what cut the connection: adapter-node destroys the socket on cancel.
    let pulls = 0;
    let cancelled!: () => void;
    const cut = new Promise<void>((resolve) => (cancelled = resolve));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel: () => cancelled()
    });
    const request = new Request('http://x/api', {
      method: 'POST',
      body: endless,
      duplex: 'half'
    } as RequestInit);
    expect(await readJson(request, 4096).catch(status)).toBe(413);
    await cut;
    // 8 MiB dropped in 64 KiB chunks, then cut: bounded by bytes, not by time.
    expect(pulls).toBeGreaterThanOrEqual(128);
    expect(pulls).toBeLessThan(140);
  });

  it('answers 413 when adapter-node ends a chunked body at its own limit', async () => {
    const capped = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":"'));
        controller.error(
          Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 })
        );
      }
    });
    const request = new Request('http://x/api', {
      method: 'POST',
      body: capped,
      duplex: 'half'
    } as RequestInit);
    expect(await readJson(request, 1024 * 1024).catch(status)).toBe(413);
  });

  it('refuses what is not a JSON object with 400', async () => {
    for (const body of ['[1,2]', 'null', '{"a":', '"text"']) {
      expect(await readJson(chunked([body])).catch(status)).toBe(400);
    }
  });
});
