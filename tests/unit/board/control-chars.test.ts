/**
 * Names and titles never keep characters that mislead their reader (issue 14): the board
 * operations drop them when writing, so an honest client never sends what the server refuses.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addChecklist,
  addChecklistItem,
  addLabel,
  initBoard,
  readBoard,
  readCardDetail,
  readLabels,
  readStages,
  renameStage,
  typeCardTitle
} from '#lib/board';
import { roots } from '#lib/board/schema';
import { hasControlChars, stripControlChars } from '#lib/text/controlChars';

const FORGED = 'in\u0000voice\u202Egpj.exe\u2066\u200F\u0085';

describe('control characters in board text', () => {
  it('knows NUL, C0 and C1 controls and the bidirectional controls, and leaves tab, newline and letters', () => {
    for (const c of [
      '\u0000',
      '\u0007',
      '\u007F',
      '\u0085',
      '\u061C',
      '\u200E',
      '\u202A',
      '\u202E',
      '\u2069'
    ]) {
      expect(hasControlChars(`a${c}b`)).toBe(true);
    }
    expect(hasControlChars('Plan\t2026\nreview 审稿 مرحبا')).toBe(false);
    expect(stripControlChars(FORGED)).toBe('invoicegpj.exe');
  });

  it('are dropped by every operation that writes a name or a title', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: `Board ${FORGED}`, stages: [{ name: `Stage ${FORGED}` }] });
    const stage = readStages(doc)[0]!.id;
    renameStage(doc, stage, `Renamed ${FORGED}`);
    const card = addCard(doc, { stageId: stage, title: `Card ${FORGED}` });
    addChecklistItem(doc, card, `Item ${FORGED}`);
    addChecklist(doc, card, `List ${FORGED}`);
    addLabel(doc, { name: `L ${FORGED}`.slice(0, 30), color: 'red' });
    const other = addCard(doc, { stageId: stage, title: 'x' });
    typeCardTitle(doc, other, `Typed ${FORGED}`);
    const board = readBoard(doc);
    const detail = readCardDetail(card, roots(doc).cards.get(card)!);
    const texts = [
      board.meta.title,
      board.stages[0]!.name,
      ...(board.columns.get(stage) ?? []).map((c) => c.title),
      ...detail.checklist.map((i) => i.text),
      ...detail.checklists.map((l) => l.title),
      ...readLabels(doc).map((l) => l.name)
    ];
    expect(texts).toHaveLength(7);
    for (const text of texts) expect(hasControlChars(text)).toBe(false);
  });
});
