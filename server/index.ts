import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer, type RequestHandler } from './app';
import { TemplateError, checkBuiltinTemplates } from '#lib/templates';
import { ConfigError, loadConfig, type Config } from './config';
import { withAttachmentUploads } from './attachments/uploadRoute';
import { withMailUnsubscribe } from './mail/unsubscribeRoute';
import { withBoardImport } from './transfer/importRoute';
import { createLogger, errorMessage } from './log';
import { SVELTEKIT_HANDLER } from './paths';
import { missingProcessEnv } from './processEnv';
import { openSqlitePersistence } from './persistence/sqlitePersistence';
import { testClock } from './testClock';

const log = createLogger();
const PROTOCOL_HEADER = 'x-stageboard-protocol';

/** Reads configuration or exits with the ConfigError's message (no stack: it is the user's input). */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Checks the built-in templates or exits naming the broken template, field and file. */
function templatesOrExit(): void {
  try {
    checkBuiltinTemplates();
  } catch (error) {
    if (error instanceof TemplateError) {
      console.error(
        `Stageboard cannot start: ${error.message} Fix src/lib/templates/builtin/${error.templateId}.ts.`
      );
      process.exit(1);
    }
    throw error;
  }
}

/** SvelteKit's adapter-node handler from ./build, or exit when the app has not been built. */
async function loadHandler(): Promise<RequestHandler> {
  if (!existsSync(SVELTEKIT_HANDLER)) {
    console.error('No build found: run `npm run build` first (npm start does this for you).');
    process.exit(1);
  }
  // adapter-node assumes https unless told otherwise, which makes SvelteKit's CSRF check refuse
  // every form post to this plain-http server. Unless the operator configured ORIGIN or a proxy
  // header, name a header only this process sets (overwriting anything a client sent).
  const ownHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
  if (ownHeader) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
  const mod = (await import(pathToFileURL(SVELTEKIT_HANDLER).href)) as { handler: RequestHandler };
  if (!ownHeader) return mod.handler;
  return (req, res, next) => {
    req.headers[PROTOCOL_HEADER] = 'http';
    mod.handler(req, res, next);
  };
}

/** The process entry: one HTTP server for pages, API and sync on one port. */
async function main(): Promise<void> {
  const config = configOrExit();
  templatesOrExit();
  const handler = await loadHandler();
  // Uploads stream past adapter-node's body cap in the Node layer; the rest stays under it.
  const app = await startServer({
    config,
    persistence: openSqlitePersistence(config),
    handler: withBoardImport(
      withMailUnsubscribe(withAttachmentUploads(handler, undefined, log), undefined, log),
      undefined,
      log
    ),
    log,
    recurringPlans: testClock()
  });
  log.info(`Stageboard listening on ${app.url}`, { db: config.dbFile, durability: config.durability });
  const missing = missingProcessEnv();
  if (missing.length > 0) {
    log.info('started without the environment npm start sets: each sign-in thread may keep 16 MiB', {
      missing: missing.join(','),
      see: 'server/processEnv.ts'
    });
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn('second signal: exiting without a clean shutdown', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('shutting down', { signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: errorMessage(error) });
        process.exit(1);
      }
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  log.error('startup failed', {
    error: error instanceof Error ? (error.stack ?? error.message) : String(error)
  });
  process.exit(1);
});
