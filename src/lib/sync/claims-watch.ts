import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { expenseClaims, type ClaimRow } from '../board';
import { roots } from '../board/schema';

/**
 * Expense claims (报销, 001 六.2) read live from the board: a month's expenses, one person's or
 * everyone's, kept current while something reads them (the claims dialog). It watches every card
 * deeply, so it is made when the dialog opens, not with the board.
 */
export class ClaimsWatch {
  readonly #doc: Y.Doc;
  readonly #subscribe: () => void;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#subscribe = createSubscriber((update) => {
      const { cards } = roots(doc);
      cards.observeDeep(update);
      return () => cards.unobserveDeep(update);
    });
  }

  /** The claims of `month` ('YYYY-MM'), of `person` if given, oldest first. */
  rows(month: string, person?: string): ClaimRow[] {
    this.#subscribe();
    return expenseClaims(this.#doc, person === undefined ? { month } : { month, person });
  }
}
