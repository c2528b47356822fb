/**
 * When a BoardProjection tells its listeners: once per transaction that changes what it shows, not
 * for one that changes nothing shown, and never once destroyed or unsubscribed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addComment, renameBoard, renameStage, setCardDescription, setCardTitle } from '#lib/board';
import { replica, sync } from '../../helpers/yjs';
import { board, useProjections } from './projectionFixture';

const project = useProjections();

describe('BoardProjection notifications', () => {
  it('notifies once per transaction that changes what it shows, however many changes it holds', () => {
    const { doc, ids } = board();
    const [a, b] = ids as [string, string];
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);

    addCard(doc, { stageId: a, title: 'one' });
    expect(calls).toBe(1);

    doc.transact(() => {
      addCard(doc, { stageId: a, title: 'two' });
      addCard(doc, { stageId: b, title: 'three' });
      renameBoard(doc, 'Renamed');
      renameStage(doc, b, 'Bee');
    });
    expect(calls).toBe(2);

    const remote = replica(doc);
    addCard(remote, { stageId: b, title: 'remote one' });
    addCard(remote, { stageId: b, title: 'remote two' });
    sync(remote, doc);
    expect(calls).toBe(3);
    expect(projection.column(b).map((card) => card.title)).toEqual(['three', 'remote one', 'remote two']);
  });

  it('does not notify for a transaction that changes nothing it shows', () => {
    const { doc, ids } = board();
    const card = addCard(doc, { stageId: ids[0]!, title: 'one' });
    // Only a description's first character shows on the face (its marker); later ones do not.
    setCardDescription(doc, card, 'Brief');
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);
    const quiet = () => {
      doc.transact(() => {});
      doc.getMap('approvals').set(card, { by: 'someone' });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(doc));
      doc.getMap('meta').set('createdAt', 1);
      (doc.getMap<Y.Map<unknown>>('cards').get(card)!.get('description') as Y.Text).insert(0, 'notes');
    };

    quiet();
    expect(calls).toBe(0);

    // Also right after a change nobody has read yet: the pending change must not be announced twice.
    setCardTitle(doc, card, 'two');
    expect(calls).toBe(1);
    quiet();
    expect(calls).toBe(1);
    expect(projection.card(card)?.title).toBe('two');
  });

  it('stops notifying and stops following the document once destroyed', () => {
    const { doc, ids } = board();
    const projection = project(doc);
    let calls = 0;
    projection.onChange(() => calls++);
    addCard(doc, { stageId: ids[0]!, title: 'seen' });
    expect(calls).toBe(1);

    projection.destroy();
    addCard(doc, { stageId: ids[0]!, title: 'unseen' });
    renameBoard(doc, 'Unseen');
    expect(calls).toBe(1);
    expect(projection.column(ids[0]!).map((c) => c.title)).toEqual(['seen']);
  });

  it('stops calling a listener that unsubscribed while others keep hearing', () => {
    const { doc, ids } = board();
    const projection = project(doc);
    let first = 0;
    let second = 0;
    const off = projection.onChange(() => first++);
    projection.onChange(() => second++);
    addCard(doc, { stageId: ids[0]!, title: 'one' });
    off();
    addCard(doc, { stageId: ids[0]!, title: 'two' });
    expect([first, second]).toEqual([1, 2]);
  });
});

describe('search text', () => {
  it('is read once and kept until its card changes, and only then are searchers told', () => {
    const { doc, ids } = board();
    const id = addCard(doc, { stageId: ids[0]!, title: 'Poster' });
    const other = addCard(doc, { stageId: ids[0]!, title: 'Banner' });
    const projection = project(doc);
    let told = 0;
    projection.onSearchTextChange(() => told++);
    const first = projection.searchText(id);
    expect(projection.searchText(id)).toBe(first);
    setCardTitle(doc, other, 'Banner 2');
    expect(told).toBe(0);
    addComment(doc, id, { author: 'mia', text: '用潘通色卡' });
    expect(told).toBe(1);
    expect(projection.searchText(id)?.comment).toBe('用潘通色卡');
    // A description keystroke changes nothing on the face, but what a search finds.
    setCardDescription(doc, id, 'Ａ2 size');
    expect(told).toBe(2);
    expect(projection.searchText(id)?.description).toBe('a2 size');
  });
});
