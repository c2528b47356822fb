/**
 * What one socket may make its room do: a budget of messages and bytes per second (two token
 * buckets), so one client cannot take the process from every other board. Issue 14: 10,000
 * one-character updates sent as fast as a socket can carry them kept the server busy for tens of
 * seconds. A message within the budget is handled at once; past it, messages wait in a backlog,
 * the socket stops being read (TCP pushes back on the sender), and they are handled as the budget
 * refills. Only a backlog past one burst (frames the socket had already delivered when reading
 * stopped) closes the socket, with a code clients retry: a y-websocket client then reconnects and
 * sends everything it has as one merged update, so nothing it wrote is lost.
 */

export interface SyncBudgetLimits {
  /** Messages per second a socket may send, sustained. */
  messagesPerSecond: number;
  /** Messages it may send at once (and the most that may wait). */
  messageBurst: number;
  /** Bytes per second, sustained. */
  bytesPerSecond: number;
  /** Bytes at once; at least the largest message, so that one always passes a full bucket. */
  byteBurst: number;
}

/** Two token buckets, refilled by the clock; a message passes while neither is empty. */
export class TokenBuckets {
  #messages: number;
  #bytes: number;
  #at: number;

  constructor(
    private readonly limits: SyncBudgetLimits,
    private readonly now: () => number = () => performance.now()
  ) {
    this.#messages = limits.messageBurst;
    this.#bytes = limits.byteBurst;
    this.#at = now();
  }

  /**
   * Charges one message of `bytes` and returns 0 if it may pass now; else charges nothing and
   * returns the milliseconds until it may. The byte bucket may go into debt by the last message,
   * so any message up to the largest allowed passes a full bucket.
   */
  take(bytes: number): number {
    this.#refill();
    const { messagesPerSecond, bytesPerSecond } = this.limits;
    if (this.#messages >= 1 && this.#bytes > 0) {
      this.#messages -= 1;
      this.#bytes -= bytes;
      return 0;
    }
    const forMessage = ((1 - this.#messages) / messagesPerSecond) * 1000;
    const forBytes = ((1 - this.#bytes) / bytesPerSecond) * 1000;
    return Math.max(1, Math.ceil(Math.max(forMessage, forBytes)));
  }

  #refill(): void {
    const now = this.now();
    const seconds = Math.max(0, now - this.#at) / 1000;
    this.#at = now;
    const { messagesPerSecond, messageBurst, bytesPerSecond, byteBurst } = this.limits;
    this.#messages = Math.min(messageBurst, this.#messages + seconds * messagesPerSecond);
    this.#bytes = Math.min(byteBurst, this.#bytes + seconds * bytesPerSecond);
  }
}

/** Where an Intake sends what it lets through, and what it asks of the socket. */
export interface IntakeSinks<T> {
  deliver(item: T): void;
  /** Stop reading the socket: the budget is spent. */
  pause(): void;
  /** Read it again: the backlog is handled. */
  resume(): void;
  /** The backlog passed one burst: close the socket with a code its client retries. */
  overflow(): void;
}

/** A socket's incoming messages, let through within its budget, in order. */
export class Intake<T> {
  readonly #buckets: TokenBuckets;
  #backlog: { item: T; bytes: number }[] = [];
  #backlogBytes = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(
    private readonly limits: SyncBudgetLimits,
    private readonly sinks: IntakeSinks<T>,
    now?: () => number
  ) {
    this.#buckets = new TokenBuckets(limits, now);
  }

  /** True while messages wait for the budget (the socket is not read meanwhile). */
  get throttled(): boolean {
    return this.#backlog.length > 0;
  }

  /** Takes one message of `bytes`: handled now if the budget allows, else queued behind the rest. */
  push(item: T, bytes: number): void {
    if (this.#stopped) return;
    if (this.#backlog.length === 0) {
      const wait = this.#buckets.take(bytes);
      if (wait === 0) return this.sinks.deliver(item);
      this.sinks.pause();
      this.#schedule(wait);
    }
    this.#backlog.push({ item, bytes });
    this.#backlogBytes += bytes;
    const { messageBurst, byteBurst } = this.limits;
    if (this.#backlog.length > messageBurst || this.#backlogBytes > byteBurst) {
      this.stop();
      this.sinks.overflow();
    }
  }

  /** Drops the backlog and the timer (the socket is closing). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#backlog = [];
    this.#backlogBytes = 0;
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(() => this.#drain(), ms);
    this.#timer.unref?.();
  }

  #drain(): void {
    while (!this.#stopped && this.#backlog.length > 0) {
      const head = this.#backlog[0] as { item: T; bytes: number };
      const wait = this.#buckets.take(head.bytes);
      if (wait > 0) return this.#schedule(wait);
      this.#backlog.shift();
      this.#backlogBytes -= head.bytes;
      this.sinks.deliver(head.item);
    }
    if (!this.#stopped) this.sinks.resume();
  }
}
