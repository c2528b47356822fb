import type { BoardMessageKey } from './zh-CN.board';

/** The board view's messages in English; typed against the Chinese ones, as the rest of en.ts is. */
export const enBoard: Record<BoardMessageKey, string> = {
  'refusal.not-found': 'That card or stage no longer exists; someone may have just removed it.',
  'refusal.invalid': 'That was not saved: it does not fit the rules for this field.',
  'refusal.stage-not-empty': 'This stage still has cards. Move them out before removing it.',
  'refusal.last-stage': 'A board keeps at least one stage.',
  'refusal.too-many-stages': 'This board has as many stages as it can hold.',
  'refusal.too-many-items': 'There are as many as there can be; nothing was added.',
  'refusal.no-send-back': 'This stage does not send cards back anywhere.',
  'refusal.gate-closed':
    'The card has not been approved at “{stage}” yet (by {who}), so it cannot move on; it stays where it was.',
  'refusal.gate-closed.unnamed': 'The card needs approval before it moves on; it stays where it was.',
  'refusal.no-gate': 'This stage needs no approval.',
  'refusal.already-approved': 'This card is already approved for this round.',
  'refusal.role': 'Your role on this board does not allow moving cards.',
  'refusal.undo': 'Cannot undo: {reason}',
  'undo.nothing': 'Nothing to undo',
  'archive.done': 'Archived “{title}”',
  'archive.undo': 'Undo',
  'archive.list': 'Archived ({count})',
  'archive.empty': 'No archived cards',
  'archive.heading': 'Archived cards',
  'gateWarn.title': 'It will need approval again',
  'gateWarn.body':
    'Moved back to “{to}”, “{title}” needs approval by {who} at “{stage}” again before it can move on. Move it back?',
  'gateWarn.confirm': 'Move back',
  'column.empty': 'Drag a card here, or add one',
  'column.emptyChecklist': 'In this stage: {items}'
};
