import { AuthService } from './auth/AuthService';
import type { AuthStore } from './auth/AuthStore';
import { MemoryAuthStore } from './auth/MemoryAuthStore';
import type { MemberStore } from './auth/MemberStore';
import { MemoryMemberStore } from './auth/MemoryMemberStore';
import { MembershipService } from './auth/MembershipService';
import { SqliteAuthStore } from './auth/SqliteAuthStore';
import { SqliteMemberStore } from './auth/SqliteMemberStore';
import { BoardService } from './boards/BoardService';
import type { Config } from './config';
import { errorMessage, type Logger } from './log';
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
  /** Accounts and sessions; by default those of `store` (see accountStores). */
  authStore?: AuthStore;
  /** Extra hook after each durable change, besides the board-list title mirror. */
  onDocChange?: DocChangeHook;
  pingIntervalMs?: number;
}

/**
 * Accounts and memberships of a process that did not pass an AuthStore (startServer's callers):
 * the SQLite file's own tables on a SqliteDocStore, else memory, which is what a MemoryDocStore's
 * (or a test wrapper's) data is held in too. Memberships always live beside the accounts they
 * refer to. A future PostgreSQL DocStore must pass its own.
 */
function accountStores(store: DocStore, given?: AuthStore): { auth: AuthStore; members: MemberStore } {
  if (!given && store instanceof SqliteDocStore) {
    return { auth: SqliteAuthStore.over(store), members: SqliteMemberStore.over(store) };
  }
  const auth = given ?? new MemoryAuthStore();
  return { auth, members: new MemoryMemberStore(auth) };
}

/** Builds the process's services once (rooms, board catalogue, templates, accounts), shared by `npm start` and the dev plugin. */
export function createServices(options: CreateServicesOptions): Services {
  const { config, store, log, onDocChange } = options;
  const rooms = new RoomManager({
    store,
    config,
    log,
    pingIntervalMs: options.pingIntervalMs,
    onDocChange: (boardId, doc, origin) => {
      // A rename typed into the board reaches the board list; server renames wrote the row already.
      if (origin.source === 'client') {
        boards.mirrorTitle(boardId, doc).catch((error: unknown) => {
          log.warn('board title mirror failed', { board: boardId, error: errorMessage(error) });
        });
      }
      onDocChange?.(boardId, doc, origin);
    }
  });
  // Referenced by the hook above, which first runs after a change, long after this line.
  const accounts = accountStores(store, options.authStore);
  const members = new MembershipService(accounts.members, accounts.auth);
  const templates = new TemplateService(store, rooms);
  const boards = new BoardService(
    store,
    rooms,
    (id) => templates.find(id),
    (boardId, userId) => members.addCreator(boardId, userId)
  );
  const auth = new AuthService(accounts.auth, log);
  return { config, store, rooms, boards, templates, auth, members };
}
