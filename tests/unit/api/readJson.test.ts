import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/routes/api/json';

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

  it('stops reading a body without a length as soon as it passes the limit', async () => {
    let pulls = 0;
    const parts = Array.from({ length: 1000 }, () => 'x'.repeat(1024));
    expect(
      await readJson(
        chunked(parts, () => pulls++),
        4096
      ).catch(status)
    ).toBe(413);
    expect(pulls).toBeLessThan(10);
  });

  it('refuses what is not a JSON object with 400', async () => {
    for (const body of ['[1,2]', 'null', '{"a":', '"text"']) {
      expect(await readJson(chunked([body])).catch(status)).toBe(400);
    }
  });
});
