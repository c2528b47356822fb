/**
 * The brand every request error carries. SvelteKit bundles its own copy of the server code
 * apart from server/index.ts (esbuild), and `npm run dev` loads the services through tsx apart
 * from Vite's copy: an error a service throws is an instance of the other copy's class, so
 * `instanceof` says no where the endpoint catches it. A registered symbol is the same in every
 * copy.
 */
const BRAND = Symbol.for('stageboard.RequestError');

/**
 * A request a service refuses. `status` is the HTTP status to answer with; `code` is what the
 * page looks up in the message catalogue (the English `message` is for logs and for a caller
 * whose catalogue lacks the code). Each service has its own subclass, in a file named after it;
 * a new one is answered by every endpoint without being listed anywhere.
 */
export abstract class RequestError<
  Status extends number = number,
  Code extends string = string
> extends Error {
  readonly [BRAND] = true;
  override name = 'RequestError';

  constructor(
    readonly status: Status,
    readonly code: Code,
    message: string
  ) {
    super(message);
  }

  /** Fields the JSON answer's `error` carries after `code` and `message`; none unless a subclass says. */
  get details(): Readonly<Record<string, unknown>> {
    return {};
  }

  /** HTTP headers the answer carries (a 429's Retry-After); none unless a subclass says. */
  get headers(): Readonly<Record<string, string>> {
    return {};
  }
}

/**
 * True for a RequestError from any service and either copy of this module (see BRAND); with
 * `name`, only for the subclass of that name (each subclass sets `name`).
 */
export function isRequestError(e: unknown, name?: string): e is RequestError {
  return (
    e instanceof Error &&
    (e as Partial<Record<typeof BRAND, unknown>>)[BRAND] === true &&
    (name === undefined || e.name === name)
  );
}
