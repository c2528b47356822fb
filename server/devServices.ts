import type { Server } from 'node:http';
import { checkBuiltinTemplates } from '../src/lib/templates';
import { SessionWatch } from './auth/SessionWatch';
import { loadConfig } from './config';
import { adoptOrphanBoards, createServices } from './createServices';
import { createLogger, errorMessage } from './log';
import { seedDemoBoard } from './seed';
import { clearServices, provideServices } from './services';
import { SqliteDocStore } from './store/SqliteDocStore';
import { attachSync } from './sync/attachSync';

/** Opens the store, creates the services and attaches sync to Vite's HTTP server (npm run dev). */
export async function startDevServices(httpServer: Server): Promise<void> {
  const log = createLogger();
  const config = loadConfig();
  checkBuiltinTemplates();
  const store = SqliteDocStore.open(config);
  // Accounts and memberships live in the same file and on the same connection as the boards.
  const services = createServices({ config, store, log });
  const { rooms, auth, members } = services;
  provideServices(services);
  if (config.seedDemo) await seedDemoBoard(store, rooms);
  await adoptOrphanBoards({ ...services, log });
  const detach = attachSync(httpServer, { rooms, store, auth, members, config, log });
  const sessionWatch = new SessionWatch([rooms, services.inbox], auth, log);
  sessionWatch.start();
  services.attachments.sweeper.start();
  services.dueNotices.start();
  log.info('sync attached to the dev server', { db: config.dbFile });

  httpServer.once('close', () => {
    sessionWatch.stop();
    detach();
    Promise.all([services.attachments.sweeper.stop(), services.dueNotices.stop()])
      .then(() => rooms.close())
      .then(() => store.close())
      .then(clearServices)
      .catch((error: unknown) => log.error('dev server shutdown failed', { error: errorMessage(error) }));
  });
}
