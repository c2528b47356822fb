import { json } from '@sveltejs/kit';
import { MAX_TEMPLATE_BYTES } from '#server/templates/TemplateService';
import type { RequestHandler } from './$types';
import { endpoint } from '#server/http/route';

// Room for the JSON around the definition; the service answers 413 past the definition's own limit.
const MAX_PATCH_BYTES = MAX_TEMPLATE_BYTES + 16 * 1024;

/** One template, built-in or team: every signed-in person may use any of them. */
export const GET: RequestHandler = endpoint({ requires: 'signed-in' }, async ({ locals, params }) =>
  json({ template: await locals.services.templates.get(params.id) })
);

/**
 * Renames a team template and/or replaces its definition: { name?: string, definition?: BoardTemplate }.
 * Its owner's and administrators'; checked before the (large) body is read.
 */
export const PATCH: RequestHandler = endpoint(
  { requires: 'template:edit', json: MAX_PATCH_BYTES },
  async ({ locals, params }, { user, body }) => {
    const template = await locals.services.templates.update(user, params.id, {
      name: body.name,
      definition: body.definition
    });
    return json({ template });
  }
);

/** Deletes a team template: its owner's and administrators'. */
export const DELETE: RequestHandler = endpoint(
  { requires: 'template:delete' },
  async ({ locals, params }, { user }) => {
    await locals.services.templates.delete(user, params.id);
    return new Response(null, { status: 204 });
  }
);
