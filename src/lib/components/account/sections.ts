/**
 * The account pages' sections, in the order the side nav shows them. Each slice that adds a page
 * under /account adds its line here (notifications, "export my data"); the layout reads nothing else.
 */
import type { Component } from 'svelte';
import KeyRound from '@lucide/svelte/icons/key-round';
import type { MessageKey } from '$lib/i18n/locale';

export interface AccountSection {
  /** The route under /account. */
  path: '/account/tokens';
  label: MessageKey;
  icon: Component<{ size?: number | string; 'aria-hidden'?: boolean | 'true' | 'false' }>;
}

export const ACCOUNT_SECTIONS: readonly AccountSection[] = [
  { path: '/account/tokens', label: 'account.section.tokens', icon: KeyRound }
];
