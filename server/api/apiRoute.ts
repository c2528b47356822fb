/**
 * A REST API v1 route: its input and output schemas declared once, beside the requirement. The
 * wrapper is `endpoint` (server/http/route.ts), so the grant check and the token's scope ceiling
 * are the ones every route has; then params, query and body are validated with the schemas
 * (unknown fields refused), and the schemas ride on the handler as `api`, which openapi.ts reads
 * to write /api/openapi.json. One declaration, two uses: the document cannot say what the
 * handler does not check.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { endpoint, type Granted, type Requirement } from '#server/http/route';
import { ApiRequestError } from './ApiRequestError';

/** What a v1 route declares: the requirement, words for the document, and its schemas. */
export interface ApiRouteSpec<
  R extends Requirement,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  O extends z.ZodType
> {
  requires: R;
  summary: string;
  description?: string;
  /** The path's parameters (SvelteKit's `params`). */
  params?: P;
  /** The query string, as strings (a number is `z.coerce`d). */
  query?: Q;
  /** The JSON body. */
  body?: B;
  /** What a success answers with. */
  response: O;
  /** The success status; 200 unless 201 (made something). */
  status?: 200 | 201;
  /** The body's byte limit, when the default 16 KB is too small (a card's description). */
  maxBodyBytes?: number;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The validated input a handler gets. */
export interface ApiInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

/** The spec of a route handler made by apiRoute, read by the OpenAPI generator. */
export type AnyApiRouteSpec = ApiRouteSpec<
  Requirement,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType
>;

/** Validates `value` with `schema` (none: nothing to read), or throws 400 `invalid-request` with the issues. */
function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Out<S>;
  const issues = result.error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message
  }));
  throw new ApiRequestError(400, 'invalid-request', `The ${where} does not fit this route.`, issues);
}

/** A v1 handler validated by, and documented from, `spec`. */
export function apiRoute<
  R extends Requirement,
  O extends z.ZodType,
  E extends RequestEvent,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined
>(
  spec: ApiRouteSpec<R, P, Q, B, O>,
  handler: (event: E, granted: Granted<R>, input: ApiInput<P, Q, B>) => Promise<z.input<O>>
): ((event: E) => Promise<Response>) & { requires: R; api: AnyApiRouteSpec } {
  const json_ = spec.body ? (spec.maxBodyBytes ?? true) : undefined;
  const fn = endpoint<R, E>({ requires: spec.requires, json: json_ }, async (event, granted) => {
    const input: ApiInput<P, Q, B> = {
      params: parse(spec.params as P, event.params, 'params'),
      query: parse(spec.query as Q, Object.fromEntries(event.url.searchParams), 'query'),
      body: parse(spec.body as B, granted.body, 'body')
    };
    return json(await handler(event, granted, input), { status: spec.status ?? 200 });
  });
  return Object.assign(fn, { api: spec as AnyApiRouteSpec });
}

/** The spec a route handler carries, or undefined for one not made by apiRoute. */
export function apiSpecOf(fn: unknown): AnyApiRouteSpec | undefined {
  return (fn as { api?: AnyApiRouteSpec } | null)?.api;
}
