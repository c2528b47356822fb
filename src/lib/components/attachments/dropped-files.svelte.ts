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
 */
export function fileDropTarget(
  onfiles: (files: File[]) => void,
  enabled: () => boolean
): Attachment<HTMLElement> {
  return (element) => {
    const mark = (on: boolean) => element.toggleAttribute('data-file-over', on);
    const over = (e: DragEvent) => {
      if (!enabled() || !carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      mark(true);
    };
    // Moving onto a child leaves the parent too: only leaving the element itself counts.
    const leave = (e: DragEvent) => {
      if (!element.contains(e.relatedTarget as Node | null)) mark(false);
    };
    const drop = (e: DragEvent) => {
      mark(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!enabled() || !files.length) return;
      e.preventDefault();
      e.stopPropagation();
      onfiles(files);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  };
}
