/**
 * The public, versioned vocabulary of what a board tells the outside (webhooks and group-chat
 * robots, server/outbound): event types, their payload, and the integrations that receive them,
 * as the API and the integrations dialog see them. Shared by the server and the browser. A
 * receiver keys on `type` and `version`; fields are only ever added within a version.
 */
import type { Locale } from '#lib/i18n/locale';

/** Bumped only when a field changes meaning or goes; additions keep the version. */
export const EVENT_VERSION = 1;

export const OUTBOUND_EVENTS = [
  'card.created',
  'card.moved',
  'card.awaiting_approval',
  'card.approved',
  'card.sent_back',
  'card.overdue',
  'comment.created',
  'digest.weekly'
] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENTS)[number];
/** What a test button sends: never subscribed to, always delivered to the one integration asked. */
export type DeliveredEventType = OutboundEventType | 'ping';

export const INTEGRATION_KINDS = ['webhook', 'wecom', 'dingtalk', 'feishu'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
export type RobotKind = Exclude<IntegrationKind, 'webhook'>;

/** What a new one of each kind listens to unless the manager chooses otherwise. */
export const DEFAULT_EVENTS: Record<IntegrationKind, readonly OutboundEventType[]> = {
  webhook: [
    'card.created',
    'card.moved',
    'card.approved',
    'card.sent_back',
    'card.overdue',
    'comment.created'
  ],
  wecom: ['card.awaiting_approval', 'card.sent_back', 'card.overdue', 'digest.weekly'],
  dingtalk: ['card.awaiting_approval', 'card.sent_back', 'card.overdue', 'digest.weekly'],
  feishu: ['card.awaiting_approval', 'card.sent_back', 'card.overdue', 'digest.weekly']
};

/** Integrations one board may hold, and characters of a URL or a robot's secret. */
export const INTEGRATIONS_MAX = 20;
export const URL_MAX = 2048;
export const SECRET_MAX = 200;

export interface EventStage {
  id: string;
  name: string;
}

/** One event as a webhook's body carries it (JSON), and as robots' messages are written from. */
export interface OutboundEvent {
  /** Unique per event, the same on every retry and resend: receivers drop a repeat by it. */
  id: string;
  type: DeliveredEventType;
  version: typeof EVENT_VERSION;
  /** ISO 8601, when it happened. */
  createdAt: string;
  board: { id: string; title: string; url: string };
  card: { id: string; title: string; url: string } | null;
  /** card.moved / card.sent_back: where from and to; card.awaiting_approval, card.approved: `to` is the stage. */
  stage: { from: EventStage | null; to: EventStage | null } | null;
  /** Who did it; null for the server (a date passing, the weekly digest). */
  actor: { id: string; name: string } | null;
  comment: { id: string; excerpt: string } | null;
  /** card.approved / card.sent_back: the reviewer's note; card.overdue: null. */
  note: string | null;
  /** card.overdue: the due day 'YYYY-MM-DD'. */
  dueDate: string | null;
  /** digest.weekly: the week's figures. */
  digest: WeeklyDigest | null;
}

export interface WeeklyDigest {
  /** Inclusive days 'YYYY-MM-DD'. */
  from: string;
  to: string;
  moved: number;
  finished: number;
  sentBack: number;
  /** Fen spent in the period, and the board's currency. */
  spent: number;
  currency: string;
  /** Up to a few titles of what finished, newest first. */
  finishedTitles: string[];
}

/** An integration as the dialog lists it: never its secret. */
export interface IntegrationView {
  id: string;
  kind: IntegrationKind;
  /** The URL with a robot's key or token hidden (…). */
  url: string;
  events: OutboundEventType[];
  locale: Locale;
  /** Weekly digest: ISO weekday (1 Monday … 7 Sunday) and hour, Asia/Shanghai. */
  digestWeekday: number;
  digestHour: number;
  enabled: boolean;
  /** Why it is off: a person turned it off, or it failed `disableAfter` deliveries in a row. */
  disabledReason: 'manual' | 'failures' | null;
  consecutiveFailures: number;
  hasSecret: boolean;
  createdAt: number;
}

/** One attempt of one delivery, as the delivery log shows it. */
export interface AttemptView {
  id: number;
  deliveryId: number;
  eventId: string;
  eventType: DeliveredEventType;
  attempt: number;
  at: number;
  /** HTTP status; null when no answer came (refused, timed out, blocked). */
  statusCode: number | null;
  durationMs: number;
  ok: boolean;
  /** A code (`timeout`, `blocked-address`, `http-500`, `platform-error`, …) and its detail for logs. */
  error: string | null;
  /** The answer's first bytes. */
  response: string;
  /** The delivery's state now: waiting for a retry, delivered, or given up. */
  deliveryStatus: DeliveryStatus;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export function isOutboundEventType(value: unknown): value is OutboundEventType {
  return typeof value === 'string' && (OUTBOUND_EVENTS as readonly string[]).includes(value);
}

export function isIntegrationKind(value: unknown): value is IntegrationKind {
  return typeof value === 'string' && (INTEGRATION_KINDS as readonly string[]).includes(value);
}
