import { json } from '@sveltejs/kit';
import { isRequestError } from '#server/RequestError';

/** Largest JSON body an API call reads unless it asks for more (a template definition does). */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Reads a JSON object body of at most `maxBytes`, or throws a 413 / 400 JSON error response. */
export async function readJson(
  request: Request,
  maxBytes = DEFAULT_MAX_BODY_BYTES
): Promise<Record<string, unknown>> {
  const tooLarge = () => jsonError(413, 'too-large', `Body over ${maxBytes} bytes.`);
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxBytes) {
    if (request.body) void dropRest(request.body.getReader());
    throw tooLarge();
  }
  // Counted in bytes, not characters: a Chinese character is three bytes of UTF-8. Read as a
  // stream and stopped at the limit, so a body without a Content-Length (chunked) cannot make
  // the server buffer more than the limit before it says no.
  const body = await readLimited(request, maxBytes);
  if (!body) throw tooLarge();
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw jsonError(400, 'invalid-json', 'Send a JSON object.');
}

/** Reads a body of any type of at most `maxBytes` as bytes, or throws a 413 JSON error response. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
    if (request.body) void dropRest(request.body.getReader());
    throw jsonError(413, 'too-large', `Body over ${maxBytes} bytes.`);
  }
  const body = await readLimited(request, maxBytes);
  if (!body) throw jsonError(413, 'too-large', `Body over ${maxBytes} bytes.`);
  return body;
}

/**
 * A refused body is read on and dropped up to this much, then the connection is cut: a client
 * that sends without reading gets to read the 413 (closing on unread data makes TCP reset the
 * connection, which loses the answer), and one that never stops cannot keep us reading.
 */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The body's bytes, or null as soon as it passes `maxBytes` (the rest is dropped, never kept) or
 * adapter-node's BODY_SIZE_LIMIT (which ends the stream in a 413 error when a chunked body
 * passes it). Never cancels the stream while the answer is still to be written: in adapter-node
 * that destroys the socket, and a chunked sender got a reset instead of its 413.
 */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await reader.read().catch(overLimit);
    if (next === OVER_LIMIT) return null;
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void dropRest(reader);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const OVER_LIMIT = Symbol('over the limit');

/** adapter-node's size limit (a SvelteKitError with status 413) as OVER_LIMIT; any other failure stays one. */
function overLimit(error: unknown): typeof OVER_LIMIT {
  if ((error as { status?: unknown } | null)?.status === 413) return OVER_LIMIT;
  throw error;
}

/** Reads what the client still sends and drops it (see DRAIN_MAX_BYTES), in the background. */
async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > DRAIN_MAX_BYTES) return await reader.cancel();
    }
  } catch {
    // The stream failed (adapter-node's limit, the client gone): there is nothing left to drop.
  }
}

/** A JSON error response in the API's one shape: { error: { code, message } }. */
export function jsonError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, { status });
}

/**
 * Runs an API handler, mapping thrown responses and refused requests to JSON errors. Every
 * service's refusal is a RequestError: its status, code, extra fields and headers are the answer,
 * so a new kind of refusal needs nothing here.
 */
export async function handleApi(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Response) return e;
    if (isRequestError(e)) {
      const body = { error: { code: e.code, message: e.message, ...e.details } };
      return json(body, { status: e.status, headers: e.headers });
    }
    throw e;
  }
}
