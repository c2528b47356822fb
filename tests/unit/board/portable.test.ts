/**
 * The portable document codec (src/lib/board/portable.ts) by itself: whatever Y types and values
 * a document holds, including keys no code knows yet, come back as the same types holding the
 * same values; and a tree that is not a portable document is refused before it can be used.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PortableError, SERVER_ORIGIN, exportDocument, importDocument } from '#lib/board';

function roundTrip(doc: Y.Doc): Y.Doc {
  // Through JSON text, as the file travels.
  const copy = new Y.Doc();
  importDocument(copy, JSON.parse(JSON.stringify(exportDocument(doc))), SERVER_ORIGIN);
  return copy;
}

describe('portable board documents', () => {
  it('carries a card field nobody has named yet, with its Y type', () => {
    const doc = new Y.Doc();
    const card = new Y.Map<unknown>();
    doc.getMap('cards').set('c1', card);
    const later = new Y.Map<unknown>();
    card.set('fieldFromTheFuture', later);
    later.set('x', new Y.Text('你好'));
    later.set('log', Y.Array.from([1, { a: [2, null] }]));
    const copy = roundTrip(doc);
    const field = (copy.getMap('cards').get('c1') as Y.Map<unknown>).get(
      'fieldFromTheFuture'
    ) as Y.Map<unknown>;
    expect(field).toBeInstanceOf(Y.Map);
    expect(field.get('x')).toBeInstanceOf(Y.Text);
    expect(field.get('log')).toBeInstanceOf(Y.Array);
    expect(copy.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
  });

  it('keeps formatted text, bytes and plain objects that look like tags apart', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap('meta');
    const text = new Y.Text();
    meta.set('rich', text);
    text.insert(0, 'bold', { bold: true });
    text.insert(4, ' plain');
    meta.set('bytes', new Uint8Array([0, 255, 7]));
    meta.set('sneaky', { $y: 'map', entries: {} });
    const copy = roundTrip(doc).getMap('meta');
    expect((copy.get('rich') as Y.Text).toDelta()).toEqual(text.toDelta());
    expect(copy.get('bytes')).toEqual(new Uint8Array([0, 255, 7]));
    expect(copy.get('sneaky')).toEqual({ $y: 'map', entries: {} });
  });

  it('reads roots a loaded document has not typed yet', () => {
    const doc = new Y.Doc();
    doc.getArray('list').push(['a']);
    doc.getText('note').insert(0, 'hi');
    doc.getMap('meta').set('title', 't');
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
    const copy = roundTrip(loaded);
    expect(copy.getArray('list').toJSON()).toEqual(['a']);
    expect(copy.getText('note').toString()).toBe('hi');
    expect(copy.getMap('meta').toJSON()).toEqual({ title: 't' });
  });

  it('refuses what is not a portable document, naming where', () => {
    const refuse = (tree: unknown) => () => importDocument(new Y.Doc(), tree, SERVER_ORIGIN);
    expect(refuse([])).toThrow(PortableError);
    expect(refuse({ meta: 1 })).toThrow(/meta/);
    expect(refuse({ meta: { $y: 'map' } })).toThrow(/without entries/);
    expect(refuse({ meta: { $y: 'map', entries: { a: { $y: 'xml' } } } })).toThrow(/meta\.a/);
    expect(refuse({ meta: { $y: 'map', entries: { n: Number.NaN } } })).toThrow(PortableError);
    expect(refuse({ meta: { $y: 'map', entries: { b: { $y: 'bytes', base64: '**' } } } })).toThrow(/base64/);
    expect(refuse({ meta: { $y: 'map', entries: { s: 'x'.repeat(200_001) } } })).toThrow(/characters/);
  });
});
