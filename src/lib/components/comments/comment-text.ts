/**
 * A comment's text as segments to render: plain text, web links and @mentions. Rendering builds
 * elements from these (never HTML from the text), so nothing a person types becomes markup.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; userId: string };

/** Someone who can be mentioned: a board member's id and display name. */
export interface Mentionable {
  userId: string;
  name: string;
}

// Only http(s): a javascript: or data: "link" stays text. URL characters only (RFC 3986, ASCII),
// so a link typed straight before Chinese text (…/a。谢谢) ends where the Chinese begins.
const URL_PATTERN = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/gi;
// Punctuation that ends a sentence more often than a URL (ASCII and full-width).
const TRAILING = /[.,;:!?)\]}'"。，；：！？）」』、]$/u;
// A name ends where a word would go on: "@Mia Wong's" mentions Mia Wong, "@Mia Wongx" nobody.
const WORD_CHAR = /[\p{L}\p{N}_]/u;
// An @ right after a word character is part of an address (mia@example.com), not a mention.
const ADDRESS_CHAR = /[\p{L}\p{N}_.+-]/u;

const count = (s: string, c: string): number => s.split(c).length - 1;

/** Drops sentence punctuation from a link's end, but keeps a ')' or ']' the link itself opened. */
function trimLink(raw: string): string {
  let href = raw;
  while (TRAILING.test(href)) {
    const last = href.slice(-1);
    if (last === ')' && count(href, '(') >= count(href, ')')) break;
    if (last === ']' && count(href, '[') >= count(href, ']')) break;
    href = href.slice(0, -1);
  }
  return href;
}

function isWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Splits plain text at @mentions of `people`: exactly `@` + their name (case and all), not after
 * a word character and not followed by one, longest name first. Anything else that looks like a
 * mention — another spelling, a lookalike letter, someone not listed — stays text.
 */
function withMentions(text: string, people: readonly Mentionable[], out: Segment[]): void {
  const byLength = [...people].filter((p) => p.name).sort((a, b) => b.name.length - a.name.length);
  let last = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && ADDRESS_CHAR.test(text[at - 1]!)) continue;
    const person = byLength.find((p) => {
      const end = at + 1 + p.name.length;
      return text.startsWith(p.name, at + 1) && !(end < text.length && WORD_CHAR.test(text[end]!));
    });
    if (!person) continue;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const end = at + 1 + person.name.length;
    out.push({ kind: 'mention', text: text.slice(at, end), userId: person.userId });
    last = end;
    at = end - 1;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
}

/** The segments of `text`: links first (an @ inside a URL is the URL's), then mentions of `people`. */
export function segments(text: string, people: readonly Mentionable[] = []): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = trimLink(match[0]);
    if (!isWebLink(href)) continue;
    const start = match.index;
    if (start > last) withMentions(text.slice(last, start), people, out);
    out.push({ kind: 'link', text: href, href });
    last = start + href.length;
  }
  if (last < text.length) withMentions(text.slice(last), people, out);
  return out;
}

/** The ids of `people` that `text` mentions, once each, in order of first mention. */
export function mentionsIn(text: string, people: readonly Mentionable[]): string[] {
  const ids = segments(text, people).flatMap((s) => (s.kind === 'mention' ? [s.userId] : []));
  return [...new Set(ids)];
}

/** The @query being typed just before the caret: where its '@' is and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longest query searched: a full name with a space or two, not a paragraph. */
const QUERY_MAX = 40;

/** The mention being typed at `caret`, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - QUERY_MAX - 1), caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  const start = caret - before.length + at;
  if (start > 0 && ADDRESS_CHAR.test(text[start - 1]!)) return null;
  const query = text.slice(start + 1, caret);
  // Names hold single spaces; a line break, a double space or a leading space ends the attempt.
  return /\n| {2}|^\s/.test(query) ? null : { start, query };
}

/** Members whose name starts with (or, failing that, contains) the query, case-insensitively. */
export function mentionCandidates<T extends Mentionable>(people: readonly T[], query: string, max = 8): T[] {
  const q = query.toLocaleLowerCase();
  const starts = people.filter((p) => p.name.toLocaleLowerCase().startsWith(q));
  const contains = people.filter((p) => !starts.includes(p) && p.name.toLocaleLowerCase().includes(q));
  return [...starts, ...contains].slice(0, max);
}

/** The text with the query at `mention` replaced by `@name ` and where the caret goes after it. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(caret),
    caret: mention.start + inserted.length
  };
}
