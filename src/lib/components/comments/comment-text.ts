/**
 * A comment's text as segments to render: plain text and web links. Rendering builds elements
 * from these (never HTML from the text), so nothing a person types becomes markup.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only http(s): a javascript: or data: "link" stays text. URL characters only (RFC 3986, ASCII),
// so a link typed straight before Chinese text (…/a。谢谢) ends where the Chinese begins.
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/gi;
// Punctuation that ends a sentence more often than a URL (ASCII and full-width).
const TRAILING = /[.,;:!?)\]}'"。，；：！？）」』、]+$/u;

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: 'link', text: href, href });
    last = start + href.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
