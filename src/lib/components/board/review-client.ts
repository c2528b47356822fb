/**
 * The card panel's calls to the review endpoints. Approving and sending back are HTTP calls, not
 * document edits: only the server writes approvals and revision logs (it checks the role and logs
 * the act in the same step), and the result reaches every open board, this one too, by sync.
 */
import type { Approval } from '$lib/board';
import { callApi, failureText } from '$lib/api/api-call';
import type { MessageKey } from '$lib/i18n/locale';

/** The server's answer, or the words to show for its refusal. */
export type ReviewResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Approved {
  approval: Approval;
  stageId: string;
  round: number;
}

export interface SentBack {
  to: string;
  round: number;
}

/** Why the server refused, in the reader's words (the role checks answer `forbidden`: api-call.ts). */
const REVIEW_MESSAGES: Partial<Record<string, MessageKey>> = {
  'needs-owner': 'error.review.needsOwner',
  'not-approver': 'error.review.notApprover',
  'already-approved': 'error.review.alreadyApproved',
  'not-found': 'error.review.gone',
  'no-gate': 'error.review.noGate',
  'no-send-back': 'error.review.noSendBack',
  'invalid-note': 'error.review.note'
};

async function post<T>(
  boardId: string,
  cardId: string,
  path: string,
  note: string
): Promise<ReviewResult<T>> {
  const url = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/${path}`;
  const result = await callApi(
    url,
    { method: 'POST', json: note.trim() ? { note } : {} },
    (body) => body as T
  );
  return result.ok ? result : { ok: false, message: failureText(result, REVIEW_MESSAGES) };
}

/** Approves the gate of the card's current stage for its current round. */
export function requestApproval(
  boardId: string,
  cardId: string,
  note: string
): Promise<ReviewResult<Approved>> {
  return post(boardId, cardId, 'approve', note);
}

/** Sends the card back to the stage its stage names, starting a new round. */
export function requestSendBack(
  boardId: string,
  cardId: string,
  note: string
): Promise<ReviewResult<SentBack>> {
  return post(boardId, cardId, 'send-back', note);
}
