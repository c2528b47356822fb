/**
 * Files dropped onto a card's face on the board, handed to that card's panel: the board opens
 * the panel, and the panel's attachments section uploads them where progress and refusals show.
 * Only a drop event in this browser writes here, so one instance per page is enough.
 */
import type { Attachment } from 'svelte/attachments';

class DroppedFiles {
  #waiting = $state<{ cardId: string; files: File[] } | null>(null);

  put(cardId: string, files: File[]): void {
    if (files.length) this.#waiting = { cardId, files };
  }

  /** Whether files wait for `cardId` (reactive). */
  waitFor(cardId: string): boolean {
    return this.#waiting?.cardId === cardId;
  }

  /** The files waiting for `cardId`, handed over once. */
  take(cardId: string): File[] {
    const waiting = this.#waiting;
    if (waiting?.cardId !== cardId) return [];
    this.#waiting = null;
    return waiting.files;
  }
}

export const droppedFiles = new DroppedFiles();

/** Whether a drag carries files from outside the page (not a card or a checklist item). */
const carriesFiles = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');

/**
 * Makes an element take files dragged in from outside the page. While files are over it, it has
 * the attribute `data-file-over` (for its style); a drop hands them to `onfiles` and stops there,
 * so an element around it does not take them too (a draft inside the attachments section).
 * With `within` (a selector), the element takes files for its descendants that match instead:
 * the board listens once for all its cards, not once per card (2,000 listeners and effects).
 */
export function fileDropTarget(
  onfiles: (files: File[], target: HTMLElement) => void,
  enabled: () => boolean,
  within?: string
): Attachment<HTMLElement> {
  return (element) => {
    const targetOf = (e: DragEvent): HTMLElement | null =>
      within ? ((e.target as Element | null)?.closest<HTMLElement>(within) ?? null) : element;
    let marked: HTMLElement | null = null;
    const mark = (target: HTMLElement | null) => {
      if (marked === target) return;
      marked?.removeAttribute('data-file-over');
      marked = target;
      target?.setAttribute('data-file-over', '');
    };
    const over = (e: DragEvent) => {
      const target = targetOf(e);
      if (!target || !enabled() || !carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      mark(target);
    };
    // Moving onto a child leaves the parent too: only leaving the marked element itself counts.
    const leave = (e: DragEvent) => {
      if (marked && !marked.contains(e.relatedTarget as Node | null)) mark(null);
    };
    const drop = (e: DragEvent) => {
      const target = marked ?? targetOf(e);
      mark(null);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!target || !enabled() || !files.length) return;
      e.preventDefault();
      e.stopPropagation();
      onfiles(files, target);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      mark(null);
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  };
}
