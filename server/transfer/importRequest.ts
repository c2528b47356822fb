/**
 * The import request as the browser sends it: gzip of one JSON object, the file (a Trello export
 * slimmed to what the reader reads, or a CSV's text) beside the choices made in the preview. The
 * body is compressed because adapter-node caps bodies at 512 KB and a real export is a few MB;
 * it is inflated here with its own ceiling, so a small body cannot unpack into a large one.
 */
import { gunzipSync } from 'node:zlib';
import { CSV_FIELDS, type CsvField } from '#lib/transfer/csv-import';
import { IMPORT_LIMITS } from '#lib/transfer/import-plan';
import { ImportRequestError } from './ImportRequestError';

export interface ImportChoices {
  title: string;
  templateId: string | null;
  stageFor: Record<string, number | null>;
}

export type ImportRequest =
  | {
      source: 'trello';
      file: unknown;
      options: ImportChoices & { closedLists: 'skip' | 'archive'; people: Record<string, string | null> };
    }
  | { source: 'csv'; file: string; options: ImportChoices & { columns: CsvField[]; defaultStage: string } };

/** Keys a mapping (lists → stages, members → accounts) may hold: a board's lists and members. */
const MAP_MAX = 1000;
const KEY_MAX = 200;

const bad = (message: string) => new ImportRequestError(400, 'bad-request', message);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mapOf<T>(value: unknown, what: string, item: (v: unknown) => v is T): Record<string, T> {
  if (value === undefined) return {};
  if (!isObj(value) || Object.keys(value).length > MAP_MAX)
    throw bad(`${what} is a map of up to ${MAP_MAX} entries.`);
  const out: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [k, v] of Object.entries(value)) {
    if (k.length > KEY_MAX || !item(v)) throw bad(`${what} holds a bad entry.`);
    out[k] = v;
  }
  return out;
}

const stageIndex = (v: unknown): v is number | null =>
  v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1000);
const accountId = (v: unknown): v is string | null =>
  v === null || (typeof v === 'string' && v.length > 0 && v.length <= 64);

/** Inflates and checks the request; throws an ImportRequestError naming what is wrong. */
export function readImportRequest(body: Uint8Array): ImportRequest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      gunzipSync(body, { maxOutputLength: IMPORT_LIMITS.fileBytes })
    );
  } catch (e) {
    const tooBig = (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooBig)
      throw new ImportRequestError(413, 'too-big', 'The file is too big.', { max: IMPORT_LIMITS.fileBytes });
    throw bad('Send the import as gzip-compressed JSON.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportRequestError(400, 'not-json', 'The file is not JSON.');
  }
  if (!isObj(value) || !isObj(value.options)) throw bad('An import is { source, file, options }.');
  const o = value.options;
  if (typeof o.title !== 'string' || o.title.length > 1000) throw bad('options.title is text.');
  if (o.templateId !== null && (typeof o.templateId !== 'string' || o.templateId.length > 64)) {
    throw bad('options.templateId is a template id or null.');
  }
  const choices: ImportChoices = {
    title: o.title,
    templateId: o.templateId,
    stageFor: mapOf(o.stageFor, 'options.stageFor', stageIndex)
  };
  if (value.source === 'trello') {
    if (o.closedLists !== 'skip' && o.closedLists !== 'archive')
      throw bad('options.closedLists is skip or archive.');
    return {
      source: 'trello',
      file: value.file,
      options: {
        ...choices,
        closedLists: o.closedLists,
        people: mapOf(o.people, 'options.people', accountId)
      }
    };
  }
  if (value.source === 'csv') {
    if (typeof value.file !== 'string') throw bad('A CSV import sends the file as text.');
    const columns = o.columns;
    if (
      !Array.isArray(columns) ||
      columns.length > IMPORT_LIMITS.csvColumns ||
      !columns.every((c) => (CSV_FIELDS as readonly unknown[]).includes(c))
    ) {
      throw bad('options.columns names a field per column.');
    }
    if (typeof o.defaultStage !== 'string' || o.defaultStage.length > 200)
      throw bad('options.defaultStage is a stage name.');
    return {
      source: 'csv',
      file: value.file,
      options: { ...choices, columns: columns as CsvField[], defaultStage: o.defaultStage }
    };
  }
  throw bad('source is trello or csv.');
}
