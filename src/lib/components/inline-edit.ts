/**
 * Keys of a one-line editor that edits in place: Enter keeps the text (not while an IME is
 * composing, where Enter picks a candidate), Escape drops it. Both stop there, so the panel or
 * board around the editor does not also close or act on them.
 */
export function inlineEditKeys(finish: (save: boolean) => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  };
}
