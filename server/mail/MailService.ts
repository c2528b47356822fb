import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import nodemailer from 'nodemailer';
import { INBOX_KINDS, type InboxKind } from '#lib/inbox/types';
import { isLocale, type Locale } from '#lib/i18n/locale';
import type { AuthStore } from '../auth/AuthStore';
import type { MailConfig } from '../config';
import type { InboxItem } from '../inbox/InboxStore';
import { errorMessage, type Logger } from '../log';
import type { BoardCatalogue } from '../store/DocStore';
import { composeMail, type MailItem } from './composeMail';
import type { MailSettings, MailStore } from './MailStore';
import { MailRequestError } from './MailRequestError';

/** What sends: nodemailer's transporter in production and tests (pointed at a test SMTP server). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
  close(): void;
}

export interface MailServiceDeps {
  store: MailStore;
  users: Pick<AuthStore, 'getUser' | 'getSetting' | 'setSetting'>;
  boards: Pick<BoardCatalogue, 'getBoard'>;
  /** Null: mail is off (no SMTP_URL); the settings page still works. */
  config: MailConfig | null;
  /** Where links in a mail point (config.publicUrl), without a trailing slash. */
  publicUrl: string;
  log: Logger;
  now?: () => number;
  /** Built from config.smtpUrl when absent. */
  transport?: MailTransport;
}

/** A person's mail settings as the settings page shows them. */
export interface MailSettingsView {
  language: Locale;
  muted: InboxKind[];
  /** Whether this install sends mail at all. */
  enabled: boolean;
  batchMinutes: number;
}

const SECRET_SETTING = 'mail.unsubscribeSecret';
const PASS_MS = 60_000;
/** People mailed per pass at most: a pass after a long outage is spread over the next ones. */
const USERS_PER_PASS = 200;
/** Items one mail lists at most; the rest wait for the next mail. */
const ITEMS_PER_MAIL = 50;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/**
 * The inbox as mail (issue 19): every stored inbox item is queued for its person unless they
 * muted its kind; a pass each minute mails everyone whose last mail is at least the batch
 * interval old, one mail holding all that waited, in their language. The queue is durable and a
 * batch leaves it in the write that records it sent, so a restart mails what was due and nothing
 * twice (a crash between the SMTP server's answer and that write can repeat one mail: at least
 * once, not at most). Each mail carries signed one-click unsubscribe links (RFC 8058), per kind.
 */
