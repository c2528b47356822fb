/** What a click lands on when it means something else than "back to the board". */
const CONTROLS =
  'a, button, input, textarea, select, label, summary, [contenteditable], [role="button"], [data-card-id]';

/** How far a pointer may travel between press and release and still be a click, not a drag. */
const SLOP_PX = 6;

/**
 * Calls `onclick` when the person clicks an empty part of the board (`.board` inside the node):
 * not a card or a control, not the end of a drag or a text selection. What is portalled out of
 * the node (menus, popovers, toasts) and the card panel beside the board never count.
 */
export function onBoardClick(onclick: () => void) {
  return (node: HTMLElement) => {
    let down: { x: number; y: number } | null = null;
    const press = (event: PointerEvent) => (down = { x: event.clientX, y: event.clientY });
    const click = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest('.board') || target.closest(CONTROLS)) return;
      const moved = down ? Math.hypot(event.clientX - down.x, event.clientY - down.y) : 0;
      if (moved > SLOP_PX || !document.getSelection()?.isCollapsed) return;
      onclick();
    };
    node.addEventListener('pointerdown', press);
    node.addEventListener('click', click);
    return () => {
      node.removeEventListener('pointerdown', press);
      node.removeEventListener('click', click);
    };
  };
}
