/** Reading SQLite's refusals through drizzle's wrapping. */

/** The SQLite constraint code of an error, also when drizzle wrapped it (its async path does). */
export function constraintCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return code;
  }
  return undefined;
}