export class MailService {
  readonly #deps: MailServiceDeps;
  readonly #now: () => number;
  readonly #transport: MailTransport | null;
  #secret: Promise<Buffer> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(deps: MailServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#transport = deps.config
      ? (deps.transport ?? (nodemailer.createTransport(deps.config.smtpUrl) as unknown as MailTransport))
      : null;
  }

  /** True when this install sends mail (SMTP_URL is set). */
  get enabled(): boolean {
    return this.#transport !== null;
  }

  /** Queues new inbox items for mail, leaving out the kinds their person muted. */
  async fromInbox(items: readonly InboxItem[]): Promise<void> {
    if (!this.enabled || items.length === 0) return;
    const kept: InboxItem[] = [];
    const muted = new Map<string, InboxKind[]>();
    for (const item of items) {
      if (!muted.has(item.userId))
        muted.set(item.userId, (await this.#deps.store.settings(item.userId))?.muted ?? []);
      if (!muted.get(item.userId)!.includes(item.kind)) kept.push(item);
    }
    await this.#deps.store.enqueue(kept, this.#now());
  }

  /** Starts the pass timer (unref'd: it never keeps the process alive). */
  start(intervalMs = PASS_MS): void {
    if (!this.enabled || this.#timer) return;
    this.#deps.log.info('mail notifications on', { batchMinutes: this.#deps.config!.batchMinutes });
    this.#timer = setInterval(() => void this.pass(), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer, waits for a pass under way, and closes the SMTP connections. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
    this.#transport?.close();
  }

  /** Mails everyone due now; resolves with how many mails went. One pass at a time. */
  pass(): Promise<number> {
    this.#running ??= this.#pass().finally(() => (this.#running = null));
    return this.#running;
  }

  async #pass(): Promise<number> {
    if (!this.#transport) return 0;
    const { store, config, log } = this.#deps;
    const now = this.#now();
    let sent = 0;
    for (const userId of (await store.dueUsers(now - config!.batchMinutes * 60_000)).slice(
      0,
      USERS_PER_PASS
    )) {
      try {
        if (await this.#mail(userId, now)) sent++;
      } catch (error) {
        // Left queued: the next pass tries again.
        log.warn('notification mail not sent', { user: userId, error: errorMessage(error) });
      }
    }
    return sent;
  }

  async #mail(userId: string, now: number): Promise<boolean> {
    const { store, users, boards, config } = this.#deps;
    const queued = (await store.queued(userId)).slice(0, ITEMS_PER_MAIL);
    const settings = await store.settings(userId);
    const user = await users.getUser(userId);
    const wanted = queued.filter((i) => user && !settings?.muted.includes(i.kind));
    if (!user || wanted.length === 0) {
      await store.markSent(
        userId,
        queued.map((i) => i.id),
        now,
        false
      );
      return false;
    }
    const names = new Map<string, string>();
    const items: MailItem[] = [];
    for (const item of wanted) {
      const key = `b:${item.boardId}`;
      if (!names.has(key)) names.set(key, (await boards.getBoard(item.boardId))?.title ?? '');
      const actor = item.actorId ? `u:${item.actorId}` : '';
      if (actor && !names.has(actor)) names.set(actor, (await users.getUser(item.actorId!))?.name ?? '');
      items.push({ ...item, boardTitle: names.get(key)!, actorName: actor ? names.get(actor)! : '' });
    }
    const base = this.#deps.publicUrl;
    const kinds = [...new Set(items.map((i) => i.kind))];
    const tokens = new Map<InboxKind, string>();
    for (const kind of kinds) tokens.set(kind, await this.unsubscribeToken(userId, [kind]));
    const all = await this.unsubscribeToken(userId, kinds);
    const mail = composeMail(user.name, items, settings?.language ?? 'zh-CN', {
      card: (i) =>
        `${base}/boards/${encodeURIComponent(i.boardId)}?${new URLSearchParams(i.commentId ? { card: i.cardId, comment: i.commentId } : { card: i.cardId })}`,
      inbox: `${base}/inbox`,
      settings: `${base}/account/notifications`,
      unsubscribe: (kind) => `${base}/mail/unsubscribe?token=${tokens.get(kind)}`
    });
    await this.#transport!.sendMail({
      from: config!.from,
      to: user.email,
      ...mail,
      headers: {
        // RFC 8058: a mail client's one-click unsubscribe POSTs here, signed in or not.
        'List-Unsubscribe': `<${base}/api/mail/unsubscribe?token=${all}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated'
      }
    });
    await store.markSent(
      userId,
      queued.map((i) => i.id),
      now,
      true
    );
    return true;
  }

  /** How many items wait for the person's next mail. */
  async pending(userId: string): Promise<number> {
    return (await this.#deps.store.queued(userId)).length;
  }

  /** A person's mail settings, the defaults before they save any. */
  async settingsFor(userId: string, fallback: Locale): Promise<MailSettingsView> {
    const saved = await this.#deps.store.settings(userId);
    return {
      language: saved?.language ?? fallback,
      muted: saved?.muted ?? [],
      enabled: this.enabled,
      batchMinutes: this.#deps.config?.batchMinutes ?? 10
    };
  }

  /** Saves what the settings page sends; refuses anything but a language and known kinds. */
  async saveSettings(userId: string, input: { language: unknown; muted: unknown }): Promise<void> {
    const { language, muted } = input;
    if (!isLocale(language))
      throw new MailRequestError(400, 'invalid-language', 'Not a language of the app.');
    if (
      !Array.isArray(muted) ||
      muted.length > INBOX_KINDS.length ||
      muted.some((k) => !INBOX_KINDS.includes(k))
    )
      throw new MailRequestError(400, 'invalid-kinds', 'Muted kinds must be inbox kinds.');
    const settings: Pick<MailSettings, 'language' | 'muted'> = { language, muted: muted as InboxKind[] };
    await this.#deps.store.saveSettings(userId, settings);
  }

  /** A signed token that turns off `kinds` for `userId`; it needs no sign-in, so it names nothing else. */
  async unsubscribeToken(userId: string, kinds: readonly InboxKind[]): Promise<string> {
    const body = b64(JSON.stringify([userId, kinds]));
    return `${body}.${b64(
      createHmac('sha256', await this.#key())
        .update(body)
        .digest()
    )}`;
  }

  /** The person and kinds a token names, or null when it is not one we signed. */
  async readToken(token: unknown): Promise<{ userId: string; kinds: InboxKind[] } | null> {
    if (typeof token !== 'string' || token.length > 1000) return null;
    const [body, signature] = token.split('.');
    if (!body || !signature) return null;
    const expected = createHmac('sha256', await this.#key())
      .update(body)
      .digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const [userId, kinds] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [
        unknown,
        unknown
      ];
      if (typeof userId !== 'string' || !Array.isArray(kinds)) return null;
      return { userId, kinds: INBOX_KINDS.filter((k) => kinds.includes(k)) };
    } catch {
      return null;
    }
  }

  /** Turns off the token's kinds for its person; false for a token we did not sign. */
  async unsubscribe(token: unknown, fallback: Locale = 'zh-CN'): Promise<boolean> {
    const found = await this.readToken(token);
    if (!found) return false;
    const current = await this.settingsFor(found.userId, fallback);
    const muted = [...new Set([...current.muted, ...found.kinds])];
    await this.#deps.store.saveSettings(found.userId, { language: current.language, muted });
    return true;
  }

  /** The install's signing key, made once and kept with the settings, so links outlive restarts. */
  #key(): Promise<Buffer> {
    this.#secret ??= (async () => {
      const { users } = this.#deps;
      const stored = await users.getSetting(SECRET_SETTING);
      if (typeof stored === 'string' && stored.length >= 43) return Buffer.from(stored, 'base64url');
      const made = randomBytes(32);
      await users.setSetting(SECRET_SETTING, made.toString('base64url'));
      return made;
    })();
    return this.#secret;
  }
}
