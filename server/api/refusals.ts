/**
 * How the board's own refusals answer over HTTP: the update policy's reasons
 * (server/policy/policyContext.ts) and the board operations' codes (src/lib/board/errors.ts).
 * Who may not → 403; the board's state says not now (a gate, a stage's exit rule, its
 * requirements, a card in the way) → 409; a value the board does not take → 422.
 */
import { BoardError } from '#lib/board/errors';
import { ApiRequestError } from './ApiRequestError';

const FORBIDDEN = new Set(['read-only', 'forbidden', 'server-only', 'not-author']);
const UNPROCESSABLE = new Set([
  'invalid',
  'unresolvable',
  'too-many-items',
  'invalid-approver',
  'too-many-fields'
]);

/** The answer to a refusal with `reason` (a policy reason or a BoardError code). */
export function refusal(reason: string, detail: string): ApiRequestError {
  if (reason === 'too-large') return new ApiRequestError(413, 'too-large', detail);
  if (reason === 'not-found') return new ApiRequestError(404, 'not-found', detail);
  if (FORBIDDEN.has(reason)) return new ApiRequestError(403, reason, detail);
  if (UNPROCESSABLE.has(reason)) return new ApiRequestError(422, reason, detail);
  return new ApiRequestError(409, reason, detail);
}

/** A BoardError thrown by an operation as its answer; anything else is rethrown (a bug: 500). */
export function boardRefusal(error: unknown): ApiRequestError {
  if (error instanceof BoardError) return refusal(error.code, error.message);
  throw error;
}
