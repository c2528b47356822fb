/**
 * The card panel's calls to the review endpoints. Approving and sending back are HTTP calls, not
 * document edits: only the server writes approvals and revision logs (it checks the role and logs
 * the act in the same step), and the result reaches every open board, this one too, by sync.
 */
import type { Approval } from '$lib/board';
import { t } from '$lib/i18n/i18n.svelte';

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

async function post<T>(
  boardId: string,
  cardId: string,
  path: string,
  note: string
): Promise<ReviewResult<T>> {
  const url = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(note.trim() ? { note } : {})
    });
  } catch {
    return { ok: false, message: t('error.network') };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: body as T };
  // The server's message says what to do (e.g. that the owner must sign); keep it as it is.
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return {
    ok: false,
    message: typeof message === 'string' ? message : t('error.generic', { message: `HTTP ${res.status}` })
  };
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
