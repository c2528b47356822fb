/**
 * A board's cards as CSV, one row per card (archived ones last, marked): for the spreadsheet
 * people paste into, where the Excel workbook is for the finance office. UTF-8 with a byte order
 * mark, because Chinese Excel reads a file without one as GB18030 and shows 乱码; CRLF line ends
 * and RFC 4180 quoting. A cell that a spreadsheet would run as a formula (= + - @, and a tab or
 * carriage return that some strip first) is prefixed with an apostrophe, so it stays text
 * (OWASP "CSV injection"), as the workbook's cells are text.
 */
import type * as Y from 'yjs';
import { fenToDecimal, readBoard, readCardMoney, readLabels, type CardView } from '#lib/board';
import { format, type Locale, type MessageKey } from '#lib/i18n/locale';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value: text (defused), a number, or a decimal we wrote ourselves (`raw`, never defused: -0.05 is an amount). */
type CsvValue = string | number | null | { raw: string };

/** One CSV field: quoted when it must be, defused when a spreadsheet would run it. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value.raw;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS: MessageKey[] = [
  'transfer.csv.stage',
  'transfer.csv.title',
  'transfer.csv.assignees',
  'transfer.csv.labels',
  'transfer.csv.start',
  'transfer.csv.due',
  'transfer.csv.checklist',
  'transfer.csv.budget',
  'transfer.csv.spent',
  'transfer.csv.comments',
  'transfer.csv.archived',
  'transfer.csv.created'
];

/** The board's title and the CSV text (BOM included) of its cards, headers in the reader's language. */
export function boardCsv(
  doc: Y.Doc,
  names: ReadonlyMap<string, string>,
  locale: Locale
): { title: string; text: string } {
  const t = (key: MessageKey) => format(locale, key);
  const board = readBoard(doc);
  const stageName = new Map(
    board.stages.map((s) => [s.id, locale === 'en' && s.altName ? s.altName : s.name])
  );
  const labels = new Map(readLabels(doc).map((l) => [l.id, l.name]));
  const row = (card: CardView): CsvValue[] => {
    const money = readCardMoney(doc, card.id);
    const spent = money.lines.length > 0 || money.expenses.length > 0;
    return [
      stageName.get(card.stageId) ?? '',
      card.title,
      card.assignees.map((id) => names.get(id) ?? id).join('、'),
      card.labels.flatMap((id) => labels.get(id) ?? []).join('、'),
      card.startDate,
      card.date,
      card.checklistTotal ? `${card.checklistDone}/${card.checklistTotal}` : null,
      money.lines.length ? { raw: fenToDecimal(money.totals.budget) } : null,
      spent ? { raw: fenToDecimal(money.totals.spent) } : null,
      card.commentCount,
      card.archived ? t('transfer.csv.yes') : null,
      new Date(card.createdAt).toISOString().slice(0, 10)
    ];
  };
  const cards = [...board.stages.flatMap((s) => board.columns.get(s.id) ?? []), ...board.archived];
  const lines = [COLUMNS.map((key) => csvCell(t(key))), ...cards.map((c) => row(c).map(csvCell))];
  return {
    title: board.meta.title,
    text: '\uFEFF' + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n'
  };
}
