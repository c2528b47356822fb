/**
 * Sends what the outbox holds: every pass takes the pending deliveries due by now (of enabled
 * integrations), sends each once, and logs the attempt. A failure is tried again later, each wait
 * longer than the last with some jitter (so many failed hooks do not all come back at once),
 * until the attempts run out; then the delivery is given up, and an integration that has given up
 * `disableAfter` deliveries in a row is turned off and its board's owners are told. Because the
 * outbox is in the database, a delivery due while the server was down is sent on the first pass
 * after it starts.
 */
import { performance } from 'node:perf_hooks';
import type { OutboundEvent } from '#lib/outbound/types';
import { errorMessage, type Logger } from '../log';
import { PassTimer } from '../PassTimer';
import type { AddressPolicy } from './addressGuard';
import { deliveryRequest } from './deliveryRequest';
import type { Delivery, Integration, OutboundStore } from './OutboundStore';
import { robotAccepted } from './robotMessages';
import { SendFailure, sendRequest } from './sendRequest';

export interface RetryPolicy {
  /** Waits after the 1st, 2nd, … failed attempt; attempts in all = delays + 1. */
  delaysMs: readonly number[];
  /** Each wait is scaled by a factor in [1 - jitter, 1 + jitter]. */
  jitter: number;
  /** The whole exchange's deadline. */
  timeoutMs: number;
  /** Deliveries given up in a row that turn an integration off. */
  disableAfter: number;
}

/** The jitter and deadline; the waits and how many failures turn a hook off come from the config. */
export const DEFAULT_RETRY: Omit<RetryPolicy, 'delaysMs' | 'disableAfter'> = {
  jitter: 0.2,
  timeoutMs: 10_000
};

/** Deliveries one pass sends at most; the rest wait for the next pass. */
const PASS_MAX = 100;
const FIRST_PASS_MS = 5_000;

export interface DeliveryWorkerDeps {
  store: OutboundStore;
  policy: AddressPolicy;
  retry: RetryPolicy;
  log: Logger;
  now: () => number;
  random?: () => number;
  /** An integration was turned off for failing: its owners are told (OutboundService). */
  turnedOff: (integration: Integration) => Promise<void>;
}

export class DeliveryWorker {
  readonly #deps: DeliveryWorkerDeps;
  readonly #timer = new PassTimer(() => this.#pass(), FIRST_PASS_MS);
  #again = false;

  constructor(deps: DeliveryWorkerDeps) {
    this.#deps = deps;
  }

  start(intervalMs: number): void {
    this.#timer.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.#timer.stop();
  }

  /** Something was queued: a pass now (or another right after the one under way). */
  kick(): void {
    if (this.#timer.stopped) return;
    this.#again = true;
    void this.pass();
  }

  /** One pass; resolves with how many attempts it made. */
  async pass(): Promise<number> {
    let made = 0;
    do {
      this.#again = false;
      made += await this.#timer.pass();
    } while (this.#again && !this.#timer.stopped);
    return made;
  }

  async #pass(): Promise<number> {
    const { store, log, now } = this.#deps;
    let made = 0;
    try {
      const due = await store.due(now(), PASS_MAX);
      // One integration's deliveries go in order; different integrations' go side by side, so one
      // slow receiver does not hold the others up.
      const byIntegration = new Map<string, Delivery[]>();
      for (const d of due)
        byIntegration.set(d.integrationId, [...(byIntegration.get(d.integrationId) ?? []), d]);
      await Promise.all(
        [...byIntegration.values()].map(async (list) => {
          for (const d of list) {
            if (this.#timer.stopped) return;
            if (await this.#attempt(d)) made++;
          }
        })
      );
    } catch (error) {
      log.error('outbound deliveries failed', { error: errorMessage(error) });
    }
    return made;
  }

  /** Sends one delivery once and logs it; false when its integration is gone or off. */
  async #attempt(delivery: Delivery): Promise<boolean> {
    const { store, now, retry, log } = this.#deps;
    const integration = await store.getIntegration(delivery.integrationId);
    if (!integration?.enabled) return false;
    const at = now();
    const started = performance.now();
    let statusCode: number | null = null;
    let response = '';
    let error: string | null = null;
    try {
      const event = JSON.parse(delivery.payload) as OutboundEvent;
      // Signed with the wall clock whatever clock schedules the outbox: receivers compare the
      // timestamp with their own.
      const request = deliveryRequest(integration, event, delivery.id, Date.now());
      const answer = await sendRequest(request.url, request.body, request.headers, {
        timeoutMs: retry.timeoutMs,
        policy: this.#deps.policy
      });
      statusCode = answer.statusCode;
      response = answer.body;
      if (statusCode < 200 || statusCode >= 300) error = `http-${statusCode}`;
      else if (integration.kind !== 'webhook') {
        // Robots answer 200 with their own error code: a refused signature is a failure too.
        const accepted = robotAccepted(integration.kind, response);
        if (!accepted.ok) error = `platform-error: ${accepted.detail}`;
      }
    } catch (failure) {
      error =
        failure instanceof SendFailure
          ? `${failure.code}: ${failure.message}`
          : `failed: ${errorMessage(failure)}`;
    }
    const durationMs = Math.round(performance.now() - started);
    const ok = error === null;
    const attempt = delivery.attempts + 1;
    const last = attempt > retry.delaysMs.length;
    const status = ok ? 'delivered' : last ? 'dead' : 'pending';
    // The wait counts from the end of this attempt: a receiver that hung for the whole timeout
    // still gets the full wait before the next.
    const ended = now();
    const nextAt = ok || last ? ended : ended + this.#wait(retry.delaysMs[attempt - 1]!);
    await store.recordAttempt({
      deliveryId: delivery.id,
      integrationId: integration.id,
      at,
      statusCode,
      durationMs,
      ok,
      error,
      response,
      status,
      nextAt
    });
    if (ok && integration.consecutiveFailures > 0) {
      await store.updateIntegration(integration.id, { consecutiveFailures: 0 });
    }
    if (status === 'dead') {
      log.warn('outbound delivery given up', { integration: integration.id, delivery: delivery.id, error });
      await this.#failedDelivery(integration.id);
    }
    return true;
  }

  #wait(base: number): number {
    const random = this.#deps.random ?? Math.random;
    const { jitter } = this.#deps.retry;
    return Math.max(0, Math.round(base * (1 - jitter + 2 * jitter * random())));
  }

  async #failedDelivery(integrationId: string): Promise<void> {
    const { store, retry, log } = this.#deps;
    // Read again: the attempts of the same integration run one after another, so this is current.
    const current = await store.getIntegration(integrationId);
    if (!current) return;
    const failures = current.consecutiveFailures + 1;
    const off = current.enabled && failures >= retry.disableAfter;
    const after = await store.updateIntegration(integrationId, {
      consecutiveFailures: failures,
      ...(off ? { enabled: false, disabledReason: 'failures' as const } : {})
    });
    if (off && after) {
      log.warn('integration turned off after failures', { integration: integrationId, failures });
      await this.#deps.turnedOff(after);
    }
  }
}
