/**
 * What an import will make, whatever it comes from: a board described as plain data (stages,
 * labels, cards with everything on them), and the counts of what comes in and what does not.
 * The Trello and CSV readers (trello.ts, csv-import.ts) produce it; the preview shows its counts;
 * the server builds it with the board operations (src/lib/board/import-ops.ts). Both the browser
 * and the server compute it from the file with the same functions, so the preview's numbers are
 * the board's numbers.
 */
import { COMMENT_MAX, ORIGINALLY_MAX } from '../board/comment-value';
import { LIMITS } from '../board/schema';
import type { LabelColor } from '../board/label-ops';
import { cleanName } from '../board/transact';
import { ImportProblem } from './import-problem';

/** Bounds of one import, beside the board's own (LIMITS): a board, not a data warehouse. */
export const IMPORT_LIMITS = {
  /** Bytes of the file as read (a Trello export with 1,000 actions runs to a few MB). */
  fileBytes: 32 * 1024 * 1024,
  /** Bytes of the compressed request the browser sends (adapter-node's body cap is 512 KB). */
  requestBytes: 512 * 1024,
  cards: 2000,
  commentsPerCard: 500,
  linksPerCard: 100,
  csvRows: 2000,
  csvColumns: 200
} as const;

/** A column of the source (a Trello list, a CSV status) and where its cards go. */
export interface ImportSource {
  key: string;
  name: string;
  /** A closed (archived) Trello list. */
  closed: boolean;
  /** Cards the source holds in the file. */
  cards: number;
}

/** Someone the file names (a Trello member, a CSV assignee), for the mapping screen. */
export interface ImportPerson {
  key: string;
  name: string;
  /** Comments and cards of theirs in the file. */
  comments: number;
  cards: number;
}

/** An account the importer may map a person to (they share a board with the importer). */
export interface ImportCandidate {
  userId: string;
  name: string;
  email: string;
}

export interface PlannedComment {
  text: string;
  at: number;
  /** The account that stands for the writer, or null: the importer, "originally by" `name`. */
  author: string | null;
  name: string;
}

export interface PlannedChecklist {
  title: string;
  items: { text: string; done: boolean }[];
}

export interface PlannedCard {
  title: string;
  description: string;
  /** 'YYYY-MM-DD' or null. */
  date: string | null;
  archived: boolean;
  /** Index into the plan's stages. */
  stage: number;
  /** Indexes into the plan's labels. */
  labels: number[];
  assignees: string[];
  checklists: PlannedChecklist[];
  comments: PlannedComment[];
  /** Attachments as links, written under the description. */
  links: { name: string; url: string }[];
}

export interface ImportPlan {
  title: string;
  /** The template whose stages the board takes, or null: `stages` are made from the source. */
  templateId: string | null;
  /** Stage names (a template's, or the source's). */
  stages: string[];
  labels: { name: string; color: LabelColor }[];
  cards: PlannedCard[];
  /** Accounts put on the board beside the importer, for the people they were mapped from. */
  members: string[];
}

/** What comes in: the preview's promise and the server's check against the built board. */
export interface ImportCounts {
  stages: number;
  cards: number;
  archived: number;
  checklists: number;
  checklistItems: number;
  checkedItems: number;
  comments: number;
  labels: number;
  links: number;
}

/** What does not come in, or comes in changed: each a count the preview names. */
export interface ImportLosses {
  closedListsSkipped: number;
  cardsSkipped: number;
  /** The export holds Trello's maximum of actions: older comments may be missing. */
  actionsCapped: boolean;
  /** Files uploaded to Trello: imported as links that need a Trello sign-in to open. */
  trelloFiles: number;
  /** Texts cut to the board's limits (titles, descriptions, items, comments). */
  truncated: number;
  /** Checklist items, checklists, labels or comments over the board's limits. */
  overLimit: number;
  /** CSV rows without a title. */
  rowsWithoutTitle: number;
  /** CSV assignee cells that name nobody the importer shares a board with. */
  unmatchedPeople: number;
}

export const NO_LOSSES: ImportLosses = {
  closedListsSkipped: 0,
  cardsSkipped: 0,
  actionsCapped: false,
  trelloFiles: 0,
  truncated: 0,
  overLimit: 0,
  rowsWithoutTitle: 0,
  unmatchedPeople: 0
};

/** Where an import goes: a new board of the source's columns, or a template's stages. */
export interface ImportTarget {
  title: string;
  /** Null: a new board whose stages are the source's columns. */
  template: { id: string; stages: readonly string[] } | null;
  /** With a template: source key → stage index, or null to leave that column's cards out. */
  stageFor: Readonly<Record<string, number | null>>;
}

