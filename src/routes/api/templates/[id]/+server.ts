import { json } from '@sveltejs/kit';
import { MAX_TEMPLATE_BYTES } from '../../../../../server/templates/TemplateService';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/access';
import { handleApi, readJson } from '../../json';

// Room for the JSON around the definition; the service answers 413 past the definition's own limit.
const MAX_PATCH_BYTES = MAX_TEMPLATE_BYTES + 16 * 1024;

export const GET: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    requireUser(locals);
    return json({ template: await locals.services.templates.get(params.id) });
  });

/** Renames a team template and/or replaces its definition: { name?: string, definition?: BoardTemplate }. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
  handleApi(async () => {
    requireUser(locals);
    const body = await readJson(request, MAX_PATCH_BYTES);
    const template = await locals.services.templates.update(params.id, {
      name: body.name,
      definition: body.definition
    });
    return json({ template });
  });

export const DELETE: RequestHandler = ({ locals, params }) =>
  handleApi(async () => {
    requireUser(locals);
    await locals.services.templates.delete(params.id);
    return new Response(null, { status: 204 });
  });
