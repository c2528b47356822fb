import type { Server } from 'node:http';
import { checkBuiltinTemplates } from '#lib/templates';
import { loadConfig, type Config } from './config';
import { startServices, type RunningServices } from './lifecycle';
import { createLogger, type Logger } from './log';
import { openSqlitePersistence } from './persistence/sqlitePersistence';

/**
 * `npm run dev`: the same services as `npm start` (server/lifecycle.ts) over the same SQLite
 * file, with sync attached to Vite's HTTP server. The caller stops them once Vite has closed
 * that server (the plugin's closeServer hook), so held activity is written as in production.
 */
export async function startDevServices(
  httpServer: Server,
  options: { config?: Config; log?: Logger } = {}
): Promise<RunningServices> {
  const log = options.log ?? createLogger();
  const config = options.config ?? loadConfig();
  checkBuiltinTemplates();
  const running = await startServices(httpServer, {
    config,
    persistence: openSqlitePersistence(config),
    log
  });
  log.info('sync attached to the dev server', { db: config.dbFile });
  return running;
}
