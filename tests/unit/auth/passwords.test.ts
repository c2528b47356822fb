import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_CHARS,
  hashPassword,
  isAcceptablePassword,
  needsRehash,
  verifyPassword
} from '#server/auth/passwords';

/** A hash in our format made with other parameters, as an older release would have stored it. */
function legacyHash(password: string, N: number): string {
  const salt = Buffer.alloc(16, 7);
  const key = scryptSync(password, salt, 32, { N, r: 8, p: 1 });
  return `scrypt$${N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('password hashes', () => {
  it('carry their scrypt parameters, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('correct horse');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect({ scheme, N, r, p }).toEqual({ scheme: 'scrypt', N: '16384', r: '8', p: '1' });
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
  });

  it('differ for the same password (a fresh salt each time) and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a as string)).toBe(true);
    expect(await verifyPassword('same password', b as string)).toBe(true);
  });

  it('refuse a wrong password, a different case, a non-string and an over-long one', async () => {
    const stored = await hashPassword('Secret-passphrase');
    expect(await verifyPassword('Secret-passphrasE', stored)).toBe(false);
    expect(await verifyPassword('secret-passphrase', stored)).toBe(false);
    expect(await verifyPassword(undefined, stored)).toBe(false);
    expect(await verifyPassword(12345678, stored)).toBe(false);
    expect(await verifyPassword('x'.repeat(PASSWORD_MAX_CHARS + 1), stored)).toBe(false);
  });

  it('match a password typed with composed or decomposed accents (NFKC)', async () => {
    const stored = await hashPassword('café au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('verify with the parameters stored in them, and ask to be redone when those are not current', async () => {
    const old = legacyHash('old password', 1024);
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('old password'))).toBe(false);
  });

  it('never match a damaged or tampered stored value, and do not run scrypt with absurd parameters', async () => {
    const good = legacyHash('password1', 1024);
    const parts = good.split('$');
    const damaged = [
      '',
      'plain-text-password',
      good.replace('scrypt$', 'bcrypt$'),
      [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), ''].join('$')
    ];
    for (const stored of damaged) {
      expect(await verifyPassword('password1', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });
});

describe('the password policy', () => {
  it('takes 8 to 256 characters, counted as characters, not bytes or UTF-16 units', () => {
    expect(isAcceptablePassword('1234567')).toBe(false);
    expect(isAcceptablePassword('12345678')).toBe(true);
    // 256 Chinese characters are 768 bytes of UTF-8; 256 emoji are 512 UTF-16 units.
    expect(isAcceptablePassword('密'.repeat(256))).toBe(true);
    expect(isAcceptablePassword('🔑'.repeat(256))).toBe(true);
    expect(isAcceptablePassword('🔑'.repeat(257))).toBe(false);
    expect(isAcceptablePassword('🔑'.repeat(7))).toBe(false);
    expect(isAcceptablePassword(null)).toBe(false);
  });

  it('is enforced by hashPassword itself, so no caller can hash an unbounded input', async () => {
    await expect(hashPassword('short')).rejects.toThrow(RangeError);
    await expect(hashPassword('x'.repeat(PASSWORD_MAX_CHARS + 1))).rejects.toThrow(RangeError);
  });
});
