/**
 * A board's webhooks and group-chat robots: adding, listing, turning on and off, deleting, a test
 * event, a resend and the delivery log (for the board's managers: the routes check), and the
 * outbox they are fed by. Events come from recorded activity (`fromActivity`), the due notices'
 * overdue cards (`fromOverdue`) and the weekly digest's schedule; each is written to the outbox
 * for every integration that listens to it, then sent by the DeliveryWorker. Reasons: README.md.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityEntry } from '#lib/activity/types';
import { isLocale } from '#lib/i18n/locale';
import {
  INTEGRATIONS_MAX,
  SECRET_MAX,
  URL_MAX,
  isIntegrationKind,
  isOutboundEventType,
  type AttemptView,
  type IntegrationView,
  type OutboundEvent,
  type OutboundEventType
} from '#lib/outbound/types';
import type { MembershipService } from '../auth/MembershipService';
import type { InboxService } from '../inbox/InboxService';
import { errorMessage, type Logger } from '../log';
import { PassTimer } from '../PassTimer';
import type { DocStore } from '../store/DocStore';
import { bareHost, checkTarget, parseTarget, type AddressPolicy } from './addressGuard';
import {
  awaitingFlags,
  baseEvent,
  entersStage,
  eventsFromActivity,
  overdueEvent,
  stableEventId,
  type EventContext,
  type OverdueCard
} from './boardEvents';
import type { DeliveryWorker } from './DeliveryWorker';
import { OutboundRequestError } from './OutboundRequestError';
import type { Integration, OutboundStore } from './OutboundStore';
import { newWebhookSecret } from './signing';
import { lastScheduled, weeklyDigest, type DigestReaders } from './weeklyDigest';

/** Attempts the delivery log shows. */
export const LOG_MAX = 50;
/** How often the weekly digests' schedule is looked at. */
export const DIGEST_PASS_MS = 5 * 60 * 1000;

export interface OutboundServiceDeps {
  store: OutboundStore;
  worker: Pick<DeliveryWorker, 'kick'>;
  boards: Pick<DocStore, 'getBoard'>;
  /** Reads a board's document (RoomManager.read): whether a moved card now waits at a gate. */
  docs: { read<T>(boardId: string, fn: (doc: import('yjs').Doc) => T): Promise<T> };
  digest: DigestReaders;
  members: Pick<MembershipService, 'rolesOn'>;
  inbox: Pick<InboxService, 'deliver'>;
  policy: AddressPolicy;
  publicUrl: string;
  log: Logger;
  now: () => number;
}

/** What a new integration is made from, as the API's body gives it (checked here). */
export interface IntegrationInput {
  kind?: unknown;
  url?: unknown;
  events?: unknown;
  locale?: unknown;
  secret?: unknown;
  digestWeekday?: unknown;
  digestHour?: unknown;
}

/** A robot's key or token lives in its URL: the list shows its first characters only. */
function maskedUrl(raw: string): string {
  const url = parseTarget(raw);
  if (url === 'invalid-url') return '';
  const hide = (v: string) => (v.length > 6 ? `${v.slice(0, 4)}…` : '…');
  for (const [k, v] of [...url.searchParams]) url.searchParams.set(k, hide(v));
  const parts = url.pathname.split('/');
  const last = parts.at(-1) ?? '';
  if (last.length > 6) parts[parts.length - 1] = hide(last);
  return decodeURI(`${url.origin}${parts.join('/')}${url.search}`);
}

export function integrationView(i: Integration): IntegrationView {
  return {
    id: i.id,
    kind: i.kind,
    url: maskedUrl(i.url),
    events: i.events,
    locale: i.locale,
    digestWeekday: i.digestWeekday,
    digestHour: i.digestHour,
    enabled: i.enabled,
    disabledReason: i.disabledReason,
    consecutiveFailures: i.consecutiveFailures,
    hasSecret: i.secret !== '',
    createdAt: i.createdAt
  };
}

const wholeIn = (v: unknown, min: number, max: number, fallback: number): number | null => {
  if (v === undefined || v === null) return fallback;
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : null;
};

export class OutboundService {
  readonly #deps: OutboundServiceDeps;
  readonly #digestTimer = new PassTimer(() => this.digestPass(), 30_000);
  /** Robot and week digests queued by this process: a pass does not read the board again for them. */
  readonly #digestsQueued = new Set<string>();

  constructor(deps: OutboundServiceDeps) {
    this.#deps = deps;
  }

