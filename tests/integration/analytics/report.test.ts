/**
 * The summary report's PDF and the board's workbook over real HTTP against a real server and
 * SQLite file: the PDF carries the report's Chinese text (read back with pdfjs, so the CJK font is
 * really embedded), the workbook's cells are numbers and dates where they should be (read back
 * with ExcelJS), and people who are not members get neither.
 */
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_ORIGIN,
  addCard,
  readBoard,
  recordExpense,
  setActual,
  setBudgetLine,
  setCardRetro,
  setTarget
} from '#lib/board';
import type { RunningServer } from '#server/app';
import * as pdfApi from '#src/routes/api/boards/[id]/cards/[cardId]/report.pdf/+server';
import * as xlsxApi from '#src/routes/api/boards/[id]/export.xlsx/+server';
import { startMoneyBoard, type MoneyBoard, type MoneyPerson } from '../helpers/moneyBoard';
import { tempDir } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const ROUTES = svelteRoutes([
  {
    method: 'GET',
    path: /^\/api\/boards\/([^/]+)\/cards\/([^/]+)\/report\.pdf$/,
    params: ['id', 'cardId'],
    run: pdfApi.GET
  },
  { method: 'GET', path: /^\/api\/boards\/([^/]+)\/export\.xlsx$/, params: ['id'], run: xlsxApi.GET }
]);

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let out = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  return out;
}

describe('the summary report PDF and the board workbook', () => {
  const tmp = tempDir();
  let server: RunningServer;
  let boardId: string;
  let people: MoneyBoard['people'];

  beforeAll(async () => {
    ({ server, boardId, people } = await startMoneyBoard(tmp.dir, ROUTES, 'report'));
    const { rooms } = server.services;
    const li = { userId: people['李执行']!.user.id, role: 'editor' as const };
    await rooms.change(boardId, (doc) => {
      const stageId = readBoard(doc).stages[0]!.id;
      addCard(doc, { stageId, title: '门店开业活动', id: 'c1' }, SERVER_ORIGIN);
      const line = setBudgetLine(doc, 'c1', null, { name: '物料成本', amount: 500_000 }, SERVER_ORIGIN);
      recordExpense(
        doc,
        'c1',
        { line, amount: 435_000, date: '2026-11-04', note: '=1+1' },
        li,
        1,
        SERVER_ORIGIN
      );
      const visitors = setTarget(
        doc,
        'c1',
        null,
        { name: '到店人数', kind: 'count', unit: '人', target: 800 },
        SERVER_ORIGIN
      );
      setActual(doc, 'c1', visitors, 1000, SERVER_ORIGIN);
      setCardRetro(doc, 'c1', '物料到货晚了两天，下次提前一周下单。', SERVER_ORIGIN);
    });
  });

  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  const get = (as: MoneyPerson, path: string, lang = 'zh-CN') =>
    fetch(`${server.url}${path}`, { headers: { cookie: people[as]!.cookie, 'accept-language': lang } });

  it('gives a member a PDF whose text holds the title, a target’s attainment and a line’s spending', async () => {
    const res = await get('李执行', `/api/boards/${boardId}/cards/c1/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const bytes = await res.arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    // Subset: a whole CJK font is ~10 MB; the glyphs of one report are a few dozen kilobytes.
    expect(bytes.byteLength).toBeLessThan(400_000);
    const text = await pdfText(bytes);
    expect(text).toContain('活动总结报告');
    expect(text).toContain('门店开业活动');
    expect(text).toContain('到店人数');
    expect(text).toContain('125%');
    expect(text).toContain('¥4,350.00');
    expect(text).toContain('物料到货晚了两天');
  });

  it('draws the PDF in English for an English reader', async () => {
    const text = await pdfText(
      await (await get('李执行', `/api/boards/${boardId}/cards/c1/report.pdf`, 'en')).arrayBuffer()
    );
    expect(text).toContain('Campaign summary report');
    expect(text).toContain('CN¥4,350.00');
  });

  it('answers 404 for a card the board does not have', async () => {
    expect((await get('王经理', `/api/boards/${boardId}/cards/nope/report.pdf`)).status).toBe(404);
  });

  it('gives a member the board as a workbook of numbers, dates and frozen headers', async () => {
    const res = await get('李执行', `/api/boards/${boardId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['卡片', '预算科目', '费用', '目标']);
    const cards = book.getWorksheet('卡片')!;
    expect(cards.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (cards.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = cards.getRow(2);
    expect(row.getCell(col('标题')).value).toBe('门店开业活动');
    expect(row.getCell(col('预算')).value).toBe(5000);
    expect(row.getCell(col('已支出')).value).toBe(4350);
    expect(row.getCell(col('预算')).numFmt).toBe('"¥"#,##0.00');
    expect(row.getCell(col('达成率')).value).toBe(1.25);
    expect(row.getCell(col('达成率')).numFmt).toBe('0.0%');

    const expenses = book.getWorksheet('费用')!.getRow(2);
    expect(expenses.getCell(3).value).toEqual(new Date('2026-11-04T00:00:00Z'));
    expect(expenses.getCell(4).value).toBe('李执行');
    expect(expenses.getCell(5).value).toBe(4350);
    // A note that looks like a formula stays text.
    expect(expenses.getCell(7).value).toBe('=1+1');
    const targets = book.getWorksheet('目标')!.getRow(2);
    expect([targets.getCell(2).value, targets.getCell(4).value, targets.getCell(5).value]).toEqual([
      '到店人数',
      800,
      1000
    ]);
  });

  it('refuses both files to someone who is not a member, and to no one signed in', async () => {
    for (const path of [`/api/boards/${boardId}/export.xlsx`, `/api/boards/${boardId}/cards/c1/report.pdf`]) {
      expect([403, 404]).toContain((await get('路人', path)).status);
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    }
  });
});
