import { json } from '@sveltejs/kit';
import { isBoardRequestError } from '../../../../server/boards/BoardService';

/** Largest JSON body the board API reads. */
const MAX_BODY_BYTES = 16 * 1024;

/** Reads a small JSON object body, or throws a 400 BoardRequestError-shaped response. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw jsonError(413, 'too-large', `Body over ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw jsonError(413, 'too-large', `Body over ${MAX_BODY_BYTES} bytes.`);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw jsonError(400, 'invalid-json', 'Send a JSON object.');
}

/** A JSON error response in the API's one shape: { error: { code, message } }. */
export function jsonError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, { status });
}

/** Runs an API handler, mapping refused requests and thrown responses to JSON errors. */
export async function handleApi(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Response) return e;
    if (isBoardRequestError(e)) return jsonError(e.status, e.code, e.message);
    throw e;
  }
}
