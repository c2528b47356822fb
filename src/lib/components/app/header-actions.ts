import type { Component } from 'svelte';
import type { LucideProps } from '@lucide/svelte';

/**
 * One control of the board header: a labelled button in the desktop row, an item of the menu on a
 * phone. One list feeds both, so a phone never misses an action the desktop has.
 */
export interface HeaderAction {
  id: string;
  label: string;
  icon: Component<LucideProps>;
  /** A toggle's state (activity feed, filter bar); undefined for a plain command. */
  pressed?: boolean;
  /**
   * An icon alone in the desktop row (its label is its accessible name and tooltip), labelled in
   * the menu: a way out of the board, so the row keeps the title readable at 1241 px.
   */
  iconOnly?: boolean;
  /** Shown in the menu only: on a desktop the control renders itself (save as template). */
  menuOnly?: boolean;
  onselect: () => void;
}
