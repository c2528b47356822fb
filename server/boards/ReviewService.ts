/**
 * Approving a gated stage and sending a card back: server calls, because only the server writes
 * approvals and revision logs (the update policy refuses both from clients). Each checks the
 * caller's role with the same `MembershipService.require` as every board endpoint, then writes
 * the document through the room (connected people see it at once) and records the activity.
 */
import type * as Y from 'yjs';
import type { ActivityEntry } from '#lib/activity/types';
import {
  approveCard,
  BoardError,
  approversFor,
  gateOf,
  readStage,
  roleToApprove,
  sendBackCard,
  type Approval,
  type BoardOrigin
} from '#lib/board';
import { APPROVAL_NOTE_MAX, roundOf } from '#lib/board/approvals';
import { CardKey, roots, str } from '#lib/board/schema';
import type { ActivityService } from '../audit/ActivityService';
import type { PublicUser } from '../auth/AuthService';
import type { MembershipService } from '../auth/MembershipService';
import type { RoomManager } from '../rooms/RoomManager';
import type { BoardService } from './BoardService';
import { ReviewRequestError } from './ReviewRequestError';

/** The note a reviewer may attach; anything but a string (or nothing) is a client bug. */
function cleanNote(note: unknown): string {
  if (note === undefined || note === null) return '';
  if (typeof note !== 'string' || note.length > APPROVAL_NOTE_MAX) {
    throw new ReviewRequestError(
      400,
      'invalid-note',
      `A note is text of at most ${APPROVAL_NOTE_MAX} characters.`
    );
  }
  return note.trim();
}

/** A BoardError from a board operation, as the HTTP answer it deserves. */
function asRequestError(error: unknown): unknown {
  if (!(error instanceof BoardError)) return error;
  switch (error.code) {
    case 'not-found':
      return new ReviewRequestError(404, 'not-found', error.message);
    case 'already-approved':
      return new ReviewRequestError(409, 'already-approved', error.message);
    case 'no-gate':
    case 'no-send-back':
      return new ReviewRequestError(400, error.code, error.message);
    default:
      return error;
  }
}

export class ReviewService {
  constructor(
    private readonly rooms: RoomManager,
    private readonly boards: Pick<BoardService, 'get'>,
    private readonly members: Pick<MembershipService, 'require'>,
    private readonly activity: Pick<ActivityService, 'record'>
  ) {}

  /**
   * Approves the gate of the card's current stage for its current round. A gate with a
   * general-manager approver needs the board's owner; others a manager (approvals.ts).
   */
  async approve(actor: PublicUser, boardId: string, cardId: string, note: unknown) {
    const role = await this.members.require(actor.id, boardId, 'approve');
    await this.boards.get(boardId);
    const text = cleanNote(note);
    const origin: BoardOrigin = { source: 'server', reason: 'approve' };
    let result!: { stageId: string; round: number; stageName: string; title: string; approval: Approval };
    try {
      await this.rooms.change(
        boardId,
        (doc) => {
          const card = roots(doc).cards.get(cardId);
          const stageId = card ? str(card, CardKey.stageId) : '';
          const gate = gateOf(doc, stageId);
          // Only the approvers the card needs count (a conditional 总经理 only for 重大项目).
          const needed = gate && { approvers: approversFor(doc, cardId, gate) };
          if (card && needed && roleToApprove(needed) === 'owner' && role !== 'owner') {
            // Its own code: the reader is told who may sign, not only that they may not.
            throw new ReviewRequestError(
              403,
              'needs-owner',
              'This stage needs the board owner’s approval (总经理 level).'
            );
          }
          const approval: Approval = { by: actor.id, name: actor.name, at: Date.now(), note: text };
          const done = approveCard(doc, cardId, approval, origin);
          const stage = roots(doc).stages.get(done.stageId);
          result = {
            ...done,
            approval,
            stageName: stage ? readStage(done.stageId, stage).name : '',
            title: cardTitle(doc, cardId)
          };
        },
        origin.reason
      );
    } catch (error) {
      throw asRequestError(error);
    }
    await this.#log(boardId, actor.id, cardId, 'card.approved', {
      title: result.title,
      stageName: result.stageName,
      round: result.round,
      note: text
    });
    return { approval: result.approval, stageId: result.stageId, round: result.round };
  }

  /** Sends the card back to the stage its stage names, starting a new round (a new approval). */
  async sendBack(actor: PublicUser, boardId: string, cardId: string, note: unknown) {
    await this.members.require(actor.id, boardId, 'send-back');
    await this.boards.get(boardId);
    const text = cleanNote(note);
    let result!: { from: string; to: string; fromName: string; toName: string; round: number; title: string };
    try {
      await this.rooms.change(
        boardId,
        (doc) => {
          const card = roots(doc).cards.get(cardId);
          const from = card ? str(card, CardKey.stageId) : '';
          const to = sendBackCard(
            doc,
            cardId,
            { source: 'server', reason: 'send-back' },
            { by: actor.id, note: text }
          );
          const name = (id: string) => {
            const stage = roots(doc).stages.get(id);
            return stage ? readStage(id, stage).name : '';
          };
          const round = card ? roundOf(card) : 0;
          result = { from, to, fromName: name(from), toName: name(to), round, title: cardTitle(doc, cardId) };
        },
        'send-back'
      );
    } catch (error) {
      throw asRequestError(error);
    }
    await this.#log(boardId, actor.id, cardId, 'card.sent-back', {
      title: result.title,
      fromStage: result.from,
      fromStageName: result.fromName,
      toStage: result.to,
      toStageName: result.toName,
      round: result.round,
      note: text
    });
    return { to: result.to, round: result.round };
  }

  /** The document change is durable by now; the log follows it (see server/audit/README.md). */
  async #log(
    boardId: string,
    userId: string,
    cardId: string,
    kind: 'card.approved' | 'card.sent-back',
    data: ActivityEntry['data']
  ): Promise<void> {
    await this.activity.record(boardId, userId, [{ kind, cardId, data }]);
  }
}

function cardTitle(doc: Y.Doc, cardId: string): string {
  const title = roots(doc).cards.get(cardId)?.get(CardKey.title);
  return title === undefined || title === null ? '' : String(title);
}
