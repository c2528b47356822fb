/**
 * What each group robot is sent for an event, in the robot's language, in each platform's own
 * documented shape:
 * - 企业微信 (developer.work.weixin.qq.com/document/path/91770): `{ msgtype: 'markdown', markdown:
 *   { content } }`, content at most 4096 bytes, no signature (the key is in the URL).
 * - 钉钉 (open.dingtalk.com, 自定义机器人发送群消息): `{ msgtype: 'markdown', markdown: { title, text } }`;
 *   加签 as `timestamp` and `sign` query parameters (signing.ts).
 * - 飞书 (open.feishu.cn, 自定义机器人使用指南): `{ msg_type: 'interactive', card }` with a header and a
 *   button to the card; 签名校验 as `timestamp` and `sign` in the body (signing.ts).
 */
import { format, type Locale, type MessageKey } from '#lib/i18n/locale';
import type { OutboundEvent, RobotKind } from '#lib/outbound/types';

/** 企业微信 refuses markdown over 4096 bytes; 钉钉 and 飞书 allow more, but a chat message should be short. */
const CONTENT_MAX_BYTES = 4000;

/** A robot message before its platform's shape: a headline, lines of text, a link. */
export interface RobotText {
  title: string;
  lines: string[];
  link: { label: string; url: string };
  /** How urgent it reads (飞书's header colour, 企业微信's font colour). */
  tone: 'warning' | 'info' | 'neutral';
}

/** Cuts text to at most `max` UTF-8 bytes, whole characters only. */
function cutBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + '…') > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** Markdown's own characters in user text (titles, notes) would restyle or break the message. */
const plain = (text: string): string =>
  text
    .replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();

function money(fen: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(fen / 100);
  } catch {
    return `${(fen / 100).toFixed(2)} ${currency}`;
  }
}

/** The events about one card: the same shape of message, their own words and urgency. */
type CardEventType = Exclude<OutboundEvent['type'], 'digest.weekly' | 'ping'>;

/** Headline, body and (for a send-back's reason or an approval's note) the note's line of each. */
const CARD_WORDS: Record<
  CardEventType,
  { title: MessageKey; body: MessageKey; note?: MessageKey; tone: RobotText['tone'] }
> = {
  'card.awaiting_approval': {
    title: 'outbound.msg.awaiting',
    body: 'outbound.msg.awaiting.body',
    tone: 'warning'
  },
  'card.sent_back': {
    title: 'outbound.msg.sentBack',
    body: 'outbound.msg.sentBack.body',
    note: 'outbound.msg.reason',
    tone: 'warning'
  },
  'card.overdue': { title: 'outbound.msg.overdue', body: 'outbound.msg.overdue.body', tone: 'warning' },
  'card.created': { title: 'outbound.msg.created', body: 'outbound.msg.created.body', tone: 'neutral' },
  'card.moved': { title: 'outbound.msg.moved', body: 'outbound.msg.moved.body', tone: 'neutral' },
  'card.approved': {
    title: 'outbound.msg.approved',
    body: 'outbound.msg.approved.body',
    note: 'outbound.msg.note',
    tone: 'info'
  },
  'comment.created': { title: 'outbound.msg.comment', body: 'outbound.msg.comment.body', tone: 'neutral' }
};

