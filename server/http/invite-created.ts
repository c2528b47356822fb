import { json } from '@sveltejs/kit';

/**
 * Makes an invite for the board and answers 201 { invite: { id, url, role, email, … } }. The url
 * carries the token: this answer is its only appearance, since the server keeps a hash. The
 * answer never depends on whether the email has an account (adding by email is an invitation).
 */
export async function inviteCreated(
  locals: App.Locals,
  actorId: string,
  boardId: string,
  origin: string,
  input: { role: unknown; email: unknown }
): Promise<Response> {
  const { token, invite } = await locals.services.invites.create(actorId, boardId, input);
  return json({ invite: { ...invite, url: `${origin}/invite/${token}` } }, { status: 201 });
}
