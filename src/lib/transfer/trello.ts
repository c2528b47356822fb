/**
 * Trello board exports (Menu → Print and export → Export as JSON): reading one, shrinking it to
 * what the importer reads, and planning the board it becomes. Pure and isomorphic: the preview
 * runs it on the file in the browser, the server runs it again on what it receives.
 */
import { LIMITS } from '../board/schema';
import type { LabelColor } from '../board/label-ops';
import {
  Fitter,
  IMPORT_LIMITS,
  checkPeople,
  countPlan,
  isoDay,
  stagesFor,
  type ImportCandidate,
  type ImportPerson,
  type ImportPlan,
  type ImportSource,
  type ImportTarget,
  type PlannedCard,
  type PlannedImport
} from './import-plan';
import { ImportProblem } from './import-problem';

/** Trello keeps at most this many actions in an export: comments older than them are missing. */
export const TRELLO_ACTION_CAP = 1000;

export interface TrelloList {
  id: string;
  name: string;
  closed: boolean;
  pos: number;
}
export interface TrelloCard {
  id: string;
  name: string;
  desc: string;
  due: string | null;
  closed: boolean;
  idList: string;
  idLabels: string[];
  idMembers: string[];
  pos: number;
  attachments: { name: string; url: string; isUpload: boolean }[];
}
export interface TrelloChecklist {
  idCard: string;
  name: string;
  pos: number;
  checkItems: { name: string; complete: boolean; pos: number }[];
}
export interface TrelloComment {
  idCard: string;
  text: string;
  date: string;
  idMember: string;
  memberName: string;
}

