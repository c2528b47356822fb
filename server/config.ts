import path from 'node:path';
import { DRAFT_KINDS, type DraftKind } from '#lib/board/attachment-ops';
import { DEFAULT_CEILING_BYTES } from './attachments/draftLimits';

/** Runtime configuration: environment variables with embedded defaults, validated at start. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  dbFile: string;
  /** 'normal' survives a process crash; 'full' fsyncs each commit and survives power loss. */
  durability: 'normal' | 'full';
  /** Extra allowed WebSocket origins besides the request's own host. */
  allowedOrigins: string[];
  /** Largest single WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Largest stored document accepted, in bytes; updates beyond it are refused. */
  maxDocBytes: number;
  /** Bytes queued to one slow client before it is dropped. */
  maxSendBufferBytes: number;
  /** Logged updates after which a board is folded into its snapshot. */
  compactAfterUpdates: number;
  /** Milliseconds a room with no connections stays loaded. */
  roomIdleMs: number;
  /** Create the demo board on a fresh database. */
  seedDemo: boolean;
  /** Largest attachment (one version of a draft) of any kind, in bytes. */
  attachmentMaxBytes: number;
  /** Per kind of draft, the limits the operator set (server/attachments/draftLimits.ts). */
  attachmentKindBytes: Partial<Record<DraftKind, number>>;
  /** Accounts open sign-up makes per client address and hour (server/auth/AuthService.ts). */
  signupsPerAddressHour: number;
  /** Messages per second one sync socket may send, sustained (server/rooms/SyncBudget.ts). */
  syncMessagesPerSecond: number;
  /** Messages one sync socket may send at once, and the most that may wait once it is over budget. */
  syncMessageBurst: number;
  /** Bytes per second one sync socket may send, sustained. */
  syncBytesPerSecond: number;
  /** Bytes one sync socket may send at once; at least maxMessageBytes. */
  syncByteBurst: number;
  /** Milliseconds a sync socket may stay over its budget (slowed) before it is closed with 1013. */
  syncCloseAfterMs: number;
  /** The address people open the app at: links in mails, webhooks and group-chat messages start with it. */
  publicUrl: string;
  /**
   * Webhook and robot URLs may reach private, loopback and link-local addresses (OUTBOUND_ALLOW_PRIVATE),
   * or these hosts only (OUTBOUND_ALLOW_HOSTS, names or addresses): off, a board manager could aim
   * the server at the machines behind it (SSRF).
   */
  outboundAllowPrivate: boolean;
  outboundAllowHosts: string[];
  /** Waits between a webhook's or robot's attempts (OUTBOUND_RETRY_DELAYS_MS); attempts = waits + 1. */
  outboundRetryDelaysMs: number[];
  /** Deliveries given up in a row that turn an integration off (OUTBOUND_DISABLE_AFTER). */
  outboundDisableAfter: number;
  /** Mail notifications (server/mail), or null when SMTP_URL is not set: mail is off. */
  mail: MailConfig | null;
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://…, as nodemailer takes it. */
  smtpUrl: string;
  /** The From address: `Stageboard <noreply@example.com>` or a bare address. */
  from: string;
  /** At most one mail per person per this many minutes; what arrives meanwhile waits for it. */
  batchMinutes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number between ${min} and ${max}.`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${raw} must be true or false.`);
}

/** Reads and validates configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const durability = (env.DURABILITY || 'normal').toLowerCase();
  if (durability !== 'normal' && durability !== 'full') {
    throw new ConfigError(`DURABILITY=${env.DURABILITY} must be "normal" or "full".`);
  }
  const maxMessageBytes = int(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024, 256 * 1024 * 1024);
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    dataDir,
    dbFile: path.resolve(dataDir, env.DB_FILE || 'stageboard.db'),
    durability,
    allowedOrigins: (env.ALLOWED_ORIGINS || '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    maxMessageBytes,
    maxDocBytes: int(env, 'MAX_DOC_BYTES', 64 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    maxSendBufferBytes: int(env, 'MAX_SEND_BUFFER_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', 500, 1, 1_000_000),
    roomIdleMs: int(env, 'ROOM_IDLE_MS', 30_000, 0, 24 * 3600 * 1000),
    seedDemo: bool(env, 'SEED_DEMO', true),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', DEFAULT_CEILING_BYTES, 1024, 4 * 1024 ** 3),
    attachmentKindBytes: kindBytes(env),
    signupsPerAddressHour: int(env, 'SIGNUPS_PER_ADDRESS_HOUR', 20, 1, 1_000_000),
    ...syncBudget(env, maxMessageBytes),
    ...outbound(env),
    mail: mailConfig(env)
  };
}

/** SMTP_URL, MAIL_FROM, PUBLIC_URL and MAIL_BATCH_MINUTES, checked together; null without SMTP_URL. */
function mailConfig(env: Env): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    throw new ConfigError('SMTP_URL is not a URL; write it as smtp://user:pass@host:587 or smtps://…:465.');
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${smtp.protocol}//.`);
  }
  const from = env.MAIL_FROM?.trim();
  if (!from || !/@[^@\s>]+\.?[^@\s>]*>?$/.test(from)) {
    throw new ConfigError('MAIL_FROM must be set with SMTP_URL, e.g. "Stageboard <noreply@example.com>".');
  }
  // Links in a mail are read far from the server: a localhost fallback would reach nobody. Its
  // form is checked with the other outbound settings (outbound(), config.publicUrl).
  if (!env.PUBLIC_URL?.trim() && !env.ORIGIN?.trim()) {
    throw new ConfigError(
      'PUBLIC_URL must be set with SMTP_URL: the http(s) address people open Stageboard at, for the links in mails.'
    );
  }
  return { smtpUrl, from, batchMinutes: int(env, 'MAIL_BATCH_MINUTES', 10, 1, 24 * 60) };
}

