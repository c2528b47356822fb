import type { SignMessageKey } from './zh-CN.sign';

/** Signing gates in English; typed against the Chinese messages. */
export const enSign: Record<SignMessageKey, string> = {
  'refusal.already-signed': 'This approver has already signed this round.',
  'refusal.not-your-turn': 'Signed in order: an earlier approver signs first.',
  'refusal.cannot-sign': 'You are not an approver of this step.',
  'refusal.needs-owner': 'This step needs the board owner’s approval (general manager level).',
  'refusal.separation-of-duties': 'A card’s assignees and creator may not approve it.',
  'refusal.invalid-approver': 'There is no such approver; the approval flow may have just changed.',
  'sign.mode.any': 'Any one approver',
  'sign.mode.all': 'All approvers',
  'sign.mode.allInOrder': 'All approvers, in order',
  'sign.signed': '{title}: approved by {name} · {date}',
  'sign.signedNote': '{title}: approved by {name} · {date} — {note}',
  'sign.waiting': '{title}: waiting',
  'sign.turn': '{title}: waiting (next)',
  'sign.outdated': '{title}: approved version {was}; now version {now}',
  'sign.legacy': 'Approved by {name} · {date}',
  'sign.as': 'Approve as {title}',
  'sign.settings.mode': 'Signing',
  'sign.settings.reviewsDraft': 'Reviews the draft: a new version needs a new approval',
  'sign.settings.separateDuties': 'The card’s assignees and creator may not approve'
};
