/**
 * One person's inbox as a Server-Sent Events response: the unread count first, then each event
 * of InboxService as it happens, and a comment line every HEARTBEAT_MS so proxies and the
 * browser keep an idle connection open. It ends when the client goes away.
 */
import type { InboxListener, InboxMessage, InboxService } from './InboxService';

export const HEARTBEAT_MS = 25_000;
/**
 * Events queued for a client that does not read them (a stalled connection): past this many the
 * stream is ended rather than buffered without bound; the browser reconnects and refetches.
 */
const QUEUE_MAX = 256;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

const encoder = new TextEncoder();
const frame = ({ name, data }: InboxMessage): Uint8Array =>
  encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

export interface InboxStreamOptions {
  /** Aborted when the request's client disconnects. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** The session the request came with (AuthService.sessionIdOf): its end ends the stream. */
  sessionId?: string;
}

/** The stream's Response, or null when the person holds as many streams as they may. */
export async function inboxStream(
  inbox: InboxService,
  userId: string,
  options: InboxStreamOptions = {}
): Promise<Response | null> {
  let stop = (): void => {};
  let end = (): void => {};
  let send: InboxListener = () => {};
  const unsubscribe = inbox.subscribe(userId, (message) => send(message), {
    sessionId: options.sessionId,
    end: () => end()
  });
  if (!unsubscribe) return null;
  let unread: number;
  try {
    // After subscribing: an item made meanwhile is counted, if not sent (the page refetches on open).
    unread = await inbox.unreadCount(userId);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        end = () => {
          if (!open) return;
          stop();
          controller.close();
        };
        const write = (chunk: Uint8Array): void => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) <= -QUEUE_MAX) return end();
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
        send = (message) => write(frame(message));
        write(encoder.encode(`retry: ${RETRY_MS}\n\n`));
        send({ name: 'unread', data: { unread } });
        options.signal?.addEventListener('abort', stop);
        if (options.signal?.aborted) stop();
      },
      cancel() {
        stop();
      }
    },
    // Counted in events: desiredSize goes negative by one per event the client has not taken.
    new CountQueuingStrategy({ highWaterMark: 1 })
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // A buffering proxy (nginx) would hold events back until its buffer fills.
      'x-accel-buffering': 'no'
    }
  });
}
