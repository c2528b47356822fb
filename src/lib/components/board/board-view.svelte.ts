/**
 * One board view's state and commands: the drag state, who else is on which card, gate
 * approvals, undo, and the moves and archiving the cards offer. Board makes one and hands it
 * down; Column and Card read it instead of a row of props, and no card holds a subscription of
 * its own (the 2,000-card board stays one observer per concern).
 */
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import { toast } from 'svelte-sonner';
import { approvalFor, archiveCard, gateOnReturn, moveCard, type CardView, type GateAt } from '$lib/board';
import { t } from '$lib/i18n/i18n.svelte';
import type { BoardMembers } from '$lib/sync/board-members.svelte';
import type { BoardSession } from '$lib/sync/board-session.svelte';
import type { Peer } from '$lib/sync/presence';
import { BoardUndo } from '$lib/sync/undo.svelte';
import { watchApprovals } from './approvals-watch';
import { BoardDnd, spotIndex, type DropSpot } from './board-dnd.svelte';
import { isCardData } from './dnd-attach';
import { refusalMessage } from './refusal';

/** A move back that will cost the card a sign-off, waiting for the person to confirm it. */
export interface PendingMove {
  cardId: string;
  title: string;
  stageId: string;
  index: number;
  gate: GateAt;
}

export interface BoardViewOptions {
  session: BoardSession;
  members: BoardMembers;
  onopen: (cardId: string) => void;
  /** While the board is filtered, whether a card shows; null shows every card. */
  visible: () => ((card: CardView) => boolean) | null;
}

export class BoardView {
  readonly session: BoardSession;
  readonly members: BoardMembers;
  readonly open: (cardId: string) => void;
  readonly dnd = new BoardDnd();
  readonly undo: BoardUndo;
  readonly #visible: () => ((card: CardView) => boolean) | null;
  readonly #subscribeApprovals: () => void;
  /** A move back into a gate, asked about before it is made. */
  pending = $state<PendingMove | null>(null);

  constructor(options: BoardViewOptions) {
    this.session = options.session;
    this.members = options.members;
    this.open = options.onopen;
    this.#visible = options.visible;
    this.undo = new BoardUndo(this.session.doc, () => this.session.mover);
    this.#subscribeApprovals = watchApprovals(this.session.doc);
  }

  get visible(): ((card: CardView) => boolean) | null {
    return this.#visible();
  }

