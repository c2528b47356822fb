/**
 * Turns what the server already knows into the public event vocabulary (src/lib/outbound/types.ts):
 * recorded activity entries (card created, moved, approved, sent back, commented) and the due
 * notices' overdue cards. A card entering a stage with a gate is also `card.awaiting_approval`,
 * read from the board's document as the inbox's gate notice is (server/inbox/noticesFor.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { excerptOf, type ActivityEntry } from '#lib/activity/types';
import { EVENT_VERSION, type OutboundEvent, type OutboundEventType } from '#lib/outbound/types';
import { readCardNow } from '../inbox/noticesFor';

/** Characters of a comment or a reviewer's note an event carries. */
const TEXT_MAX = 500;

export interface EventContext {
  boardId: string;
  boardTitle: string;
  /** The app's public origin (config.publicUrl). */
  origin: string;
}

/** The board page, and the board page with the card open (src/lib/components/app/card-href.ts). */
export const boardUrl = (ctx: EventContext): string =>
  `${ctx.origin}/boards/${encodeURIComponent(ctx.boardId)}`;
export const cardUrl = (ctx: EventContext, cardId: string): string =>
  `${boardUrl(ctx)}?${new URLSearchParams({ card: cardId })}`;

/** An id made from what the event is about: the same overdue card or digest week is one event. */
export const stableEventId = (...parts: string[]): string =>
  `evt_${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;

/** An event with nothing filled but its type, id, time and board. */
export function baseEvent(
  ctx: EventContext,
  type: OutboundEvent['type'],
  at: number,
  id?: string
): OutboundEvent {
  return {
    id: id ?? `evt_${randomUUID().replace(/-/g, '')}`,
    type,
    version: EVENT_VERSION,
    createdAt: new Date(at).toISOString(),
    board: { id: ctx.boardId, title: ctx.boardTitle, url: boardUrl(ctx) },
    card: null,
    stage: null,
    actor: null,
    comment: null,
    note: null,
    dueDate: null,
    digest: null
  };
}

/** Which entries need the board's document to know whether a gate now waits. */
const entersStage = (e: ActivityEntry) =>
  (e.kind === 'card.moved' || e.kind === 'card.created') && Boolean(e.cardId && e.data.toStage);

/** Reads, in one pass of the document, which of the entries left their card waiting at a gate. */
export function awaitingFlags(doc: Y.Doc, entries: readonly ActivityEntry[]): boolean[] {
  return entries.map((e) => {
    if (!entersStage(e)) return false;
    const card = readCardNow(doc, e);
    return Boolean(card?.gate && card.stageId === e.data.toStage);
  });
}

export { entersStage };

/** The events recorded entries make; `awaiting[i]`: entry i left its card waiting at a gate. */
export function eventsFromActivity(
  ctx: EventContext,
  entries: readonly ActivityEntry[],
  awaiting: readonly boolean[]
): OutboundEvent[] {
  const out: OutboundEvent[] = [];
  for (const [i, e] of entries.entries()) {
    if (!e.cardId) continue;
    const d = e.data;
    const make = (type: OutboundEventType): OutboundEvent => ({
      ...baseEvent(ctx, type, e.at),
      card: { id: e.cardId!, title: d.title ?? '', url: cardUrl(ctx, e.cardId!) },
      actor: e.userId ? { id: e.userId, name: e.userName } : null
    });
    const from = d.fromStage ? { id: d.fromStage, name: d.fromStageName ?? '' } : null;
    const to = d.toStage ? { id: d.toStage, name: d.toStageName ?? '' } : null;
    if (e.kind === 'card.created') out.push({ ...make('card.created'), stage: { from: null, to } });
    if (e.kind === 'card.moved' && d.fromStage !== d.toStage)
      out.push({ ...make('card.moved'), stage: { from, to } });
    if (awaiting[i]) out.push({ ...make('card.awaiting_approval'), stage: { from, to } });
    // One signature of a 会签 that others must still sign approves nothing yet.
    if (e.kind === 'card.approved' && d.gateOpen !== false) {
      const stage = { id: '', name: d.stageName ?? '' };
      out.push({
        ...make('card.approved'),
        stage: { from: null, to: stage },
        note: d.note ? excerptOf(d.note, TEXT_MAX) : null
      });
    }
    if (e.kind === 'card.sent-back') {
      out.push({
        ...make('card.sent_back'),
        stage: { from, to },
        note: d.note ? excerptOf(d.note, TEXT_MAX) : null
      });
    }
    if (e.kind === 'comment.added' && d.commentId) {
      out.push({
        ...make('comment.created'),
        comment: { id: d.commentId, excerpt: excerptOf(d.excerpt ?? '', TEXT_MAX) }
      });
    }
  }
  return out;
}

/** A card whose date has passed, as the due notices found it. */
export interface OverdueCard {
  cardId: string;
  title: string;
  date: string;
}

export function overdueEvent(ctx: EventContext, card: OverdueCard, at: number): OutboundEvent {
  return {
    ...baseEvent(ctx, 'card.overdue', at, stableEventId('overdue', ctx.boardId, card.cardId, card.date)),
    card: { id: card.cardId, title: card.title, url: cardUrl(ctx, card.cardId) },
    dueDate: card.date
  };
}
