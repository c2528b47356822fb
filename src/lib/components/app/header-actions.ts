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
  /**
   * Neighbours with the same group share one labelled dropdown in the desktop row (导出: Excel,
   * JSON, CSV), as Trello's "Print, export and share"; the phone's menu lists them as they are.
   */
  group?: HeaderGroup;
  onselect: () => void;
}

/** What a group's dropdown trigger shows. */
export interface HeaderGroup {
  id: string;
  label: string;
  icon: Component<LucideProps>;
}

/** A place in the desktop row: one action, or a group's actions behind one trigger. */
export type HeaderSlot =
  { kind: 'action'; action: HeaderAction } | { kind: 'group'; group: HeaderGroup; actions: HeaderAction[] };

/** The desktop row's places: grouped neighbours folded into one. */
export function headerSlots(actions: readonly HeaderAction[]): HeaderSlot[] {
  const slots: HeaderSlot[] = [];
  for (const action of actions) {
    const last = slots.at(-1);
    if (!action.group) slots.push({ kind: 'action', action });
    else if (last?.kind === 'group' && last.group.id === action.group.id) last.actions.push(action);
    else slots.push({ kind: 'group', group: action.group, actions: [action] });
  }
  return slots;
}
