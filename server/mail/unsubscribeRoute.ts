/**
 * RFC 8058 one-click unsubscribe, in the Node layer before SvelteKit: a mail client POSTs
 * `List-Unsubscribe=One-Click` as a form from its own servers, with no session and no Origin of
 * ours, which SvelteKit's CSRF check refuses for every form POST. The signed token in the query
 * is the whole authority (it turns off the kinds it names for the person it names, nothing else),
 * so nothing here needs the cross-site protection that check gives.
 *
 *   POST /api/mail/unsubscribe?token=<token>     200 { ok: true } | 400 { error: { code: 'invalid-token' } }
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from '../app';
import { errorMessage, createLogger, type Logger } from '../log';
import { getServices, type Services } from '../services';
import { sendJson } from '../http/nodeJson';

const PATH = '/api/mail/unsubscribe';
/** The body says only `List-Unsubscribe=One-Click`; more is read and dropped up to this, then cut. */
const BODY_MAX_BYTES = 4096;

async function readBody(req: IncomingMessage): Promise<void> {
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).byteLength;
    if (total > BODY_MAX_BYTES) {
      req.destroy();
      return;
    }
  }
}

/** Wraps `next` (SvelteKit's handler) so the one-click unsubscribe is served here. */
export function withMailUnsubscribe(
  next: RequestHandler | undefined,
  services: () => Services = getServices,
  log: Logger = createLogger()
): RequestHandler {
  return (req, res, fallthrough) => {
    const url = req.method === 'POST' && req.url ? new URL(req.url, 'http://mail.invalid') : null;
    if (!url || url.pathname !== PATH) {
      if (next) return next(req, res, fallthrough);
      return fallthrough?.();
    }
    readBody(req)
      .then(() => services().mail.unsubscribe(url.searchParams.get('token')))
      .then((done) =>
        done
          ? sendJson(res, 200, { ok: true })
          : sendJson(res, 400, {
              error: { code: 'invalid-token', message: 'Not an unsubscribe link of ours.' }
            })
      )
      .catch((error: unknown) => {
        log.error('unsubscribe failed', { error: errorMessage(error) });
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: 'internal', message: 'Unsubscribe failed.' } });
      });
  };
}