/** The counts of a plan: what the board will hold. */
export function countPlan(plan: ImportPlan): ImportCounts {
  const counts: ImportCounts = {
    stages: plan.stages.length,
    cards: plan.cards.length,
    archived: 0,
    checklists: 0,
    checklistItems: 0,
    checkedItems: 0,
    comments: 0,
    labels: plan.labels.length,
    links: 0
  };
  for (const card of plan.cards) {
    if (card.archived) counts.archived++;
    counts.checklists += card.checklists.length;
    for (const list of card.checklists) {
      counts.checklistItems += list.items.length;
      counts.checkedItems += list.items.filter((i) => i.done).length;
    }
    counts.comments += card.comments.length;
    counts.links += card.links.length;
  }
  return counts;
}

/**
 * Fits texts to the board's limits, counting what it had to change: a card title cut at its
 * limit still names the card, where refusing the whole file for one long title helps nobody.
 */
export class Fitter {
  readonly losses: ImportLosses = { ...NO_LOSSES };

  /** A name (title, item, label) cleaned as the board stores it, cut to `max`; null when empty. */
  name(value: unknown, max: number): string | null {
    if (typeof value !== 'string') return null;
    const whole = cleanName(value, Number.MAX_SAFE_INTEGER);
    if (whole === null) return null;
    if (whole.length <= max) return whole;
    this.losses.truncated++;
    return cleanName(whole.slice(0, max), max);
  }

  /** A free text (description, comment) cut to `max`. */
  text(value: unknown, max: number): string {
    if (typeof value !== 'string') return '';
    if (value.length <= max) return value;
    this.losses.truncated++;
    return value.slice(0, max);
  }

  /** The first `max` of `items`, counting the rest as over the limit. */
  cap<T>(items: readonly T[], max: number): T[] {
    if (items.length > max) this.losses.overLimit += items.length - max;
    return items.slice(0, max);
  }

  /** The card's description with its links under it, within the description's limit. */
  description(text: string, links: readonly { name: string; url: string }[]): string {
    // A link's name loses its brackets and its address its spaces and parentheses, so each
    // line stays one Markdown link whatever the file named it.
    const lines = links.map(
      (l) => `- [${l.name.replace(/[[\]\n]/g, '')}](${l.url.replace(/[\s()]/g, escapeUrl)})`
    );
    const tail = lines.length ? `\n\n---\n${lines.join('\n')}` : '';
    const body = text.trimEnd();
    const room = LIMITS.cardDescription - (body ? tail.length : tail.trimStart().length);
    if (room < 0) {
      this.losses.truncated++;
      return tail.trimStart().slice(0, LIMITS.cardDescription);
    }
    return body ? this.text(body, room) + tail : tail.trimStart();
  }

  /** A comment's text within the comment limit; null when empty. */
  comment(value: unknown): string | null {
    const text = typeof value === 'string' ? value.trim() : '';
    return text ? this.text(text, COMMENT_MAX) : null;
  }

  /** The "originally by" name of a comment. */
  author(value: unknown): string {
    return this.name(value, ORIGINALLY_MAX) ?? '?';
  }
}

const escapeUrl = (c: string) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/** A date as the board stores it ('YYYY-MM-DD', the UTC day of a timestamp), or null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  if (day) return day;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

export interface PlannedImport {
  plan: ImportPlan;
  counts: ImportCounts;
  losses: ImportLosses;
}

/** Throws unless every account a person is mapped to is one the importer may map to. */
export function checkPeople(
  people: Readonly<Record<string, string | null>>,
  candidates: readonly ImportCandidate[] | undefined
): void {
  if (!candidates) return;
  const allowed = new Set(candidates.map((c) => c.userId));
  for (const userId of Object.values(people)) {
    if (userId !== null && !allowed.has(userId)) {
      throw new ImportProblem('unknown-person', 'A person is mapped to an account you share no board with.');
    }
  }
}

/**
 * The stage each source column's cards go to (null: left out) and the stage names: with a
 * template, the user's mapping onto its stages; without, one stage per column kept.
 */
export function stagesFor(
  sources: readonly ImportSource[],
  target: ImportTarget,
  keep: (source: ImportSource) => boolean,
  fit: Fitter
): { stages: string[]; stageOf: Map<string, number | null> } {
  const stageOf = new Map<string, number | null>();
  if (target.template) {
    const count = target.template.stages.length;
    for (const s of sources) {
      const index = target.stageFor[s.key];
      const valid = typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < count;
      if (index != null && !valid)
        throw new ImportProblem('bad-target', `No stage ${String(index)} in the template.`);
      stageOf.set(s.key, keep(s) && valid ? index : null);
    }
    return { stages: [...target.template.stages], stageOf };
  }
  const stages: string[] = [];
  for (const s of sources) {
    if (!keep(s)) {
      stageOf.set(s.key, null);
      continue;
    }
    stageOf.set(s.key, stages.length);
    stages.push(fit.name(s.name, LIMITS.stageName) ?? '—');
  }
  if (stages.length > LIMITS.stages) {
    throw new ImportProblem('too-many-lists', 'Too many lists for one board.', {
      count: stages.length,
      max: LIMITS.stages
    });
  }
  return { stages, stageOf };
}
