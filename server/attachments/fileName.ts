/**
 * File names from the network, cleaned for showing and for the download's Content-Disposition.
 * A name is only a label here (files are stored by id), but it is shown to every member and put
 * in a header, so it must not carry paths, control characters or direction overrides that
 * disguise `draft‮gnp.exe` as `draftexe.png`.
 */

/** Longest name kept, in characters (code points). */
export const FILE_NAME_MAX = 200;
// C0 and C1 controls, DEL, and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The last path segment, without unsafe characters, trimmed and bounded; "draft" when nothing is left. */
export function cleanFileName(name: unknown): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  const clean = [...base.replace(UNSAFE, '').trim()].slice(0, FILE_NAME_MAX).join('').trim();
  return clean === '' || clean === '.' || clean === '..' ? 'draft' : clean;
}

/**
 * `inline` with the name twice (RFC 6266): an ASCII fallback for old clients and the UTF-8 name
 * percent-encoded, so no quote, semicolon or non-Latin-1 character reaches the header raw.
 */
export function inlineDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The same, as a download (`attachment`): a report or a workbook the server made for the reader. */
export function attachmentDisposition(name: string): string {
  return inlineDisposition(cleanFileName(name)).replace(/^inline/, 'attachment');
}
