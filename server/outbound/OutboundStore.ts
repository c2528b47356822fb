/**
 * A board's integrations, the outbox of their deliveries and the log of each attempt, behind one
 * interface (memory for tests, SQLite for the app), both through
 * tests/integration/outbound/outboundStoreContract.ts.
 */
import type {
  DeliveredEventType,
  DeliveryStatus,
  IntegrationView,
  OutboundEventType
} from '#lib/outbound/types';

/** An integration as stored: what the dialog sees (IntegrationView) plus its board, full URL and secret. */
export interface Integration extends Omit<IntegrationView, 'url' | 'hasSecret'> {
  boardId: string;
  /** The URL as given, with a robot's key or token in it. */
  url: string;
  /** Webhooks: the signing secret made for it; robots: the platform's 加签 secret, or ''. */
  secret: string;
  createdBy: string;
}

export type IntegrationPatch = Partial<
  Pick<Integration, 'enabled' | 'disabledReason' | 'consecutiveFailures' | 'events' | 'locale'>
>;

export interface NewDelivery {
  integrationId: string;
  boardId: string;
  eventId: string;
  eventType: DeliveredEventType;
  payload: string;
  nextAt: number;
  createdAt: number;
}

export interface Delivery extends NewDelivery {
  id: number;
  status: DeliveryStatus;
  attempts: number;
}

/** What one attempt found, and what becomes of its delivery. */
export interface AttemptRecord {
  deliveryId: number;
  integrationId: string;
  at: number;
  statusCode: number | null;
  durationMs: number;
  ok: boolean;
  error: string | null;
  response: string;
  /** The delivery after it: delivered, due again at nextAt, or given up. */
  status: DeliveryStatus;
  nextAt: number;
}

export interface Attempt extends Omit<AttemptRecord, 'status' | 'nextAt'> {
  id: number;
  attempt: number;
  eventId: string;
  eventType: DeliveredEventType;
  deliveryStatus: DeliveryStatus;
}

export interface OutboundStore {
  addIntegration(integration: Integration): Promise<void>;
  getIntegration(id: string): Promise<Integration | null>;
  /** Every board's integrations that are on and listen to `type` (the weekly digest's schedule). */
  listListening(type: OutboundEventType): Promise<Integration[]>;
  /** A board's integrations, oldest first. */
  listIntegrations(boardId: string): Promise<Integration[]>;
  /** Changes what the patch names; resolves with the integration after, or null when it is gone. */
  updateIntegration(id: string, patch: IntegrationPatch): Promise<Integration | null>;
  /** Deletes it with its deliveries and their log. */
  removeIntegration(id: string): Promise<void>;
  /** Deletes a board's integrations, deliveries and log (the board is being deleted). */
  removeBoard(boardId: string): Promise<void>;
  /**
   * Adds deliveries, pending; one whose (integration, event) is already in the outbox is skipped.
   * Resolves with those added.
   */
  enqueue(deliveries: readonly NewDelivery[]): Promise<Delivery[]>;
  /** Pending deliveries of enabled integrations due by `now`, earliest first, at most `limit`. */
  due(now: number, limit: number): Promise<Delivery[]>;
  getDelivery(id: number): Promise<Delivery | null>;
  /** Logs an attempt and moves its delivery on (attempts + 1, status, nextAt) in one write. */
  recordAttempt(record: AttemptRecord): Promise<void>;
  /** Makes a delivery pending again, due at `at` (a resend); false when it is not there. */
  requeue(deliveryId: number, at: number): Promise<boolean>;
  /** An integration's attempts, newest first, at most `limit`. */
  attempts(integrationId: string, limit: number): Promise<Attempt[]>;
}