/** ATTACHMENT_MAX_BYTES_VIDEO, …_PDF, …: the kinds of draft whose limit the operator set. */
function kindBytes(env: Env): Partial<Record<DraftKind, number>> {
  const set: Partial<Record<DraftKind, number>> = {};
  for (const kind of DRAFT_KINDS) {
    const name = `ATTACHMENT_MAX_BYTES_${kind.toUpperCase()}`;
    if (env[name]) set[kind] = int(env, name, 0, 1024, 4 * 1024 ** 3);
  }
  return set;
}

/**
 * The per-socket budget. The defaults are far above people: a fast typist with presence sends
 * some 30 messages a second, a client back from offline sends its whole backlog as one merged
 * update (up to maxMessageBytes), which one full byte bucket always lets through.
 */
function syncBudget(env: Env, maxMessageBytes: number) {
  const syncByteBurst = int(
    env,
    'SYNC_BYTE_BURST',
    Math.max(8 * 1024 * 1024, maxMessageBytes),
    1024,
    2 ** 31
  );
  if (syncByteBurst < maxMessageBytes) {
    throw new ConfigError(
      `SYNC_BYTE_BURST=${syncByteBurst} must be at least MAX_MESSAGE_BYTES (${maxMessageBytes}).`
    );
  }
  return {
    syncMessagesPerSecond: int(env, 'SYNC_MESSAGES_PER_SECOND', 100, 1, 1_000_000),
    syncMessageBurst: int(env, 'SYNC_MESSAGE_BURST', 100, 1, 1_000_000),
    syncBytesPerSecond: int(env, 'SYNC_BYTES_PER_SECOND', 1024 * 1024, 1024, 2 ** 31),
    syncByteBurst,
    syncCloseAfterMs: int(env, 'SYNC_CLOSE_AFTER_MS', 10_000, 0, 3_600_000)
  };
}

/** Where links point, and which private addresses webhooks and robots may reach (server/outbound). */
function outbound(
  env: Env
): Pick<
  Config,
  | 'publicUrl'
  | 'outboundAllowPrivate'
  | 'outboundAllowHosts'
  | 'outboundRetryDelaysMs'
  | 'outboundDisableAfter'
> {
  const raw = env.PUBLIC_URL || env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
  let publicUrl: URL;
  try {
    publicUrl = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL=${raw} is not a URL (e.g. https://board.example.com).`);
  }
  if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL=${raw} must start with http:// or https://.`);
  }
  const hosts = (env.OUTBOUND_ALLOW_HOSTS || '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts) {
    if (!/^[a-z0-9.:[\]-]+$/.test(host)) {
      throw new ConfigError(`OUTBOUND_ALLOW_HOSTS has "${host}", which is not a host name or address.`);
    }
  }
  return {
    publicUrl: publicUrl.origin,
    outboundAllowPrivate: bool(env, 'OUTBOUND_ALLOW_PRIVATE', false),
    outboundAllowHosts: hosts.map((h) => h.replace(/^\[|\]$/g, '')),
    outboundRetryDelaysMs: retryDelays(env),
    outboundDisableAfter: int(env, 'OUTBOUND_DISABLE_AFTER', 5, 1, 1000)
  };
}

/** Six attempts over about an hour unless the operator says otherwise (server/outbound/DeliveryWorker.ts). */
function retryDelays(env: Env): number[] {
  const raw = env.OUTBOUND_RETRY_DELAYS_MS;
  if (!raw) return [60_000, 5 * 60_000, 10 * 60_000, 20 * 60_000, 25 * 60_000];
  const list = raw.split(',').map((v) => Number(v.trim()));
  if (list.length > 20 || list.some((v) => !Number.isInteger(v) || v < 0 || v > 24 * 3600 * 1000)) {
    throw new ConfigError(
      `OUTBOUND_RETRY_DELAYS_MS=${raw} must be up to 20 comma-separated waits in milliseconds (0 to one day each).`
    );
  }
  return list;
}
