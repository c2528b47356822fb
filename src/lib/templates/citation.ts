/**
 * A seed-document citation ("§2.2.4 会务流程, l.221–243") split into what a person reads: the
 * section as the document names it and the lines, without the working notes the template
 * authors left in English ("(garbled copy)", "duties"), which mean nothing to the reader.
 */
import type { SeedDoc, SourceRef } from './types';

export interface Citation {
  doc: SeedDoc;
  /** The document's own heading, or '' when the citation names lines only. */
  section: string;
  /** "221–243", or "543, 587". */
  lines: string;
  /** More than one line: "lines" rather than "line". */
  range: boolean;
}

// Notes in brackets and lowercase English words are the authors' asides, not the document's words.
const ASIDE = /\s*\([^)]*[a-z][^)]*\)|\s+\b[a-z]+\b/g;

/** Reads a SourceRef's `where` into section and lines. */
export function citationOf(ref: SourceRef): Citation {
  const at = ref.where.search(/(?:^|,\s*)l\.\d/);
  const section = (at < 0 ? ref.where : ref.where.slice(0, at)).replace(ASIDE, '').replace(/\s*—\s*/g, ' — ');
  const lines = at < 0 ? '' : ref.where.slice(at).replace(/^,\s*/, '').replace(/l\./g, '').replace(ASIDE, '');
  return { doc: ref.doc, section: section.trim(), lines: lines.trim(), range: /[–,]/.test(lines) };
}
