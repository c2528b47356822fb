/**
 * Writing CSV for spreadsheets, for every CSV the server sends (a board's cards, a month's expense
 * claims): UTF-8 with a byte order mark, because Chinese Excel reads a file without one as
 * GB18030 and shows 乱码; CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet would run
 * as a formula (= + - @, and a tab or carriage return that some strip first) is prefixed with an
 * apostrophe, so it stays text (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value: text (defused), a number, or a decimal we wrote ourselves (`raw`, never defused: -0.05 is an amount). */
export type CsvValue = string | number | null | { raw: string };

/** One CSV field: quoted when it must be, defused when a spreadsheet would run it. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value.raw;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: byte order mark, the rows' cells, CRLF after every row. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
