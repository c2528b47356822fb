import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { attachmentHeaders } from '#server/attachments/downloadHeaders';

/** One version of an attachment, to members of the board only. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params, request }, { user }) => {
    const v = /^[1-9][0-9]{0,5}$/.test(params.v) ? Number(params.v) : 0;
    const file = await locals.services.attachments.open(user, params.id, params.attachmentId, v);
    const headers = attachmentHeaders(file);
    if (request.headers.get('if-none-match') === headers.etag)
      return new Response(null, { status: 304, headers });
    const body = Readable.toWeb(createReadStream(file.file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: { ...headers, 'content-length': String(file.size) } });
  }
);
