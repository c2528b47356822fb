/**
 * The account pages' sections, in the order the side nav shows them. A page added
 * under /account adds its line here; the layout reads nothing else.
 */
import type { Component } from 'svelte';
import Bell from '@lucide/svelte/icons/bell';
import FolderArchive from '@lucide/svelte/icons/folder-archive';
import KeyRound from '@lucide/svelte/icons/key-round';
import type { MessageKey } from '$lib/i18n/locale';

export interface AccountSection {
  /** The route under /account. */
  path: '/account/tokens' | '/account/notifications' | '/account/export';
  label: MessageKey;
  icon: Component<{ size?: number | string; 'aria-hidden'?: boolean | 'true' | 'false' }>;
}

export const ACCOUNT_SECTIONS: readonly AccountSection[] = [
  { path: '/account/notifications', label: 'account.section.notifications', icon: Bell },
  { path: '/account/tokens', label: 'account.section.tokens', icon: KeyRound },
  { path: '/account/export', label: 'account.section.export', icon: FolderArchive }
];
