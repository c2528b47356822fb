/**
 * Fractional ranks: order is a string compared by code unit, so moving one card rewrites one
 * field instead of shifting a Y.Array (Yjs has no move; delete + insert under concurrency
 * duplicates or drops items). Digits are base 36; a rank never ends in '0', so there is always
 * room below it.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const RANK_PATTERN = /^[0-9a-z]*[1-9a-z]$/;

/** True when a value is a well-formed rank string. */
export function isRank(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 256 && RANK_PATTERN.test(value);
}

/**
 * A stored rank, or one that sorts after every well-formed rank when it is missing or malformed
 * (an old or hostile client), so bad data goes last instead of breaking the order.
 */
export function rankOrLast(value: unknown): string {
  return isRank(value) ? value : '~';
}

function digit(s: string, i: number): number {
  const c = s[i];
  return c === undefined ? 0 : DIGITS.indexOf(c);
}

// a < b, where '' means 0 and null means 1 (the open top end).
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while (n < b.length && digit(a, n) === digit(b, n)) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a, 0);
  const db = b === null ? BASE : digit(b, 0);
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[da] as string) + midpoint(a.slice(1), null);
}

/** A rank strictly between `before` and `after` (null = open end). Throws if before >= after. */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`rankBetween: ${before} is not below ${after}`);
  }
  if (after === null && before !== null) return increment(before);
  if (before === null && after !== null) {
    const down = decrement(after);
    if (down !== null) return down;
  }
  return midpoint(before ?? '', after);
}

// Appending and prepending are the common moves (a new card goes last), so they step one digit
// instead of halving the gap: keys then grow by one character per 35 appends, not per 5.
function increment(before: string): string {
  for (let i = 0; i < before.length; i++) {
    const d = digit(before, i);
    if (d < BASE - 1) return before.slice(0, i) + (DIGITS[d + 1] as string);
  }
  return before + '1';
}

function decrement(after: string): string | null {
  for (let i = 0; i < after.length; i++) {
    const d = digit(after, i);
    if (d >= 2) return after.slice(0, i) + (DIGITS[d - 1] as string);
  }
  return null;
}

/** `count` ascending ranks spread between two bounds, for seeding a column in one go. */
export function ranksBetween(before: string | null, after: string | null, count: number): string[] {
  const out: string[] = [];
  let low = before;
  for (let i = 0; i < count; i++) {
    // Appending with an open top end keeps keys short; the final bound is respected because each
    // key is taken between the previous key and `after`.
    const next = rankBetween(low, after);
    out.push(next);
    low = next;
  }
  return out;
}

/** Ordering used everywhere: by rank, then by id so concurrent equal ranks still sort the same. */
export function compareRanked(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rank that puts an item at `index` among `siblings` (already sorted, the moving item left
 * out). When two neighbours share a rank (two people inserted at the same spot at once) no
 * string fits between them, so the item goes just after the tied run instead.
 */
export function rankAtIndex(all: readonly { rank: string }[], index: number): string {
  // Items with a malformed rank (from an old or hostile client) sort last and bound nothing: a
  // placement among them lands just after the last well-formed rank instead.
  const siblings = all.filter((s) => isRank(s.rank));
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[i - 1]?.rank ?? null;
  let j = i;
  while (before !== null && j < siblings.length && (siblings[j] as { rank: string }).rank <= before) j++;
  const after = siblings[j]?.rank ?? null;
  return rankBetween(before, after);
}
