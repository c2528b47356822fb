import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
  readAttachments,
  readCardDetail,
  readCardMoney,
  readTargets,
  type AttachmentView,
  type CardDetailView,
  type CardMoneyView,
  type TargetView
} from '../board';
import { roots } from '../board/schema';

/** A reactive read of one card's details; `detail` is null while the card does not exist. */
export class CardWatch {
  readonly #doc: Y.Doc;
  readonly #cardId: string;
  readonly #subscribe: () => void;
  #cached: CardDetailView | null | undefined;
  #live = false;

  constructor(doc: Y.Doc, cardId: string) {
    this.#doc = doc;
    this.#cardId = cardId;
    this.#subscribe = createSubscriber((update) => {
      const { cards } = roots(doc);
      const changed = () => {
        this.#cached = undefined;
        update();
      };
      // The card map can be replaced or deleted (cards observer) or edited inside (deep observer).
      let watched: Y.Map<unknown> | undefined;
      const rewatch = () => {
        watched?.unobserveDeep(changed);
        watched = cards.get(cardId);
        watched?.observeDeep(changed);
      };
      const onCards = (event: Y.YMapEvent<Y.Map<unknown>>) => {
        if (!event.keysChanged.has(cardId)) return;
        rewatch();
        changed();
      };
      rewatch();
      cards.observe(onCards);
      this.#live = true;
      return () => {
        cards.unobserve(onCards);
        watched?.unobserveDeep(changed);
        // Nothing invalidates the cache while unwatched, so it must not be trusted then.
        this.#live = false;
        this.#cached = undefined;
      };
    });
  }

  get detail(): CardDetailView | null {
    this.#subscribe();
    if (this.#cached === undefined || !this.#live) {
      const map = roots(this.#doc).cards.get(this.#cardId);
      this.#cached = map ? readCardDetail(this.#cardId, map) : null;
    }
    return this.#cached;
  }

  /** The card's attachments (drafts that comments pin to), live like `detail`; [] without the card. */
  get attachments(): readonly AttachmentView[] {
    this.#subscribe();
    const map = roots(this.#doc).cards.get(this.#cardId);
    return map ? readAttachments(map) : [];
  }

  /** The card's budget, expenses and totals, live like `detail`; null without the card. */
  get money(): CardMoneyView | null {
    this.#subscribe();
    return roots(this.#doc).cards.has(this.#cardId) ? readCardMoney(this.#doc, this.#cardId) : null;
  }

  /** The card's targets and actuals (targets.ts), live like `detail`; [] without the card. */
  get targets(): readonly TargetView[] {
    this.#subscribe();
    const map = roots(this.#doc).cards.get(this.#cardId);
    return map ? readTargets(map) : [];
  }
}