  /** Looks at the weekly digests' schedule every `intervalMs`. */
  start(intervalMs = DIGEST_PASS_MS): void {
    this.#digestTimer.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.#digestTimer.stop();
  }

  async list(boardId: string): Promise<IntegrationView[]> {
    return (await this.#deps.store.listIntegrations(boardId)).map(integrationView);
  }

  /** Adds one; a webhook's signing secret is made here and returned this once. */
  async add(
    boardId: string,
    userId: string,
    input: IntegrationInput
  ): Promise<{ integration: IntegrationView; secret: string | null }> {
    const { store, policy, now } = this.#deps;
    const { kind, url, events, locale, secret } = input;
    const refuse = (code: 'invalid-integration' | 'invalid-events', message: string) =>
      new OutboundRequestError(400, code, message);
    if (!isIntegrationKind(kind) || !isLocale(locale)) throw refuse('invalid-integration', 'kind or locale');
    if (typeof url !== 'string' || url.length > URL_MAX)
      throw new OutboundRequestError(400, 'invalid-url', 'url');
    if (
      !Array.isArray(events) ||
      events.length === 0 ||
      events.length > 20 ||
      !events.every(isOutboundEventType)
    ) {
      throw refuse('invalid-events', 'events');
    }
    if (secret !== undefined && (typeof secret !== 'string' || secret.length > SECRET_MAX))
      throw refuse('invalid-integration', 'secret');
    const digestWeekday = wholeIn(input.digestWeekday, 1, 7, 1);
    const digestHour = wholeIn(input.digestHour, 0, 23, 9);
    if (digestWeekday === null || digestHour === null) throw refuse('invalid-integration', 'digest schedule');
    const refusal = await checkTarget(url.trim(), policy);
    if (refusal) throw new OutboundRequestError(400, refusal, `url refused: ${refusal}`);
    if ((await store.listIntegrations(boardId)).length >= INTEGRATIONS_MAX) {
      throw new OutboundRequestError(409, 'too-many', 'too many integrations');
    }
    const made = kind === 'webhook' ? newWebhookSecret() : ((secret as string | undefined) ?? '').trim();
    const integration: Integration = {
      id: randomUUID(),
      boardId,
      kind,
      url: url.trim(),
      secret: made,
      events: [...new Set(events)],
      locale,
      digestWeekday,
      digestHour,
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      createdBy: userId,
      createdAt: now()
    };
    await store.addIntegration(integration);
    return { integration: integrationView(integration), secret: kind === 'webhook' ? made : null };
  }

  /** Turns one on (its failure count starts again) or off. */
  async setEnabled(boardId: string, id: string, enabled: boolean): Promise<IntegrationView> {
    await this.#own(boardId, id);
    const patch = enabled
      ? { enabled, disabledReason: null, consecutiveFailures: 0 }
      : { enabled, disabledReason: 'manual' as const };
    const after = await this.#deps.store.updateIntegration(id, patch);
    if (!after) throw this.#notFound();
    // Deliveries that waited while it was off are due now.
    if (enabled) this.#deps.worker.kick();
    return integrationView(after);
  }

  async remove(boardId: string, id: string): Promise<void> {
    await this.#own(boardId, id);
    await this.#deps.store.removeIntegration(id);
  }

  /** Queues a `ping` event for this one integration, whatever it listens to. */
  async test(boardId: string, id: string): Promise<void> {
    const integration = await this.#own(boardId, id);
    const ctx = await this.#context(boardId);
    await this.#enqueue([integration], [baseEvent(ctx, 'ping', this.#deps.now())]);
  }

  /** Sends a delivery again (same event id: a receiver that has it drops the repeat). */
  async resend(boardId: string, id: string, deliveryId: number): Promise<void> {
    await this.#own(boardId, id);
    const delivery = await this.#deps.store.getDelivery(deliveryId);
    if (!delivery || delivery.integrationId !== id) throw this.#notFound();
    await this.#deps.store.requeue(deliveryId, this.#deps.now());
    this.#deps.worker.kick();
  }

  async attempts(boardId: string, id: string): Promise<AttemptView[]> {
    await this.#own(boardId, id);
    return this.#deps.store.attempts(id, LOG_MAX);
  }

  /** Queues the events recorded entries make, for the board's integrations that listen to them. */
  async fromActivity(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    const listening = (await this.#deps.store.listIntegrations(boardId)).filter((i) => i.enabled);
    if (listening.length === 0) return;
    const wants = new Set(listening.flatMap((i) => i.events));
    const gated = wants.has('card.awaiting_approval') ? entries.filter(entersStage) : [];
    const flags =
      gated.length > 0 ? await this.#deps.docs.read(boardId, (doc) => awaitingFlags(doc, entries)) : [];
    const events = eventsFromActivity(await this.#context(boardId), entries, flags);
    await this.#enqueue(listening, events);
  }

  /** Queues `card.overdue` for cards whose date has passed (once per card and date: the event id). */
  async fromOverdue(boardId: string, cards: readonly OverdueCard[]): Promise<void> {
    if (cards.length === 0) return;
    const listening = (await this.#deps.store.listIntegrations(boardId)).filter((i) => i.enabled);
    if (!listening.some((i) => i.events.includes('card.overdue'))) return;
    const ctx = await this.#context(boardId);
    await this.#enqueue(
      listening,
      cards.map((c) => overdueEvent(ctx, c, this.#deps.now()))
    );
  }

  /**
   * Queues each robot's digest whose scheduled moment has come, once per week (the event id is
   * the robot and the day): after a restart, the week missed is sent once, older ones are not.
   */
  async digestPass(): Promise<number> {
    const { store, now, log } = this.#deps;
    let queued = 0;
    try {
      for (const integration of await store.listListening('digest.weekly')) {
        const { at, day } = lastScheduled(now(), integration.digestWeekday, integration.digestHour);
        if (at < integration.createdAt) continue;
        const id = stableEventId('digest', integration.id, day);
        if (this.#digestsQueued.has(id)) continue;
        const digest = await weeklyDigest(this.#deps.digest, integration.boardId, day);
        if (!digest) continue;
        const ctx = await this.#context(integration.boardId);
        const event: OutboundEvent = { ...baseEvent(ctx, 'digest.weekly', at, id), digest };
        queued += await this.#enqueue([integration], [event], true);
        this.#digestsQueued.add(id);
      }
    } catch (error) {
      log.error('weekly digests not queued', { error: errorMessage(error) });
    }
    return queued;
  }

  /** A board's integrations go with it. */
  removeBoard(boardId: string): Promise<void> {
    return this.#deps.store.removeBoard(boardId);
  }

  /** Tells the board's owners that an integration was turned off for failing (their inbox). */
  async turnedOff(integration: Integration): Promise<void> {
    const { members, inbox, now } = this.#deps;
    const owners = (await members.rolesOn(integration.boardId)).filter((m) => m.role === 'owner');
    const url = parseTarget(integration.url);
    const at = now();
    await inbox.deliver(
      integration.boardId,
      owners.map(({ userId }) => ({
        userId,
        boardId: integration.boardId,
        cardId: '',
        kind: 'integration-off' as const,
        actorId: null,
        cardTitle: url === 'invalid-url' ? '' : bareHost(url),
        excerpt: '',
        detail: String(integration.consecutiveFailures),
        commentId: null,
        dedupeKey: `integration-off:${integration.id}:${at}`,
        createdAt: at
      }))
    );
  }

  /** Writes each event to the outbox for each integration listening; `always`: whatever they listen to. */
  async #enqueue(
    integrations: readonly Integration[],
    events: readonly OutboundEvent[],
    always = false
  ): Promise<number> {
    const at = this.#deps.now();
    const rows = integrations.flatMap((i) =>
      events
        .filter((e) => always || e.type === 'ping' || i.events.includes(e.type as OutboundEventType))
        .map((e) => ({
          integrationId: i.id,
          boardId: i.boardId,
          eventId: e.id,
          eventType: e.type,
          payload: JSON.stringify(e),
          nextAt: at,
          createdAt: at
        }))
    );
    if (rows.length === 0) return 0;
    const added = await this.#deps.store.enqueue(rows);
    if (added.length > 0) this.#deps.worker.kick();
    return added.length;
  }

  async #context(boardId: string): Promise<EventContext> {
    const board = await this.#deps.boards.getBoard(boardId);
    return { boardId, boardTitle: board?.title ?? '', origin: this.#deps.publicUrl };
  }

  /** The integration, when it is this board's; else not found (ids of other boards say nothing). */
  async #own(boardId: string, id: string): Promise<Integration> {
    const found = await this.#deps.store.getIntegration(id);
    if (!found || found.boardId !== boardId) throw this.#notFound();
    return found;
  }

  #notFound(): OutboundRequestError {
    return new OutboundRequestError(404, 'not-found', 'no such integration on this board');
  }
}
