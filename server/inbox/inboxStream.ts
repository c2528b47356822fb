/**
 * One person's inbox as a Server-Sent Events response (server/http/eventStream.ts): the unread
 * count first, then each event of InboxService as it happens. It ends when the client goes away
 * or the session it came with ends.
 */
import { eventStream, type EventStream } from '../http/eventStream';
import type { InboxService } from './InboxService';

/** Events queued for a client that does not read them (a stalled connection) before it is ended. */
const QUEUE_MAX = 256;

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
  // Events may come as soon as the subscription is made, before the stream is: those are dropped.
  let stream: EventStream | null = null;
  const unsubscribe = inbox.subscribe(userId, (message) => stream?.send(message), {
    sessionId: options.sessionId,
    end: () => stream?.end()
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
  stream = eventStream({ ...options, queueMax: QUEUE_MAX, onStop: unsubscribe });
  stream.send({ name: 'unread', data: { unread } });
  return stream.response;
}
