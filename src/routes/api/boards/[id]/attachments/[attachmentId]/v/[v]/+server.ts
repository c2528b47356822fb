import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi, jsonError } from '../../../../../../json';

/** One version of an attachment, to members of the board only. */
export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const v = Number(params.v);
    if (!Number.isInteger(v) || v < 1) return jsonError(404, 'not-found', 'No such attachment version.');
    const file = await locals.services.attachments.open(user, params.id, params.attachmentId, v);
    const body = Readable.toWeb(createReadStream(file.file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        'content-type': file.type,
        'content-length': String(file.size),
        // The type was sniffed at upload; the browser must not second-guess it into HTML.
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        // A version never changes, but access can end: private, and revalidated after a day.
        'cache-control': 'private, max-age=86400'
      }
    });
  });
