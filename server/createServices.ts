import { AuthService } from './auth/AuthService';
import type { AuthStore } from './auth/AuthStore';
import { MemoryAuthStore } from './auth/MemoryAuthStore';
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
  /** Accounts and sessions; by default those of `store` (see defaultAuthStore). */
  authStore?: AuthStore;
  /** Extra hook after each durable change, besides the board-list title mirror. */
  onDocChange?: DocChangeHook;
  pingIntervalMs?: number;
}

/**
 * The accounts of a process that did not pass an AuthStore (startServer's callers): the SQLite
 * file's own tables on a SqliteDocStore, else memory, which is what a MemoryDocStore's (or a test
 * wrapper's) data is held in too. A future PostgreSQL DocStore must pass its own.
 */
function defaultAuthStore(store: DocStore): AuthStore {
  return store instanceof SqliteDocStore ? SqliteAuthStore.over(store) : new MemoryAuthStore();
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
  const authStore = options.authStore ?? defaultAuthStore(store);
  // Memberships live beside the accounts they refer to: the SQLite file, or memory with memory.
  const memberStore =
    store instanceof SqliteDocStore && !options.authStore
      ? SqliteMemberStore.over(store)
      : new MemoryMemberStore(authStore);
  const members = new MembershipService(memberStore, authStore);
  const templates = new TemplateService(store, rooms);
  const boards = new BoardService(
    store,
    rooms,
    (id) => templates.find(id),
    (boardId, userId) => members.addCreator(boardId, userId)
  );
  const auth = new AuthService(authStore, log);
  return { config, store, rooms, boards, templates, auth, members };
}
