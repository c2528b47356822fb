/**
 * The manager's page live, as Server-Sent Events (server/http/eventStream.ts): `ready`, then
 * `changed` with the board's id whenever one of the reader's boards changes (OverviewFeed).
 */
import { eventStream, type EventStream } from '../http/eventStream';
import type { OverviewFeed } from './OverviewFeed';

/** Events a client has not taken before its stream is ended rather than buffered. */
const QUEUE_MAX = 64;

/** The stream's Response, or null when the person holds as many streams as they may. */
export function overviewStream(
  feed: OverviewFeed,
  userId: string,
  options: { signal?: AbortSignal; heartbeatMs?: number } = {}
): Response | null {
  // Events may come as soon as the subscription is made, before the stream is: those are dropped.
  let stream: EventStream | null = null;
  const unsubscribe = feed.subscribe(userId, (boardId) =>
    stream?.send({ name: 'changed', data: { boardId } })
  );
  if (!unsubscribe) return null;
  stream = eventStream({ ...options, queueMax: QUEUE_MAX, onStop: unsubscribe });
  stream.send({ name: 'ready', data: {} });
  return stream.response;
}
