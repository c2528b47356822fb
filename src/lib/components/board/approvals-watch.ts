/**
 * Makes reads of a board's gate approvals reactive. Approvals live in their own root map, outside
 * the cards and stages the session's projection watches, and only the board face and an open card
 * panel need them, so they get this one small observer instead of a place in the projection.
 */
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { roots } from '$lib/board/schema';

/** Call the result inside a reactive read to re-run it when any approval is added or changed. */
export function watchApprovals(doc: Y.Doc): () => void {
  const { approvals } = roots(doc);
  return createSubscriber((update) => {
    approvals.observe(update);
    return () => approvals.unobserve(update);
  });
}
