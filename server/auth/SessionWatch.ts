/**
 * A sync socket (or an inbox stream) is admitted with the session of its request and never asked
 * again, and a board tab can stay open for weeks: past its session's expiry, or after the account behind it
 * is gone. Every `intervalMs` the watch asks the auth service which sessions behind open sockets
 * still hold, and ends the sockets of the rest with SessionEnded, after which the page asks its
 * reader to sign in again. An open socket counts as use, so a session in use stays alive
 * (AuthService.liveSessions moves its expiry forward as a request would).
 */
import { errorMessage, type Logger } from '../log';
import type { AuthService } from './AuthService';

/** What holds connections admitted with a session: the rooms' sockets, the inbox's streams. */
export interface SessionHolder {
  openSessions(): Set<string>;
  /** Ends what was opened with these sessions; returns how many connections. */
  endSessions(sessionIds: ReadonlySet<string>, reason: string): number;
}

/** Often enough that an ended session is not open long; each pass reads one row per open session. */
export const SESSION_WATCH_INTERVAL_MS = 10 * 60 * 1000;

export class SessionWatch {
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<number> | null = null;

  constructor(
    private readonly holders: readonly SessionHolder[],
    private readonly auth: Pick<AuthService, 'liveSessions'>,
    private readonly log: Logger
  ) {}

  start(intervalMs = SESSION_WATCH_INTERVAL_MS): void {
    this.stop();
    this.#timer = setInterval(() => void this.check(), intervalMs);
    // A pending check must not keep the process alive after everything else has stopped.
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** One pass; resolves with the number of sockets ended. Passes never overlap. */
  check(): Promise<number> {
    this.#running ??= this.#check().finally(() => (this.#running = null));
    return this.#running;
  }

  async #check(): Promise<number> {
    try {
      const open = new Set(this.holders.flatMap((h) => [...h.openSessions()]));
      if (open.size === 0) return 0;
      const live = await this.auth.liveSessions(open);
      const ended = new Set([...open].filter((id) => !live.has(id)));
      if (ended.size === 0) return 0;
      // Sockets of a session that ended are closed even if a new one opened meanwhile: it was
      // admitted with the same, now dead, session.
      let closed = 0;
      for (const holder of this.holders) closed += holder.endSessions(ended, 'session expired');
      this.log.info('sockets of ended sessions closed', { sessions: ended.size, sockets: closed });
      return closed;
    } catch (error) {
      this.log.error('session check failed', { error: errorMessage(error) });
      return 0;
    }
  }
}
