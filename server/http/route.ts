/**
 * What each route requires of its caller, declared where the route is exported and enforced by
 * the same declaration: `endpoint`, `action` and `page` wrap every `+server.ts` handler, form
 * action and server `load`, run the check the requirement names before the handler, and hand the
 * handler what the check found (the user, the board and role). A handler cannot be exported
 * without one (tests/unit/api/routeDeclarations.test.ts walks src/routes), so "forgot the check"
 * is no longer a state a route can be in; what a declaration allows is decided by
 * src/lib/auth/permissions.ts.
 */
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import {
  BOARD_ACTIONS,
  TEMPLATE_ACTIONS,
  type BoardAction,
  type BoardRole,
  type TemplateAction
} from '#lib/auth/permissions';
import type { PublicUser } from '#server/auth/AuthService';
import { MemberRequestError } from '#server/auth/MemberRequestError';
import type { BoardRecord } from '#server/store/DocStore';
import { isRequestError } from '#server/RequestError';
import { handleApi, readJson } from './json';
import { requireBoard, requireScope, requireUser } from './access';

/**
 * - `public`: anyone, signed in or not (signing in and up, the sign-up settings).
 * - `signed-in`: any account; what it reaches is its own (its inbox, its board list).
 * - `admin`: an administrator of the install.
 * - `board:<action>`: a member of the board in `params.id` (or the body's `boardId`) whose role
 *   may do the action; 401, then 403, then 404 (strangers cannot probe board ids).
 * - `template:<edit|delete>`: the owner of the team template in `params.id`, or an administrator.
 */
export type Requirement =
  'public' | 'signed-in' | 'admin' | `board:${BoardAction}` | `template:${Exclude<TemplateAction, 'use'>}`;

/** Every requirement a route may declare, for the route-walk test and the permission matrix. */
export const REQUIREMENTS: readonly Requirement[] = [
  'public',
  'signed-in',
  'admin',
  ...BOARD_ACTIONS.map((a) => `board:${a}` as const),
  ...TEMPLATE_ACTIONS.filter((a) => a !== 'use').map((a) => `template:${a}` as const)
];

/** What the check of requirement R found: who asks, and for board routes the board and their role. */
export type Granted<R extends Requirement> = {
  user: R extends 'public' ? PublicUser | null : PublicUser;
  /** The JSON body (`json` option) or the form's fields (`form` option); else empty. */
  body: Record<string, unknown>;
} & (R extends `board:${string}` ? { board: BoardRecord; role: BoardRole } : unknown);

export interface RouteOptions<R extends Requirement> {
  requires: R;
  /**
   * Read a JSON object body of at most this many bytes (true: the default limit) into
   * `granted.body`, after the check, so a refused caller's body is never parsed.
   */
  json?: number | true;
  /**
   * Where a board route's board id is, when not in the path's `id`: read from the body, which
   * is then read before the check (a form's `id`, a JSON `boardId`).
   */
  boardId?: (body: Record<string, unknown>) => unknown;
  /**
   * Only a signed-in browser session may call it, never a personal access token (making and
   * revoking tokens: a token that could mint tokens would outlive its own revoke).
   */
  sessionOnly?: boolean;
}

/** The requirement a wrapped handler, action or load carries; undefined for a bare function. */
export function declaredRequirement(fn: unknown): Requirement | undefined {
  const value = (fn as { requires?: unknown } | null)?.requires;
  return REQUIREMENTS.includes(value as Requirement) ? (value as Requirement) : undefined;
}

function declare<F extends object, R extends Requirement>(fn: F, requires: R): F & { requires: R } {
  return Object.defineProperty(fn, 'requires', { value: requires, enumerable: true }) as F & {
    requires: R;
  };
}

/**
 * Runs the check `options.requires` names and returns what it found; throws the refusal (a
 * RequestError) otherwise. `readBody` is called once, after the check unless the board id is in it.
 */
