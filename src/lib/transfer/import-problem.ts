/**
 * Why a file cannot be imported. Thrown by the readers in the browser (the preview shows it) and
 * on the server (the route answers it as a RequestError): the code names what is wrong, the
 * catalogue says it (import.problem.<code>), and `detail` fills in which card, list or limit.
 */
export const IMPORT_PROBLEMS = [
  'not-json',
  'not-trello',
  'card-without-list',
  'too-big',
  'too-many-cards',
  'too-many-lists',
  'empty-csv',
  'no-title-column',
  'unknown-person',
  'bad-target',
  'bad-request'
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export type ImportProblemDetail = Readonly<Record<string, string | number>>;

export class ImportProblem extends Error {
  override name = 'ImportProblem';

  constructor(
    readonly code: ImportProblemCode,
    message: string,
    readonly detail: ImportProblemDetail = {}
  ) {
    super(message);
  }
}

export function isImportProblemCode(value: unknown): value is ImportProblemCode {
  return typeof value === 'string' && (IMPORT_PROBLEMS as readonly string[]).includes(value);
}
