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
  readMeta,
  readStages,
  type BoardMetaView,
  type CardView,
  type StageView
} from '../board';
import { roots } from '../board/schema';

const EMPTY: readonly CardView[] = Object.freeze([]);

function sameCard(a: CardView, b: CardView): boolean {
  return (
    a.title === b.title &&
    a.stageId === b.stageId &&
    a.rank === b.rank &&
    a.archived === b.archived &&
    a.createdAt === b.createdAt &&
    a.checklistDone === b.checklistDone &&
    a.checklistTotal === b.checklistTotal
  );
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class BoardProjection {
  #doc: Y.Doc;
  #cards = new Map<string, CardView>();
  #stages: StageView[] = [];
  #meta: BoardMetaView;
  #columns = new Map<string, readonly CardView[]>();
  #archived: readonly CardView[] = EMPTY;
  #dirtyCards = new Set<string>();
  #stagesDirty = true;
  #metaDirty = true;
  #listeners = new Set<() => void>();
  #teardown: () => void;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    const { cards, stages, meta } = roots(doc);
    cards.forEach((_, id) => this.#dirtyCards.add(id));
    this.#meta = readMeta(doc);
    const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === cards) for (const key of event.changes.keys.keys()) this.#dirtyCards.add(key);
        else if (typeof event.path[0] === 'string') this.#dirtyCards.add(event.path[0]);
      }
    };
    const onStages = () => (this.#stagesDirty = true);
    const onMeta = () => (this.#metaDirty = true);
    const onAfter = () => {
      if (this.#dirtyCards.size || this.#stagesDirty || this.#metaDirty) for (const fn of this.#listeners) fn();
    };
    cards.observeDeep(onCards);
    stages.observeDeep(onStages);
    meta.observe(onMeta);
    doc.on('afterTransaction', onAfter);
    this.#teardown = () => {
      cards.unobserveDeep(onCards);
      stages.unobserveDeep(onStages);
      meta.unobserve(onMeta);
      doc.off('afterTransaction', onAfter);
    };
  }

  /** Calls `fn` after each transaction that changed something this projection shows. */
  onChange(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  get meta(): BoardMetaView {
    this.#refresh();
    return this.#meta;
  }

  get stages(): readonly StageView[] {
    this.#refresh();
    return this.#stages;
  }

  /** Visible cards of a stage in order; the same array until that column changes. */
  column(stageId: string): readonly CardView[] {
    this.#refresh();
    return this.#columns.get(stageId) ?? EMPTY;
  }

  get archived(): readonly CardView[] {
    this.#refresh();
    return this.#archived;
  }

  card(id: string): CardView | undefined {
    this.#refresh();
    return this.#cards.get(id);
  }

  get cardCount(): number {
    this.#refresh();
    return this.#cards.size;
  }

  destroy(): void {
    this.#teardown();
    this.#listeners.clear();
  }

  #refresh(): void {
    if (this.#metaDirty) {
      const meta = readMeta(this.#doc);
      const old = this.#meta;
      if (meta.title !== old.title || meta.templateId !== old.templateId || meta.schemaVersion !== old.schemaVersion) {
        this.#meta = meta;
      }
      this.#metaDirty = false;
    }
    const stagesChanged = this.#stagesDirty;
    if (stagesChanged) {
      this.#stages = readStages(this.#doc);
      this.#stagesDirty = false;
    }
    if (!stagesChanged && this.#dirtyCards.size === 0) return;
    const { cards } = roots(this.#doc);
    for (const id of this.#dirtyCards) {
      const map = cards.get(id);
      if (!map) {
        this.#cards.delete(id);
        continue;
      }
      const next = readCard(id, map);
      const prev = this.#cards.get(id);
      if (!prev || !sameCard(prev, next)) this.#cards.set(id, next);
    }
    this.#dirtyCards.clear();
    this.#regroup();
  }

  #regroup(): void {
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
      list.push(card);
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
}
