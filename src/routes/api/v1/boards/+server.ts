import { z } from 'zod';
import type { RequestHandler } from './$types';
import { apiRoute } from '#server/api/apiRoute';
import { BoardSummary } from '#server/api/schemas';

/** The boards the token's account is on. */
export const GET: RequestHandler = apiRoute(
  {
    requires: 'signed-in',
    summary: 'List your boards',
    description: 'Boards the account is a member of, archived ones included, with its role on each.',
    response: z.object({ boards: z.array(BoardSummary) })
  },
  async ({ locals }, { user }) => {
    const read = locals.token?.scope === 'read';
    const boards = await locals.services.boards.listFor(user.id, true);
    return {
      boards: boards.map((b) => ({
        id: b.id,
        title: b.title,
        role: read ? 'viewer' : b.role,
        archived: b.archived
      }))
    };
  }
);
