/**
 * Touch dragging. Native drag and drop from a long press exists in Safari on iOS 15+, but Chrome
 * for Android does not reliably start one, so on touch screens a small polyfill turns a long
 * press (400 ms) followed by a move into the same HTML5 drag events the mouse produces, and
 * pragmatic-drag-and-drop handles both alike. A finger that moves before the press completes
 * scrolls the page as usual.
 */
import { enableDragDropTouch } from '@dragdroptouch/drag-drop-touch';

/** Polyfills touch dragging inside `root` on touch-capable devices; a no-op elsewhere. */
export function enableTouchDrag(root: HTMLElement): void {
  if (navigator.maxTouchPoints === 0 && !('ontouchstart' in window)) return;
  enableDragDropTouch(root, root, {
    isPressHoldMode: true,
    pressHoldDelayMS: 400,
    forceListen: false,
    allowDragScroll: true
  });
}
