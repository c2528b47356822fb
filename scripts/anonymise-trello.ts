/**
 * Anonymises a Trello board export for use as a test fixture: every member becomes "Member N"
 * (username memberN), avatars, e-mails and profile links go, and each member's real name or
 * username is replaced wherever it appears in a text (descriptions, comments, checklist items).
 * Deterministic: members are numbered in the order of the export's `members` array, then in the
 * order others first appear, so running it again on the same input gives the same file.
 *
 *   npx tsx scripts/anonymise-trello.ts <export.json> <out.json> [other names to hide…]
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values identify a person or point at their picture: dropped or nulled. */
const PERSONAL = new Set([
  'avatarHash',
  'avatarUrl',
  'gravatarHash',
  'uploadedAvatarHash',
  'uploadedAvatarUrl',
  'bio',
  'bioData',
  'nonPublic',
  'email',
  'url'
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function anonymise(board: Obj, extraNames: readonly string[]): Obj {
  const names = new Map<string, { fullName: string; username: string; initials: string }>();
  const replacements: [string, string][] = [];
  const person = (id: string, fullName?: Json, username?: Json) => {
    let known = names.get(id);
    if (!known) {
      const n = names.size + 1;
      known = { fullName: `Member ${n}`, username: `member${n}`, initials: `M${n}` };
      names.set(id, known);
    }
    if (typeof fullName === 'string' && fullName.length > 2) {
      replacements.push([fullName, known.fullName]);
      // People sign with a first name or a surname alone: each word of the name goes too.
      for (const word of fullName.split(/\s+/))
        if (word.length > 2) replacements.push([word, known.fullName]);
    }
    if (typeof username === 'string' && username.length > 2) replacements.push([username, known.username]);
    return known;
  };
  // Pass 1: learn every member, from the members list first, then wherever one is embedded.
  for (const m of (board.members as Obj[] | undefined) ?? []) person(String(m.id), m.fullName, m.username);
  const learn = (v: Json) => {
    if (Array.isArray(v)) return v.forEach(learn);
    if (!isObj(v)) return;
    if (typeof v.id === 'string' && ('fullName' in v || 'username' in v))
      person(v.id, v.fullName, v.username);
    Object.values(v).forEach(learn);
  };
  learn(board);
  // Names of people who are not members but are named in the texts (given on the command line).
  extraNames.forEach((name, i) => replacements.push([name, `Someone ${i + 1}`]));
  // Longest first, so "Ann Lee" is replaced before "Ann".
  replacements.sort((a, b) => b[0].length - a[0].length);
  const words = replacements.map(([from, to]) => [new RegExp(`\\b${escape(from)}\\b`, 'gi'), to] as const);
  const scrub = (s: string) =>
    words
      .reduce((out, [from, to]) => out.replace(from, to), s)
      // E-mail signatures in comments: addresses and telephone numbers.
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, 'someone@example.com')
      .replace(/\+\d{1,3}(?:[\s-]|%20)\d{3}(?:[\s-]|%20)\d{3}(?:[\s-]|%20)\d{4}/g, '+00 000 000 0000');

  const rewrite = (v: Json, key = ''): Json => {
    // Ids and links (files, previews) hold no names, and a changed link would lead nowhere.
    if (typeof v === 'string') return key.startsWith('id') || /url/i.test(key) ? v : scrub(v);
    if (Array.isArray(v)) return v.map((x) => rewrite(x, key));
    if (!isObj(v)) return v;
    const isPerson = typeof v.id === 'string' && ('fullName' in v || 'username' in v);
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      if (isPerson && PERSONAL.has(k)) continue;
      // A card's e-mail-to-board address carries its creator's name.
      if (k === 'email' && typeof x === 'string') {
        out[k] = null;
        continue;
      }
      out[k] = rewrite(x, k);
    }
    if (isPerson) {
      const known = names.get(v.id as string)!;
      if ('fullName' in v) out.fullName = known.fullName;
      if ('username' in v) out.username = known.username;
      if ('initials' in v) out.initials = known.initials;
    }
    // An action's `data.member` names its member by `name` only.
    if (key === 'member' && typeof v.id === 'string' && typeof v.name === 'string') {
      out.name = person(v.id).fullName;
    }
    return out;
  };
  return rewrite(board) as Obj;
}

const [input, output, ...extraNames] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx scripts/anonymise-trello.ts <export.json> <out.json>');
  process.exit(2);
}
const board = JSON.parse(readFileSync(input, 'utf8')) as Obj;
writeFileSync(output, JSON.stringify(anonymise(board, extraNames), null, 1) + '\n');
console.log(`anonymised ${input} → ${output}`);