  // Controls the role does not allow are not offered at all: the server refuses such an edit and
  // the page then has to drop its copy of the board. Derived once for the board, as 2,000 faces
  // read them: each reading the role and the stages' exit rules cost the open ~10% (ui-compare).
  readonly mayMove = $derived.by(() => this.session.may('move-card'));
  readonly mayEdit = $derived.by(() => this.session.may('edit-card'));
  /** The stages whose cards this person may pick up: the role allows moving and the exit rule lets them out. */
  readonly #movableStages = $derived.by(() => {
    const { session } = this;
    return this.mayMove ? session.stages.filter((s) => session.mayMoveOut(s.id)).map((s) => s.id) : [];
  });

  /** True when this person may move cards out of `stageId` (its exit rule, roles.ts). */
  mayMoveOut(stageId: string): boolean {
    return this.#movableStages.includes(stageId);
  }

  /** True when some stage has a time rule: only then do faces work out whether their card is late. */
  readonly timed = $derived.by(() => this.session.stages.some((s) => s.timeRule !== null));

  /** The words every card face repeats, looked up once per language rather than once per card. */
  readonly faceText = $derived({
    open: t('card.open'),
    archive: t('board.card.archive'),
    movable: t('board.card.instructions'),
    readOnly: t('board.card.instructionsReadOnly')
  });

  /** Peers by the card they are dragging or editing. */
  readonly peersByCard = $derived.by(() => {
    const byCard: Record<string, Peer[]> = {};
    for (const peer of this.session.peers) {
      const cards = peer.dragging === peer.editing ? [peer.dragging] : [peer.dragging, peer.editing];
      for (const id of cards) if (id) (byCard[id] ??= []).push(peer);
    }
    return byCard;
  });

  /** True when the card's gate at `stageId` is signed for its current round (live). */
  approved(cardId: string, stageId: string): boolean {
    this.#subscribeApprovals();
    return approvalFor(this.session.doc, cardId, stageId) !== null;
  }

  /**
   * Moves a card where a person put it. A move back that puts an unsigned gate between the card
   * and where it stands is asked about first (pending); true when the card moved now.
   */
  move(cardId: string, stageId: string, index: number): boolean {
    const card = this.session.card(cardId);
    if (!card) return false;
    const gate = card.stageId === stageId ? null : gateOnReturn(this.session.doc, cardId, stageId);
    if (gate) {
      this.pending = { cardId, title: card.title, stageId, index, gate };
      return false;
    }
    return this.#commit(cardId, stageId, index);
  }

  /** Answers the question about a pending move back. */
  settle(confirmed: boolean): void {
    const pending = this.pending;
    this.pending = null;
    if (confirmed && pending) this.#commit(pending.cardId, pending.stageId, pending.index);
  }

  /** Moves a card as one undo step, or leaves it where it was and says why; true when it moved. */
  #commit(cardId: string, stageId: string, index: number): boolean {
    // The role can change in the middle of a drag; the server would refuse the move then.
    if (!this.mayMove) {
      toast.error(t('refusal.role'));
      return false;
    }
    const from = this.session.card(cardId)?.stageId ?? stageId;
    try {
      this.undo.record(
        () => moveCard(this.session.doc, cardId, stageId, index, undefined, this.session.mover),
        {
          cardId,
          from,
          to: stageId
        }
      );
      return true;
    } catch (e) {
      toast.error(refusalMessage(e, this.session.stages));
      return false;
    }
  }

  /** Archives a card and offers to bring it back at once. */
  archive(card: CardView): void {
    if (!this.mayEdit) return;
    this.undo.record(() => archiveCard(this.session.doc, card.id));
    toast(t('archive.done', { title: card.title }), {
      action: { label: t('archive.undo'), onClick: () => this.restore(card) }
    });
  }

  restore(card: CardView): void {
    if (!this.mayEdit || !this.session.card(card.id)) return;
    this.undo.record(() => archiveCard(this.session.doc, card.id, false));
  }

  /** Undoes (or redoes) this person's last change; a step the server would refuse is explained. */
  step(way: 'undo' | 'redo'): void {
    if (!this.mayEdit && !this.mayMove) return;
    try {
      const done = way === 'undo' ? this.undo.undo() : this.undo.redo();
      if (!done && way === 'undo') toast(t('undo.nothing'));
    } catch (e) {
      toast.error(t('refusal.undo', { reason: refusalMessage(e, this.session.stages) }));
    }
  }

  /** Where the pointer's innermost drop target would put the dragged card. */
  #spotFromTargets(cardId: string, targets: { data: Record<string | symbol, unknown> }[]): DropSpot | null {
    const data = targets[0]?.data;
    if (!data) return null;
    if (isCardData(data)) {
      if (data.cardId === cardId) return null;
      const others = this.session.column(data.stageId).filter((c) => c.id !== cardId);
      const i = others.findIndex((c) => c.id === data.cardId);
      const after = extractClosestEdge(data) === 'bottom';
      return { stageId: data.stageId, beforeId: others[i + (after ? 1 : 0)]?.id ?? null };
    }
    if (data.type === 'column' && typeof data.stageId === 'string')
      return { stageId: data.stageId, beforeId: null };
    return null;
  }

  /** Follows mouse and touch drags of cards (pragmatic-drag-and-drop); returns the cleanup. */
  monitor(): () => void {
    const dnd = this.dnd;
    return monitorForElements({
      canMonitor: ({ source }) => isCardData(source.data),
      onDragStart: ({ source }) => {
        if (!isCardData(source.data)) return;
        dnd.dragging = source.data.cardId;
        this.session.setActivity('dragging', source.data.cardId);
      },
      onDrag: ({ source, location }) => {
        if (!isCardData(source.data)) return;
        const spot = this.#spotFromTargets(source.data.cardId, location.current.dropTargets);
        if (spot?.stageId !== dnd.spot?.stageId || spot?.beforeId !== dnd.spot?.beforeId) dnd.spot = spot;
      },
      onDrop: ({ source, location }) => {
        if (isCardData(source.data)) {
          const cardId = source.data.cardId;
          const spot = this.#spotFromTargets(cardId, location.current.dropTargets);
          if (spot)
            this.move(cardId, spot.stageId, spotIndex(this.session.column(spot.stageId), cardId, spot));
        }
        dnd.clear();
        this.session.setActivity('dragging', null);
      }
    });
  }

  destroy(): void {
    this.undo.destroy();
  }
}
