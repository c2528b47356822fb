/**
 * Plain, immutable views of a board document: what the UI renders, what tests compare, what the
 * server reports. Reading never writes.
 */
import type * as Y from 'yjs';
import { compareRanked, isRank } from './rank';
import { CardKey, MetaKey, StageKey, num, roots, str, text, type CardMap, type StageMap } from './schema';

export interface StageView {
  id: string;
  name: string;
  altName: string;
  rank: string;
  wipLimit: number | null;
  timeLimitDays: number | null;
  gateRole: string | null;
  checklist: string[];
}

export interface CardView {
  id: string;
  title: string;
  stageId: string;
  rank: string;
  archived: boolean;
  createdAt: number;
  checklistDone: number;
  checklistTotal: number;
}

export interface BoardMetaView {
  title: string;
  templateId: string | null;
  schemaVersion: number;
}

export interface BoardView {
  meta: BoardMetaView;
  stages: StageView[];
  /** Visible (not archived) cards of each stage, in order. Every stage has an entry. */
  columns: Map<string, CardView[]>;
  archived: CardView[];
}

// A rank that is missing or malformed (an old or hostile client) sorts last instead of breaking order.
const LAST_RANK = '~';

/** Reads one stage map. */
export function readStage(id: string, map: StageMap): StageView {
  const checklist = map.get(StageKey.checklist);
  const rank = str(map, StageKey.rank);
  return {
    id,
    name: str(map, StageKey.name),
    altName: str(map, StageKey.altName),
    rank: isRank(rank) ? rank : LAST_RANK,
    wipLimit: num(map, StageKey.wipLimit),
    timeLimitDays: num(map, StageKey.timeLimitDays),
    gateRole: str(map, StageKey.gateRole) || null,
    checklist: Array.isArray(checklist) ? checklist.filter((s): s is string => typeof s === 'string') : []
  };
}

/** Reads one card map. */
export function readCard(id: string, map: CardMap): CardView {
  const checklist = map.get(CardKey.checklist) as Y.Map<Y.Map<unknown>> | undefined;
  let done = 0;
  let total = 0;
  if (checklist && typeof checklist.forEach === 'function') {
    checklist.forEach((item) => {
      total++;
      if (item.get('done') === true) done++;
    });
  }
  const rank = str(map, CardKey.rank);
  return {
    id,
    title: text(map, CardKey.title),
    stageId: str(map, CardKey.stageId),
    rank: isRank(rank) ? rank : LAST_RANK,
    archived: map.get(CardKey.archived) === true,
    createdAt: num(map, CardKey.createdAt) ?? 0,
    checklistDone: done,
    checklistTotal: total
  };
}

/** The board's stages in order. */
export function readStages(doc: Y.Doc): StageView[] {
  const out: StageView[] = [];
  roots(doc).stages.forEach((map, id) => out.push(readStage(id, map)));
  return out.sort(compareRanked);
}

/** Reads the meta map. */
export function readMeta(doc: Y.Doc): BoardMetaView {
  const { meta } = roots(doc);
  const templateId = str(meta, MetaKey.templateId);
  return {
    title: str(meta, MetaKey.title),
    templateId: templateId || null,
    schemaVersion: num(meta, MetaKey.schemaVersion) ?? 0
  };
}

/**
 * The stage a card shows in. A card whose stage was removed while someone moved a card into it
 * (a concurrent edit) would otherwise vanish; it shows in the first stage instead, the same on
 * every replica because the rule reads only converged state.
 */
export function effectiveStageId(stageId: string, stageIds: ReadonlySet<string>, first: string | undefined) {
  return stageIds.has(stageId) ? stageId : first;
}

/** The whole board as plain data. */
export function readBoard(doc: Y.Doc): BoardView {
  const stages = readStages(doc);
  const stageIds = new Set(stages.map((s) => s.id));
  const first = stages[0]?.id;
  const columns = new Map<string, CardView[]>(stages.map((s) => [s.id, []]));
  const archived: CardView[] = [];
  roots(doc).cards.forEach((map, id) => {
    const card = readCard(id, map);
    if (card.archived) {
      archived.push(card);
      return;
    }
    const stageId = effectiveStageId(card.stageId, stageIds, first);
    if (stageId !== undefined) columns.get(stageId)?.push({ ...card, stageId });
  });
  for (const list of columns.values()) list.sort(compareRanked);
  archived.sort(compareRanked);
  return { meta: readMeta(doc), stages, columns, archived };
}

/** Visible cards of one stage, in order, optionally leaving one card out (the one being moved). */
export function readColumn(doc: Y.Doc, stageId: string, without?: string): CardView[] {
  return (readBoard(doc).columns.get(stageId) ?? []).filter((c) => c.id !== without);
}
