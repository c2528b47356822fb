import type { MailMessageKey } from './zh-CN.mail';

/** Mail notifications, the settings page and one-click unsubscribe, in English; typed against the Chinese. */
export const enMail: Record<MailMessageKey, string> = {
  'mail.subject.one': '[Stageboard] {line}',
  'mail.subject.many': '[Stageboard] {count} new notifications: {line}, and more',
  'mail.greeting': 'Hello {name},',
  'mail.intro': 'You have {count} new notifications in Stageboard:',
  'mail.onBoard': 'on “{board}”',
  'mail.openCard': 'Open the card',
  'mail.openInbox': 'Open your inbox',
  'mail.footer': 'Sent by Stageboard automatically; replies are not read.',
  'mail.unsubscribeKind': 'Stop “{kind}” mails',
  'mail.settingsLink': 'Mail settings',
  'mail.page.title': 'Mail notifications',
  'mail.page.intro':
    'New inbox items are gathered into one mail at most every {minutes} minutes. Choose which kinds you want by mail.',
  'mail.page.off':
    'The administrator has not set up mail for this site yet, so no mails are sent. Your choices are kept.',
  'mail.page.language': 'Mail language',
  'mail.page.kinds': 'Send me mail for',
  'mail.page.save': 'Save',
  'mail.page.saved': 'Saved',
  'mail.page.failed': 'Could not save. Try again in a moment.',
  'mail.unsub.title': 'Unsubscribe',
  'mail.unsub.confirm': 'Stop mails for: {kinds}. They still show in your inbox.',
  'mail.unsub.button': 'Unsubscribe',
  'mail.unsub.done': 'Unsubscribed. You can turn them on again under Mail notifications.',
  'mail.unsub.invalid': 'This unsubscribe link is broken. Change your choices under Mail notifications.'
};
