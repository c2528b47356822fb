import { AuthService } from './auth/AuthService';
import { DEFAULT_ADDRESS_LIMITS } from './auth/signInLimits';
import type { AuthStore } from './auth/AuthStore';
import { InviteService } from './auth/InviteService';
import type { InviteStore } from './auth/InviteStore';
import { MemoryAuthStore } from './auth/MemoryAuthStore';
import { MemoryInviteStore } from './auth/MemoryInviteStore';
import type { MemberStore } from './auth/MemberStore';
import { MemoryMemberStore } from './auth/MemoryMemberStore';
import { MembershipService, type MembershipChange } from './auth/MembershipService';
import { SqliteAuthStore } from './auth/SqliteAuthStore';
import { SqliteInviteStore } from './auth/SqliteInviteStore';
import { SqliteMemberStore } from './auth/SqliteMemberStore';
import type { AttachmentStore } from './attachments/AttachmentStore';
import { AttachmentService } from './attachments/AttachmentService';
import { MemoryAttachmentStore } from './attachments/MemoryAttachmentStore';
import { SqliteAttachmentStore } from './attachments/SqliteAttachmentStore';
import { ActivityService } from './audit/ActivityService';
import type { AuditStore } from './audit/AuditStore';
import { MemoryAuditStore } from './audit/MemoryAuditStore';
import { SqliteAuditStore } from './audit/SqliteAuditStore';
import { BoardService } from './boards/BoardService';
import { BoardSummaries } from './boards/BoardSummaries';
import { ReviewService } from './boards/ReviewService';
import { InboxService } from './inbox/InboxService';
import type { InboxStore } from './inbox/InboxStore';
import { MemoryInboxStore } from './inbox/MemoryInboxStore';
import { SqliteInboxStore } from './inbox/SqliteInboxStore';
import type { DueIndex } from './inbox/DueIndex';
import { DueNotices } from './inbox/DueNotices';
import { MemoryDueIndex } from './inbox/MemoryDueIndex';
import { SqliteDueIndex } from './inbox/SqliteDueIndex';
import type { Config } from './config';
import { errorMessage, type Logger } from './log';
import { boardRoomHooks } from './roomHooks';
import type { DocChangeHook } from './rooms/Room';
import { RoomManager } from './rooms/RoomManager';
import type { Services } from './services';
import type { DocStore } from './store/DocStore';
import { SqliteDocStore } from './store/SqliteDocStore';
import { TemplateService } from './templates/TemplateService';

export interface CreateServicesOptions {
  config: Config;
  store: DocStore;
  log: Logger;
  /** Extra hook after each durable change, besides the board-list title mirror. */
  onDocChange?: DocChangeHook;
  pingIntervalMs?: number;
  /** The clock the due-date notices read days from (tests set it). */
  dueNow?: () => number;
}

/** A board's list row follows its edits within this long; a burst of typing costs a write or two. */
const SUMMARY_INTERVAL_MS = 5_000;

/**
 * Where accounts, memberships, invitations and the audit log live: the SQLite file's own tables
 * on a SqliteDocStore (one file, one writer, one backup), else memory, which is where a
 * MemoryDocStore's (or a test wrapper's) boards are held too. A future PostgreSQL DocStore
 * brings its own.
 */
function accountStores(store: DocStore): {
  auth: AuthStore;
  members: MemberStore;
  audit: AuditStore;
  invites: InviteStore;
  inbox: InboxStore;
  attachments: AttachmentStore;
  dueIndex: DueIndex;
} {
  if (store instanceof SqliteDocStore) {
    return {
      auth: SqliteAuthStore.over(store),
      members: SqliteMemberStore.over(store),
      audit: SqliteAuditStore.over(store),
      invites: SqliteInviteStore.over(store),
      attachments: SqliteAttachmentStore.over(store),
      inbox: SqliteInboxStore.over(store),
      dueIndex: SqliteDueIndex.over(store)
    };
  }
  const auth = new MemoryAuthStore();
  const members = new MemoryMemberStore(auth);
  const memory = { members, invites: new MemoryInviteStore(auth, members) };
  return {
    auth,
    ...memory,
    audit: new MemoryAuditStore(),
    inbox: new MemoryInboxStore(),
    dueIndex: new MemoryDueIndex(),
    attachments: new MemoryAttachmentStore()
  };
}

