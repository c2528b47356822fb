/**
 * One board with a card, its people (editor, commenter, viewer, a stranger) on a real server with
 * a real SQLite file, the attachment API over real HTTP, and what the server holds of attachments
 * (files on disk, rows in the file, entries in the document) to prove a refusal kept nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { addCard, readAttachments, readStages } from '#lib/board';
import { roots } from '#lib/board/schema';
import type { Config } from '#server/config';
import { startTestServer, tempDir, type SyncTarget, type TestServer } from '../helpers/syncHarness';
import { serveAttachmentApi } from './attachmentApi';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
/** The start of a JFIF JPEG and some bytes: enough for the server, which never decodes images. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  Buffer.from('JFIF round two')
]);
/** The limit the fixture's server runs with: small, so "too large" costs little. */
export const LIMIT = 64 * 1024;

export type Caller = Pick<SyncTarget, 'cookie'> | null;

export interface Drafts {
  server: TestServer;
  api: string;
  boardId: string;
  cardId: string;
  editor: SyncTarget;
  commenter: SyncTarget;
  viewer: SyncTarget;
  /** Signed in, but an editor of another board only. */
  stranger: SyncTarget;
  stop(): Promise<void>;
}

/** The fixture; `config` changes the server's (the attachment limits, say). */
export async function startDrafts(config: Partial<Config> = {}): Promise<Drafts> {
  const tmp = tempDir();
  const server = await startTestServer(tmp.dir, { attachmentMaxBytes: LIMIT, ...config });
  const api = await serveAttachmentApi(server.log);
  const board = await server.services.boards.create({
    title: 'Spring poster',
    templateId: 'design-review',
    creatorId: server.owner.id
  });
  let cardId = '';
  await server.rooms.change(board.id, (doc) => {
    cardId = addCard(doc, { stageId: readStages(doc)[0]!.id, title: 'Poster' });
  });
  await server.createBoard('elsewhere');
  return {
    server,
    api: api.url,
    boardId: board.id,
    cardId,
    editor: await server.member(board.id, 'editor'),
    commenter: await server.member(board.id, 'commenter'),
    viewer: await server.member(board.id, 'viewer'),
    stranger: await server.member('elsewhere', 'editor'),
    stop: async () => {
      await api.close();
      await server.stop();
      tmp.cleanup();
    }
  };
}

export interface UploadOptions {
  body: Buffer;
  name?: string;
  cardId?: string;
  /** For a new version of this attachment. */
  attachmentId?: string;
  headers?: Record<string, string>;
}

/** POSTs a file as `as` (a Content-Type that claims PNG, which must not matter). */
export function upload(d: Drafts, as: Caller, options: UploadOptions): Promise<Response> {
  const card = encodeURIComponent(options.cardId ?? d.cardId);
  const version = options.attachmentId ? `/${encodeURIComponent(options.attachmentId)}` : '';
  const name = options.name === undefined ? '' : `?name=${encodeURIComponent(options.name)}`;
  return fetch(`${d.api}/api/boards/${d.boardId}/cards/${card}/attachments${version}${name}`, {
    method: 'POST',
    body: new Uint8Array(options.body),
    headers: { 'content-type': 'image/png', ...(as ? { cookie: as.cookie } : {}), ...options.headers }
  });
}

/** GETs one version as `as`. */
export function download(
  d: Drafts,
  as: Caller,
  attachmentId: string,
  v: number,
  headers = {}
): Promise<Response> {
  return fetch(`${d.api}/api/boards/${d.boardId}/attachments/${attachmentId}/v/${v}`, {
    headers: { ...(as ? { cookie: as.cookie } : {}), ...headers }
  });
}

/** DELETEs an attachment as `as`. */
export function remove(d: Drafts, as: Caller, attachmentId: string): Promise<Response> {
  return fetch(`${d.api}/api/boards/${d.boardId}/cards/${d.cardId}/attachments/${attachmentId}`, {
    method: 'DELETE',
    headers: as ? { cookie: as.cookie } : {}
  });
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The attachment files (temporary ones too) and rows the server holds, whatever the boards. */
export function filesAndRows(d: Drafts): { files: string[]; rows: number } {
  const db = new Database(d.server.config.dbFile, { readonly: true });
  try {
    const { n } = db.prepare('select count(*) as n from attachment_versions').get() as { n: number };
    return { files: filesUnder(path.join(d.server.config.dataDir, 'attachments')), rows: n };
  } finally {
    db.close();
  }
}

/** Everything the server holds of attachments: files, rows, and the board's document entries. */
export async function stored(d: Drafts): Promise<{ files: string[]; rows: number; entries: number }> {
  const entries = await d.server.rooms.read(d.boardId, (doc) =>
    [...roots(doc).cards.values()].reduce((sum, card) => sum + readAttachments(card).length, 0)
  );
  return { ...filesAndRows(d), entries };
}

export const NOTHING = { files: [], rows: 0, entries: 0 };
