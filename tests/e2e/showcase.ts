/**
 * A board that looks lived in, for the screenshot and accessibility specs: made from a built-in
 * template, with cards in several stages, labels, a due date, ticked stage checklist items,
 * assignees and a comment that mentions the administrator (so the inbox has something to show).
 * Written through the board operations over a real sync connection, as a second browser would,
 * so the specs do not depend on how each control of the board is reached today.
 */
import { expect, type APIRequestContext, type Browser } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  defineCardField,
  addLabel,
  assignCard,
  readBoard,
  readCardDetail,
  readChecklistItems,
  setCardDate,
  setCardLabel,
  setChecklistItemDone
} from '#lib/board';
import { cardMap } from '#lib/board/schema';
import type { Locale } from '#lib/i18n/locale';
import { ADMIN, createBoard, member } from './helpers';

/** The template the showcase board is made from (its stages have gates, time rules, checklists). */
export const SHOWCASE_TEMPLATE = 'campaign-execution';

const TEXT = {
  'zh-CN': {
    board: '双十一大促',
    colleague: '林晓',
    cards: [
      ['双十一主视觉海报', 'KOL 合作名单', '推广预算表'],
      ['线下快闪店选址', '短视频脚本（30 秒）'],
      ['活动方案终稿'],
      ['朋友圈广告投放']
    ],
    labels: ['设计', '预算'],
    field: '活动页面',
    comment: '@{name} 主视觉的红色再压暗一点，周五前给我看第二版。'
  },
  en: {
    board: 'Singles’ Day sale',
    colleague: 'Lin Xiao',
    cards: [
      ['Key visual poster', 'KOL partner list', 'Promotion budget'],
      ['Pop-up store location', 'Short video script (30 s)'],
      ['Final campaign plan'],
      ['Social ad placement']
    ],
    labels: ['Design', 'Budget'],
    field: 'Campaign page',
    comment: '@{name} Darken the red of the key visual a little; show me round two by Friday.'
  }
} as const;

export interface Showcase {
  boardId: string;
  title: string;
  /** The first card: labelled, dated, assigned, commented on, its checklist partly ticked. */
  cardId: string;
  cardTitle: string;
}

function syncUrl(): string {
  return `ws://localhost:${process.env.E2E_PORT ?? 4173}/sync`;
}

/** A y-websocket client signed in with `cookies`, synced; `destroy` when done. */
export async function connect(boardId: string, cookies: { name: string; value: string }[]) {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(), boardId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true
  });
  await expect.poll(() => provider.synced, { message: 'sync client connects' }).toBe(true);
  return {
    doc,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    }
  };
}

const allCards = (doc: Y.Doc) => [...readBoard(doc).columns.values()].flat();

function isoDay(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/** Makes the showcase board in `locale`'s words, owned by the administrator behind `admin`. */
export async function showcaseBoard(
  browser: Browser,
  admin: APIRequestContext,
  locale: Locale
): Promise<Showcase> {
  const text = TEXT[locale];
  const boardId = await createBoard(admin, text.board, SHOWCASE_TEMPLATE);
  const me = (await (await admin.get(`/api/boards/${boardId}`)).json()) as { user: { id: string } };
  const colleague = await member(browser, admin, boardId, 'editor', text.colleague);
  const colleagueState = await colleague.context.storageState();
  const colleagueId = (
    (await (await colleague.context.request.get(`/api/boards/${boardId}`)).json()) as { user: { id: string } }
  ).user.id;

  const owner = await connect(boardId, (await admin.storageState()).cookies);
  const doc = owner.doc;
  const stages = readBoard(doc).stages;
  const ids = text.cards.map((titles, i) =>
    titles.map((title) => addCard(doc, { stageId: stages[i]!.id, title }))
  );
  const [design, budget] = text.labels.map((name, i) =>
    addLabel(doc, { name, color: i === 0 ? 'purple' : 'green' })
  );
  // A card field for the fields dialog to show (the template's budget is its budget lines, not a field).
  defineCardField(doc, { name: text.field, kind: 'link' }, 'page');
  const first = ids[0]![0]!;
  setCardLabel(doc, first, design!);
  setCardLabel(doc, ids[0]![2]!, budget!);
  setCardLabel(doc, ids[1]![1]!, design!);
  setCardDate(doc, first, isoDay(2));
  setCardDate(doc, ids[1]![0]!, isoDay(-1));
  for (const item of readChecklistItems(cardMap(doc, first)).slice(0, 3)) {
    setChecklistItemDone(doc, first, item.id, true);
  }
  assignCard(doc, first, me.user.id);
  assignCard(doc, first, colleagueId);
  assignCard(doc, ids[1]![1]!, colleagueId);

  // The colleague's own acts: a comment naming the administrator, and an assignment of them.
  const other = await connect(boardId, colleagueState.cookies);
  await expect.poll(() => allCards(other.doc).length).toBe(ids.flat().length);
  addComment(other.doc, first, {
    author: colleagueId,
    text: text.comment.replace('{name}', ADMIN.name),
    mentions: [me.user.id]
  });
  assignCard(other.doc, ids[2]![0]!, me.user.id);
  // Both sides reached the server: a third client sees the comment and the last assignment.
  const check = await connect(boardId, (await admin.storageState()).cookies);
  await expect
    .poll(() => {
      const card = allCards(check.doc).find((c) => c.id === ids[2]![0]);
      return (
        card?.assignees.includes(me.user.id) &&
        readCardDetail(first, cardMap(check.doc, first)).comments.length === 1
      );
    })
    .toBe(true);
  for (const client of [owner, other, check]) client.destroy();
  await colleague.context.close();
  return { boardId, title: text.board, cardId: first, cardTitle: text.cards[0][0] };
}
