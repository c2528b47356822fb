/**
 * `npm start` and `npm run dev` start and stop the same services the same way
 * (server/lifecycle.ts). Each path is driven as its entry point drives it: startServer for
 * production, startDevServices on a plain node HTTP server closed the way Vite closes its own
 * (the server first, then the plugin's closeServer hook) for development.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '#server/app';
import { SqliteAuditStore } from '#server/audit/SqliteAuditStore';
import type { Config } from '#server/config';
import { startDevServices } from '#server/devServices';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { getServices, type Services } from '#server/services';
import { SqliteDocStore } from '#server/store/SqliteDocStore';
import { RecordingLogger, tempDir, testConfig } from '../helpers/syncHarness';

interface Started {
  services: Services;
  stop(): Promise<void>;
}

const PATHS: Record<string, (config: Config) => Promise<Started>> = {
  'npm start (startServer)': async (config) => {
    const app = await startServer({
      config,
      persistence: openSqlitePersistence(config),
      log: new RecordingLogger()
    });
    return { services: app.services, stop: () => app.close() };
  },
  'npm run dev (startDevServices on a node HTTP server)': async (config) => {
    const server = http.createServer();
    const running = await startDevServices(server, { config, log: new RecordingLogger() });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      services: running.services,
      stop: async () => {
        await new Promise((resolve) => server.close(resolve));
        await running.stop();
      }
    };
  }
};

const ADMIN = { email: 'admin@lifecycle.test', password: 'admin-password', name: 'Admin' };

const tmp = tempDir();
afterEach(() => tmp.cleanup());

describe.each(Object.keys(PATHS))('%s', (path) => {
  const start = (overrides: Partial<Config> = {}): Promise<Started> =>
    PATHS[path]!(testConfig(tmp.dir, overrides));

  it('writes the batched entries and the rename being typed before the database closes', async () => {
    const { services, stop } = await start();
    const { user: admin } = await services.auth.signUp(ADMIN);
    await services.auth.setOpenSignup(admin, true);
    const { user: other } = await services.auth.signUp({
      email: 'other@lifecycle.test',
      password: 'other-password'
    });
    const { id: boardId } = await services.boards.create({ title: 'Shutdown', creatorId: admin.id });
    // Waits in the activity batch (25 ms)...
    await services.members.add(admin.id, boardId, { email: other.email, role: 'editor' });
    // ...and is held until its author stops typing (3 s): only the shutdown writes either in time.
    await services.activity.record(boardId, admin.id, [
      { kind: 'card.renamed', cardId: 'card-1', data: { from: 'Draft', title: 'Final' } }
    ]);
    await stop();
    expect(getServices).toThrow();

    const store = SqliteDocStore.open(testConfig(tmp.dir));
    try {
      const entries = await SqliteAuditStore.over(store).list(boardId, { limit: 10 });
      expect(entries.map((e) => [e.kind, e.data.memberId ?? e.data.title])).toEqual(
        expect.arrayContaining([
          ['member.added', other.id],
          ['card.renamed', 'Final']
        ])
      );
    } finally {
      await store.close();
    }
  });

  it('seeds the demo board on an empty database and gives it to the administrator at start', async () => {
    const first = await start();
    const { user: admin } = await first.services.auth.signUp(ADMIN);
    await first.stop();

    const second = await start({ seedDemo: true });
    try {
      const boards = await second.services.boards.listFor(admin.id);
      expect(boards.map((b) => b.role)).toEqual(['owner']);
      expect(boards[0]?.templateId).toBe('campaign-execution');
    } finally {
      await second.stop();
    }
  });
});
