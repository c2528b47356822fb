import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJson } from '../json';

export const GET: RequestHandler = ({ locals, url }) =>
  handleApi(async () =>
    json({ boards: await locals.services.boards.list(url.searchParams.get('archived') === '1') })
  );

export const POST: RequestHandler = ({ locals, request }) =>
  handleApi(async () => {
    const body = await readJson(request);
    const board = await locals.services.boards.create({
      title: body.title,
      templateId: body.templateId,
      creatorId: locals.user?.id ?? null
    });
    return json({ board }, { status: 201, headers: { location: `/api/boards/${board.id}` } });
  });
