/**
 * What one socket may make its room do: a budget of messages and bytes per second (two token
 * buckets), so one client cannot take the process from every other board. Issue 14: 10,000
 * one-character updates sent as fast as a socket can carry them kept the server busy for tens of
 * seconds. A message within the budget is handled at once; past it, messages wait in a backlog,
 * the socket stops being read (TCP pushes back on the sender), and they are handled as the budget
 * refills: the sender is slowed. A sender still over its budget after `closeAfterMs` keeps adding
 * to what waits in its own buffers, so it is closed with a code clients retry: a y-websocket
 * client reconnects and sends all it has as one merged update, so nothing it wrote is lost.
 */

export interface SyncBudgetLimits {
  /** Messages per second a socket may send, sustained. */
  messagesPerSecond: number;
  /** Messages it may send at once. */
  messageBurst: number;
  /** Bytes per second, sustained. */
  bytesPerSecond: number;
  /** Bytes at once; at least the largest message, so that one always passes a full bucket. */
  byteBurst: number;
  /** How long a socket may stay over its budget, slowed, before it is closed. */
  closeAfterMs: number;
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
  /** Stop reading the socket: the budget is spent, or only this turn of the event loop. */
  pause(why: 'budget' | 'turn'): void;
  /** Read it again: the backlog is handled. */
  resume(): void;
  /** Over its budget too long: close the socket with a code its client retries. */
  overflow(): void;
}

/**
 * Messages one socket may have handled in one turn of the event loop, budget or not. ws hands
 * over every frame of a TCP chunk at once (a 64 KB chunk holds some 2,000 one-character updates);
 * handling hundreds of them in one go kept every other board waiting for a second (bench
 * scenario 9, --cpu-prof). Past this many, the rest wait for the next turn, after other sockets.
 */
export const MESSAGES_PER_TURN = 8;

type Waiting<T> = { item: T; bytes: number };

/** A socket's incoming messages, let through within its budget, a few per turn, in order. */
export class Intake<T> {
  readonly #buckets: TokenBuckets;
  readonly #now: () => number;
  #backlog: Waiting<T>[] = [];
  #backlogBytes = 0;
  /** Handled in this turn of the event loop; reset by an immediate queued with the first. */
  #thisTurn = 0;
  /** When the budget ran out; null once a message passes within it again. */
  #overSince: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #immediate: ReturnType<typeof setImmediate> | undefined;
  #stopped = false;

  constructor(
    private readonly limits: SyncBudgetLimits,
    private readonly sinks: IntakeSinks<T>,
    now: () => number = () => performance.now()
  ) {
    this.#now = now;
    this.#buckets = new TokenBuckets(limits, now);
  }

  /** True while messages wait for the budget or the next turn (the socket is paused meanwhile). */
  get waiting(): boolean {
    return this.#backlog.length > 0;
  }

  /** Takes one message of `bytes`: handled now if this turn and the budget allow, else queued. */
  push(item: T, bytes: number): void {
    if (this.#stopped) return;
    const waiting = this.#backlog.length > 0;
    if (!waiting && this.#thisTurn < MESSAGES_PER_TURN) {
      const wait = this.#buckets.take(bytes);
      if (wait === 0) {
        // Within the budget with nothing waiting: whatever came before, the sender is not over it.
        this.#overSince = null;
        return this.#deliver(item);
      }
      this.#overBudget(wait);
    } else if (!waiting) {
      // Only this turn is spent: the budget is asked again when the rest are handled.
      this.sinks.pause('turn');
    }
    this.#backlog.push({ item, bytes });
    this.#backlogBytes += bytes;
    // The socket is not read while messages wait, so this holds at most what ws had already
    // read; past a burst of bytes, something let it grow: close rather than hold more.
    if (this.#backlogBytes > this.limits.byteBurst) this.#overflow();
  }

  /** Drops the backlog and the timers (the socket is closing). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#backlog = [];
    this.#backlogBytes = 0;
  }

  #deliver(item: T): void {
    // The first of a turn queues the turn's end: the count resets, and what waits is handled next.
    if (this.#thisTurn++ === 0) this.#immediate = setImmediate(() => this.#nextTurn());
    this.sinks.deliver(item);
  }

  #nextTurn(): void {
    this.#immediate = undefined;
    this.#thisTurn = 0;
    if (this.#backlog.length > 0 && this.#timer === undefined) this.#drain();
  }

  /** The budget ran out: wait `ms` for it, and close a socket that has been over it too long. */
  #overBudget(ms: number): void {
    const now = this.#now();
    this.#overSince ??= now;
    if (now - this.#overSince > this.limits.closeAfterMs) return this.#overflow();
    this.sinks.pause('budget');
    this.#timer = setTimeout(() => this.#drain(), ms);
  }

  #overflow(): void {
    this.stop();
    this.sinks.overflow();
  }

  #drain(): void {
    this.#timer = undefined;
    while (!this.#stopped && this.#backlog.length > 0) {
      // This turn is spent: #nextTurn, queued with its first message, calls again.
      if (this.#thisTurn >= MESSAGES_PER_TURN) return;
      const head = this.#backlog[0] as Waiting<T>;
      const wait = this.#buckets.take(head.bytes);
      if (wait > 0) return this.#overBudget(wait);
      this.#backlog.shift();
      this.#backlogBytes -= head.bytes;
      this.#deliver(head.item);
    }
    // Not the end of being over budget: a flood's next chunk will find the bucket as empty.
    if (!this.#stopped) this.sinks.resume();
  }
}
