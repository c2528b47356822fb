/**
 * Approving a gated stage and sending a card back: server calls, because only the server writes
 * approvals and revision logs (the update policy refuses both from clients). Each checks the
 * caller's role with the same `MembershipService.require` as every board endpoint, then writes
 * the document through the room (connected people see it at once) and records the activity.
 */
import type * as Y from 'yjs';
import type { ActivityEntry } from '#lib/activity/types';
import {
  APPROVAL_NOTE_MAX,
  approveCard,
  approverToSign,
  BoardError,
  readStage,
  RULE_LIMITS,
  sendBackCard,
  type Approval,
  type BoardOrigin
} from '#lib/board';
import { roundOf } from '#lib/board/approvals';
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

/** Which approver the caller signs as: an index into the gate's list, or absent (the first theirs). */
function cleanApprover(approver: unknown): number | undefined {
  if (approver === undefined || approver === null) return undefined;
  if (
    typeof approver !== 'number' ||
    !Number.isInteger(approver) ||
    approver < 0 ||
    approver >= RULE_LIMITS.approvers
  ) {
    throw new ReviewRequestError(400, 'invalid-approver', 'An approver is an index into the gate’s list.');
  }
  return approver;
}

/** A BoardError from a board operation, as the HTTP answer it deserves. */
function asRequestError(error: unknown): unknown {
  if (!(error instanceof BoardError)) return error;
  switch (error.code) {
    case 'not-found':
      return new ReviewRequestError(404, 'not-found', error.message);
    case 'already-approved':
    case 'already-signed':
    case 'not-your-turn':
      return new ReviewRequestError(409, error.code, error.message);
    case 'needs-owner':
    case 'cannot-sign':
    case 'separation-of-duties':
      return new ReviewRequestError(403, error.code, error.message);
    case 'invalid-approver':
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
    private readonly activity: Pick<ActivityService, 'record' | 'creatorOf'>
  ) {}

  /**
   * Signs the gate of the card's current stage for its current round, as approver `as` (or the
   * first one the caller may sign, in turn). Who may sign, the order of a 会签 and separation of
   * duties are the board model's rules (sign-ops.ts); the creator comes from the activity log.
   */
  async approve(actor: PublicUser, boardId: string, cardId: string, note: unknown, as?: unknown) {
    // Any member who may comment: the people of an approver's process role sign whatever their
    // board role; whether this person signs this gate is the document's to say (maySign).
    const role = await this.members.require(actor.id, boardId, 'comment');
    await this.boards.get(boardId);
    const text = cleanNote(note);
    const approver = cleanApprover(as);
    const creator = await this.activity.creatorOf(boardId, cardId);
    const origin: BoardOrigin = { source: 'server', reason: 'approve' };
    let result!: {
      stageId: string;
      round: number;
      approver: number;
      open: boolean;
      stageName: string;
      title: string;
      approval: Approval;
    };
    try {
      await this.rooms.change(
        boardId,
        (doc) => {
          const index = approverToSign(doc, cardId, { userId: actor.id, role, creator }, approver);
          const approval: Approval = { by: actor.id, name: actor.name, at: Date.now(), note: text };
          const done = approveCard(doc, cardId, approval, origin, index);
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
      note: text,
      gateOpen: result.open
    });
    return {
      approval: result.approval,
      stageId: result.stageId,
      round: result.round,
      approver: result.approver,
      open: result.open
    };
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
