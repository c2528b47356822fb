import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { inlineDisposition } from '../../../../../../../../../server/attachments/fileName';
import { handleApi } from '../../../../../../json';

/** One version of an attachment, to members of the board only. */
export const GET: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    const user = requireUser(locals);
    const v = /^[1-9][0-9]{0,5}$/.test(params.v) ? Number(params.v) : 0;
    const file = await locals.services.attachments.open(user, params.id, params.attachmentId, v);
    const headers = {
      // The type sniffed at upload; the browser must not second-guess it (into HTML, say).
      'content-type': file.type,
      'x-content-type-options': 'nosniff',
      'content-disposition': inlineDisposition(file.name),
      // A version never changes (a new round is a new URL), so it is cached for good; private,
      // since only members may see it.
      'cache-control': 'private, max-age=31536000, immutable',
      etag: `"${file.sha256}"`
    };
    if (request.headers.get('if-none-match') === headers.etag)
      return new Response(null, { status: 304, headers });
    const body = Readable.toWeb(createReadStream(file.file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: { ...headers, 'content-length': String(file.size) } });
  });
