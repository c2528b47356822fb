/**
 * The one way the server's services start and stop, for `npm start` (server/app.ts) and
 * `npm run dev` (server/devServices.ts) alike, so neither can skip a step the other takes.
 */
import type { Server } from 'node:http';
import { SessionWatch } from './auth/SessionWatch';
import type { Config } from './config';
import { createServices, type CreateServicesOptions } from './createServices';
import { errorMessage, type Logger } from './log';
import type { Persistence } from './persistence/Persistence';
import type { DocChangeHook } from './rooms/hooks';
import { seedDemoBoard } from './seed';
import { clearServices, getServices, provideServices, type Services } from './services';
import { attachSync } from './sync/attachSync';

export interface StartServicesOptions {
  config: Config;
  /** Handed over: stop() closes it, last. */
  persistence: Persistence;
  log: Logger;
  onDocChange?: DocChangeHook;
  /** Keepalive ping period for sync sockets (tests shorten it). */
  pingIntervalMs?: number;
  /** How often open sockets' sessions are checked (server/auth/SessionWatch.ts). */
  sessionWatchMs?: number;
  /** The due-date notices' clock and pass period (server/inbox/DueNotices.ts; tests set both). */
  dueNotices?: { now?: () => number; intervalMs?: number };
  /** The recurring plans' clock and pass period (server/recurring/RecurringPlans.ts). */
  recurringPlans?: { now?: () => number; intervalMs?: number };
  /** The mail notifications' clock and pass period (server/mail/MailService.ts). */
  mail?: { now?: () => number; intervalMs?: number };
  /**
   * The outbox (server/outbound): its clock, retry waits and timeout, how often the worker looks
   * for due deliveries (`pollMs`) and the weekly digests' schedule (`digestMs`).
   */
  outbound?: CreateServicesOptions['outbound'] & { pollMs?: number; digestMs?: number };
}

/** How often the outbox is looked at for retries that came due; new events are sent at once. */
const DELIVERY_POLL_MS = 5_000;

export interface RunningServices {
  services: Services;
  sessionWatch: SessionWatch;
  /**
   * Stops in the one safe order: background jobs (sessions, sweeper, due notices, recurring plans) stop, the sync
   * endpoint detaches, rooms close (flushing and compacting), board-list summaries and then the
   * activity log are written, `drain` runs (the HTTP server's last requests), and the database
   * closes. Later calls return the same promise.
   */
  stop(options?: { drain?: () => Promise<void> }): Promise<void>;
}

/**
 * Creates the services over `persistence`, seeds the demo board on a fresh database, gives
 * orphan boards to the first administrator, attaches sync to `httpServer` and starts the
 * background jobs. The services are registered for SvelteKit (server/services.ts).
 */
export async function startServices(
  httpServer: Server,
  options: StartServicesOptions
): Promise<RunningServices> {
  const { config, persistence, log } = options;
  const services = createServices({
    config,
    persistence,
    log,
    onDocChange: options.onDocChange,
    pingIntervalMs: options.pingIntervalMs,
    dueNow: options.dueNotices?.now,
    recurringNow: options.recurringPlans?.now,
    mailNow: options.mail?.now,
    outbound: options.outbound
  });
  const { rooms, auth, members } = services;
  try {
    if (config.seedDemo) await seedDemoBoard(services.store, rooms);
    const adopted = await services.boards.adoptOrphans();
    if (adopted > 0) log.info('boards given to the administrator', { boards: adopted });
  } catch (error) {
    await rooms.close();
    await persistence.close();
    throw error;
  }
  provideServices(services);
  const detachSync = attachSync(httpServer, { rooms, store: services.store, auth, members, config, log });
  const sessionWatch = new SessionWatch([rooms, services.inbox], auth, log);
  sessionWatch.start(options.sessionWatchMs);
  services.attachments.sweeper.start();
  services.dueNotices.start(options.dueNotices?.intervalMs);
  services.recurringPlans.start(options.recurringPlans?.intervalMs);
  services.mail.start(options.mail?.intervalMs);
  if (!services.mail.enabled) log.info('mail notifications off: SMTP_URL is not set');
  services.deliveries.start(options.outbound?.pollMs ?? DELIVERY_POLL_MS);
  services.outbound.start(options.outbound?.digestMs);

  let stopping: Promise<void> | null = null;
  const stop = (stopOptions: { drain?: () => Promise<void> } = {}): Promise<void> => {
    stopping ??= (async () => {
      sessionWatch.stop();
      detachSync();
      // Before the rooms close: a pass under way reads them, and the store after them.
      await services.attachments.sweeper.stop();
      await services.dueNotices.stop();
      await services.recurringPlans.stop();
      await services.mail.stop();
      // A send under way finishes (bounded by its timeout) and is logged before the store goes.
      await services.outbound.stop();
      await services.deliveries.stop();
      services.overviewFeed.close();
      await rooms.close();
      // Rooms flush their last changes as they close; the list rows follow them before the store goes.
      await services.summaries.flush();
      // Rooms hand their last activity entries over as they close, and renames being typed are
      // held (audit/renameBursts.ts): all are written before the store goes.
      await services.activity.flush();
      await stopOptions.drain?.();
      if (servicesAreOurs(services)) clearServices();
      await persistence.close();
      log.info('services stopped');
    })().catch((error: unknown) => {
      log.error('services stop failed', { error: errorMessage(error) });
      throw error;
    });
    return stopping;
  };
  return { services, sessionWatch, stop };
}

/** A newer start (Vite restarting its server) may have registered its own services since. */
function servicesAreOurs(services: Services): boolean {
  try {
    return getServices() === services;
  } catch {
    return false;
  }
}
