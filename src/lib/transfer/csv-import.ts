/**
 * CSV files (a spreadsheet saved as CSV, a Jira "CSV (all fields)" export) as a board: decoding
 * (UTF-8 with or without BOM, else GB18030, which Chinese Excel saves), parsing with papaparse,
 * guessing which column is which from Chinese and English headers, and planning the board. Pure
 * and isomorphic, like trello.ts: the preview and the server run the same code on the same bytes.
 */
import Papa from 'papaparse';
import { LABEL_COLORS } from '../board/label-ops';
import { LIMITS } from '../board/schema';
import {
  Fitter,
  IMPORT_LIMITS,
  countPlan,
  stagesFor,
  type ImportCandidate,
  type ImportPlan,
  type ImportSource,
  type ImportTarget,
  type PlannedCard,
  type PlannedImport
} from './import-plan';
import { ImportProblem } from './import-problem';

/** What a column becomes; `ignore` leaves it out. Jira repeats Labels columns: each counts. */
export const CSV_FIELDS = ['title', 'description', 'stage', 'assignee', 'labels', 'due', 'ignore'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export interface CsvTable {
  headers: string[];
  rows: string[][];
  encoding: 'utf-8' | 'gb18030' | 'utf-16le';
}

/**
 * The file's text. A BOM says UTF-8 or UTF-16; without one, bytes that are valid UTF-8 are
 * UTF-8, anything else is read as GB18030 (a superset of GBK and GB2312: what Excel on a Chinese
 * Windows writes when it saves "CSV"). Valid UTF-8 that was meant as GB18030 is possible only
 * for short runs of rare characters, so the order is safe in practice.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Decodes and parses a CSV file; throws an ImportProblem when it holds no rows or too many. */
export function readCsv(bytes: Uint8Array): CsvTable {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) {
    throw new ImportProblem('too-big', 'The file is too big.', { max: IMPORT_LIMITS.fileBytes });
  }
  const { text, encoding } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [head, ...rows] = parsed.data.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (!head || rows.length === 0)
    throw new ImportProblem('empty-csv', 'The CSV file has no rows under its header.');
  if (rows.length > IMPORT_LIMITS.csvRows) {
    throw new ImportProblem('too-many-cards', 'Too many rows.', {
      count: rows.length,
      max: IMPORT_LIMITS.csvRows
    });
  }
  const headers = head.slice(0, IMPORT_LIMITS.csvColumns).map((h) => h.trim());
  return { headers, rows: rows.map((r) => headers.map((_, i) => (r[i] ?? '').trim())), encoding };
}

/** Header words per field, Chinese and English (Jira's own names included), matched whole. */
const GUESSES: readonly [Exclude<CsvField, 'ignore'>, RegExp][] = [
  ['title', /^(title|summary|name|task|card|subject|标题|任务|任务名称|名称|主题|概要|事项|工作项)$/i],
  ['description', /^(description|desc|details?|notes?|描述|说明|详情|备注|内容|任务描述)$/i],
  ['stage', /^(status|stage|list|column|state|状态|阶段|列表|进度|所属阶段)$/i],
  [
    'assignee',
    /^(assignee|owner|assigned to|email|e-mail|负责人|执行人|经办人|处理人|邮箱|指派给|负责人邮箱)$/i
  ],
  ['labels', /^(labels?|tags?|标签|分类|类别)$/i],
  ['due', /^(due|due date|deadline|due on|截止日期|截止时间|到期日|到期时间|完成日期|计划完成时间)$/i]
];

