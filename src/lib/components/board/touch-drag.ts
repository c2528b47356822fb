/**
 * Touch dragging. Native drag and drop from a long press exists in Safari on iOS 15+, but Chrome
 * for Android does not reliably start one, so on touch screens a small polyfill turns a long
 * press (400 ms) followed by a move into the same HTML5 drag events the mouse produces, and
 * pragmatic-drag-and-drop handles both alike. A finger that moves before the press completes
 * scrolls the page as usual.
 *
 * The polyfill sends drag events only when the finger moves, where a mouse's browser keeps
 * sending them while the pointer rests. A finger held still at the screen's edge would then stop
 * the board's auto-scroll, and the drop would go to whatever was under the finger before the
 * board scrolled. So while a touch drag is on, the finger's last position is sent again every
 * few frames: the scroll goes on, and the target under the finger stays current.
 */
import { enableDragDropTouch } from '@dragdroptouch/drag-drop-touch';

/** How often a resting finger's position is repeated during a drag (a mouse's dragover rate). */
const REPEAT_MS = 50;

/** Polyfills touch dragging inside `root` on touch-capable devices; a no-op elsewhere. */
export function enableTouchDrag(root: HTMLElement): (() => void) | void {
  if (navigator.maxTouchPoints === 0 && !('ontouchstart' in window)) return;
  enableDragDropTouch(root, root, {
    isPressHoldMode: true,
    pressHoldDelayMS: 400,
    forceListen: false,
    allowDragScroll: true
  });
  let last: Touch | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const repeat = () => {
    if (!last) return;
    const touch = new Touch({
      identifier: last.identifier,
      target: last.target,
      clientX: last.clientX,
      clientY: last.clientY,
      pageX: last.pageX,
      pageY: last.pageY,
      screenX: last.screenX,
      screenY: last.screenY
    });
    const init = { touches: [touch], targetTouches: [touch], changedTouches: [touch] };
    last.target.dispatchEvent(new TouchEvent('touchmove', { ...init, bubbles: true, cancelable: true }));
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    last = null;
  };
  const onMove = (event: TouchEvent) => {
    if (event.isTrusted) last = event.touches[0] ?? null;
  };
  const onDragStart = () => {
    clearInterval(timer);
    timer = setInterval(repeat, REPEAT_MS);
  };
  root.addEventListener('touchmove', onMove, { passive: true });
  root.addEventListener('dragstart', onDragStart);
  root.addEventListener('dragend', stop);
  root.addEventListener('touchend', stop);
  root.addEventListener('touchcancel', stop);
  return () => {
    stop();
    root.removeEventListener('touchmove', onMove);
    root.removeEventListener('dragstart', onDragStart);
    root.removeEventListener('dragend', stop);
    root.removeEventListener('touchend', stop);
    root.removeEventListener('touchcancel', stop);
  };
}
