import type { MembersMessageKey } from './zh-CN.members';

/** The members dialog's messages in English; typed against the Chinese ones. */
export const enMembers: Record<MembersMessageKey, string> = {
  'members.open': 'Members',
  'members.title': 'Board members',
  'members.close': 'Close',
  'members.you': '(you)',
  'members.roleOf': 'Role of {name}',
  'members.remove': 'Remove',
  'members.role.owner': 'Owner',
  'members.role.manager': 'Manager',
  'members.role.editor': 'Editor',
  'members.role.commenter': 'Commenter',
  'members.role.viewer': 'Viewer',
  'members.invite.title': 'Invite people',
  'members.invite.role': 'Role',
  'members.invite.email': 'Email (optional: only this address can use the link)',
  'members.invite.emailNote':
    'Adding someone by email invites them: if the address has an account here, the invitation also waits in their board list. They join when they accept.',
  'members.invite.create': 'Create invite link',
  'members.invite.link': 'Invite link',
  'members.invite.copy': 'Copy',
  'members.invite.copied': 'Copied',
  'members.invite.note': 'No email is sent: copy the link and send it yourself. It works once, until {date}.',
  'members.invite.pending': 'Pending invites',
  'members.invite.anyone': 'Anyone with the link',
  'members.invite.expires': 'until {date}',
  'members.invite.revoke': 'Revoke',
  'error.members.invalidRole': 'Pick a role: owner, manager, editor, commenter or viewer.',
  'error.members.lastOwner': 'A board keeps at least one owner; make someone else owner first.',
  'error.members.changed': 'Someone changed the members at the same moment. Look again, then try again.',
  'error.members.notMember': 'This person is no longer a member of the board.',
  'error.members.tooManyInvites': 'This board has too many pending invites; revoke some first.',
  'error.members.inviteGone': 'This invite is no longer pending.'
};
