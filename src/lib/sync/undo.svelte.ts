/**
 * Undo and redo of this person's own changes to a board, one per board session. Yjs's
 * UndoManager tracks only transactions with the local origin, so another person's edit is never
 * undone, and it skips what others changed since (their later write wins).
 *
 * An undo is one more local transaction, which the server judges like any other: one that would
 * move a card past a closed gate, or bring back a card the server knows was deleted, would be
 * refused and the session dropped. So each step is checked here first and refused with a
 * BoardError the view can show, and the stacks stay as they were. A move is checked against the
 * stage's exit rule too (roles.ts), for the person undoing it now.
 */
import * as Y from 'yjs';
import { assertGateOpen, assertMayMoveOut, assertRequirementsMet, BoardError, type Mover } from '../board';
import { LOCAL_ORIGIN } from '../board/origin';
import { CardKey, roots } from '../board/schema';

/** A card move, kept with its undo step so undoing or redoing it can be checked against gates. */
export interface MoveStep {
  cardId: string;
  from: string;
  to: string;
}

const MOVE = 'move';
/** Origin of the read-only transaction that looks into a step; it writes nothing. */
const INSPECT = Object.freeze({ source: 'inspect' });

export class BoardUndo {
  readonly #doc: Y.Doc;
  readonly #manager: Y.UndoManager;
  readonly #mover: () => Mover | undefined;
  /** Bumped whenever a stack changes, so canUndo/canRedo are reactive. */
  #version = $state(0);

  constructor(doc: Y.Doc, mover: () => Mover | undefined = () => undefined) {
    this.#doc = doc;
    this.#mover = mover;
    const { cards, stages } = roots(doc);
    this.#manager = new Y.UndoManager([cards, stages], {
      // Yjs reads this set; nothing renders from it, so it needs no reactivity.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      trackedOrigins: new Set([LOCAL_ORIGIN])
    });
    const bump = () => this.#version++;
    this.#manager.on('stack-item-added', bump);
    this.#manager.on('stack-item-popped', bump);
    this.#manager.on('stack-cleared', bump);
  }

  get canUndo(): boolean {
    void this.#version;
    return this.#manager.canUndo();
  }

  get canRedo(): boolean {
    void this.#version;
    return this.#manager.canRedo();
  }

  /**
   * Runs one local command as an undo step of its own (not merged with typing or a command just
   * before it); a move says where the card went, so undoing and redoing it can be checked.
   */
  record(command: () => void, move?: MoveStep): void {
    this.#manager.stopCapturing();
    const before = this.#manager.undoStack.length;
    command();
    const item = this.#manager.undoStack.at(-1);
    if (move && item && this.#manager.undoStack.length > before) item.meta.set(MOVE, move);
    // Typing just after a command must not merge into it: undoing it would take the text too.
    this.#manager.stopCapturing();
  }

  /** Undoes the last own step; throws BoardError (and changes nothing) when it would be refused. */
  undo(): boolean {
    return this.#step(this.#manager.undoStack, this.#manager.redoStack, 'back', () => this.#manager.undo());
  }

  /** Redoes the last undone step; throws BoardError (and changes nothing) when it would be refused. */
  redo(): boolean {
    return this.#step(this.#manager.redoStack, this.#manager.undoStack, 'forth', () => this.#manager.redo());
  }

  destroy(): void {
    this.#manager.destroy();
  }

  #step(
    from: Y.UndoManager['undoStack'],
    to: Y.UndoManager['undoStack'],
    way: 'back' | 'forth',
    run: () => unknown
  ): boolean {
    const item = from.at(-1);
    if (!item) return false;
    const move = item.meta.get(MOVE) as MoveStep | undefined;
    if (move) this.#checkMove(move, way);
    this.#checkNoCardReturns(item);
    run();
    // The step the stack gets back is a new item: it keeps the move so the way back is checked too.
    const made = to.at(-1);
    if (move && made && made !== item) made.meta.set(MOVE, move);
    return true;
  }

  /** A move undone goes from `to` back to `from`, redone the other way: each must pass the gates. */
  #checkMove(move: MoveStep, way: 'back' | 'forth'): void {
    const [stands, goes] = way === 'back' ? [move.to, move.from] : [move.from, move.to];
    const card = roots(this.#doc).cards.get(move.cardId);
    // Someone else moved it since: their move stands and the undo leaves the card alone.
    if (!card || card.get(CardKey.stageId) !== stands) return;
    assertMayMoveOut(this.#doc, stands, goes, this.#mover());
    assertGateOpen(this.#doc, move.cardId, goes);
    assertRequirementsMet(this.#doc, move.cardId, goes);
  }

  /**
   * A step that would write a card map back (redoing an add that was undone) is refused: the
   * server never lets a card id be used twice, since approvals and history name cards by id.
   */
  #checkNoCardReturns(item: Y.UndoManager['undoStack'][number]): void {
    const { cards } = roots(this.#doc);
    let returns = false;
    this.#doc.transact((tr) => {
      Y.iterateDeletedStructs(tr, item.deletions, (struct) => {
        if (struct instanceof Y.Item && struct.parent === cards) returns = true;
      });
    }, INSPECT);
    if (returns) throw new BoardError('not-found', 'A deleted card cannot come back under its id.');
  }
}
