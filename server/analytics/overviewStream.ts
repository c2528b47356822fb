/**
 * The manager's page live, as Server-Sent Events: `changed` with the board's id whenever one of
 * the reader's boards changes (OverviewFeed), a comment every HEARTBEAT_MS so proxies keep the
 * connection, ended when the client goes or stops reading (as server/inbox/inboxStream.ts).
 */
import { HEARTBEAT_MS } from '../inbox/inboxStream';
import type { OverviewFeed } from './OverviewFeed';

/** Events a client has not taken before its stream is ended rather than buffered. */
const QUEUE_MAX = 64;
const RETRY_MS = 3_000;
const encoder = new TextEncoder();

/** The stream's Response, or null when the person holds as many streams as they may. */
export function overviewStream(
  feed: OverviewFeed,
  userId: string,
  options: { signal?: AbortSignal; heartbeatMs?: number } = {}
): Response | null {
  let send = (_boardId: string): void => {};
  const unsubscribe = feed.subscribe(userId, (boardId) => send(boardId));
  if (!unsubscribe) return null;
  let stop = (): void => {};
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const write = (chunk: Uint8Array): void => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) <= -QUEUE_MAX) {
            stop();
            controller.close();
            return;
          }
          controller.enqueue(chunk);
        };
        const heartbeat = setInterval(
          () => write(encoder.encode(': heartbeat\n\n')),
          options.heartbeatMs ?? HEARTBEAT_MS
        );
        stop = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          unsubscribe();
          options.signal?.removeEventListener('abort', stop);
        };
        send = (boardId) => write(encoder.encode(`event: changed\ndata: ${JSON.stringify({ boardId })}\n\n`));
        write(encoder.encode(`retry: ${RETRY_MS}\n\n`));
        write(encoder.encode('event: ready\ndata: {}\n\n'));
        options.signal?.addEventListener('abort', stop);
        if (options.signal?.aborted) stop();
      },
      cancel() {
        stop();
      }
    },
    new CountQueuingStrategy({ highWaterMark: 1 })
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no'
    }
  });
}