/** The words of an event in `locale`. */
export function robotText(event: OutboundEvent, locale: Locale): RobotText {
  const t = (key: MessageKey, params?: Record<string, string | number>) => format(locale, key, params);
  const card = plain(event.card?.title ?? '');
  const actor = plain(event.actor?.name ?? '') || t('outbound.msg.someone');
  const stage = plain(event.stage?.to?.name ?? '');
  const from = plain(event.stage?.from?.name ?? '');
  const board = plain(event.board.title);
  const p = {
    card,
    actor,
    stage,
    from,
    board,
    date: event.dueDate ?? '',
    excerpt: plain(event.comment?.excerpt ?? '')
  };
  const openCard = { label: t('outbound.msg.openCard'), url: event.card?.url ?? event.board.url };
  const boardLine = t('outbound.msg.board', { board });
  const note = event.note ? plain(event.note) : '';
  const said = CARD_WORDS[event.type as CardEventType];
  if (said) {
    return {
      title: t(said.title, p),
      lines: [t(said.body, p), ...(note && said.note ? [t(said.note, { note })] : []), boardLine],
      link: openCard,
      tone: said.tone
    };
  }
  switch (event.type) {
    case 'digest.weekly': {
      const d = event.digest;
      const lines = d
        ? [
            t('outbound.msg.digest.body', {
              from: d.from,
              to: d.to,
              moved: d.moved,
              finished: d.finished,
              sentBack: d.sentBack
            }),
            ...(d.spent > 0
              ? [t('outbound.msg.digest.spent', { amount: money(d.spent, d.currency, locale) })]
              : []),
            ...(d.finishedTitles.length > 0
              ? [
                  t('outbound.msg.digest.finished', {
                    titles: d.finishedTitles.map(plain).join(locale === 'en' ? ', ' : '、')
                  })
                ]
              : [])
          ]
        : [];
      return {
        title: t('outbound.msg.digest', p),
        lines,
        link: { label: t('outbound.msg.openBoard'), url: event.board.url },
        tone: 'info'
      };
    }
    default:
      return {
        title: t('outbound.msg.ping'),
        lines: [t('outbound.msg.ping.body', p)],
        link: { label: t('outbound.msg.openBoard'), url: event.board.url },
        tone: 'info'
      };
  }
}

/** The JSON body a robot of `kind` is sent (before 飞书's signature fields are added). */
export function robotBody(kind: RobotKind, text: RobotText): Record<string, unknown> {
  const link = `[${text.link.label}](${text.link.url})`;
  if (kind === 'wecom') {
    const colour = text.tone === 'warning' ? 'warning' : text.tone === 'info' ? 'info' : 'comment';
    const head = `**<font color="${colour}">${text.title}</font>**`;
    const content = cutBytes([head, ...text.lines.map((l) => `> ${l}`), link].join('\n'), CONTENT_MAX_BYTES);
    return { msgtype: 'markdown', markdown: { content } };
  }
  if (kind === 'dingtalk') {
    // 钉钉's markdown needs a blank line between paragraphs; `title` is what the chat list shows.
    const body = [`#### ${text.title}`, ...text.lines, link].join('\n\n');
    return { msgtype: 'markdown', markdown: { title: text.title, text: cutBytes(body, CONTENT_MAX_BYTES) } };
  }
  const template = text.tone === 'warning' ? 'orange' : text.tone === 'info' ? 'blue' : 'grey';
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { title: { tag: 'plain_text', content: text.title }, template },
      elements: [
        { tag: 'markdown', content: cutBytes(text.lines.join('\n'), CONTENT_MAX_BYTES) },
        {
          tag: 'action',
          actions: [
            {
              tag: 'button',
              text: { tag: 'plain_text', content: text.link.label },
              type: 'primary',
              url: text.link.url
            }
          ]
        }
      ]
    }
  };
}

/** Whether a robot's answer says the message was taken: 企业微信 and 钉钉 `errcode`, 飞书 `code` (older `StatusCode`). */
export function robotAccepted(kind: RobotKind, body: string): { ok: boolean; detail: string } {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { ok: false, detail: 'answer is not JSON' };
  }
  const code = kind === 'feishu' ? (parsed.code ?? parsed.StatusCode) : parsed.errcode;
  if (code === undefined || code === 0) return { ok: true, detail: '' };
  const message = kind === 'feishu' ? (parsed.msg ?? parsed.StatusMessage) : parsed.errmsg;
  return { ok: false, detail: `${String(code)} ${String(message ?? '')}`.trim() };
}
