/**
 * Board filters (who, label, due, text) and their form in the URL, so a filtered board can be
 * shared as a link: `?who=me,<userId>&label=<id>,<id>&due=overdue|week&q=text`. Pure: the page
 * reads the URL, the board shows the cards that match.
 */
import type { CalendarId } from '../calendar';
import { addDays, compareDates } from './dates';
import { cardDeadlines, type DeadlineStage } from './deadlines';
import { inLastStage } from './due';
import type { CardView } from './read';
import { searchCard, searchWords, type CardSearchText, type SearchField } from './search';

export const DUE_FILTERS = ['overdue', 'week'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export interface CardFilter {
  /** User ids; 'me' stands for whoever reads the link. A card matches when any is assigned. */
  who: string[];
  /** Label ids; a card matches when it carries any of them. */
  labels: string[];
  due: DueFilter | null;
  /** Words the card must contain, each in its title, description, a comment or a checklist item; or ''. */
  text: string;
}

export const NO_FILTER: CardFilter = Object.freeze({
  who: [],
  labels: [],
  due: null,
  text: ''
}) as CardFilter;

const PARAM = { who: 'who', labels: 'label', due: 'due', text: 'q' } as const;
/** A hand-edited link cannot make the board page do unbounded work. */
const MAX_IDS = 20;
const MAX_TEXT = 200;

function ids(value: string | null): string[] {
  if (!value) return [];
  const list = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id.length <= 64);
  return [...new Set(list)].slice(0, MAX_IDS);
}

/** The filter a URL's query describes; anything malformed is ignored, never an error. */
export function parseFilter(params: URLSearchParams): CardFilter {
  const due = params.get(PARAM.due);
  return {
    who: ids(params.get(PARAM.who)),
    labels: ids(params.get(PARAM.labels)),
    due: (DUE_FILTERS as readonly string[]).includes(due ?? '') ? (due as DueFilter) : null,
    text: (params.get(PARAM.text) ?? '').trim().slice(0, MAX_TEXT)
  };
}

/** `params` with the filter written into it (other parameters, such as ?card=, are kept). */
export function withFilter(params: URLSearchParams, filter: CardFilter): URLSearchParams {
  const out = new URLSearchParams(params);
  const put = (key: string, value: string) => (value ? out.set(key, value) : out.delete(key));
  put(PARAM.who, filter.who.join(','));
  put(PARAM.labels, filter.labels.join(','));
  put(PARAM.due, filter.due ?? '');
  put(PARAM.text, filter.text.trim());
  return out;
}

export function isFiltering(filter: CardFilter): boolean {
  return (
    filter.who.length > 0 || filter.labels.length > 0 || filter.due !== null || filter.text.trim() !== ''
  );
}

export interface FilterContext {
  /** The reader's user id (what 'me' means), or null when not known (offline, first load). */
  me: string | null;
  /** The reader's local date, 'YYYY-MM-DD'. */
  today: string;
  stages: readonly DeadlineStage[];
  /** The board's working calendar. */
  calendar: CalendarId;
  /** A card's folded description, comments and checklist; without it, only titles are searched. */
  searchText?: (cardId: string) => CardSearchText | undefined;
}

/** True when the card passes every part of the filter that is set. */
export function cardMatches(card: CardView, filter: CardFilter, context: FilterContext): boolean {
  if (filter.who.length > 0) {
    const who = filter.who.map((id) => (id === 'me' ? context.me : id));
    if (!who.some((id) => id !== null && card.assignees.includes(id))) return false;
  }
  if (filter.labels.length > 0 && !filter.labels.some((id) => card.labels.includes(id))) return false;
  if (filter.text.trim() && searchMatch(card, filter.text, context) === null) return false;
  return filter.due === null || matchesDue(card, filter.due, context);
}

/** Where the card holds every word of `query` (title first), or null when it does not. */
export function searchMatch(
  card: CardView,
  query: string,
  context: Pick<FilterContext, 'searchText'>
): SearchField[] | null {
  return searchCard(card.title, searchWords(query), () => context.searchText?.(card.id));
}

/**
 * Overdue: a time rule of its stage (or a lead time of a stage ahead) has passed, or its date is
 * behind today while it is not yet in the last stage (done). This week: something falls due in
 * the next seven days, today included.
 */
function matchesDue(card: CardView, due: DueFilter, { today, stages, calendar }: FilterContext): boolean {
  const deadlines = cardDeadlines(card, stages, today, calendar);
  if (due === 'overdue') {
    const done = inLastStage(card.stageId, stages);
    const pastDate = card.date !== null && compareDates(card.date, today) < 0;
    return deadlines.some((d) => d.late) || (pastDate && !done);
  }
  const end = addDays(today, 6);
  const within = (date: string) => compareDates(date, today) >= 0 && compareDates(date, end) <= 0;
  return deadlines.some((d) => !d.late && within(d.due)) || (card.date !== null && within(card.date));
}
