/** A request a service refuses; `status` is the HTTP status an endpoint should answer with. */
export class RequestError<Status extends number, Code extends string> extends Error {
  constructor(
    readonly status: Status,
    readonly code: Code,
    message: string
  ) {
    super(message);
  }
}

/**
 * True for a RequestError subclass named `name`, from either copy of its module: SvelteKit
 * bundles its own copy of server code, so an error thrown by the process's services fails
 * `instanceof` there. Subclasses set `name`, and this checks it with the fields an endpoint reads.
 */
export function isRequestError(e: unknown, name: string): e is RequestError<number, string> {
  return (
    e instanceof Error &&
    e.name === name &&
    typeof (e as RequestError<number, string>).status === 'number' &&
    typeof (e as RequestError<number, string>).code === 'string'
  );
}
