import type * as Y from 'yjs';
import type { z } from 'zod';
import type { BoardRole } from '#lib/auth/permissions';
import {
  addCard,
  addChecklistItem,
  addComment,
  archiveCard,
  assignCard,
  moveCard,
  readCard,
  readCardDetail,
  readChecklistItems,
  readComments,
  readLabels,
  readStages,
  setCardDate,
  setCardDescription,
  setCardLabel,
  setCardTitle,
  setChecklistItemDone,
  type CardView
} from '#lib/board';
import { BoardError } from '#lib/board/errors';
import type { BoardOrigin } from '#lib/board/origin';
import { cardMap, roots } from '#lib/board/schema';
import type { PublicUser } from '../auth/AuthService';
import type { MembershipService } from '../auth/MembershipService';
import type { UpdateSender } from '../rooms/ClientUpdates';
import type { RoomManager } from '../rooms/RoomManager';
import { ApiRequestError } from './ApiRequestError';
import { boardRefusal, refusal } from './refusals';
import type * as S from './schemas';

/** Who writes through the API: the account, its role on the board (the token's ceiling applied), and the token. */
export interface ApiActor {
  user: PublicUser;
  role: BoardRole;
  tokenId: string | null;
}

type CardOut = z.input<typeof S.Card>;
const DEFAULT_LIMIT = 200;

const cardOut = (c: CardView): CardOut => ({
  id: c.id,
  title: c.title,
  stageId: c.stageId,
  rank: c.rank,
  archived: c.archived,
  createdAt: c.createdAt,
  due: c.date,
  labels: c.labels,
  assignees: c.assignees,
  checklistDone: c.checklistDone,
  checklistTotal: c.checklistTotal
});

/** The card map, or 404: a card of another board is simply not on this one. */
function card(doc: Y.Doc, cardId: string): Y.Map<unknown> {
  try {
    return cardMap(doc, cardId);
  } catch (error) {
    throw boardRefusal(error);
  }
}

/**
 * The REST API's reads and writes of a board. Reads look at the live room's document. Every write
 * is a `src/lib/board` operation run as the member (RoomManager.applyAs): on a scratch copy, its
 * update then judged by the update policy as that member's socket update would be, applied,
 * stored, broadcast to the live room and logged as activity under the member. Nothing here
 * decides who may do what: the grant check (route.ts) and the policy do.
 */
export class BoardApi {
  constructor(
    private readonly rooms: RoomManager,
    private readonly members: Pick<MembershipService, 'roleOf'>
  ) {}

  /** A board's stages and labels. */
  async board(boardId: string, title: string, role: BoardRole): Promise<z.input<typeof S.Board>> {
    return this.rooms.read(boardId, (doc) => ({
      id: boardId,
      title,
      role,
      stages: readStages(doc).map((s) => ({
        id: s.id,
        name: s.name,
        rank: s.rank,
        gated: s.gate !== null,
        wipLimit: s.wipLimit
      })),
      labels: readLabels(doc).map((l) => ({ id: l.id, name: l.name, color: l.color }))
    }));
  }

  /** The board's cards that match `query`, in stage then rank order. */
  async cards(boardId: string, query: z.output<typeof S.CardsQuery>): Promise<{ cards: CardOut[] }> {
    const archived = query.archived === 'true';
    const words = query.q?.toLocaleLowerCase();
    return this.rooms.read(boardId, (doc) => {
      const order = new Map(readStages(doc).map((s, i) => [s.id, i]));
      const found: CardView[] = [];
      roots(doc).cards.forEach((map, id) => {
        const c = readCard(id, map);
        if (c.archived !== archived) return;
        if (query.stageId && c.stageId !== query.stageId) return;
        if (query.labelId && !c.labels.includes(query.labelId)) return;
        if (query.assigneeId && !c.assignees.includes(query.assigneeId)) return;
        if (words && !c.title.toLocaleLowerCase().includes(words)) return;
        found.push(c);
      });
      found.sort(
        (a, b) =>
          (order.get(a.stageId) ?? Infinity) - (order.get(b.stageId) ?? Infinity) ||
          (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id.localeCompare(b.id))
      );
      const offset = query.offset ?? 0;
      return { cards: found.slice(offset, offset + (query.limit ?? DEFAULT_LIMIT)).map(cardOut) };
    });
  }

  /** One card with its description. */
  async card(boardId: string, cardId: string): Promise<z.input<typeof S.CardDetail>> {
    return this.rooms.read(boardId, (doc) => {
      const detail = readCardDetail(cardId, card(doc, cardId));
      return { ...cardOut(detail), description: detail.description };
    });
  }

