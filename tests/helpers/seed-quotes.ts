/**
 * Finds a template's quote at the lines its citation names in the seed documents, so a quote
 * that drifts from the document (or cites the wrong lines) fails a test instead of misleading a
 * reader of docs/templates.md. 003 is traditional Chinese with pinyin glosses and mojibake mixed
 * in, and the templates quote it converted to simplified Chinese, so its lines are converted the
 * same way before the search.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { BoardTemplate, SeedDoc, SourceRef } from '#lib/templates';
import { SEED_FILES } from '#scripts/templates-doc';

// The seeds sit beside the repository (../shared/seeds), as on every machine and in CI; a git
// worktree elsewhere names them with STAGEBOARD_SEEDS_DIR.
const SEED_DIR = process.env.STAGEBOARD_SEEDS_DIR
  ? pathToFileURL(`${process.env.STAGEBOARD_SEEDS_DIR.replace(/\/$/, '')}/`)
  : new URL('../../../shared/seeds/', import.meta.url);

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
// 003 writes a pinyin gloss after some characters: 會務(wù)流程, 細(xì)化.
const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;

const cache = new Map<SeedDoc, string[]>();

/** The document's lines (index 0 is line 1), 003 converted to simplified Chinese. */
export function seedLines(doc: SeedDoc): string[] {
  let lines = cache.get(doc);
  if (!lines) {
    const text = readFileSync(new URL(SEED_FILES[doc], SEED_DIR), 'utf8');
    lines = (doc === '003' ? toSimplified(text.replace(PINYIN_GLOSS, '')) : text).split('\n');
    cache.set(doc, lines);
  }
  return lines;
}

/** The line numbers a `where` names: "l.702–713", "l.231, l.235", "l.543, 587". */
export function citedLines(where: string): number[] {
  const out: number[] = [];
  for (const m of where.matchAll(/l\.(\d+(?:\s*[–-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*)/g)) {
    for (const part of m[1]!.split(',')) {
      const [a, b] = part.split(/[–-]/).map((n) => Number(n.trim()));
      for (let n = a!; n <= (b ?? a!); n++) out.push(n);
    }
  }
  return out;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Why the quote is not at its cited lines, or null when it is there (parts split by … in order). */
export function quoteProblem(ref: SourceRef): string | null {
  if (!ref.quote) return null;
  const lines = citedLines(ref.where);
  if (lines.length === 0) return `"${ref.where}" names no lines`;
  const all = seedLines(ref.doc);
  if (lines.some((n) => n < 1 || n > all.length)) return `${ref.doc} has no line ${lines.join(',')}`;
  const text = squeeze(lines.map((n) => all[n - 1]).join(''));
  let from = 0;
  for (const part of ref.quote.split('…').map(squeeze).filter(Boolean)) {
    const at = text.indexOf(part, from);
    if (at < 0) return `"${part}" is not in ${ref.doc} l.${lines.join(',')}`;
    from = at + part.length;
  }
  return null;
}

/** Every citation in a template, with the path of the item it belongs to. */
export function citations(t: BoardTemplate): [string, SourceRef][] {
  const out: [string, SourceRef][] = t.sources.map((ref, i) => [`sources[${i}]`, ref]);
  t.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    if (s.source) out.push([at, s.source]);
    s.checklist.forEach((c, j) => c.source && out.push([`${at}.checklist[${j}]`, c.source]));
    if (s.gate?.source) out.push([`${at}.gate`, s.gate.source]);
    s.gate?.approvers.forEach((a, j) => a.source && out.push([`${at}.gate.approvers[${j}]`, a.source]));
    if (s.timeRule?.source) out.push([`${at}.timeRule`, s.timeRule.source]);
    if (s.sendBackTo?.source) out.push([`${at}.sendBackTo`, s.sendBackTo.source]);
    if (s.requires?.source) out.push([`${at}.requires`, s.requires.source]);
  });
  return out;
}
