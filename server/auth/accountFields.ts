import { createHash } from 'node:crypto';
import { AuthRequestError } from './AuthRequestError';
import { PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, isAcceptablePassword } from './passwords';
import { PRESENCE_COLORS } from '#lib/wire/presence-colors';
import { hasControlChars } from '#lib/text/controlChars';

/** Longest email accepted (RFC 5321's path limit less the angle brackets). */
export const MAX_EMAIL_CHARS = 254;
/** Longest display name, in characters: what presence chips and member lists have room for. */
export const MAX_NAME_CHARS = 60;

/** Deliberately loose: one @, a non-empty local part, dot-separated non-empty domain labels. */
const EMAIL = /^[^\s@]{1,64}@(?:[^\s@.]+\.)*[^\s@.]+$/u;

/**
 * Presence colours others see come from the guests' palette. The server picks one; clients never
 * choose it, so nobody can borrow another person's colour on purpose.
 */
const PALETTE = PRESENCE_COLORS;

const chars = (text: string): number => [...text].length;

/** The email as stored and compared: trimmed, NFC, lowercased; throws 'invalid-email' when it is not one. */
export function normaliseEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim().normalize('NFC').toLowerCase() : '';
  // Controls and bidi marks could make an address (or a name, below) read as someone else's in a
  // member list: refused, not stripped, since the person is there to fix it.
  if (!EMAIL.test(email) || hasControlChars(email) || chars(email) > MAX_EMAIL_CHARS) {
    throw new AuthRequestError(400, 'invalid-email', 'Enter a valid email address.');
  }
  return email;
}

/**
 * The display name to store: whitespace folded, 1–60 characters. Absent or blank means the part of
 * the (normalised) email before the @, cut to 60 characters.
 */
export function cleanDisplayName(value: unknown, email: string): string {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    return [...email.slice(0, email.indexOf('@'))].slice(0, MAX_NAME_CHARS).join('');
  }
  const name = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().normalize('NFC') : '';
  if (!name || chars(name) > MAX_NAME_CHARS || hasControlChars(name)) {
    throw new AuthRequestError(
      400,
      'invalid-name',
      `A display name is 1–${MAX_NAME_CHARS} characters, without control characters.`
    );
  }
  return name;
}

/** The user's presence colour: fixed by the id, so it is the same on every board and every device. */
export function colorForUser(id: string): string {
  const digest = createHash('sha256').update(id).digest();
  return PALETTE[digest.readUInt32BE(0) % PALETTE.length] as string;
}

/** A sign-up's fields, checked and normalised; throws the refusal a person can fix. */
export function signUpFields(input: { email: unknown; password: unknown; name?: unknown }): {
  email: string;
  password: string;
  name: string;
} {
  const email = normaliseEmail(input.email);
  const { password } = input;
  if (!isAcceptablePassword(password)) {
    throw new AuthRequestError(
      400,
      'weak-password',
      `A password is ${PASSWORD_MIN_CHARS}–${PASSWORD_MAX_CHARS} characters.`
    );
  }
  return { email, password, name: cleanDisplayName(input.name, email) };
}
