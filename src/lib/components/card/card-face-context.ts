/**
 * What every card face on a board needs from the page around it: the board (for cover URLs) and
 * the search being typed (to highlight and say where a card matched). Given once by the board
 * page as a context, so the face does not travel down Board and Column as props.
 */
import { getContext, setContext } from 'svelte';
import type { CardView, SearchField } from '$lib/board';

export interface CardFaceContext {
  readonly boardId: string;
  /** The search's folded words; [] when nobody is searching. */
  readonly words: readonly string[];
  /** Where the card holds the search's words (title first), or null. */
  where(card: CardView): SearchField[] | null;
}

const KEY = Symbol('card-face');

export function setCardFaceContext(context: CardFaceContext): void {
  setContext(KEY, context);
}

/** The board's face context, or undefined outside a board page (faces then show no cover or highlight). */
export function cardFaceContext(): CardFaceContext | undefined {
  return getContext<CardFaceContext | undefined>(KEY);
}
