import { DigestService } from './analytics/DigestService';
import { BoardApi } from './api/BoardApi';
import { InsightsService } from './analytics/InsightsService';
import { ReportService } from './analytics/ReportService';
import { OverviewFeed } from './analytics/OverviewFeed';
import { OverviewService } from './analytics/OverviewService';
import { AuthService } from './auth/AuthService';
import { DEFAULT_ADDRESS_LIMITS } from './auth/signInLimits';
import { InviteService } from './auth/InviteService';
import { MembershipService } from './auth/MembershipService';
import { TokenService } from './auth/TokenService';
import { AttachmentService } from './attachments/AttachmentService';
import { draftLimits } from './attachments/draftLimits';
import { ActivityService } from './audit/ActivityService';
import { BoardService } from './boards/BoardService';
import { ImportService } from './transfer/ImportService';
import { BoardSummaries } from './boards/BoardSummaries';
import { ReviewService } from './boards/ReviewService';
import { InboxService } from './inbox/InboxService';
import { DueNotices } from './inbox/DueNotices';
import { RecurringPlans } from './recurring/RecurringPlans';
import { DEFAULT_RETRY, DeliveryWorker, type RetryPolicy } from './outbound/DeliveryWorker';
import { OutboundService } from './outbound/OutboundService';
import type { Config } from './config';
import { errorMessage, type Logger } from './log';
import { boardRoomHooks } from './roomHooks';
import type { Persistence } from './persistence/Persistence';
import type { DocChangeHook } from './rooms/hooks';
import { RoomManager } from './rooms/RoomManager';
import type { Services } from './services';
import { TemplateService } from './templates/TemplateService';
import { MailService } from './mail/MailService';
import { AccountArchive } from './transfer/AccountArchive';
import { BoardTransfer } from './transfer/BoardTransfer';

export interface CreateServicesOptions {
  config: Config;
  /** Every store, of one family (server/persistence); the services never pick a store themselves. */
  persistence: Persistence;
  log: Logger;
  /** Extra hook after each durable change, besides the board-list title mirror. */
  onDocChange?: DocChangeHook;
  pingIntervalMs?: number;
  /** The clock the due-date notices read days from (tests set it). */
  dueNow?: () => number;
  /** The clock recurring plans read days from (tests set it). */
  recurringNow?: () => number;
  /** The mail notifications' clock (tests set it, to pass the batch interval without waiting). */
  mailNow?: () => number;
  /** The outbox's clock, retry waits and timeout (tests shorten them). */
  outbound?: { now?: () => number; retry?: Partial<RetryPolicy>; random?: () => number };
}

/** A board's list row follows its edits within this long; a burst of typing costs a write or two. */
const SUMMARY_INTERVAL_MS = 5_000;

/**
 * Builds the process's services once (rooms, board catalogue, templates, accounts) over one
 * persistence family, and wires who tells whom what. Wiring only: what a service does lives in
 * that service; starting and stopping them is server/lifecycle.ts.
 */
