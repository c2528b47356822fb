import type { KeysMessageKey } from './zh-CN.keys';

/** The keyboard shortcuts' messages in English; typed against the Chinese ones. */
export const enKeys: Record<KeysMessageKey, string> = {
  'keys.title': 'Keyboard shortcuts',
  'keys.intro': 'Press a key anywhere on the board; keys typed into a text field stay text.',
  'keys.group.board': 'Board',
  'keys.group.card': 'Focused card',
  'keys.newCard': 'New card in this column',
  'keys.search': 'Search cards',
  'keys.filter': 'Show or hide the filter',
  'keys.arrows': 'Move focus between cards',
  'keys.help': 'Show the shortcuts',
  'keys.close': 'Close a panel or dialog',
  'keys.open': 'Open the card',
  'keys.rename': 'Rename',
  'keys.move': 'Move to another stage',
  'keys.assignMe': 'Assign to me, or unassign',
  'keys.lift': 'Pick up the card, move it with the arrows, Space to drop',
  'keys.undo': "Undo your last change (never someone else's)",
  'keys.redo': 'Redo',
  'keys.archive': 'Archive',
  'keys.or': 'or',
  'keys.move.title': 'Move “{title}” to',
  'keys.move.current': 'current stage',
  'keys.assigned': 'Assigned “{title}” to you',
  'keys.unassigned': 'Unassigned you from “{title}”'
};
