import type { AccountMessageKey } from './zh-CN.account';

/** The account pages' messages in English; typed against the Chinese ones. */
export const enAccount: Record<AccountMessageKey, string> = {
  'account.title': 'Account settings',
  'account.open': 'Account settings',
  'account.sections': 'Settings',
  'account.section.tokens': 'Access tokens',
  'account.section.notifications': 'Email notifications',
  'account.section.export': 'Export my data',
  'tokens.title': 'Personal access tokens',
  'tokens.intro':
    'Tokens let scripts and integrations use the Stageboard API as you. A token never goes beyond your role on a board, and a read-only token can only view, on every board.',
  'tokens.docs': 'API reference (OpenAPI)',
  'tokens.create.title': 'New token',
  'tokens.create.name': 'Name',
  'tokens.create.namePlaceholder': 'e.g. Weekly report sync',
  'tokens.create.scope': 'Access',
  'tokens.scope.read': 'Read only',
  'tokens.scope.write': 'Read and write',
  'tokens.scope.readHint': 'View boards, cards, comments and checklists',
  'tokens.scope.writeHint': 'Also create and edit cards, move them, comment and tick items',
  'tokens.create.expiry': 'Expires',
  'tokens.expiry.days': 'In {count} days',
  'tokens.expiry.never': 'Never',
  'tokens.create.submit': 'Generate token',
  'tokens.created.title': 'Your new token',
  'tokens.created.warning':
    'Copy it now and keep it somewhere safe. You won’t be able to see it again once you leave this page.',
  'tokens.created.label': 'New token',
  'tokens.created.copy': 'Copy',
  'tokens.created.copied': 'Copied',
  'tokens.created.done': 'I’ve saved it',
  'tokens.list.title': 'Your tokens',
  'tokens.list.empty': 'No tokens yet. Make one to read or update your boards through the API.',
  'tokens.list.created': 'Created {date}',
  'tokens.list.expires': 'Expires {date}',
  'tokens.list.expired': 'Expired',
  'tokens.list.neverExpires': 'Never expires',
  'tokens.list.lastUsed': 'Last used {date}',
  'tokens.list.neverUsed': 'Never used',
  'tokens.revoke': 'Revoke',
  'tokens.revoke.confirm':
    'Revoke the token “{name}”? Scripts using it stop working at once. This can’t be undone.',
  'tokens.loading': 'Loading tokens…',
  'error.tokens.name': 'Give the token a name (up to 80 characters).',
  'error.tokens.scope': 'Choose what the token may do.',
  'error.tokens.expiry': 'Choose when the token expires.',
  'error.tokens.tooMany':
    'You have 50 tokens, the most an account can have. Revoke one you no longer use first.',
  'error.tokens.notFound': 'This token has already been revoked.',
  'error.tokens.notAllowed': 'Tokens can only be managed from a signed-in browser.'
};
