/**
 * POST /api/boards/import-json in the Node layer, before SvelteKit, as attachment uploads are
 * (server/attachments/uploadRoute.ts, README there): adapter-node refuses every body over
 * BODY_SIZE_LIMIT (512 KB) before an endpoint runs, and a board file of a real board is a few
 * MB. Here the body is read with the board file's own limit (BOARD_FILE_LIMITS.bytes), counted
 * as it streams, and every other endpoint keeps the adapter's cap.
 *
 *   POST /api/boards/import-json   body: a stageboard/board file (application/json)
 *   201 { id, title } | 400/413 { error: { code, message } } | 401 | 403 (another site)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from '../app';
import { MemberRequestError } from '../auth/MemberRequestError';
import { SESSION_COOKIE, readCookie } from '../auth/sessionCookie';
import { createLogger, errorMessage, type Logger } from '../log';
import { isRequestError } from '../RequestError';
import { getServices, type Services } from '../services';
import { isOriginAllowed } from '../sync/upgradeRequest';
import { BOARD_FILE_LIMITS } from './boardFile';
import { TransferRequestError } from './TransferRequestError';
import { sendJson } from '../http/nodeJson';

const PATH = '/api/boards/import-json';
/** A refused body is read on and dropped up to this much, so the client reads the answer; then cut. */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

function drain(req: IncomingMessage): void {
  if (req.readableEnded) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > DRAIN_MAX_BYTES) req.destroy();
  });
  req.resume();
}

/** The body as text, or a 413 as soon as it passes the limit (the rest is read and dropped, up to twice the limit). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () =>
    new TransferRequestError(413, 'file-too-large', `A board file is at most ${maxBytes} bytes.`);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function importBoard(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  if (!isOriginAllowed(req, services.config.allowedOrigins)) {
    // SvelteKit's CSRF check does not see these requests: this is it.
    throw new MemberRequestError(403, 'forbidden', 'Cross-site imports are not accepted.');
  }
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await services.auth.userForToken(token) : null;
  if (!user) throw new MemberRequestError(401, 'sign-in-required', 'Sign in first.');
  const text = await readBody(req, BOARD_FILE_LIMITS.bytes);
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new TransferRequestError(400, 'invalid-file', 'The file is not JSON.');
  }
  const board = await services.transfer.importBoard(user.id, file);
  sendJson(res, 201, board, { location: `/api/boards/${board.id}` });
}

/** Wraps `next` (SvelteKit's handler) so board imports are served here and everything else there. */
export function withBoardImport(
  next: RequestHandler | undefined,
  services: () => Services = getServices,
  log: Logger = createLogger()
): RequestHandler {
  return (req, res, fallthrough) => {
    const url = req.method === 'POST' && req.url ? new URL(req.url, 'http://import.invalid') : null;
    if (!url || url.pathname !== PATH) {
      if (next) return next(req, res, fallthrough);
      return fallthrough?.();
    }
    importBoard(req, res, services()).catch((error: unknown) => {
      if (isRequestError(error)) {
        const { status, code, message, details, headers } = error;
        sendJson(res, status, { error: { code, message, ...details } }, headers);
      } else {
        log.error('board import failed', { error: errorMessage(error) });
        sendJson(res, 500, { error: { code: 'internal', message: 'The import failed on the server.' } });
      }
      drain(req);
    });
  };
}