/** Builds the process's services once (rooms, board catalogue, templates, accounts), shared by `npm start` and the dev plugin. */
export function createServices(options: CreateServicesOptions): Services {
  const { config, store, log, onDocChange } = options;
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
        onDocChange?.(boardId, doc, origin);
      }
    })
  });
  // Referenced by the hooks above, which first run after a change, long after these lines.
  const accounts = accountStores(store);
  const activity = new ActivityService(accounts.audit, accounts.auth, (boardId, entries) => {
    rooms.sendActivity(boardId, entries);
    inbox.fromActivity(boardId, entries).catch((error: unknown) => {
      log.error('inbox not updated', { board: boardId, error: errorMessage(error) });
    });
    dueNotices.fromActivity(boardId, entries).catch((error: unknown) => {
      log.error('due-date index not updated', { board: boardId, error: errorMessage(error) });
    });
  });
  const members = new MembershipService(accounts.members, accounts.auth, Date.now, (change) => {
    rooms.membershipChanged(change.boardId, change.userId, change.to);
    // A board joining or leaving someone's boards changes what their inbox counts.
    inbox.membershipChanged(change.userId).catch((error: unknown) => {
      log.warn('inbox count not sent', { user: change.userId, error: errorMessage(error) });
    });
    recordMembership(change).catch((error: unknown) => {
      log.error('activity not recorded', { board: change.boardId, error: errorMessage(error) });
    });
  });
  const recordMembership = async (change: MembershipChange): Promise<void> => {
    // A board's deletion removes its members (and then its log): nothing to record.
    if (change.actorId === null) return;
    const member = await accounts.auth.getUser(change.userId);
    const kind =
      change.from === null ? 'member.added' : change.to === null ? 'member.removed' : 'member.role-changed';
    const data = { memberId: change.userId, memberName: member?.name ?? '' };
    await activity.record(change.boardId, change.actorId, [
      {
        kind,
        cardId: null,
        data: { ...data, role: change.to ?? undefined, previousRole: change.from ?? undefined }
      }
    ]);
  };
  const inbox = new InboxService({
    store: accounts.inbox,
    members,
    users: accounts.auth,
    boards: store,
    docs: rooms
  });
  const dueNotices = new DueNotices({
    index: accounts.dueIndex,
    inbox,
    rooms,
    docs: store,
    log,
    now: options.dueNow
  });
  const templates = new TemplateService(store, rooms);
  const boards = new BoardService(store, rooms, (id) => templates.find(id), {
    addCreator: (boardId, userId) => members.addCreator(boardId, userId),
    boardsOf: (userId) => members.boardsOf(userId),
    removeBoard: async (boardId) => {
      await members.removeBoard(boardId);
      await invites.removeBoard(boardId);
      await activity.removeBoard(boardId);
      await inbox.removeBoard(boardId);
      await accounts.dueIndex.removeBoard(boardId);
      await attachments.removeBoard(boardId);
    }
  });
  const reviews = new ReviewService(rooms, boards, members, activity);
  const attachments = new AttachmentService({
    store: accounts.attachments,
    rooms,
    boards,
    members,
    docs: store,
    dataDir: config.dataDir,
    maxBytes: config.attachmentMaxBytes,
    log,
    activity
  });
  const auth = new AuthService(accounts.auth, log, {
    addressLimits: {
      signUps: { ...DEFAULT_ADDRESS_LIMITS.signUps, maxFailures: config.signupsPerAddressHour }
    },
    onSignedOut: (sessionId) => {
      rooms.endSession(sessionId);
      inbox.endSessions(new Set([sessionId]));
    },
    onSignedUp: async (user) => {
      if (user.isAdmin) await adoptOrphanBoards({ store, auth, members, log });
    }
  });
  const inviteDeps = { store: accounts.invites, members, users: accounts.auth, auth, boards, log };
  const invites = new InviteService(inviteDeps);
  return {
    config,
    store,
    rooms,
    boards,
    summaries,
    templates,
    auth,
    members,
    invites,
    activity,
    reviews,
    attachments,
    inbox,
    dueNotices
  };
}

/**
 * Gives boards nobody is a member of (made before accounts existed, or the demo board seeded
 * before anyone signed up) to the instance's first administrator. Run at start after seeding,
 * and when the first account is created.
 */
export async function adoptOrphanBoards(
  services: Pick<Services, 'store' | 'auth' | 'members'> & { log: Logger }
): Promise<void> {
  const admin = await services.auth.firstAdmin();
  if (!admin) return;
  const boards = await services.store.listBoards({ includeArchived: true });
  const adopted = await services.members.adoptOrphans(
    admin.id,
    boards.map((b) => b.id)
  );
  if (adopted.length > 0) services.log.info('boards given to the administrator', { boards: adopted.length });
}
