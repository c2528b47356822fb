/**
 * Sockets outlive the check at their upgrade; the session watch ends those whose session has
 * since expired (or whose account is gone), and keeps a session in use alive. Real server, real
 * SQLite file, real y-websocket clients; the session rows are aged through a second connection
 * to the same file, as time would age them.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '#server/protocol';
import { hashSessionToken } from '#server/auth/sessionToken';
import { connectClient, startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';

const tmp = tempDir();
let server: TestServer;
let db: Database.Database;

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
const row = (cookie: string) =>
  db
    .prepare('SELECT expires_at AS expiresAt FROM sessions WHERE token_hash = ?')
    .get(hashSessionToken(tokenOf(cookie))) as { expiresAt: number } | undefined;
const age = (cookie: string, fields: { expiresAt: number; lastSeenAt: number }) =>
  db
    .prepare('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE token_hash = ?')
    .run(fields.expiresAt, fields.lastSeenAt, hashSessionToken(tokenOf(cookie)));

beforeAll(async () => {
  server = await startTestServer(tmp.dir);
  await server.createBoard('team');
  db = new Database(server.config.dbFile);
});

afterAll(async () => {
  db.close();
  await server.stop();
  tmp.cleanup();
});

describe('the session watch', () => {
  it('ends the sockets of an expired session with SessionEnded, deletes it, and leaves the others open', async () => {
    const person = await server.member('team', 'editor');
    const client = await connectClient(person, 'team');
    const other = await connectClient(server, 'team');
    await waitFor('both synced', () => client.provider.synced && other.provider.synced);

    age(person.cookie, { expiresAt: Date.now() - 1000, lastSeenAt: Date.now() - 2000 });
    expect(await server.sessionWatch.check()).toBe(1);
    await waitFor('the close', () => client.closes.length > 0);
    expect(client.closes[0]?.code).toBe(CloseCode.SessionEnded);
    expect(row(person.cookie)).toBeUndefined();
    expect(other.closes).toEqual([]);
    client.destroy();
    other.destroy();
  });

  it('counts an open socket as use: a session near its end is moved forward, its socket kept', async () => {
    const person = await server.member('team', 'editor');
    const client = await connectClient(person, 'team');
    await waitFor('synced', () => client.provider.synced);
    const soon = Date.now() + 60_000;
    age(person.cookie, { expiresAt: soon, lastSeenAt: Date.now() - 2 * 3600_000 });

    expect(await server.sessionWatch.check()).toBe(0);
    expect(row(person.cookie)!.expiresAt).toBeGreaterThan(soon + 24 * 3600_000);
    expect(client.closes).toEqual([]);
    client.destroy();
  });

  it('ends the sockets of a deleted account', async () => {
    const person = await server.member('team', 'editor');
    const client = await connectClient(person, 'team');
    await waitFor('synced', () => client.provider.synced);
    db.prepare('DELETE FROM users WHERE id = ?').run(person.user.id);

    expect(await server.sessionWatch.check()).toBe(1);
    await waitFor('the close', () => client.closes.length > 0);
    expect(client.closes[0]?.code).toBe(CloseCode.SessionEnded);
    client.destroy();
  });
});
