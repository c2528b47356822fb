/**
 * A Server-Sent Events response, shared by the live streams (the inbox, the manager's page): a
 * retry hint first, events as the caller sends them, a comment line every HEARTBEAT_MS so proxies
 * and the browser keep an idle connection open, and an end when the client goes away or stops
 * reading (past `queueMax` unread events the stream is ended rather than buffered without bound;
 * the browser reconnects and refetches).
 */
export const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

export interface StreamEvent {
  name: string;
  data: unknown;
}

export interface EventStreamOptions {
  /** Aborted when the request's client disconnects. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Events a client may leave unread before the stream is ended. */
  queueMax: number;
  /** Called once when the stream stops, however it stops (unsubscribe here). */
  onStop: () => void;
}

export interface EventStream {
  response: Response;
  send(event: StreamEvent): void;
  /** Stops the stream and closes it (the person's session ended, say). */
  end(): void;
}

export function eventStream(options: EventStreamOptions): EventStream {
  let open = true;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stop = (): void => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    options.onStop();
    options.signal?.removeEventListener('abort', stop);
  };
  const end = (): void => {
    if (!open) return;
    stop();
    controller.close();
  };
  const write = (chunk: Uint8Array): void => {
    if (!open) return;
    if ((controller.desiredSize ?? 0) <= -options.queueMax) return end();
    controller.enqueue(chunk);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      // Runs within the constructor, so `controller` is set before this function returns.
      start(c) {
        controller = c;
      },
      cancel() {
        stop();
      }
    },
    // Counted in events: desiredSize goes negative by one per event the client has not taken.
    new CountQueuingStrategy({ highWaterMark: 1 })
  );
  const heartbeat = setInterval(
    () => write(encoder.encode(': heartbeat\n\n')),
    options.heartbeatMs ?? HEARTBEAT_MS
  );
  write(encoder.encode(`retry: ${RETRY_MS}\n\n`));
  options.signal?.addEventListener('abort', stop);
  if (options.signal?.aborted) stop();
  const response = new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // A buffering proxy (nginx) would hold events back until its buffer fills.
      'x-accel-buffering': 'no'
    }
  });
  return {
    response,
    send: ({ name, data }) => write(encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)),
    end
  };
}
