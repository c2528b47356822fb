/**
 * Reading a card's checklists: its items in order, the named lists people made, and how the panel
 * groups them. A card's items live in one map whatever list they are in (schema.ts), so grouping
 * is a reading concern: the stage an item came with, or the named list it was moved or added to.
 */
import * as Y from 'yjs';
import { isIsoDate } from './dates';
import { compareRanked, rankOrLast } from './rank';
import { cleanChecklistSeeds, type ChecklistSeed } from './rules';
import {
  CardKey,
  ChecklistItemKey,
  NamedChecklistKey,
  StageKey,
  parseSeededItemId,
  roots,
  str,
  type CardMap
} from './schema';
import type { StageView } from './read';

export interface ChecklistItemView {
  id: string;
  text: string;
  alt: string;
  done: boolean;
  /** The stage the item came with, or null for an item added by hand. */
  stageId: string | null;
  /** The named checklist the item is in, or null when it is at home (see ChecklistItemKey.list). */
  listId: string | null;
  rank: string;
  /** Who does it (a user id), or null. */
  assignee: string | null;
  /** Its own due date, 'YYYY-MM-DD', or null. */
  due: string | null;
}

/** A checklist someone made on the card. */
export interface NamedChecklistView {
  id: string;
  title: string;
  rank: string;
}

/** One heading of the card's checklist section, with its items in order. */
export type ChecklistGroup =
  | { kind: 'stage'; key: string; stage: StageView; items: ChecklistItemView[] }
  | { kind: 'list'; key: string; list: NamedChecklistView; items: ChecklistItemView[] }
  | { kind: 'own'; key: 'own'; items: ChecklistItemView[] };

/** The card's checklist items map, or null when it has none (or something else is stored). */
export function checklistOf(map: CardMap): Y.Map<Y.Map<unknown>> | null {
  const items = map.get(CardKey.checklist);
  return items instanceof Y.Map ? (items as Y.Map<Y.Map<unknown>>) : null;
}

/** The card's named checklists map, or null when it has none. */
export function namedChecklistsOf(map: CardMap): Y.Map<Y.Map<unknown>> | null {
  const lists = map.get(CardKey.checklists);
  return lists instanceof Y.Map ? (lists as Y.Map<Y.Map<unknown>>) : null;
}

/** The card's named checklists, in order. */
export function readNamedChecklists(map: CardMap): NamedChecklistView[] {
  const out: NamedChecklistView[] = [];
  namedChecklistsOf(map)?.forEach((list, id) => {
    if (!(list instanceof Y.Map)) return;
    const rank = str(list, NamedChecklistKey.rank);
    out.push({ id, title: str(list, NamedChecklistKey.title), rank: rankOrLast(rank) });
  });
  return out.sort(compareRanked);
}

/** The card's checklist items in order (all lists together). */
export function readChecklistItems(map: CardMap): ChecklistItemView[] {
  const items: ChecklistItemView[] = [];
  const stages = map.doc ? roots(map.doc).stages : null;
  const lists = namedChecklistsOf(map);
  // Each stage's seeds are read once, however many of its items the card holds.
  const seedsOf = new Map<string, ChecklistSeed[]>();
  const seedFor = (stageId: string, key: string) => {
    let seeds = seedsOf.get(stageId);
    if (!seeds) {
      seeds = cleanChecklistSeeds(stages?.get(stageId)?.get(StageKey.checklist));
      seedsOf.set(stageId, seeds);
    }
    return seeds.find((s) => s.key === key);
  };
  checklistOf(map)?.forEach((item, itemId) => {
    if (!(item instanceof Y.Map)) return;
    const rank = str(item, ChecklistItemKey.rank);
    const text = str(item, ChecklistItemKey.text);
    const listId = str(item, ChecklistItemKey.list);
    const seeded = parseSeededItemId(itemId);
    // The second-language text holds only while the stage's seed still says the same thing.
    const seed = seeded ? seedFor(seeded.stageId, seeded.key) : undefined;
    items.push({
      id: itemId,
      text,
      alt: seed && seed.text === text ? (seed.alt ?? '') : '',
      done: item.get(ChecklistItemKey.done) === true,
      stageId: seeded?.stageId ?? null,
      listId: listId && lists?.get(listId) instanceof Y.Map ? listId : null,
      rank: rankOrLast(rank),
      assignee: str(item, ChecklistItemKey.assignee) || null,
      due: isIsoDate(str(item, ChecklistItemKey.due)) ? str(item, ChecklistItemKey.due) : null
    });
  });
  return items.sort(compareRanked);
}

/**
 * Where an item sits when it is in no named list: with its stage's items while that stage is on
 * the board, else with the items added by hand.
 */
export function homeGroupKey(item: ChecklistItemView, stages: readonly StageView[]): string {
  return item.stageId && stages.some((s) => s.id === item.stageId) ? `stage:${item.stageId}` : 'own';
}

/** The group key of a named list. */
export const listGroupKey = (listId: string) => `list:${listId}`;

/**
 * The card's checklist section: the stages' items in board order, then the named lists in their
 * order (empty ones too, so they can be filled), then the items added by hand.
 */
export function groupChecklist(
  items: readonly ChecklistItemView[],
  lists: readonly NamedChecklistView[],
  stages: readonly StageView[]
): ChecklistGroup[] {
  const byKey = new Map<string, ChecklistItemView[]>();
  for (const item of items) {
    const key = item.listId ? listGroupKey(item.listId) : homeGroupKey(item, stages);
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  const groups: ChecklistGroup[] = [];
  for (const stage of stages) {
    const key = `stage:${stage.id}`;
    const found = byKey.get(key);
    if (found) groups.push({ kind: 'stage', key, stage, items: found });
  }
  for (const list of lists) {
    const key = listGroupKey(list.id);
    groups.push({ kind: 'list', key, list, items: byKey.get(key) ?? [] });
  }
  const own = byKey.get('own');
  if (own) groups.push({ kind: 'own', key: 'own', items: own });
  return groups;
}

/**
 * Whether `item` may be dropped into `group`: any named list takes any item; otherwise only its
 * home, since a stage's heading lists what that stage asked for.
 */
export function groupAccepts(
  group: ChecklistGroup,
  item: ChecklistItemView,
  stages: readonly StageView[]
): boolean {
  return group.kind === 'list' || group.key === homeGroupKey(item, stages);
}

/**
 * The index among the card's other items (what moveChecklistItem takes) that puts `itemId` just
 * before `beforeId` in `group`, or after the group's last item when `beforeId` is null. Ranks are
 * card-wide, so landing next to a neighbour of the group is landing at that place in the group.
 */
export function checklistDropIndex(
  all: readonly ChecklistItemView[],
  itemId: string,
  group: ChecklistGroup,
  beforeId: string | null
): number {
  const others = all.filter((x) => x.id !== itemId);
  if (beforeId !== null) {
    const at = others.findIndex((x) => x.id === beforeId);
    if (at >= 0) return at;
  }
  const last = group.items.filter((x) => x.id !== itemId).at(-1);
  return last ? others.findIndex((x) => x.id === last.id) + 1 : others.length;
}
