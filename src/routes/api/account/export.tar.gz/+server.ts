import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { attachmentDisposition } from '#server/attachments/fileName';

/**
 * Everything the caller owns as one .tar.gz, streamed: each owned board as a re-importable board
 * file, the attachment files those boards hold, and manifest.json. Only their own, so any account.
 */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals }, { user }) => {
  const stream = await locals.services.accountArchive.open(user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': attachmentDisposition(`stageboard-${day}.tar.gz`),
      'cache-control': 'no-store'
    }
  });
});
