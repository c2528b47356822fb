/**
 * One batched notification mail: subject, text and HTML parts, in the reader's language, each
 * item worded as the inbox words it (the catalogue's `inbox.<kind>` lines), with a link to the
 * card and, per kind in the mail, a one-click unsubscribe link. Pure: no I/O, so the wording is
 * tested without a server.
 */
import type { InboxKind } from '#lib/inbox/types';
import { format, type Locale } from '#lib/i18n/locale';
import type { InboxItem } from '../inbox/InboxStore';

/** An inbox item with the names a reader needs. */
export interface MailItem extends InboxItem {
  actorName: string;
  boardTitle: string;
}

export interface MailLinks {
  /** The card an item is about. */
  card(item: MailItem): string;
  inbox: string;
  settings: string;
  /** One-click unsubscribe from `kind`. */
  unsubscribe(kind: InboxKind): string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The item's line as the inbox shows it: "王经理 在「主视觉」中提到了你". */
export function itemLine(item: MailItem, locale: Locale): string {
  return format(locale, `inbox.${item.kind}`, {
    actor: item.actorName || format(locale, 'activity.someone'),
    card: item.cardTitle || format(locale, 'inbox.aCard'),
    stage: item.detail,
    date: item.detail
  });
}

function excerptOf(item: MailItem, locale: Locale): string {
  if (!item.excerpt) return '';
  if (item.kind === 'sent-back') return format(locale, 'inbox.reason', { reason: item.excerpt });
  if (item.kind === 'approved') return format(locale, 'activity.note', { note: item.excerpt });
  return format(locale, 'activity.excerpt', { excerpt: item.excerpt });
}

/** Composes the mail of `items` (oldest first) for `name`. */
export function composeMail(
  name: string,
  items: readonly MailItem[],
  locale: Locale,
  links: MailLinks
): ComposedMail {
  const t = (key: Parameters<typeof format>[1], params?: Record<string, string | number>) =>
    format(locale, key, params);
  const newest = items[items.length - 1]!;
  const subject =
    items.length === 1
      ? t('mail.subject.one', { line: itemLine(newest, locale) })
      : t('mail.subject.many', { count: items.length, line: itemLine(newest, locale) });
  const kinds = [...new Set(items.map((i) => i.kind))];
  const text = [
    t('mail.greeting', { name }),
    '',
    t('mail.intro', { count: items.length }),
    '',
    ...items.flatMap((item) => [
      `• ${itemLine(item, locale)}（${t('mail.onBoard', { board: item.boardTitle })}）`,
      ...(excerptOf(item, locale) ? [`  ${excerptOf(item, locale)}`] : []),
      `  ${links.card(item)}`
    ]),
    '',
    `${t('mail.openInbox')}: ${links.inbox}`,
    '',
    '—',
    t('mail.footer'),
    ...kinds.map(
      (k) => `${t('mail.unsubscribeKind', { kind: t(`inbox.kind.${k}`) })}: ${links.unsubscribe(k)}`
    ),
    `${t('mail.settingsLink')}: ${links.settings}`
  ].join('\n');
  const li = (item: MailItem) => {
    const excerpt = excerptOf(item, locale);
    return `<li style="margin:0 0 12px">
<div style="font-size:15px;color:#172b4d">${escapeHtml(itemLine(item, locale))}</div>
<div style="font-size:13px;color:#505f79">${escapeHtml(t('mail.onBoard', { board: item.boardTitle }))}</div>
${excerpt ? `<div style="font-size:13px;color:#505f79">${escapeHtml(excerpt)}</div>` : ''}
<a href="${escapeHtml(links.card(item))}" style="font-size:13px;color:#1a63d2">${escapeHtml(t('mail.openCard'))}</a>
</li>`;
  };
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d0d4db;border-radius:6px;padding:24px">
<p style="margin:0 0 8px;color:#172b4d">${escapeHtml(t('mail.greeting', { name }))}</p>
<p style="margin:0 0 16px;color:#172b4d">${escapeHtml(t('mail.intro', { count: items.length }))}</p>
<ul style="padding-left:18px;margin:0 0 16px">${items.map(li).join('\n')}</ul>
<a href="${escapeHtml(links.inbox)}" style="display:inline-block;background:#1a63d2;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(t('mail.openInbox'))}</a>
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#505f79">${escapeHtml(t('mail.footer'))}
${kinds.map((k) => `<a href="${escapeHtml(links.unsubscribe(k))}" style="color:#505f79">${escapeHtml(t('mail.unsubscribeKind', { kind: t(`inbox.kind.${k}`) }))}</a>`).join(' · ')}
· <a href="${escapeHtml(links.settings)}" style="color:#505f79">${escapeHtml(t('mail.settingsLink'))}</a></p>
</body></html>`;
  return { subject, text, html };
}