/** A Trello export as the importer reads it. */
export interface TrelloBoard {
  name: string;
  lists: TrelloList[];
  cards: TrelloCard[];
  checklists: TrelloChecklist[];
  labels: { id: string; name: string; color: string | null }[];
  members: { id: string; fullName: string }[];
  comments: TrelloComment[];
  /** Actions in the export, of every kind: at the cap, older ones were left out. */
  actions: number;
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/**
 * Reads a parsed export; throws an ImportProblem naming what is wrong: not a Trello board (no
 * cards and lists, or not an object), too many cards, or a card whose list the file lacks.
 */
export function readTrelloExport(raw: unknown): TrelloBoard {
  if (!isRaw(raw) || !Array.isArray(raw.cards) || !Array.isArray(raw.lists) || !('name' in raw)) {
    throw new ImportProblem('not-trello', 'This JSON is not a Trello board export (no lists and cards).');
  }
  if (raw.cards.length > IMPORT_LIMITS.cards) {
    throw new ImportProblem('too-many-cards', 'Too many cards.', {
      count: raw.cards.length,
      max: IMPORT_LIMITS.cards
    });
  }
  const lists = raw.lists.filter(isRaw).map((l) => ({
    id: str(l.id),
    name: str(l.name),
    closed: l.closed === true,
    pos: num(l.pos)
  }));
  const listIds = new Set(lists.map((l) => l.id));
  const cards = raw.cards.filter(isRaw).map((c): TrelloCard => {
    const card = {
      id: str(c.id),
      name: str(c.name),
      desc: str(c.desc),
      due: typeof c.due === 'string' ? c.due : null,
      closed: c.closed === true,
      idList: str(c.idList),
      idLabels: strs(c.idLabels),
      idMembers: strs(c.idMembers),
      pos: num(c.pos),
      attachments: arr(c.attachments)
        .filter(isRaw)
        .filter((a) => /^https?:\/\//.test(str(a.url)))
        .map((a) => ({ name: str(a.name) || str(a.url), url: str(a.url), isUpload: a.isUpload === true }))
    };
    if (!listIds.has(card.idList)) {
      throw new ImportProblem('card-without-list', `Card "${card.name}" is in a list the file lacks.`, {
        card: card.name.slice(0, 80)
      });
    }
    return card;
  });
  const states = new Map<string, boolean>();
  for (const c of raw.cards.filter(isRaw))
    for (const s of arr(c.checkItemStates).filter(isRaw))
      states.set(str(s.idCheckItem), s.state === 'complete');
  const checklists = arr(raw.checklists)
    .filter(isRaw)
    .map((cl) => ({
      idCard: str(cl.idCard),
      name: str(cl.name),
      pos: num(cl.pos),
      checkItems: arr(cl.checkItems)
        .filter(isRaw)
        .map((i) => ({
          name: str(i.name),
          // Exports before 2017 kept the ticks on the card (checkItemStates), later ones on the item.
          complete: i.state === 'complete' || (i.state === undefined && states.get(str(i.id)) === true),
          pos: num(i.pos)
        }))
    }));
  const actions = arr(raw.actions);
  const comments = actions.filter(isRaw).flatMap((a): TrelloComment[] => {
    if (a.type !== 'commentCard' || !isRaw(a.data)) return [];
    const creator = isRaw(a.memberCreator) ? a.memberCreator : {};
    const card = isRaw(a.data.card) ? a.data.card : {};
    return [
      {
        idCard: str(card.id),
        text: str(a.data.text),
        date: str(a.date),
        idMember: str(a.idMemberCreator) || str(creator.id),
        memberName: str(creator.fullName) || str(creator.username)
      }
    ];
  });
  return {
    name: str(raw.name),
    lists,
    cards,
    checklists,
    labels: arr(raw.labels)
      .filter(isRaw)
      .map((l) => ({
        id: str(l.id),
        name: str(l.name),
        color: typeof l.color === 'string' ? l.color : null
      })),
    members: arr(raw.members)
      .filter(isRaw)
      .map((m) => ({ id: str(m.id), fullName: str(m.fullName) || str(m.username) })),
    comments,
    actions: actions.length
  };
}

/**
 * The export with only what readTrelloExport reads (every action kept as its type, so the cap
 * still shows): what the browser sends, small enough for the server's body limit where a real
 * export of a few MB is not. The server reads it with the same reader, so nothing else is trusted.
 */
export function slimTrelloExport(raw: unknown): unknown {
  if (!isRaw(raw)) return raw;
  const pick = (o: unknown, keys: readonly string[]): Raw =>
    isRaw(o) ? Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]])) : {};
  const cardKeys = ['id', 'name', 'desc', 'due', 'closed', 'idList', 'idLabels', 'idMembers', 'pos'];
  return {
    ...pick(raw, ['id', 'name']),
    ...(Array.isArray(raw.lists)
      ? { lists: raw.lists.map((l) => pick(l, ['id', 'name', 'closed', 'pos'])) }
      : {}),
    ...(Array.isArray(raw.cards)
      ? {
          cards: raw.cards.map((c) =>
            isRaw(c)
              ? {
                  ...pick(c, [...cardKeys, 'checkItemStates']),
                  attachments: arr(c.attachments).map((a) => pick(a, ['name', 'url', 'isUpload']))
                }
              : c
          )
        }
      : {}),
    checklists: arr(raw.checklists).map((cl) =>
      isRaw(cl)
        ? {
            ...pick(cl, ['idCard', 'name', 'pos']),
            checkItems: arr(cl.checkItems).map((i) => pick(i, ['id', 'name', 'state', 'pos']))
          }
        : cl
    ),
    labels: arr(raw.labels).map((l) => pick(l, ['id', 'name', 'color'])),
    members: arr(raw.members).map((m) => pick(m, ['id', 'fullName', 'username'])),
    actions: arr(raw.actions).map((a) =>
      isRaw(a) && a.type === 'commentCard'
        ? {
            ...pick(a, ['type', 'date', 'idMemberCreator']),
            memberCreator: pick(a.memberCreator, ['id', 'fullName', 'username']),
            data: {
              text: isRaw(a.data) ? a.data.text : '',
              card: pick(isRaw(a.data) ? a.data.card : {}, ['id'])
            }
          }
        : { type: isRaw(a) ? a.type : null }
    )
  };
}

const byPos = <T extends { pos: number }>(a: T, b: T) => a.pos - b.pos;

/** The export's lists in board order, as the mapping screen offers them. */
export function trelloSources(board: TrelloBoard): ImportSource[] {
  const counts = new Map<string, number>();
  for (const c of board.cards) counts.set(c.idList, (counts.get(c.idList) ?? 0) + 1);
  return [...board.lists]
    .sort(byPos)
    .map((l) => ({ key: l.id, name: l.name, closed: l.closed, cards: counts.get(l.id) ?? 0 }));
}

/** The members the file names (on the board, on cards, or writing comments), most active first. */
export function trelloPeople(board: TrelloBoard): ImportPerson[] {
  const people = new Map<string, ImportPerson>();
  const person = (key: string, name: string) => {
    let p = people.get(key);
    if (!p) people.set(key, (p = { key, name: name || key, comments: 0, cards: 0 }));
    return p;
  };
  for (const m of board.members) person(m.id, m.fullName);
  for (const c of board.comments) if (c.idMember) person(c.idMember, c.memberName).comments++;
  for (const card of board.cards) for (const id of card.idMembers) person(id, '').cards++;
  return [...people.values()].sort((a, b) => b.comments + b.cards - (a.comments + a.cards));
}

/** Trello's colours in the board's palette (lime reads as green, black as gray). */
const COLORS: Readonly<Record<string, LabelColor>> = {
  green: 'green',
  yellow: 'yellow',
  orange: 'orange',
  red: 'red',
  purple: 'purple',
  blue: 'blue',
  sky: 'sky',
  lime: 'green',
  pink: 'pink',
  black: 'gray'
};
const labelColor = (color: string | null): LabelColor =>
  COLORS[(color ?? '').replace(/_(dark|light)$/, '')] ?? 'gray';

