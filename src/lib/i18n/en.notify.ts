import type { NotifyMessageKey } from './zh-CN.notify';

/** The activity feed's and the inbox's newer messages in English, typed against the Chinese ones. */
export const enNotify: Record<NotifyMessageKey, string> = {
  'activity.card.described': '{user} edited the description of “{title}”',
  'activity.card.dated': '{user} set the date of “{title}” to {date}',
  'activity.card.dated.changed': '{user} changed the date of “{title}” from {fromDate} to {date}',
  'activity.card.dated.cleared': '{user} cleared the date of “{title}”',
  'activity.card.labeled': '{user} labelled “{title}” {label}',
  'activity.card.unlabeled': '{user} took the label {label} off “{title}”',
  'activity.attachment.uploaded': '{user} uploaded “{file}” to “{title}”',
  'activity.attachment.uploaded.version': '{user} uploaded draft {version} of “{file}” to “{title}”',
  'activity.open': 'Open card: {text}',
  'inbox.gate': '“{card}” entered {stage} and awaits your approval',
  'inbox.approved': '{actor} approved “{card}” at {stage}',
  'inbox.sent-back': '{actor} sent “{card}” back to {stage}',
  'inbox.due-soon': '“{card}” is due tomorrow ({date})',
  'inbox.overdue': '“{card}” is overdue (was due {date})',
  'inbox.reason': 'Reason: {reason}',
  'inbox.kind.mention': 'Mention',
  'inbox.kind.assigned': 'Assigned',
  'inbox.kind.gate': 'Awaiting approval',
  'inbox.kind.approved': 'Approved',
  'inbox.kind.sent-back': 'Sent back',
  'inbox.kind.due-soon': 'Due soon',
  'inbox.kind.overdue': 'Overdue'
};
