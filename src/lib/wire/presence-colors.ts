/**
 * Presence colours: the server gives each account one (server/auth/accountFields.ts) by hashing
 * its id, so two people can share one; distinctColors() tells them apart on a board.
 */
export const PRESENCE_COLORS = [
  '#e5484d',
  '#f76b15',
  '#ffc53d',
  '#46a758',
  '#12a594',
  '#0090ff',
  '#6e56cf',
  '#d6409f'
];