export interface TrelloOptions {
  target: ImportTarget;
  /** Closed lists: left out with their cards, or kept (as stages) with their cards archived. */
  closedLists: 'skip' | 'archive';
  /** Trello member id → the account that stands for them; absent or null: "originally by". */
  people: Readonly<Record<string, string | null>>;
  /** The accounts the importer may map to; when given, any other account is refused. */
  candidates?: readonly ImportCandidate[];
}

/** Plans the board a Trello export becomes, with the counts of what comes in and what does not. */
export function planTrello(board: TrelloBoard, options: TrelloOptions): PlannedImport {
  checkPeople(options.people, options.candidates);
  const fit = new Fitter();
  const sources = trelloSources(board);
  const keep = (s: ImportSource) => !s.closed || options.closedLists === 'archive';
  const { stages, stageOf } = stagesFor(sources, options.target, keep, fit);
  fit.losses.closedListsSkipped = sources.filter((s) => s.closed && !keep(s)).length;
  fit.losses.actionsCapped = board.actions >= TRELLO_ACTION_CAP;

  const labels = fit.cap(board.labels, LIMITS.labels);
  const labelIndex = new Map(labels.map((l, i) => [l.id, i]));
  const closedList = new Set(board.lists.filter((l) => l.closed).map((l) => l.id));
  const order = new Map(sources.map((s, i) => [s.key, i]));
  const mapped = (id: string) => options.people[id] ?? null;
  const checklistsOf = group(board.checklists, (c) => c.idCard);
  const commentsOf = group(board.comments, (c) => c.idCard);

  const cards: PlannedCard[] = [];
  const sorted = [...board.cards].sort(
    (a, b) => (order.get(a.idList) ?? 0) - (order.get(b.idList) ?? 0) || a.pos - b.pos
  );
  for (const card of sorted) {
    const stage = stageOf.get(card.idList);
    if (stage == null) {
      fit.losses.cardsSkipped++;
      continue;
    }
    const links = fit.cap(card.attachments, IMPORT_LIMITS.linksPerCard);
    fit.losses.trelloFiles += links.filter((l) => l.isUpload).length;
    cards.push({
      title: fit.name(card.name, LIMITS.cardTitle) ?? '—',
      description: fit.description(card.desc, links),
      date: isoDay(card.due),
      archived: card.closed || closedList.has(card.idList),
      stage,
      labels: [...new Set(card.idLabels.flatMap((id) => labelIndex.get(id) ?? []))],
      assignees: fit.cap([...new Set(card.idMembers.flatMap((id) => mapped(id) ?? []))], LIMITS.assignees),
      checklists: checklistsFor(checklistsOf.get(card.id) ?? [], fit),
      comments: fit
        .cap(
          [...(commentsOf.get(card.id) ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)),
          IMPORT_LIMITS.commentsPerCard
        )
        .flatMap((c) => {
          const text = fit.comment(c.text);
          const at = Date.parse(c.date);
          if (!text) return [];
          return [
            {
              text,
              at: Number.isFinite(at) ? at : 0,
              author: mapped(c.idMember),
              name: fit.author(c.memberName)
            }
          ];
        }),
      links: links.map((l) => ({ name: fit.name(l.name, 200) ?? l.url, url: l.url }))
    });
  }
  const plan: ImportPlan = {
    title: fit.name(options.target.title || board.name, LIMITS.boardTitle) ?? 'Trello',
    templateId: options.target.template?.id ?? null,
    stages,
    labels: labels.map((l) => ({
      name: fit.name(l.name, LIMITS.labelName) ?? '',
      color: labelColor(l.color)
    })),
    cards,
    members: [...new Set(Object.values(options.people).filter((v): v is string => typeof v === 'string'))]
  };
  return { plan, counts: countPlan(plan), losses: fit.losses };
}

/** A card's checklists in order, within the card's limits on lists and items. */
function checklistsFor(lists: readonly TrelloChecklist[], fit: Fitter): PlannedCard['checklists'] {
  let room: number = LIMITS.checklistItems;
  return fit.cap([...lists].sort(byPos), LIMITS.checklists).map((list) => {
    const items = [...list.checkItems].sort(byPos).flatMap((i) => {
      const text = fit.name(i.name, LIMITS.checklistText);
      return text ? [{ text, done: i.complete }] : [];
    });
    const kept = fit.cap(items, room);
    room -= kept.length;
    return { title: fit.name(list.name, LIMITS.checklistTitle) ?? '✓', items: kept };
  });
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
