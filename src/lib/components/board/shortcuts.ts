/**
 * The board's single-key shortcuts, as Trello and Linear users expect them. Pure: which command a
 * key press stands for, where focus goes next and what the help dialog lists, so all of it is
 * unit-testable; board-keys.ts does the DOM side.
 */
import type { BoardAction } from '$lib/auth/permissions';
import type { MessageKey } from '$lib/i18n/locale';

export type FocusDirection = 'up' | 'down' | 'left' | 'right';

export type ShortcutCommand =
  | { kind: 'help' }
  | { kind: 'new-card' }
  | { kind: 'search' }
  | { kind: 'filter' }
  | { kind: 'move' }
  | { kind: 'assign-me' }
  | { kind: 'focus'; direction: FocusDirection };

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  /** The key goes into a text field, a select or an editable element: it is text, not a command. */
  typing: boolean;
  /** A card on the board has focus (move, assign and the arrows act on it). */
  onCard: boolean;
  may: (action: BoardAction) => boolean;
}

const ARROWS: Record<string, FocusDirection> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right'
};

/** The command `press` stands for here, or null when the key is not a shortcut now. */
export function shortcutFor(press: KeyPress, context: KeyContext): ShortcutCommand | null {
  if (context.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  // '?' is Shift+/ on most layouts; any other shifted key is someone's selection or typing.
  if (press.key === '?') return { kind: 'help' };
  if (press.shiftKey) return null;
  switch (press.key) {
    case 'n':
      return context.may('create-card') ? { kind: 'new-card' } : null;
    case '/':
      return { kind: 'search' };
    case 'f':
      return { kind: 'filter' };
    case 'm':
      return context.onCard && context.may('move-card') ? { kind: 'move' } : null;
    case 'a':
      return context.onCard && context.may('edit-card') ? { kind: 'assign-me' } : null;
  }
  const direction = ARROWS[press.key];
  return direction && context.onCard ? { kind: 'focus', direction } : null;
}

/** A card's place for keyboard focus: its id and the middle of its box, top to bottom. */
export interface CardSpot {
  id: string;
  middle: number;
}

/**
 * The card focus moves to from `currentId` (null at the board's edge): up and down within its
 * column, left and right to the card nearest in height in the next column that has cards.
 */
export function neighbourCard(
  columns: readonly (readonly CardSpot[])[],
  currentId: string,
  direction: FocusDirection
): string | null {
  const col = columns.findIndex((cards) => cards.some((c) => c.id === currentId));
  if (col < 0) return null;
  const cards = columns[col]!;
  const index = cards.findIndex((c) => c.id === currentId);
  if (direction === 'up') return cards[index - 1]?.id ?? null;
  if (direction === 'down') return cards[index + 1]?.id ?? null;
  const middle = cards[index]!.middle;
  const stepBy = direction === 'left' ? -1 : 1;
  for (let i = col + stepBy; i >= 0 && i < columns.length; i += stepBy) {
    const next = columns[i]!;
    if (next.length === 0) continue;
    return next.reduce((best, c) => (Math.abs(c.middle - middle) < Math.abs(best.middle - middle) ? c : best))
      .id;
  }
  return null;
}

/** One line of the help dialog: alternative key groups (each key a key cap) and what they do. */
export interface ShortcutHelpLine {
  keys: readonly (readonly string[])[];
  label: MessageKey;
}

/** The help dialog's groups, in the order a newcomer needs them. Key names are not translated. */
export const SHORTCUT_HELP: readonly { title: MessageKey; lines: readonly ShortcutHelpLine[] }[] = [
  {
    title: 'keys.group.board',
    lines: [
      { keys: [['N']], label: 'keys.newCard' },
      { keys: [['/']], label: 'keys.search' },
      { keys: [['F']], label: 'keys.filter' },
      { keys: [['↑', '↓', '←', '→']], label: 'keys.arrows' },
      { keys: [['Ctrl/⌘', 'Z']], label: 'keys.undo' },
      {
        keys: [
          ['Ctrl/⌘', 'Shift', 'Z'],
          ['Ctrl', 'Y']
        ],
        label: 'keys.redo'
      },
      { keys: [['?']], label: 'keys.help' },
      { keys: [['Esc']], label: 'keys.close' }
    ]
  },
  {
    title: 'keys.group.card',
    lines: [
      { keys: [['Enter']], label: 'keys.open' },
      { keys: [['E'], ['F2']], label: 'keys.rename' },
      { keys: [['M']], label: 'keys.move' },
      { keys: [['A']], label: 'keys.assignMe' },
      { keys: [['Space']], label: 'keys.lift' },
      { keys: [['Delete']], label: 'keys.archive' }
    ]
  }
];