async function grant<R extends Requirement>(
  event: RequestEvent,
  options: RouteOptions<R>,
  readBody: () => Promise<Record<string, unknown>>
): Promise<Granted<R>> {
  const { requires } = options;
  const { locals } = event;
  if (requires === 'public') return { user: locals.user, body: await readBody() } as Granted<R>;
  const user = requireUser(locals);
  const [kind, what] = requires.split(':') as [string, string | undefined];
  // The token's ceiling first, for every route alike: the scope can only take away.
  requireScope(
    locals,
    event.request.method,
    kind === 'board' ? (what as BoardAction) : null,
    !!options.sessionOnly
  );
  if (requires === 'admin' && !user.isAdmin) {
    throw new MemberRequestError(403, 'forbidden', 'Only an administrator may do this.');
  }
  if (kind === 'board') {
    const early = options.boardId ? await readBody() : undefined;
    // A board id that is not a string fails the membership lookup as 403, like an unknown one.
    const boardId = String(early ? options.boardId!(early) : event.params.id);
    const found = await requireBoard(locals, boardId, what as BoardAction);
    return { ...found, body: early ?? (await readBody()) } as Granted<R>;
  }
  if (kind === 'template') {
    await locals.services.templates.authorize(user, String(event.params.id), what as 'edit' | 'delete');
  }
  return { user, body: await readBody() } as Granted<R>;
}

/** A `+server.ts` handler that requires `options.requires`; refusals answer as API JSON errors. */
export function endpoint<R extends Requirement, E extends RequestEvent>(
  options: RouteOptions<R>,
  handler: (event: E, granted: Granted<R>) => Response | Promise<Response>
): ((event: E) => Promise<Response>) & { requires: R } {
  const readBody = (event: E) => async () =>
    options.json ? readJson(event.request, options.json === true ? undefined : options.json) : {};
  return declare(
    (event: E) => handleApi(async () => handler(event, await grant(event, options, readBody(event)))),
    options.requires
  );
}

/** What a refused form action tells its page: the code, for the catalogue. */
export type Refusal = ActionFailure<{ code: string; message: string }>;

/**
 * A form action that requires `options.requires`; a refusal (the check's or a service's) becomes
 * `fail(status, { code, message })` for the page to show. With `form`, the handler gets the
 * fields in `granted.body` and the FormData itself.
 */
export function action<R extends Requirement, E extends RequestEvent, T>(
  options: Omit<RouteOptions<R>, 'json'> & { form?: boolean },
  handler: (event: E, granted: Granted<R> & { form: FormData }) => T | Promise<T>
): ((event: E) => Promise<T | Refusal>) & { requires: R } {
  return declare(async (event: E): Promise<T | Refusal> => {
    let form = new FormData();
    const readBody = async () => {
      if (options.form) form = await event.request.formData();
      return Object.fromEntries(form);
    };
    try {
      const granted = await grant(event, options, readBody);
      return await handler(event, { ...granted, form });
    } catch (e) {
      if (isRequestError(e)) return fail(e.status, { code: e.code, message: e.message });
      throw e;
    }
  }, options.requires);
}

/**
 * A server `load` that requires `requires` ('public' or 'signed-in'): a page has no JSON to
 * answer with, so someone signed out is sent to sign in (to sign up, on a fresh install).
 */
export function page<R extends 'public' | 'signed-in', E extends RequestEvent, T>(
  requires: R,
  load: (event: E, granted: { user: R extends 'public' ? PublicUser | null : PublicUser }) => T | Promise<T>
): ((event: E) => Promise<T>) & { requires: R } {
  return declare(async (event: E): Promise<T> => {
    const { user, services } = event.locals;
    if (requires === 'signed-in' && !user) {
      redirect(303, (await services.auth.isFreshInstall()) ? '/signup' : '/signin');
    }
    return load(event, { user } as { user: R extends 'public' ? PublicUser | null : PublicUser });
  }, requires);
}
