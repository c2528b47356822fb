/**
 * Binds a <textarea> to a Y.Text keystroke by keystroke, so two people typing in the same
 * description both keep their words: local input is written as the changed span only (through
 * the board operation `write`), remote changes are applied to the field with the caret moved
 * along with the text around it.
 *
 * While an input method is composing (pinyin becoming 汉字) nothing is written: the half-typed
 * syllables would reach everyone. Remote changes wait too, since replacing the field's value
 * would cancel the composition; both catch up when it ends.
 */
import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';

export interface TextBinding {
  /** The Y.Text to show (read at attach time; re-attach to switch). */
  text: Y.Text;
  /** Writes the field's whole value through a board operation (which writes only the difference). */
  write: (value: string) => void;
  /** Called when a write throws (too long, card deleted meanwhile). */
  onerror?: (error: unknown) => void;
}

/**
 * Moves a caret index through a Yjs delta (positions in the old text): text inserted before the
 * caret pushes it on, text deleted before it pulls it back. Text inserted exactly at the caret
 * stays after it, so someone else typing at the same spot does not drag the local caret along.
 */
export function shiftIndex(
  index: number,
  delta: readonly { insert?: unknown; delete?: number; retain?: number }[]
): number {
  let pos = 0;
  let out = index;
  for (const op of delta) {
    if (pos > index) break;
    if (op.retain !== undefined) {
      pos += op.retain;
    } else if (op.insert !== undefined) {
      if (pos < index) out += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      out -= Math.min(op.delete, Math.max(0, index - pos));
      pos += op.delete;
    }
  }
  return out;
}

/** A Svelte attachment: `<textarea {@attach bindText({ text, write })}>` (or an `<input>`). */
export function bindText(binding: TextBinding): Attachment<HTMLTextAreaElement | HTMLInputElement> {
  return (field) => {
    const { text, write, onerror } = binding;
    let composing = false;
    let writing = false;
    field.value = text.toString();

    const push = () => {
      if (composing || field.value === text.toString()) return;
      writing = true;
      try {
        write(field.value);
      } catch (error) {
        onerror?.(error);
        field.value = text.toString();
      } finally {
        writing = false;
      }
    };
    const onRemote = (event: Y.YTextEvent) => {
      if (writing || composing) return;
      const focused = document.activeElement === field;
      // An <input> of a type without a caret has none; ours are text fields, so 0 is never used.
      const [start, end] = [field.selectionStart ?? 0, field.selectionEnd ?? 0];
      field.value = text.toString();
      if (focused) field.setSelectionRange(shiftIndex(start, event.delta), shiftIndex(end, event.delta));
    };
    const onStart = () => (composing = true);
    const onEnd = () => {
      composing = false;
      push();
      // Remote changes that arrived meanwhile were not shown; the field catches up now.
      if (field.value !== text.toString()) field.value = text.toString();
    };

    field.addEventListener('input', push);
    field.addEventListener('compositionstart', onStart);
    field.addEventListener('compositionend', onEnd);
    text.observe(onRemote);
    return () => {
      field.removeEventListener('input', push);
      field.removeEventListener('compositionstart', onStart);
      field.removeEventListener('compositionend', onEnd);
      text.unobserve(onRemote);
    };
  };
}