export function createServices(options: CreateServicesOptions): Services {
  const { config, persistence, log, onDocChange } = options;
  const store = persistence.docs;
  const summaries = new BoardSummaries(store, log, SUMMARY_INTERVAL_MS);
  const rooms = new RoomManager({
    store,
    config,
    log,
    pingIntervalMs: options.pingIntervalMs,
    // The update policy and the activity log plug into the rooms here; the rooms know neither.
    hooks: boardRoomHooks({
      activity: (boardId, userId, events) => {
        activity.record(boardId, userId, events).catch((error: unknown) => {
          log.error('activity not recorded', { board: boardId, error: errorMessage(error) });
        });
      },
      changed: ({ boardId, doc, origin }) => {
        // A rename typed into the board reaches the board list; server renames wrote the row already.
        if (origin.source === 'client') {
          boards.mirrorTitle(boardId, doc).catch((error: unknown) => {
            log.warn('board title mirror failed', { board: boardId, error: errorMessage(error) });
          });
        }
        summaries.changed(boardId, doc);
        overviewFeed.changed(boardId);
        // A rule added or resumed for today makes its card now, not at the next pass.
        if (origin.source === 'client') recurringPlans.changed(boardId);
        onDocChange?.(boardId, doc, origin);
      }
    })
  });
  // Referenced by the hooks above, which first run after a change, long after these lines.
  const activity = new ActivityService(persistence.audit, persistence.accounts, (boardId, entries) => {
    rooms.sendActivity(boardId, entries);
    inbox.fromActivity(boardId, entries).catch((error: unknown) => {
      log.error('inbox not updated', { board: boardId, error: errorMessage(error) });
    });
    dueNotices.fromActivity(boardId, entries).catch((error: unknown) => {
      log.error('due-date index not updated', { board: boardId, error: errorMessage(error) });
    });
    outbound.fromActivity(boardId, entries).catch((error: unknown) => {
      log.error('outbound events not queued', { board: boardId, error: errorMessage(error) });
    });
  });
  const members = new MembershipService(persistence.members, persistence.accounts, Date.now, (change) => {
    rooms.membershipChanged(change.boardId, change.userId, change.to);
    // A board joining or leaving someone's boards changes what their inbox counts.
    inbox.membershipChanged(change.userId).catch((error: unknown) => {
      log.warn('inbox count not sent', { user: change.userId, error: errorMessage(error) });
    });
    activity.recordMembership(change).catch((error: unknown) => {
      log.error('activity not recorded', { board: change.boardId, error: errorMessage(error) });
    });
  });
  const inbox = new InboxService({
    store: persistence.inbox,
    members,
    users: persistence.accounts,
    boards: store,
    docs: rooms,
    stored: (items) => {
      mail.fromInbox(items).catch((error: unknown) => {
        log.error('mail not queued', { error: errorMessage(error) });
      });
    }
  });
  const mail = new MailService({
    store: persistence.mail,
    users: persistence.accounts,
    boards: store,
    config: config.mail,
    publicUrl: config.publicUrl,
    log,
    now: options.mailNow
  });
  const dueNotices = new DueNotices({
    index: persistence.dueIndex,
    inbox,
    rooms,
    docs: store,
    log,
    now: options.dueNow,
    overdue: (boardId, cards) => {
      outbound.fromOverdue(boardId, cards).catch((error: unknown) => {
        log.error('overdue events not queued', { board: boardId, error: errorMessage(error) });
      });
    }
  });
  const recurringPlans = new RecurringPlans({
    claims: persistence.recurringClaims,
    rooms,
    docs: store,
    log,
    now: options.recurringNow,
    created: (boardId, cardId, data) => {
      activity.record(boardId, null, [{ kind: 'card.created', cardId, data }]).catch((error: unknown) => {
        log.error('activity not recorded', { board: boardId, error: errorMessage(error) });
      });
    }
  });
  const templates = new TemplateService(store, rooms);
  const boards = new BoardService(store, rooms, (id) => templates.find(id), {
    addCreator: (boardId, userId) => members.addCreator(boardId, userId),
    boardsOf: (userId) => members.boardsOf(userId),
    adoptOrphans: (boardIds) => members.adoptOrphans(boardIds),
    removeBoard: async (boardId) => {
      await members.removeBoard(boardId);
      await invites.removeBoard(boardId);
      await activity.removeBoard(boardId);
      await inbox.removeBoard(boardId);
      await persistence.dueIndex.removeBoard(boardId);
      await persistence.recurringClaims.removeBoard(boardId);
      await attachments.removeBoard(boardId);
      await persistence.mail.removeBoard(boardId);
      await outbound.removeBoard(boardId);
    }
  });
  const reviews = new ReviewService(rooms, boards, members, activity);
  const attachments = new AttachmentService({
    store: persistence.attachments,
    rooms,
    boards,
    members,
    docs: store,
    dataDir: config.dataDir,
    limits: draftLimits(config.attachmentMaxBytes, config.attachmentKindBytes),
    log,
    activity
  });
  const auth = new AuthService(persistence.accounts, log, {
    addressLimits: {
      signUps: { ...DEFAULT_ADDRESS_LIMITS.signUps, maxFailures: config.signupsPerAddressHour }
    },
    onSignedOut: (sessionId) => {
      rooms.endSession(sessionId);
      inbox.endSessions(new Set([sessionId]));
    },
    onSignedUp: async (user) => {
      if (!user.isAdmin) return;
      const adopted = await boards.adoptOrphans();
      if (adopted > 0) log.info('boards given to the administrator', { boards: adopted });
    }
  });
  const overviewFeed = new OverviewFeed(members, log);
  const insights = new InsightsService({ audit: persistence.audit, activity, members, rooms, docs: store });
  const reports = new ReportService({ audit: persistence.audit, activity, members, rooms, docs: store });
  const transfer = new BoardTransfer({ docs: store, rooms, audit: persistence.audit, members });
  const accountArchive = new AccountArchive({
    transfer,
    members,
    attachments: persistence.attachments,
    boards: store,
    dataDir: config.dataDir
  });
  const overview = new OverviewService({
    members,
    boards: store,
    rooms,
    users: persistence.accounts,
    templates
  });
  const digest = new DigestService({
    overview,
    audit: persistence.audit,
    activity,
    rooms,
    docs: store,
    users: persistence.accounts
  });
  const outboundNow = options.outbound?.now ?? Date.now;
  const policy = {
    outboundAllowPrivate: config.outboundAllowPrivate,
    outboundAllowHosts: config.outboundAllowHosts
  };
  const deliveries = new DeliveryWorker({
    store: persistence.outbound,
    policy,
    retry: {
      ...DEFAULT_RETRY,
      delaysMs: config.outboundRetryDelaysMs,
      disableAfter: config.outboundDisableAfter,
      ...options.outbound?.retry
    },
    log,
    now: outboundNow,
    random: options.outbound?.random,
    turnedOff: (integration): Promise<void> => outbound.turnedOff(integration)
  });
  const outbound = new OutboundService({
    store: persistence.outbound,
    worker: deliveries,
    boards: store,
    docs: rooms,
    digest: { audit: persistence.audit, rooms, docs: store },
    members,
    inbox,
    policy,
    publicUrl: config.publicUrl,
    log,
    now: outboundNow
  });
  const inviteDeps = { store: persistence.invites, members, users: persistence.accounts, auth, boards, log };
  const invites = new InviteService(inviteDeps);
  const imports = new ImportService({
    store,
    rooms,
    members,
    findTemplate: (id) => templates.find(id),
    deleteBoard: (id) => boards.delete(id),
    maxDocBytes: config.maxDocBytes,
    log
  });
  const tokens = new TokenService(persistence.tokens, persistence.accounts);
  const boardApi = new BoardApi(rooms, members);
  return {
    imports,
    boardApi,
    insights,
    reports,
    transfer,
    accountArchive,
    mail,
    overview,
    overviewFeed,
    digest,
    config,
    store,
    rooms,
    boards,
    summaries,
    templates,
    auth,
    members,
    invites,
    tokens,
    activity,
    reviews,
    attachments,
    inbox,
    dueNotices,
    recurringPlans,
    outbound,
    deliveries
  };
}
