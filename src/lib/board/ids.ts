const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random 16-character id from the platform's CSPRNG (browser and Node alike). */
export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/** Board ids double as URL path segments and room names, so they are kept to a safe alphabet. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when a string can be a board id. */
export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}
