/**
 * Building an imported board (from Trello, a CSV file) with the board's own operations, so an
 * imported card is made exactly as a typed one is. The server builds in steps on a scratch
 * document (one transaction per step, reporting progress between them) and hands the room the
 * finished state as one update (server/transfer/ImportService.ts): the log holds the import as
 * one change, and a failure half way leaves no board.
 */
import type * as Y from 'yjs';
import { addCards, archiveCard, setCardDate } from './card-ops';
import { assignCard, setCardDescription, setCardLabel } from './card-detail-ops';
import { addChecklist, addChecklistItem, setChecklistItemDone } from './checklist-ops';
import { addComment } from './comment-ops';
import { initBoard, type BoardInit } from './board-ops';
import { addLabel, type LabelColor } from './label-ops';
import type { BoardOrigin } from './origin';
import { readStages } from './read';
import { transact } from './transact';

/** One card as an import describes it, its stage and labels by index into the import's own. */
export interface ImportedCard {
  title: string;
  description: string;
  date: string | null;
  archived: boolean;
  stage: number;
  labels: readonly number[];
  assignees: readonly string[];
  checklists: readonly { title: string; items: readonly { text: string; done: boolean }[] }[];
  /** `author` null: written by the importer, "originally by" `name`. */
  comments: readonly { text: string; at: number; author: string | null; name: string }[];
}

/** What later steps need from the first: the ids its stages and labels got. */
export interface ImportIds {
  stages: string[];
  labels: string[];
}

/** Starts an imported board: its meta and stages (`init`, as a new board) and its labels. */
export function startImport(
  doc: Y.Doc,
  init: BoardInit,
  labels: readonly { name: string; color: LabelColor }[],
  origin?: BoardOrigin
): ImportIds {
  return transact(doc, origin, () => {
    initBoard(doc, init, origin);
    return {
      stages: readStages(doc).map((s) => s.id),
      labels: labels.map((l) => addLabel(doc, l, origin))
    };
  });
}

/**
 * Adds `cards` after those already imported, in order, with everything on them; `importer` is
 * the author of comments nobody maps to an account. One transaction; returns the new card ids.
 */
export function importCards(
  doc: Y.Doc,
  ids: ImportIds,
  cards: readonly ImportedCard[],
  importer: string,
  origin?: BoardOrigin
): string[] {
  return transact(doc, origin, () => {
    const made: string[] = [];
    // Consecutive cards of one stage go in together: addCards reads the column once per run.
    for (let start = 0; start < cards.length;) {
      let end = start + 1;
      while (end < cards.length && cards[end]!.stage === cards[start]!.stage) end++;
      const run = cards.slice(start, end);
      made.push(
        ...addCards(
          doc,
          stageId(ids, run[0]!.stage),
          run.map((c) => c.title),
          origin
        )
      );
      start = end;
    }
    cards.forEach((card, i) => fillCard(doc, made[i]!, card, ids, importer, origin));
    return made;
  });
}

function stageId(ids: ImportIds, index: number): string {
  const id = ids.stages[index];
  if (id === undefined) throw new RangeError(`No stage ${index} in this import.`);
  return id;
}

function fillCard(
  doc: Y.Doc,
  cardId: string,
  card: ImportedCard,
  ids: ImportIds,
  importer: string,
  origin?: BoardOrigin
): void {
  if (card.description) setCardDescription(doc, cardId, card.description, origin);
  if (card.date) setCardDate(doc, cardId, card.date, origin);
  for (const index of card.labels) {
    const labelId = ids.labels[index];
    if (labelId !== undefined) setCardLabel(doc, cardId, labelId, true, origin);
  }
  for (const userId of card.assignees) assignCard(doc, cardId, userId, true, origin);
  for (const list of card.checklists) {
    const listId = addChecklist(doc, cardId, list.title, origin);
    for (const item of list.items) {
      const itemId = addChecklistItem(doc, cardId, item.text, listId, origin);
      if (item.done) setChecklistItemDone(doc, cardId, itemId, true, origin);
    }
  }
  for (const c of card.comments) {
    const draft = c.author
      ? { author: c.author, text: c.text, at: c.at }
      : { author: importer, text: c.text, at: c.at, originally: c.name };
    addComment(doc, cardId, draft, origin);
  }
  if (card.archived) archiveCard(doc, cardId, true, origin);
}
