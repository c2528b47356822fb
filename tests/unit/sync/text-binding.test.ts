import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftIndex } from '#lib/sync/text-binding';

/** The delta a remote edit makes, as the binding's observer receives it. */
function deltaOf(initial: string, edit: (text: Y.Text) => void) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: Y.YTextEvent['delta'] = [];
  text.observe((event) => (delta = event.delta));
  edit(text);
  return delta;
}

describe('the local caret under remote edits', () => {
  // "Brief: red poster" with the caret after "red" (index 10).
  const initial = 'Brief: red poster';

  it('moves on by what is inserted before it', () => {
    expect(
      shiftIndex(
        10,
        deltaOf(initial, (t) => t.insert(7, 'big '))
      )
    ).toBe(14);
  });

  it('stays put for text inserted after it or exactly at it', () => {
    expect(
      shiftIndex(
        10,
        deltaOf(initial, (t) => t.insert(17, ', A2'))
      )
    ).toBe(10);
    expect(
      shiftIndex(
        10,
        deltaOf(initial, (t) => t.insert(10, 'dish'))
      )
    ).toBe(10);
  });

  it('moves back by what is deleted before it, and to the cut when its own spot is deleted', () => {
    expect(
      shiftIndex(
        10,
        deltaOf(initial, (t) => t.delete(0, 7))
      )
    ).toBe(3);
    expect(
      shiftIndex(
        10,
        deltaOf(initial, (t) => t.delete(8, 5))
      )
    ).toBe(8);
  });
});