  /** Makes a card (at the end of its stage) with what `input` gives it, in one update. */
  async createCard(actor: ApiActor, boardId: string, input: z.output<typeof S.NewCard>) {
    await this.#assignable(boardId, input.assignees);
    const cardId = await this.#write(actor, boardId, (doc, origin) => {
      const id = addCard(doc, { stageId: input.stageId, title: input.title }, origin);
      this.#change(doc, id, input, origin);
      return id;
    });
    return this.card(boardId, cardId);
  }

  /** Changes what `changes` names, in one update. */
  async updateCard(
    actor: ApiActor,
    boardId: string,
    cardId: string,
    changes: z.output<typeof S.CardChanges>
  ) {
    await this.#assignable(boardId, changes.assignees);
    await this.#write(actor, boardId, (doc, origin) => {
      card(doc, cardId);
      if (changes.title !== undefined) setCardTitle(doc, cardId, changes.title, origin);
      this.#change(doc, cardId, changes, origin);
    });
    return this.card(boardId, cardId);
  }

  async archiveCard(actor: ApiActor, boardId: string, cardId: string, archived: boolean) {
    await this.#write(actor, boardId, (doc, origin) => archiveCard(doc, cardId, archived, origin));
    return this.card(boardId, cardId);
  }

  /** Moves the card as the board does (moveCard): its gate, exit rule and requirements apply. */
  async moveCard(actor: ApiActor, boardId: string, cardId: string, move: z.output<typeof S.Move>) {
    await this.#write(actor, boardId, (doc, origin) => {
      const index = move.position ?? Number.MAX_SAFE_INTEGER;
      moveCard(doc, cardId, move.stageId, index, origin, { userId: actor.user.id, role: actor.role });
    });
    return this.card(boardId, cardId);
  }

  async comments(boardId: string, cardId: string): Promise<{ comments: z.input<typeof S.Comment>[] }> {
    return this.rooms.read(boardId, (doc) => ({
      comments: readComments(card(doc, cardId)).flatMap((t) =>
        [t.comment, ...t.replies].map((c) => ({
          id: c.id,
          author: c.author,
          text: c.text,
          at: c.at,
          replyTo: c.replyTo ?? null
        }))
      )
    }));
  }

  /** Adds a comment by the actor (comments are written only by their author: the policy checks). */
  async addComment(actor: ApiActor, boardId: string, cardId: string, input: z.output<typeof S.NewComment>) {
    const id = await this.#write(actor, boardId, (doc, origin) =>
      addComment(doc, cardId, { author: actor.user.id, text: input.text, replyTo: input.replyTo }, origin)
    );
    const { comments } = await this.comments(boardId, cardId);
    return comments.find((c) => c.id === id)!;
  }

  async checklist(boardId: string, cardId: string): Promise<{ items: z.input<typeof S.ChecklistItem>[] }> {
    return this.rooms.read(boardId, (doc) => ({
      items: readChecklistItems(card(doc, cardId)).map((i) => ({
        id: i.id,
        text: i.text,
        done: i.done,
        stageId: i.stageId,
        listId: i.listId
      }))
    }));
  }

  async addChecklistItem(actor: ApiActor, boardId: string, cardId: string, text: string) {
    const id = await this.#write(actor, boardId, (doc, origin) =>
      addChecklistItem(doc, cardId, text, null, origin)
    );
    return this.#item(boardId, cardId, id);
  }

  async tick(actor: ApiActor, boardId: string, cardId: string, itemId: string, done: boolean) {
    await this.#write(actor, boardId, (doc, origin) =>
      setChecklistItemDone(doc, cardId, itemId, done, origin)
    );
    return this.#item(boardId, cardId, itemId);
  }

  async #item(boardId: string, cardId: string, itemId: string) {
    const item = (await this.checklist(boardId, cardId)).items.find((i) => i.id === itemId);
    if (!item) throw new ApiRequestError(404, 'not-found', 'No such checklist item.');
    return item;
  }

  /** The fields create and update share, written in the caller's transaction. */
  #change(
    doc: Y.Doc,
    cardId: string,
    fields: { description?: string; due?: string | null; labels?: string[]; assignees?: string[] },
    origin: BoardOrigin
  ): void {
    if (fields.description !== undefined) setCardDescription(doc, cardId, fields.description, origin);
    if (fields.due !== undefined) setCardDate(doc, cardId, fields.due, origin);
    const now = readCard(cardId, card(doc, cardId));
    if (fields.labels) {
      const want = new Set(fields.labels);
      for (const id of now.labels) if (!want.has(id)) setCardLabel(doc, cardId, id, false, origin);
      for (const id of want) if (!now.labels.includes(id)) setCardLabel(doc, cardId, id, true, origin);
    }
    if (fields.assignees) {
      const want = new Set(fields.assignees);
      for (const id of now.assignees) if (!want.has(id)) assignCard(doc, cardId, id, false, origin);
      for (const id of want) if (!now.assignees.includes(id)) assignCard(doc, cardId, id, true, origin);
    }
  }

  /** Assignees are members of the board: an id that is not one names nobody here. */
  async #assignable(boardId: string, userIds: readonly string[] | undefined): Promise<void> {
    for (const id of new Set(userIds ?? [])) {
      if ((await this.members.roleOf(boardId, id)) === null) {
        throw new ApiRequestError(422, 'invalid', `${id} is not a member of this board.`);
      }
    }
  }

  /** Runs `operation` as the actor; its value once durable and broadcast, or the refusal thrown. */
  async #write<T>(
    actor: ApiActor,
    boardId: string,
    operation: (doc: Y.Doc, origin: BoardOrigin) => T
  ): Promise<T> {
    const via = `api:${actor.tokenId ?? 'session'}`;
    const origin: BoardOrigin = { source: 'client', connectionId: via, userId: actor.user.id };
    const sender: UpdateSender = {
      peer: {
        userId: actor.user.id,
        sessionId: via,
        name: actor.user.name,
        color: actor.user.color,
        role: actor.role
      },
      origin,
      label: via
    };
    let result;
    try {
      result = await this.rooms.applyAs(boardId, sender, (doc) => operation(doc, origin));
    } catch (error) {
      if (error instanceof BoardError) throw boardRefusal(error);
      throw error;
    }
    if (!result.ok) throw refusal(result.reason, result.detail);
    return result.value;
  }
}

/** The actor of a granted board request: its account, role (the token's ceiling applied) and token. */
export function apiActor(locals: App.Locals, granted: { user: PublicUser; role: BoardRole }): ApiActor {
  return { user: granted.user, role: granted.role, tokenId: locals.token?.id ?? null };
}
