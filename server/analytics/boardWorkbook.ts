/**
 * A board's cards as an Excel workbook (issue 18), written with ExcelJS rather than by hand: a
 * Cards sheet (stage, title, people, dates, labels, card fields, money, attainment) and sheets for
 * budget lines, expenses and targets. Numbers stay numbers, so the finance office can sum them:
 * money in units of the currency (fen ÷ 100) under a currency format, dates as dates, attainment
 * as a percentage. Headers are frozen and columns sized to their content.
 */
import ExcelJS from 'exceljs';
import type * as Y from 'yjs';
import {
  attainment,
  readBoard,
  readCardMoney,
  readFieldDefs,
  readLabels,
  readTargets,
  type CardFieldKind
} from '#lib/board';
import { cardMap } from '#lib/board/schema';
import { usualName } from '#lib/analytics/report-format';
import { format, type Locale, type MessageKey } from '#lib/i18n/locale';

type Cell = string | number | Date | null;

/** One sheet's content, read from the document (plain data: the doc is not touched afterwards). */
interface SheetData {
  name: MessageKey;
  columns: { header: string; kind: 'text' | 'money' | 'date' | 'number' | 'percent' }[];
  rows: Cell[][];
}

export interface WorkbookData {
  title: string;
  currency: string;
  sheets: SheetData[];
}

const yuan = (fen: number) => fen / 100;
/** A 'YYYY-MM-DD' day as the midnight Excel shows as that day (UTC: ExcelJS writes dates in UTC). */
const dayCell = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function fieldCell(kind: CardFieldKind, value: unknown): Cell {
  if (value === undefined) return null;
  if (kind === 'money' && typeof value === 'number') return yuan(value);
  if (kind === 'date' && typeof value === 'string') return dayCell(value);
  if (kind === 'flag') return value === true ? '✓' : null;
  return typeof value === 'number' ? value : String(value);
}

/** Mean of the attainments measured on a card, or null when none is: one figure per campaign. */
function meanAttainment(values: (number | null)[]): number | null {
  const measured = values.filter((v): v is number => v !== null);
  return measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : null;
}

