import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';
import { byteRange } from '#server/attachments/byteRange';
import { attachmentHeaders } from '#server/attachments/downloadHeaders';

const stream = (file: string, range?: { start: number; end: number }) =>
  Readable.toWeb(createReadStream(file, range)) as ReadableStream<Uint8Array>;

/** One version of an attachment, to members of the board only; a byte range of it for a video's seeks. */
export const GET: RequestHandler = endpoint(
  { requires: 'board:read' },
  async ({ locals, params, request }, { user }) => {
    const v = /^[1-9][0-9]{0,5}$/.test(params.v) ? Number(params.v) : 0;
    const file = await locals.services.attachments.open(user, params.id, params.attachmentId, v);
    const headers: Record<string, string> = { ...attachmentHeaders(file), 'accept-ranges': 'bytes' };
    if (request.headers.get('if-none-match') === headers.etag)
      return new Response(null, { status: 304, headers });
    // If-Range: a range of other bytes than the client holds would corrupt its copy.
    const ifRange = request.headers.get('if-range');
    const range =
      ifRange && ifRange !== headers.etag ? null : byteRange(request.headers.get('range'), file.size);
    if (range === 'unsatisfiable') {
      return new Response(null, {
        status: 416,
        headers: { ...headers, 'content-range': `bytes */${file.size}` }
      });
    }
    if (!range) {
      return new Response(stream(file.file), {
        headers: { ...headers, 'content-length': String(file.size) }
      });
    }
    return new Response(stream(file.file, range), {
      status: 206,
      headers: {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
        'content-length': String(range.end - range.start + 1)
      }
    });
  }
);
