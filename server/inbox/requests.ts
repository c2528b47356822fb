/**
 * What the inbox endpoints accept, checked in one place: the routes stay thin adapters and the
 * rules can be tested without HTTP.
 */
import { INBOX_PAGE_MAX, INBOX_READ_MAX } from '#lib/inbox/types';

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/**
 * The items POST /api/inbox/read marks: `{ ids: [1, 2] }` (1 to INBOX_READ_MAX item ids) or
 * `{ all: true }`; null for anything else.
 */
export function readTarget(body: Record<string, unknown>): number[] | 'all' | null {
  if (body.all === true) return body.ids === undefined ? 'all' : null;
  const { ids } = body;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > INBOX_READ_MAX) return null;
  return ids.every(isId) ? [...new Set(ids)] : null;
}

/** GET /api/inbox's ?before=<id>&limit=<n>; a value out of range is ignored (limit is also capped). */
export function pageQuery(params: URLSearchParams): { before?: number; limit?: number } {
  const before = Number(params.get('before'));
  const limit = Number(params.get('limit'));
  return {
    before: isId(before) ? before : undefined,
    limit: isId(limit) ? Math.min(limit, INBOX_PAGE_MAX) : undefined
  };
}
