import { addCard, readCardDetail, readStages, setChecklistItemDone } from '#lib/board';
import { roots } from '#lib/board/schema';
import { BoardService } from './boards/BoardService';
import type { RoomManager } from './rooms/RoomManager';
import type { DocStore } from './store/DocStore';

/** Cards of the demo board, by stage position: a Singles' Day campaign in flight. */
const DEMO_CARDS: string[][] = [
  ['确定目标群体：25–35 岁城市白领', '设定目标：销售额同比 +30%', '制定推广预算'],
  ['筹备物料：海报、易拉宝、DM 单', '确定推广渠道：抖音、小红书、微信'],
  ['《双十一执行计划》'],
  ['小红书达人种草投放'],
  [],
  []
];

/**
 * Creates the demo board on a fresh database, so `npm start` opens onto a real board. A database
 * that already holds any board (archived ones included) is left alone.
 */
export async function seedDemoBoard(store: DocStore, rooms: RoomManager): Promise<void> {
  const existing = await store.listBoards({ includeArchived: true });
  if (existing.length > 0) return;
  const boards = new BoardService(store, rooms);
  const board = await boards.create({ title: '双十一推广活动（示例）', templateId: 'campaign-execution' });
  await rooms.change(board.id, (doc) => {
    const stages = readStages(doc);
    const origin = { source: 'server', reason: 'seed' } as const;
    const ids = DEMO_CARDS.map((titles, i) => {
      const stage = stages[i];
      return stage ? titles.map((title) => addCard(doc, { stageId: stage.id, title }, origin)) : [];
    });
    // Some work already done, so the board shows checklist progress from the start.
    const firstId = ids[0]?.[0];
    const first = firstId ? roots(doc).cards.get(firstId) : undefined;
    if (firstId && first) {
      for (const item of readCardDetail(firstId, first).checklist.slice(0, 2)) {
        setChecklistItemDone(doc, firstId, item.id, true, origin);
      }
    }
  });
}
