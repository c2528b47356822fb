/**
 * A board's cards as CSV, one row per card (archived ones last, marked): for the spreadsheet
 * people paste into, where the Excel workbook is for the finance office. Written by csv.ts.
 */
import type * as Y from 'yjs';
import { fenToDecimal, readBoard, readCardMoney, readLabels, type CardView } from '#lib/board';
import { format, type Locale, type MessageKey } from '#lib/i18n/locale';
import { csvText, type CsvValue } from './csv';

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
  return { title: board.meta.title, text: csvText([COLUMNS.map((key) => t(key)), ...cards.map(row)]) };
}
