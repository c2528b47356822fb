/** Why an invitation is refused, worded once: InviteService and the invite ids throw these. */
import { InviteRequestError, type InviteRequestCode } from './InviteRequestError';

const refuse = (status: 400 | 403 | 404 | 409 | 410, code: InviteRequestCode, message: string) =>
  new InviteRequestError(status, code, message);

export const invalidRole = () =>
  refuse(400, 'invalid-role', 'A role is owner, manager, editor, commenter or viewer.');

export const ownerInviteForbidden = () =>
  refuse(403, 'forbidden', 'Only an owner of this board may invite an owner.');

export const tooManyInvites = (max: number) =>
  refuse(409, 'too-many-invites', `A board has at most ${max} pending invites; revoke some first.`);

/** No invite of this id where the caller may see one; `message` says where it was looked for. */
export const inviteNotFound = (message: string) => refuse(404, 'not-found', message);

export const inviteUnknown = () =>
  refuse(
    404,
    'invite-unknown',
    'This invite link is not valid (it was revoked or mistyped). Ask for a new link.'
  );

export const inviteUsed = () =>
  refuse(410, 'invite-used', 'This invite link has already been used. Ask for a new link.');

export const inviteExpired = () =>
  refuse(410, 'invite-expired', 'This invite link has expired. Ask for a new link.');

export const inviteVoid = () =>
  refuse(
    410,
    'invite-void',
    'This invite link no longer works (its board is gone, or whoever made it may no longer invite). Ask for a new link.'
  );

export const inviteWrongEmail = (email: string) =>
  refuse(
    403,
    'invite-wrong-email',
    `This invite is for ${email}: sign in or sign up with that address, or ask for a new link.`
  );
