/**
 * Keeps plain views of a board document up to date incrementally: a change to one card
 * re-reads that card only, and views that did not change keep their identity, so the UI
 * re-renders exactly what changed even on a board of thousands of cards.
 * Pure TypeScript (no Svelte): the runes bridge wraps it, tests drive it directly.
 */
import * as Y from 'yjs';
import {
  compareRanked,
  effectiveStageId,
  readCard,
  readCardSearchText,
  readLabels,
  readRecurringRules,
  readFieldDefs,
  type CardFieldView,
  readMeta,
  readRoleList,
  readStages,
  type BoardMetaView,
  type RecurringRuleView,
  type CardSearchText,
  type CardView,
  type LabelView,
  type RoleView,
  type StageView
} from '../board';
import { roots } from '../board/schema';
import { RootList } from './root-list';
import { sameCard, sameList, sameMeta, sameStage } from './view-equality';

const EMPTY: readonly CardView[] = Object.freeze([]);

/**
 * Card views are re-read as each transaction ends, only for the cards it touched, so a
 * transaction that changes nothing shown (a description keystroke, an approval, a no-op update)
 * is told apart from one that does and notifies nobody. Grouping and sorting into columns waits
 * for the next read.
 */
export class BoardProjection {
  #doc: Y.Doc;
  /** Each card's own view, as stored (its stageId may name a stage that is gone). */
  #cards = new Map<string, CardView>();
  #stages: readonly StageView[];
  #meta: BoardMetaView;
  #labels: RootList<LabelView>;
  #roles: RootList<RoleView>;
  #recurring: RootList<RecurringRuleView>;
  #fields: RootList<CardFieldView>;
  #columns = new Map<string, readonly CardView[]>();
  #archived: readonly CardView[] = EMPTY;
  /** Column copies of cards whose stage is gone, keyed by the card's own view, so they keep identity. */
  #relocated = new WeakMap<CardView, CardView>();
  #groupsDirty = true;
  #touchedCards = new Set<string>();
  #stagesTouched = false;
  #metaTouched = false;
  /** The four above, settled together after each transaction. */
  #lists: readonly RootList<unknown>[];
  #listeners = new Set<() => void>();
  /** Folded search text of the cards someone searched, until the card next changes. */
  #searchTexts = new Map<string, CardSearchText>();
  #textListeners = new Set<() => void>();
  #teardown: () => void;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    const { cards, stages, meta, labels, roles, recurring, fields } = roots(doc);
    cards.forEach((map, id) => this.#cards.set(id, readCard(id, map)));
    this.#stages = readStages(doc);
    this.#meta = readMeta(doc);
    const lists = [
      (this.#labels = new RootList(labels, () => readLabels(doc))),
      (this.#roles = new RootList(roles, () => readRoleList(doc))),
      (this.#recurring = new RootList(recurring, () => readRecurringRules(doc))),
      (this.#fields = new RootList(fields, () => readFieldDefs(doc)))
    ];
    this.#lists = lists;
    const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === cards) for (const key of event.changes.keys.keys()) this.#touchedCards.add(key);
        else if (typeof event.path[0] === 'string') this.#touchedCards.add(event.path[0]);
      }
    };
    const onStages = () => (this.#stagesTouched = true);
    const onMeta = () => (this.#metaTouched = true);
    const onAfter = () => {
      const textChanged = this.#forgetSearchTexts();
      if (this.#settle()) for (const fn of this.#listeners) fn();
      if (textChanged) for (const fn of this.#textListeners) fn();
    };
    cards.observeDeep(onCards);
    stages.observeDeep(onStages);
    meta.observe(onMeta);
    doc.on('afterTransaction', onAfter);
    this.#teardown = () => {
      cards.unobserveDeep(onCards);
      stages.unobserveDeep(onStages);
      meta.unobserve(onMeta);
      for (const list of lists) list.destroy();
      doc.off('afterTransaction', onAfter);
    };
  }

  /** Calls `fn` after each transaction that changed something this projection shows. */
  onChange(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  get meta(): BoardMetaView {
    return this.#meta;
  }

  /** The board's process roles; the same array until one changes. */
  get roles(): readonly RoleView[] {
    return this.#roles.value;
  }

  get stages(): readonly StageView[] {
    return this.#stages;
  }

  /** The board's labels; the same array until one changes. */
  get labels(): readonly LabelView[] {
    return this.#labels.value;
  }

  /** The board's recurring plans; the same array until one changes. */
  get recurring(): readonly RecurringRuleView[] {
    return this.#recurring.value;
  }

  /** The board's card fields in order; the same array until one changes. */
  get fields(): readonly CardFieldView[] {
    return this.#fields.value;
  }

  /** Visible cards of a stage in order; the same array until that column changes. */
  column(stageId: string): readonly CardView[] {
    this.#regroup();
    return this.#columns.get(stageId) ?? EMPTY;
  }

  get archived(): readonly CardView[] {
    this.#regroup();
    return this.#archived;
  }

  /** A card's own view: its stored stageId, even when the column showing it is the first one. */
  card(id: string): CardView | undefined {
    return this.#cards.get(id);
  }

  get cardCount(): number {
    return this.#cards.size;
  }

  /** Stops following the document; safe to call more than once. */
  destroy(): void {
    this.#teardown();
    this.#teardown = () => {};
    this.#listeners.clear();
    this.#textListeners.clear();
  }

  /** Calls `fn` after each transaction that changed a card whose search text was read. */
  onSearchTextChange(fn: () => void): () => void {
    this.#textListeners.add(fn);
    return () => this.#textListeners.delete(fn);
  }

  /** A card's folded description, comments and checklist (search.ts), read once per change. */
  searchText(id: string): CardSearchText | undefined {
    let text = this.#searchTexts.get(id);
    if (text) return text;
    const map = roots(this.#doc).cards.get(id);
    if (!map) return undefined;
    text = readCardSearchText(map);
    this.#searchTexts.set(id, text);
    return text;
  }

  /** Drops the kept search text of touched cards; true when any was kept (someone searched it). */
  #forgetSearchTexts(): boolean {
    let forgot = false;
    for (const id of this.#touchedCards) forgot = this.#searchTexts.delete(id) || forgot;
    return forgot;
  }

  /** Re-reads what the ending transaction touched; true when anything shown changed. */
  #settle(): boolean {
    let changed = false;
    if (this.#metaTouched) {
      this.#metaTouched = false;
      const meta = readMeta(this.#doc);
      if (!sameMeta(this.#meta, meta)) {
        this.#meta = meta;
        changed = true;
      }
    }
    for (const list of this.#lists) if (list.settle()) changed = true;
    if (this.#stagesTouched) {
      this.#stagesTouched = false;
      const previous = new Map(this.#stages.map((stage) => [stage.id, stage]));
      const stages = readStages(this.#doc).map((next) => {
        const prev = previous.get(next.id);
        return prev && sameStage(prev, next) ? prev : next;
      });
      if (!sameList(this.#stages, stages)) {
        this.#stages = stages;
        this.#groupsDirty = changed = true;
      }
    }
    if (this.#touchedCards.size > 0) {
      const { cards } = roots(this.#doc);
      for (const id of this.#touchedCards) {
        const map = cards.get(id);
        const prev = this.#cards.get(id);
        const next = map ? readCard(id, map) : undefined;
        if (next ? prev && sameCard(prev, next) : !prev) continue;
        if (next) this.#cards.set(id, next);
        else this.#cards.delete(id);
        this.#groupsDirty = changed = true;
      }
      this.#touchedCards.clear();
    }
    return changed;
  }

  #regroup(): void {
    if (!this.#groupsDirty) return;
    this.#groupsDirty = false;
    const stageIds = new Set(this.#stages.map((s) => s.id));
    const first = this.#stages[0]?.id;
    const groups = new Map<string, CardView[]>();
    const archived: CardView[] = [];
    for (const card of this.#cards.values()) {
      if (card.archived) {
        archived.push(card);
        continue;
      }
      const stageId = effectiveStageId(card.stageId, stageIds, first);
      if (stageId === undefined) continue;
      let list = groups.get(stageId);
      if (!list) groups.set(stageId, (list = []));
      list.push(stageId === card.stageId ? card : this.#relocate(card, stageId));
    }
    const columns = new Map<string, readonly CardView[]>();
    for (const stage of this.#stages) {
      const next = (groups.get(stage.id) ?? []).sort(compareRanked);
      const prev = this.#columns.get(stage.id);
      columns.set(stage.id, prev && sameList(prev, next) ? prev : next.length ? next : EMPTY);
    }
    this.#columns = columns;
    archived.sort(compareRanked);
    if (!sameList(this.#archived, archived)) this.#archived = archived;
  }

  /** The card as its column shows it: in the stage it is shown in, like readBoard. */
  #relocate(card: CardView, stageId: string): CardView {
    const copy = this.#relocated.get(card);
    if (copy?.stageId === stageId) return copy;
    const next = { ...card, stageId };
    this.#relocated.set(card, next);
    return next;
  }
}
