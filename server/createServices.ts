import { BoardService } from './boards/BoardService';
import type { Config } from './config';
import { errorMessage, type Logger } from './log';
import type { DocChangeHook } from './rooms/Room';
import { RoomManager } from './rooms/RoomManager';
import type { Services } from './services';
import type { DocStore } from './store/DocStore';
import { TemplateService } from './templates/TemplateService';

export interface CreateServicesOptions {
  config: Config;
  store: DocStore;
  log: Logger;
  /** Extra hook after each durable change, besides the board-list title mirror. */
  onDocChange?: DocChangeHook;
  pingIntervalMs?: number;
}

/** Builds the process's services once (rooms, board catalogue, templates), shared by `npm start` and the dev plugin. */
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
  const templates = new TemplateService(store, rooms);
  const boards = new BoardService(store, rooms, (id) => templates.find(id));
  return { config, store, rooms, boards, templates };
}
