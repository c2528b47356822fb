/**
 * Uploads in the Node layer, before SvelteKit: adapter-node caps every body at BODY_SIZE_LIMIT
 * (512 KB unless lifted for all endpoints at once), and buffers it before an endpoint can count
 * bytes. Here the request streams straight into AttachmentService with its own limit, and every
 * other endpoint keeps the adapter's cap. Why, and what the SvelteKit side serves: README.md.
 *
 *   POST /api/boards/<board>/cards/<card>/attachments?name=<file name>           a new attachment
 *   POST /api/boards/<board>/cards/<card>/attachments/<attachment>?name=<name>   its next version
 *
 * The body is the raw file; the name may come as `X-File-Name` (percent-encoded) instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from '../app';
import { SESSION_COOKIE, readCookie } from '../auth/sessionCookie';
import { MemberRequestError } from '../auth/MemberRequestError';
import { createLogger, errorMessage, type Logger } from '../log';
import { isRequestError } from '../RequestError';
import { getServices, type Services } from '../services';
import { isOriginAllowed } from '../sync/upgradeRequest';
import { sendJson } from '../http/nodeJson';

const UPLOAD_PATH = /^\/api\/boards\/([^/]+)\/cards\/([^/]+)\/attachments(?:\/([^/]+))?\/?$/;
/** A refused body is read and dropped up to this much (or the limit, if larger), then cut. */
const DRAIN_MIN_BYTES = 8 * 1024 * 1024;

interface UploadTarget {
  boardId: string;
  cardId: string;
  attachmentId?: string;
  url: URL;
}

/** The upload a request is for, or null when it is not an upload (SvelteKit's, then). */
export function uploadTarget(req: Pick<IncomingMessage, 'method' | 'url'>): UploadTarget | null {
  if (req.method !== 'POST' || !req.url) return null;
  const url = new URL(req.url, 'http://upload.invalid');
  const match = UPLOAD_PATH.exec(url.pathname);
  if (!match) return null;
  try {
    const [boardId, cardId, attachmentId] = match
      .slice(1)
      .map((s) => (s === undefined ? s : decodeURIComponent(s)));
    return { boardId: boardId!, cardId: cardId!, attachmentId, url };
  } catch {
    return null;
  }
}

function fileName(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['x-file-name'];
  if (url.searchParams.has('name')) return url.searchParams.get('name');
  if (typeof header !== 'string') return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/**
 * After a refusal, reads what the client is still sending and drops it, so the client gets to
 * read the answer (closing on unread data makes TCP reset the connection, and browsers then show
 * a network error instead of the 413); past `drainBytes` the connection is cut.
 */
function drain(req: IncomingMessage, drainBytes: number): void {
  if (req.complete) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > drainBytes) req.socket.destroy();
  });
  req.resume();
}

async function upload(req: IncomingMessage, res: ServerResponse, target: UploadTarget, services: Services) {
  if (!isOriginAllowed(req, services.config.allowedOrigins)) {
    // SvelteKit's CSRF check does not see these requests: this is it.
    throw new MemberRequestError(403, 'forbidden', 'Cross-site uploads are not accepted.');
  }
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await services.auth.userForToken(token) : null;
  if (!user) throw new MemberRequestError(401, 'sign-in-required', 'Sign in first.');
  const declared = req.headers['content-length'];
  const stored = await services.attachments.upload(user, target.boardId, target.cardId, {
    name: fileName(req, target.url),
    // Not destroyed when the service stops reading: the socket must stay up for the answer.
    body: req.iterator({ destroyOnReturn: false }),
    length: declared === undefined ? undefined : Number(declared),
    attachmentId: target.attachmentId
  });
  sendJson(res, 201, stored);
}

/** Wraps `next` (SvelteKit's handler) so uploads are served here and everything else there. */
export function withAttachmentUploads(
  next: RequestHandler | undefined,
  services: () => Services = getServices,
  log: Logger = createLogger()
): RequestHandler {
  return (req, res, fallthrough) => {
    const target = uploadTarget(req);
    if (!target) {
      if (next) return next(req, res, fallthrough);
      return fallthrough?.();
    }
    const all = services();
    upload(req, res, target, all).catch((error: unknown) => {
      if (isRequestError(error)) {
        // Answered as handleApi answers SvelteKit's endpoints (a 413 carries its `limit`).
        const { status, code, message, details, headers } = error;
        sendJson(res, status, { error: { code, message, ...details } }, headers);
      } else {
        log.error('upload failed', { board: target.boardId, error: errorMessage(error) });
        sendJson(res, 500, { error: { code: 'internal', message: 'The upload failed on the server.' } });
      }
      drain(req, Math.max(all.attachments.maxBytes, DRAIN_MIN_BYTES));
    });
  };
}
