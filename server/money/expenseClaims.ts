/**
 * Expense claims (报销, 001 六.2): a board's expenses of one month, of one person if asked, as
 * JSON or as CSV for the finance office's spreadsheet. The rows come from the live document
 * (src/lib/board/expenses.ts expenseClaims), so they are what the board shows at that moment.
 */
import { fenToDecimal, isCommentId, type ClaimRow } from '#lib/board';
import { csvText } from '../transfer/csv';
import { ClaimRequestError } from './ClaimRequestError';

export interface ClaimQuery {
  month: string;
  person?: string;
  format: 'json' | 'csv';
}

/** The query of `GET /api/boards/:id/expenses`, or a ClaimRequestError naming what is wrong. */
export function parseClaimQuery(params: URLSearchParams): ClaimQuery {
  const month = params.get('month') ?? '';
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12)
    throw new ClaimRequestError(400, 'invalid-month', 'month must be YYYY-MM, e.g. 2026-11.');
  const person = params.get('person');
  if (person !== null && !isCommentId(person))
    throw new ClaimRequestError(400, 'invalid-person', 'person must be a user id.');
  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new ClaimRequestError(400, 'invalid-format', 'format must be json or csv.');
  return person === null ? { month, format } : { month, person, format };
}

/** One claim row as the JSON answer gives it: amounts in fen and as a decimal string. */
export function claimJson(row: ClaimRow, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    cardId: row.cardId,
    cardTitle: row.cardTitle,
    line: row.line,
    lineName: row.lineName,
    date: row.date,
    person: row.by,
    personName: names.get(row.by) ?? '',
    amountFen: row.amount,
    amount: fenToDecimal(row.amount),
    note: row.note,
    receipt: row.receipt ?? null,
    status: row.status,
    counted: row.status === 'within' || row.status === 'approved'
  };
}

const HEADER = [
  '日期 Date',
  '报销人 Person',
  '卡片 Card',
  '科目 Line',
  '金额 Amount',
  '币种 Currency',
  '状态 Status',
  '说明 Note',
  '票据 Receipt'
];

/** The rows as CSV for the finance office's spreadsheet (server/transfer/csv.ts: BOM, quoting, formulas defused). */
export function claimsCsv(
  rows: readonly ClaimRow[],
  names: ReadonlyMap<string, string>,
  currency: string
): string {
  const lines = [
    HEADER,
    ...rows.map((r) => [
      r.date,
      names.get(r.by) ?? r.by,
      r.cardTitle,
      r.lineName,
      { raw: fenToDecimal(r.amount) },
      currency,
      r.status,
      r.note,
      r.receipt ?? ''
    ])
  ];
  return csvText(lines);
}
