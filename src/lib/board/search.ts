/**
 * Searching a card's words: its title, description, comments and checklist items. Text is folded
 * once (NFKC, so full-width Ｑ３ finds Q3, then lower case); a substring test then serves Chinese,
 * which has no spaces between words, as well as English. A card's folded text is read on demand
 * and kept by the caller until the card changes (BoardProjection), so a keystroke in the search
 * box walks no comments.
 */
import * as Y from 'yjs';
import { checklistOf } from './checklist-read';
import { isCommentValue } from './comment-value';
import { CardKey, ChecklistItemKey, str, text, type CardMap } from './schema';

/** Where a search word was found, in the order a card is read. */
export const SEARCH_FIELDS = ['title', 'description', 'comment', 'checklist'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A card's folded words by field, except its title (which the card view carries). */
export type CardSearchText = Record<Exclude<SearchField, 'title'>, string>;

/** Folds text for matching: compatibility forms unified (full-width to half-width), lower case. */
export function foldText(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase();
}

/** The words of a query, folded; a card must contain every one. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** The folded description, comments and checklist items of one card map. */
export function readCardSearchText(map: CardMap): CardSearchText {
  const comments: string[] = [];
  const stored = map.get(CardKey.comments);
  if (stored instanceof Y.Map) {
    stored.forEach((value) => {
      if (isCommentValue(value)) comments.push(value.text);
    });
  }
  const items: string[] = [];
  checklistOf(map)?.forEach((item) => {
    if (item instanceof Y.Map) items.push(str(item, ChecklistItemKey.text));
  });
  // A line break between entries keeps a word from matching across two comments.
  return {
    description: foldText(text(map, CardKey.description)),
    comment: foldText(comments.join('\n')),
    checklist: foldText(items.join('\n'))
  };
}

/**
 * Whether a card holds every word, and where: null when some word is nowhere; else the fields
 * that hold a word, the title first. `more` is asked only when the title alone does not match.
 */
export function searchCard(
  title: string,
  words: readonly string[],
  more: () => CardSearchText | undefined
): SearchField[] | null {
  if (words.length === 0) return [];
  const folded = foldText(title);
  const inTitle = words.filter((w) => folded.includes(w));
  if (inTitle.length === words.length) return ['title'];
  const rest = more();
  if (!rest) return null;
  const where = new Set<SearchField>(inTitle.length > 0 ? ['title'] : []);
  for (const word of words) {
    if (folded.includes(word)) continue;
    let found = false;
    for (const field of ['description', 'comment', 'checklist'] as const) {
      if (!rest[field].includes(word)) continue;
      where.add(field);
      found = true;
    }
    if (!found) return null;
  }
  return SEARCH_FIELDS.filter((f) => where.has(f));
}

/**
 * The title cut into plain and matching runs, for highlighting. Matching runs over the folded
 * title, which for almost every title has the same length as the original; when folding changed
 * its length (a ligature, say), the title is returned whole rather than marked in the wrong place.
 */
export function highlightRuns(title: string, words: readonly string[]): { text: string; match: boolean }[] {
  const folded = foldText(title);
  if (words.length === 0 || folded.length !== title.length) return [{ text: title, match: false }];
  const marked = new Array<boolean>(title.length).fill(false);
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      marked.fill(true, at, at + word.length);
    }
  }
  const runs: { text: string; match: boolean }[] = [];
  let start = 0;
  for (let i = 1; i <= title.length; i++) {
    if (i < title.length && marked[i] === marked[start]) continue;
    runs.push({ text: title.slice(start, i), match: marked[start] ?? false });
    start = i;
  }
  return runs.length ? runs : [{ text: title, match: false }];
}