/** A first guess of each column's field: one column per field, but every Labels column counts. */
export function guessColumns(headers: readonly string[]): CsvField[] {
  const taken = new Set<CsvField>();
  return headers.map((header) => {
    const found = GUESSES.find(
      ([field, re]) => re.test(header.trim()) && (field === 'labels' || !taken.has(field))
    );
    if (!found) return 'ignore';
    taken.add(found[0]);
    return found[0];
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function day(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date cell as 'YYYY-MM-DD': 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 (time after it
 * ignored), and Jira's 05/Mar/26 10:00 AM; null for anything else (never a guess between
 * day-first and month-first).
 */
export function parseDay(cell: string): string | null {
  const s = cell.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month ? day(year, month, Number(m[1])) : null;
  }
  return null;
}

/** Cells of one row that list several labels or people: split on commas and their Chinese kin. */
const split = (cell: string) =>
  cell
    .split(/[,;，；、]/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface CsvOptions {
  columns: readonly CsvField[];
  target: ImportTarget;
  /** The stage of rows with no status (and of every row when no column is the status). */
  defaultStage: string;
  /** Accounts assignee cells are matched against, by e-mail or name. */
  candidates: readonly ImportCandidate[];
}

/** The distinct statuses in first-seen order: the columns a CSV's board gets. */
export function csvSources(
  table: CsvTable,
  columns: readonly CsvField[],
  defaultStage: string
): ImportSource[] {
  const at = columns.indexOf('stage');
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const key = (at >= 0 ? row[at] : '') || defaultStage;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, cards]) => ({ key, name: key, closed: false, cards }));
}

/** Plans the board a CSV table becomes with the chosen column fields. */
export function planCsv(table: CsvTable, options: CsvOptions): PlannedImport {
  const { columns } = options;
  const title = columns.indexOf('title');
  if (title < 0) throw new ImportProblem('no-title-column', 'No column is the card title.');
  const fit = new Fitter();
  const sources = csvSources(table, columns, options.defaultStage);
  const { stages, stageOf } = stagesFor(sources, options.target, () => true, fit);
  const cols = (field: CsvField) => columns.flatMap((f, i) => (f === field ? [i] : []));
  const [description, stage, due] = [cols('description')[0], cols('stage')[0], cols('due')[0]];
  const labelCols = cols('labels');
  const assigneeCols = cols('assignee');
  const people = new Map<string, string>();
  for (const c of options.candidates) {
    people.set(c.email.toLowerCase(), c.userId);
    people.set(c.name.toLowerCase(), c.userId);
  }
  const labelNames: string[] = [];
  const labelIndex = (name: string): number[] => {
    const clean = fit.name(name, LIMITS.labelName);
    if (!clean) return [];
    let i = labelNames.indexOf(clean);
    if (i < 0) {
      if (labelNames.length >= LIMITS.labels) {
        fit.losses.overLimit++;
        return [];
      }
      i = labelNames.push(clean) - 1;
    }
    return [i];
  };
  const members = new Set<string>();
  const cards: PlannedCard[] = [];
  for (const row of table.rows) {
    const name = fit.name(row[title], LIMITS.cardTitle);
    if (!name) {
      fit.losses.rowsWithoutTitle++;
      continue;
    }
    const index = stageOf.get((stage !== undefined ? row[stage] : '') || options.defaultStage);
    if (index == null) {
      fit.losses.cardsSkipped++;
      continue;
    }
    const assignees = assigneeCols
      .flatMap((i) => split(row[i] ?? ''))
      .flatMap((p) => {
        const userId = people.get(p.toLowerCase());
        if (!userId) fit.losses.unmatchedPeople++;
        return userId ? [userId] : [];
      });
    assignees.forEach((id) => members.add(id));
    cards.push({
      title: name,
      description: description !== undefined ? fit.description(row[description] ?? '', []) : '',
      date: due !== undefined ? parseDay(row[due] ?? '') : null,
      archived: false,
      stage: index,
      labels: [...new Set(labelCols.flatMap((i) => split(row[i] ?? '')).flatMap(labelIndex))],
      assignees: fit.cap([...new Set(assignees)], LIMITS.assignees),
      checklists: [],
      comments: [],
      links: []
    });
  }
  if (cards.length > IMPORT_LIMITS.cards) {
    throw new ImportProblem('too-many-cards', 'Too many cards.', {
      count: cards.length,
      max: IMPORT_LIMITS.cards
    });
  }
  const plan: ImportPlan = {
    title: fit.name(options.target.title, LIMITS.boardTitle) ?? 'CSV',
    templateId: options.target.template?.id ?? null,
    stages,
    labels: labelNames.map((n, i) => ({ name: n, color: LABEL_COLORS[i % LABEL_COLORS.length]! })),
    cards,
    members: [...members]
  };
  return { plan, counts: countPlan(plan), losses: fit.losses };
}
