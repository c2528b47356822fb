import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { loadConfig } from './config';
import { createServices } from './createServices';
import { createLogger, errorMessage } from './log';
import { clearServices, provideServices } from './services';
import { attachSync } from './sync/attachSync';

/**
 * `npm run dev` as one process: the same store, rooms and sync endpoint as `npm start`, attached
 * to Vite's own HTTP server (Vite keeps its HMR socket; attachSync only takes /sync/ paths).
 */
export function stageboardDevServer(): Plugin {
  return {
    name: 'stageboard-dev-server',
    apply: 'serve',
    async configureServer(server) {
      // vitest loads vite.config.ts too; tests start their own servers on port 0.
      if (process.env.VITEST || !server.httpServer) return;
      const log = createLogger();
      const config = loadConfig();
      // Imported here, not at the top: vite.config.ts must not load better-sqlite3 for every vitest run.
      const { SqliteDocStore } = await import('./store/SqliteDocStore');
      const { seedDemoBoard } = await import('./seed');
      const store = SqliteDocStore.open(config);
      const services = createServices({ config, store, log });
      const rooms = services.rooms;
      provideServices(services);
      if (config.seedDemo) await seedDemoBoard(store, rooms);
      const detach = attachSync(server.httpServer as Server, { rooms, store, config, log });
      log.info('sync attached to the dev server', { db: config.dbFile });

      server.httpServer.once('close', () => {
        detach();
        rooms
          .close()
          .then(() => store.close())
          .then(clearServices)
          .catch((error: unknown) => log.error('dev server shutdown failed', { error: errorMessage(error) }));
      });
    }
  };
}
