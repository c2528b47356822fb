/**
 * The activity vocabulary: what the server records on a board (the `audit_events` table) and
 * sends live to open boards. Derived by the server from applied updates and its own calls, never
 * written by a client. `data` holds what the entry needs to read well later, such as stage names
 * at the time, since stages can be renamed or removed afterwards.
 */
export const ACTIVITY_KINDS = [
  'card.created',
  'card.renamed',
  'card.moved',
  'card.archived',
  'card.restored',
  'card.deleted',
  'checklist.ticked',
  'checklist.unticked',
  'checklist.assigned',
  'comment.added',
  'comment.mentioned',
  'card.assigned',
  'card.unassigned',
  'card.approved',
  'card.sent-back',
  'card.described',
  'card.dated',
  'card.labeled',
  'card.unlabeled',
  'attachment.uploaded',
  'member.added',
  'member.role-changed',
  'member.removed'
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One entry as the API and the live feed deliver it. */
export interface ActivityEntry {
  /** Increasing per instance: order and paging cursor. */
  id: number;
  boardId: string;
  at: number;
  /** Who did it (null: the server itself), and their display name when it was read. */
  userId: string | null;
  userName: string;
  kind: ActivityKind;
  cardId: string | null;
  data: ActivityData;
}

/** The details an entry may carry; each kind fills the fields that apply to it. */
export interface ActivityData {
  title?: string;
  /** card.renamed: the title before. */
  from?: string;
  /** card.moved / card.sent-back: stage ids and their names at the time. */
  fromStage?: string;
  fromStageName?: string;
  toStage?: string;
  toStageName?: string;
  /** checklist.*: the item's text. */
  item?: string;
  /** card.approved / card.sent-back: the stage, the round (0 for the first) and the reviewer's note. */
  stageName?: string;
  round?: number;
  note?: string;
  /** card.approved: false when the signature left a 会签 gate waiting for others (absent before 会签). */
  gateOpen?: boolean;
  /** member.*: who, and their role (before and) after; card.assigned / card.unassigned: who. */
  memberId?: string;
  memberName?: string;
  role?: string;
  previousRole?: string;
  /**
   * comment.added / comment.mentioned: the comment, the user ids it mentions (for an edit, only
   * those it mentions newly) and its opening words, at most EXCERPT_MAX characters.
   */
  commentId?: string;
  mentions?: string[];
  excerpt?: string;
  /** card.dated: the card's date ('YYYY-MM-DD') after and before; null when none. */
  date?: string | null;
  fromDate?: string | null;
  /** card.labeled / card.unlabeled: the label's name then. */
  label?: string;
  /** attachment.uploaded: the file's name and its version (1 for a new attachment). */
  file?: string;
  version?: number;
}

/** Characters of a comment kept in an entry (and an inbox item): enough to recognise it. */
export const EXCERPT_MAX = 140;

/** `text` on one line, cut to `max` characters with an ellipsis when longer. */
export function excerptOf(text: string, max = EXCERPT_MAX): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** Two lists of entries as one, without repeats, newest first, at most `keep`. */
export function mergeEntries(
  a: readonly ActivityEntry[],
  b: readonly ActivityEntry[],
  keep = Infinity
): ActivityEntry[] {
  const byId = new Map<number, ActivityEntry>();
  for (const e of a) byId.set(e.id, e);
  for (const e of b) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => y.id - x.id).slice(0, keep);
}
