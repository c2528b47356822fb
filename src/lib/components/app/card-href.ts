import { resolve } from '$app/paths';

/**
 * The board page with a card open: it opens the card named in ?card= (and Back closes it), at the
 * comment in ?comment=. Links from the inbox, the manager's page and the digest all go this way.
 */
export function cardHref(boardId: string, cardId: string, commentId?: string | null): string {
  const query = new URLSearchParams(commentId ? { card: cardId, comment: commentId } : { card: cardId });
  return `${resolve('/boards/[id]', { id: boardId })}?${query}`;
}
