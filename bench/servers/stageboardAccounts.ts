import { SESSION_COOKIE } from '#server/auth/sessionCookie';

/** The bench's board owner: the first account on a fresh data directory, so also its administrator. */
export const BENCH_OWNER_EMAIL = 'bench-owner@bench.local';
/**
 * The accounts the load connects as, round robin, each a manager of every board the bench makes:
 * several, so the server sees a team rather than one account, and managers, because the bench's
 * plain Yjs roots (`bench`) are board-level data only owners and managers may write
 * (server/policy/updatePolicy.ts).
 */
export const BENCH_WRITER_EMAILS = [1, 2, 3, 4].map((n) => `bench-writer-${n}@bench.local`);
const PASSWORD = 'bench-password';
const SIGN_UP = '/api/auth/signup';
const SIGN_IN = '/api/auth/signin';

/**
 * The bench's accounts on one Stageboard data directory, over its HTTP API: signs them up on the
 * first start (the owner first, who then opens sign-up for the writers) and in again after each
 * restart, and makes boards the owner owns with every writer added as a manager.
 */
export class StageboardAccounts {
  #signedUp = false;
  /** The owner's Cookie header value, once signed in. */
  #owner = '';
  /** Each writer's Cookie header value, by email, once signed in. */
  #writers = new Map<string, string>();

  /** Signs every account in on the server at `port`; returns the writers' Cookie header values. */
  async signIn(port: number): Promise<string[]> {
    // Sessions live in the database and would survive a restart; signing in again keeps the
    // bench independent of that, at the cost of a password hash per account before measuring.
    const path = this.#signedUp ? SIGN_IN : SIGN_UP;
    this.#owner = await session(port, path, BENCH_OWNER_EMAIL);
    if (!this.#signedUp) {
      const open = {
        method: 'PATCH',
        path: '/api/auth/settings',
        body: { openSignup: true },
        cookie: this.#owner
      };
      await call(port, open, 200);
    }
    const writers: string[] = [];
    for (const email of BENCH_WRITER_EMAILS) {
      const cookie = await session(port, path, email);
      this.#writers.set(email, cookie);
      writers.push(cookie);
    }
    this.#signedUp = true;
    return writers;
  }

  /**
   * Creates a board as the owner, invites every writer by email as a manager, has each accept (an
   * address is invited, never added without consent), and returns the board's id.
   */
  async createBoard(port: number, title: string): Promise<string> {
    const cookie = this.#owner;
    const res = await call(port, { method: 'POST', path: '/api/boards', body: { title }, cookie }, 201);
    const { board } = (await res.json()) as { board: { id: string } };
    for (const email of BENCH_WRITER_EMAILS) {
      const body = { email, role: 'manager' };
      const made = await call(
        port,
        { method: 'POST', path: `/api/boards/${board.id}/members`, body, cookie },
        201
      );
      const { invite } = (await made.json()) as { invite: { id: string } };
      const accept = {
        method: 'POST',
        path: `/api/invites/${invite.id}/accept`,
        body: {},
        cookie: this.#writers.get(email)
      };
      await call(port, accept, 200);
    }
    return board.id;
  }
}

/** Calls Stageboard's JSON API as a non-browser client does (no Origin); throws unless the answer is `status`. */
async function call(
  port: number,
  request: { method: string; path: string; body: unknown; cookie?: string },
  status: number
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.cookie) headers.cookie = request.cookie;
  const res = await fetch(`http://127.0.0.1:${port}${request.path}`, {
    method: request.method,
    headers,
    body: JSON.stringify(request.body)
  });
  if (res.status !== status) {
    throw new Error(`${request.method} ${request.path}: ${res.status} ${await res.text()}`);
  }
  return res;
}

/** Signs up or in (`path`) and returns the session's Cookie header value, `stageboard_session=<token>`. */
async function session(port: number, path: string, email: string): Promise<string> {
  const signUp = path === SIGN_UP;
  const body = signUp
    ? { email, password: PASSWORD, name: email.split('@')[0] }
    : { email, password: PASSWORD };
  const res = await call(port, { method: 'POST', path, body }, signUp ? 201 : 200);
  await res.body?.cancel();
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`POST ${path}: no ${SESSION_COOKIE} cookie in the answer`);
  return cookie;
}
