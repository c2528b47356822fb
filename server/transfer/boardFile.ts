/**
 * The board file (`format: "stageboard/board", version: 1`): what the JSON export writes and the
 * re-import reads. The document itself is `src/lib/board/portable.ts`'s generic tree; this file
 * adds the envelope (board record, the people its ids name, the activity log) and checks an
 * uploaded one strictly, saying where it is wrong.
 */
import { isActivityKind, type ActivityKind } from '#lib/activity/types';
import type { ActivityData } from '#lib/activity/types';
import type { PortableNode } from '#lib/board';
import { TransferRequestError } from './TransferRequestError';

export const BOARD_FORMAT = 'stageboard/board';
export const BOARD_FORMAT_VERSION = 1;

/** One activity entry as exported: the audit row without its install-local id and board id. */
export interface PortableActivity {
  at: number;
  userId: string | null;
  kind: ActivityKind;
  cardId: string | null;
  data: ActivityData;
}

export interface BoardFile {
  format: typeof BOARD_FORMAT;
  version: typeof BOARD_FORMAT_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  board: { id: string; title: string; templateId: string | null; archived: boolean; createdAt: number };
  /**
   * The accounts the board's members were when exported (id, display name): the document and
   * the log name people by id, and on another install these names are all that is left of them.
   */
  people: { id: string; name: string }[];
  /** Every top-level type of the board's Y.Doc (portable.ts). */
  document: Record<string, PortableNode>;
  /** The audit log, oldest first. */
  activity: PortableActivity[];
}

/** Bounds on the envelope; the document's own are PORTABLE_LIMITS. */
export const BOARD_FILE_LIMITS = {
  /** Bytes of an uploaded file: a 2,000-card board with a long history exports to a few MB. */
  bytes: 32 * 1024 * 1024,
  activity: 500_000,
  people: 10_000,
  /** Characters of an id or a kind; JSON of one entry's data. */
  id: 100,
  activityData: 20_000
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function refuse(message: string): TransferRequestError {
  return new TransferRequestError(400, 'invalid-file', message);
}

const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= BOARD_FILE_LIMITS.id;

function checkActivity(entry: unknown, i: number): PortableActivity {
  const where = `activity[${i}]`;
  if (!isObject(entry)) throw refuse(`${where} is not an object.`);
  const { at, userId, kind, cardId, data } = entry;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) throw refuse(`${where}.at is not a time.`);
  if (userId !== null && !isId(userId)) throw refuse(`${where}.userId is not an id.`);
  if (!isActivityKind(kind)) throw refuse(`${where}.kind is not a kind of activity.`);
  if (cardId !== null && !isId(cardId)) throw refuse(`${where}.cardId is not an id.`);
  if (!isObject(data)) throw refuse(`${where}.data is not an object.`);
  if (JSON.stringify(data).length > BOARD_FILE_LIMITS.activityData)
    throw refuse(`${where}.data is over ${BOARD_FILE_LIMITS.activityData} characters.`);
  return { at, userId, kind, cardId, data: data as ActivityData };
}

/**
 * Checks an uploaded board file's envelope and returns it typed; the document is checked as it
 * is built (importDocument). Throws TransferRequestError `invalid-file` / `unsupported-version`.
 */
export function parseBoardFile(value: unknown): BoardFile {
  if (!isObject(value)) throw refuse('The file is not a JSON object.');
  if (value.format !== BOARD_FORMAT) throw refuse(`format is not "${BOARD_FORMAT}".`);
  if (value.version !== BOARD_FORMAT_VERSION)
    throw new TransferRequestError(
      400,
      'unsupported-version',
      `version ${String(value.version).slice(0, 20)} is not ${BOARD_FORMAT_VERSION}.`
    );
  const { board, people, document, activity } = value;
  if (!isObject(board) || typeof board.title !== 'string') throw refuse('board.title is missing.');
  if (!Array.isArray(people) || people.length > BOARD_FILE_LIMITS.people)
    throw refuse(`people is not a list of at most ${BOARD_FILE_LIMITS.people}.`);
  people.forEach((p, i) => {
    if (!isObject(p) || !isId(p.id) || typeof p.name !== 'string' || p.name.length > 200)
      throw refuse(`people[${i}] is not { id, name }.`);
  });
  if (!isObject(document)) throw refuse('document is not an object.');
  if (!Array.isArray(activity) || activity.length > BOARD_FILE_LIMITS.activity)
    throw refuse(`activity is not a list of at most ${BOARD_FILE_LIMITS.activity}.`);
  return {
    format: BOARD_FORMAT,
    version: BOARD_FORMAT_VERSION,
    exportedAt: typeof value.exportedAt === 'string' ? value.exportedAt : '',
    board: {
      id: typeof board.id === 'string' ? board.id : '',
      title: board.title,
      templateId: typeof board.templateId === 'string' ? board.templateId : null,
      archived: board.archived === true,
      createdAt: typeof board.createdAt === 'number' ? board.createdAt : 0
    },
    people: people as BoardFile['people'],
    document: document as BoardFile['document'],
    activity: activity.map(checkActivity)
  };
}
