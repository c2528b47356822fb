/**
 * How the API names an invite: by the first 16 hex characters of its token's hash. Not secret,
 * never the token, so a list of invites never shows a usable link.
 */
import type { InviteRecord } from './InviteStore';
import { inviteNotFound } from './inviteRefusals';

const ID_CHARS = 16;
const ID_PATTERN = /^[0-9a-f]{16}$/;

/** The name the API gives an invite. */
export const inviteId = (row: InviteRecord): string => row.tokenHash.slice(0, ID_CHARS);

/** True when `id` has the shape of an invite id (anything else names none, unlooked-up). */
export const isInviteId = (id: string): boolean => ID_PATTERN.test(id);

/** The one row an id names (ids are hash prefixes: an ambiguous one names none), else 404. */
export function oneById(rows: InviteRecord[], id: string, message: string): InviteRecord {
  const matches = rows.filter((r) => r.tokenHash.startsWith(id));
  if (matches.length !== 1 || !matches[0]) throw inviteNotFound(message);
  return matches[0];
}
