/**
 * A focused card's keys. Its own: Enter opens it, F2 or E renames it. The board's: Space lifts it,
 * arrows carry it, Space or Enter puts it down, Escape or Tab cancels (the moves themselves are
 * keyboard-mover.ts); Delete archives it. Every step is announced in the live region. Lives
 * beside the view because it only reads and commands the view.
 */
import type { CardView } from '$lib/board';
import { t } from '$lib/i18n/i18n.svelte';
import { spotAt } from './board-dnd.svelte';
import type { BoardView } from './board-view.svelte';
import { liftFrom, step, type MoveKey } from './keyboard-mover';

function describe(view: BoardView, cardId: string, stageIndex: number, index: number) {
  const stage = view.session.stages[stageIndex];
  const total = stage ? view.session.column(stage.id).filter((c) => c.id !== cardId).length + 1 : 0;
  return { stage: stage?.name ?? '', position: index + 1, total };
}

/** Keys that rename a focused card in place (Enter opens it, as a click does). */
const RENAME_KEYS: ReadonlySet<string> = new Set(['F2', 'e']);

/**
 * Handles a key on a focused card face: Enter opens it and F2 or E renames it (`rename`) unless a
 * card is lifted; the rest are the board's (cardBoardKey).
 */
export function cardFaceKey(
  view: BoardView,
  event: KeyboardEvent,
  card: CardView,
  stageId: string,
  rename: () => void
): void {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (!view.dnd.keyboard && plain && event.key === 'Enter') {
    event.preventDefault();
    view.open(card.id);
    return;
  }
  if (!view.dnd.keyboard && plain && RENAME_KEYS.has(event.key) && view.mayEdit) {
    event.preventDefault();
    rename();
    return;
  }
  // Space, arrows and Delete are the board's (lift, move, archive); it checks the role.
  cardBoardKey(view, event, card, stageId);
}

/** Handles a board key on a focused card. */
export function cardBoardKey(view: BoardView, event: KeyboardEvent, card: CardView, stageId: string): void {
  const { dnd, session } = view;
  const stages = session.stages;
  const column = (id: string) => session.column(id);
  const lift = dnd.keyboard;
  if (!lift) {
    if (event.key === ' ' && view.mayMove) {
      event.preventDefault();
      const start = liftFrom(stages, column, card.id, stageId);
      if (!start) return;
      dnd.keyboard = start;
      dnd.dragging = card.id;
      dnd.spot = spotAt(column(stageId), card.id, stageId, start.index);
      session.setActivity('dragging', card.id);
      dnd.announcement = t('dnd.lifted', {
        title: card.title,
        ...describe(view, card.id, start.stageIndex, start.index)
      });
    } else if (event.key === 'Delete' && view.mayEdit) {
      event.preventDefault();
      view.archive(card);
    }
    return;
  }
  if (lift.cardId !== card.id) return;
  if (event.key.startsWith('Arrow')) {
    event.preventDefault();
    const next = step(lift, event.key as MoveKey, stages, column);
    const stage = stages[next.stageIndex];
    if (!stage) return;
    dnd.keyboard = next;
    dnd.spot = spotAt(column(stage.id), card.id, stage.id, next.index);
    dnd.announcement = t('dnd.moved', {
      title: card.title,
      ...describe(view, card.id, next.stageIndex, next.index)
    });
  } else if (event.key === ' ' || event.key === 'Enter') {
    event.preventDefault();
    const stage = stages[lift.stageIndex];
    const moved = stage !== undefined && view.move(card.id, stage.id, lift.index);
    dnd.announcement = moved
      ? t('dnd.dropped', { title: card.title, ...describe(view, card.id, lift.stageIndex, lift.index) })
      : t('dnd.cancelled', { title: card.title });
    endKeyboardMove(view, card.id);
  } else if (event.key === 'Escape' || event.key === 'Tab') {
    if (event.key === 'Escape') event.preventDefault();
    dnd.announcement = t('dnd.cancelled', { title: card.title });
    endKeyboardMove(view, card.id);
  }
}

function endKeyboardMove(view: BoardView, cardId: string): void {
  view.dnd.clear();
  view.session.setActivity('dragging', null);
  // The card may have moved to another column: keep focus on it so the next key still works.
  queueMicrotask(() => document.querySelector<HTMLElement>(`[data-card-id="${cardId}"]`)?.focus());
}

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl+Y redoes, unless the person is typing (the field's own undo). */
export function undoKey(view: BoardView, event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
  if (key !== 'z' && !redo) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
  event.preventDefault();
  view.step(redo ? 'redo' : 'undo');
}