/** Reads what the workbook shows from the board document, in the reader's language. */
export function workbookData(doc: Y.Doc, names: ReadonlyMap<string, string>, locale: Locale): WorkbookData {
  const t = (key: MessageKey) => format(locale, key);
  const board = readBoard(doc);
  const pick = (name: string, alt?: string) => (locale === 'en' && alt ? alt : name);
  const labels = new Map(readLabels(doc).map((l) => [l.id, l.name]));
  const fields = readFieldDefs(doc);
  const who = (id: string) => names.get(id) ?? id;
  const cards: Cell[][] = [];
  const lines: Cell[][] = [];
  const expenses: Cell[][] = [];
  const targets: Cell[][] = [];
  for (const stage of board.stages) {
    const stageName = pick(stage.name, stage.altName);
    for (const card of board.columns.get(stage.id) ?? []) {
      const money = readCardMoney(doc, card.id);
      const goals = readTargets(cardMap(doc, card.id));
      const lineName = new Map(money.lines.map((l) => [l.id, l.name]));
      cards.push([
        stageName,
        card.title,
        card.assignees.map(who).join('、'),
        dayCell(card.startDate),
        dayCell(card.date),
        card.labels.flatMap((id) => labels.get(id) ?? []).join('、'),
        ...fields.map((f) => fieldCell(f.kind, card.fields[f.id])),
        money.lines.length ? yuan(money.totals.budget) : null,
        money.lines.length || money.expenses.length ? yuan(money.totals.spent) : null,
        money.totals.pending ? yuan(money.totals.pending) : null,
        meanAttainment(goals.map(attainment))
      ]);
      for (const l of money.lines) {
        const totals = money.totals.lines.get(l.id) ?? { budget: l.amount, spent: 0, pending: 0 };
        lines.push([
          card.title,
          usualName(l.name, locale),
          yuan(totals.budget),
          yuan(totals.spent),
          yuan(totals.pending)
        ]);
      }
      for (const e of money.expenses) {
        expenses.push([
          card.title,
          usualName(lineName.get(e.line) ?? e.line, locale),
          dayCell(e.date),
          who(e.by),
          yuan(e.amount),
          t(`money.status.${e.status}`),
          e.note
        ]);
      }
      for (const g of goals) {
        const inFen = g.kind === 'money';
        targets.push([
          card.title,
          usualName(g.name, locale),
          g.kind === 'money' ? board.meta.currency : g.kind === 'percent' ? '%' : g.unit,
          inFen ? yuan(g.target) : g.target,
          g.actual === undefined ? null : inFen ? yuan(g.actual) : g.actual,
          attainment(g)
        ]);
      }
    }
  }
  const text = (key: MessageKey) => ({ header: t(key), kind: 'text' as const });
  const money = (key: MessageKey) => ({ header: t(key), kind: 'money' as const });
  return {
    title: board.meta.title,
    currency: board.meta.currency,
    sheets: [
      {
        name: 'report.sheet.cards',
        columns: [
          text('report.col.stage'),
          text('report.col.title'),
          text('report.col.assignees'),
          { header: t('report.col.start'), kind: 'date' },
          { header: t('report.col.due'), kind: 'date' },
          text('report.col.labels'),
          ...fields.map((f) => ({
            header: pick(f.name, f.alt),
            kind:
              f.kind === 'money'
                ? ('money' as const)
                : f.kind === 'date'
                  ? ('date' as const)
                  : f.kind === 'number'
                    ? ('number' as const)
                    : ('text' as const)
          })),
          money('report.budget'),
          money('report.spent'),
          money('report.pending'),
          { header: t('report.attainment'), kind: 'percent' }
        ],
        rows: cards
      },
      {
        name: 'report.sheet.lines',
        columns: [
          text('report.col.card'),
          text('report.line'),
          money('report.budget'),
          money('report.spent'),
          money('report.pending')
        ],
        rows: lines
      },
      {
        name: 'report.sheet.expenses',
        columns: [
          text('report.col.card'),
          text('report.line'),
          { header: t('report.col.date'), kind: 'date' },
          text('report.col.person'),
          money('report.col.amount'),
          text('report.col.status'),
          text('report.col.note')
        ],
        rows: expenses
      },
      {
        name: 'report.sheet.targets',
        columns: [
          text('report.col.card'),
          text('report.goal'),
          text('report.col.unit'),
          { header: t('report.target'), kind: 'number' },
          { header: t('report.actual'), kind: 'number' },
          { header: t('report.attainment'), kind: 'percent' }
        ],
        rows: targets
      }
    ]
  };
}

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/** Excel's number format for an amount in `currency`: ¥1,234.50. */
export function moneyFormat(currency: string): string {
  return `"${SYMBOLS[currency] ?? `${currency} `}"#,##0.00`;
}

const FORMATS = { money: '', date: 'yyyy-mm-dd', number: '#,##0.##', percent: '0.0%', text: '@' } as const;

/** Display width of a cell's text: a Chinese character takes two columns. */
function widthOf(value: Cell): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') return String(Math.round(value * 100) / 100).length + 4;
  let w = 0;
  for (const ch of value) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

/** The workbook's bytes (.xlsx). */
export async function writeWorkbook(data: WorkbookData, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Stageboard';
  book.title = data.title;
  book.created = new Date();
  for (const sheet of data.sheets) {
    const ws = book.addWorksheet(format(locale, sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => {
      const widest = Math.max(widthOf(c.header), ...sheet.rows.map((r) => widthOf(r[i] ?? null)));
      return {
        header: c.header,
        width: Math.min(Math.max(widest + 2, 8), 50),
        style: { numFmt: c.kind === 'money' ? moneyFormat(data.currency) : FORMATS[c.kind] }
      };
    });
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { vertical: 'middle' };
    for (const row of sheet.rows) ws.addRow(row);
    if (sheet.rows.length)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
