/**
 * The integrations dialog's state and commands: the board's webhooks and robots as the server has
 * them, one integration's delivery log, and the changes a manager makes. Every change is one API
 * call followed by a fresh read, so the dialog never shows a guess; a refusal is kept as a
 * sentence in the reader's language.
 */
import { callApi, failureText } from '$lib/api/api-call';
import type { Locale, MessageKey } from '$lib/i18n/locale';
import type { AttemptView, IntegrationKind, IntegrationView, OutboundEventType } from '$lib/outbound/types';

const CODES = [
  'invalid-url',
  'blocked-address',
  'unresolvable-host',
  'invalid-events',
  'invalid-integration',
  'too-many',
  'not-found'
] as const;
const MESSAGES: Partial<Record<string, MessageKey>> = Object.fromEntries(
  CODES.map((code) => [code, `outbound.error.${code}` as MessageKey])
);

/** What the add form sends. */
export interface NewIntegration {
  kind: IntegrationKind;
  url: string;
  events: OutboundEventType[];
  locale: Locale;
  secret?: string;
  digestWeekday: number;
  digestHour: number;
}

export class IntegrationsAdmin {
  readonly #boardId: () => string;
  #list = $state<IntegrationView[]>([]);
  #loaded = $state(false);
  #error = $state('');
  #busy = $state(false);
  /** A new webhook's signing secret, shown once. */
  #secret = $state<string | null>(null);
  #logFor = $state<string | null>(null);
  #log = $state<AttemptView[] | null>(null);

  constructor(boardId: () => string) {
    this.#boardId = boardId;
  }

  get list(): readonly IntegrationView[] {
    return this.#list;
  }
  /** False until the first read answers (the dialog shows its loading line). */
  get loaded(): boolean {
    return this.#loaded;
  }
  get error(): string {
    return this.#error;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get secret(): string | null {
    return this.#secret;
  }
  /** Whose log is open, and its attempts (null while it loads). */
  get logFor(): string | null {
    return this.#logFor;
  }
  get log(): readonly AttemptView[] | null {
    return this.#log;
  }

  /** Each opening starts clean and shows the integrations as they are now. */
  open(): void {
    this.#secret = null;
    this.#error = '';
    this.#logFor = null;
    void this.load();
  }

  async load(): Promise<void> {
    const got = await this.#call<{ integrations: IntegrationView[] }>('');
    this.#loaded = true;
    if (got) this.#list = got.value.integrations;
  }

  /** Adds one; true when added (a webhook's secret is then shown). */
  async add(input: NewIntegration): Promise<boolean> {
    const made = await this.#call<{ secret: string | null }>('', 'POST', input);
    if (!made) return false;
    this.#secret = made.value.secret;
    await this.load();
    return true;
  }

  dismissSecret(): void {
    this.#secret = null;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    if (await this.#call(`/${encodeURIComponent(id)}`, 'PATCH', { enabled })) await this.load();
  }

  async remove(id: string): Promise<void> {
    if (!(await this.#call(`/${encodeURIComponent(id)}`, 'DELETE'))) return;
    if (this.#logFor === id) this.#logFor = null;
    await this.load();
  }

  /** Queues a test event and opens the log, where it shows once sent. */
  async test(id: string): Promise<boolean> {
    const sent = await this.#call(`/${encodeURIComponent(id)}/test`, 'POST');
    if (sent) await this.showLog(id);
    return sent !== null;
  }

  async resend(id: string, deliveryId: number): Promise<void> {
    if (await this.#call(`/${encodeURIComponent(id)}/deliveries/${deliveryId}/resend`, 'POST'))
      await this.showLog(id);
  }

  /** Opens (or refreshes) one integration's delivery log. */
  async showLog(id: string): Promise<void> {
    if (this.#logFor !== id) this.#log = null;
    this.#logFor = id;
    const got = await this.#call<{ attempts: AttemptView[] }>(`/${encodeURIComponent(id)}/deliveries`);
    if (got && this.#logFor === id) this.#log = got.value.attempts;
  }

  hideLog(): void {
    this.#logFor = null;
  }

  async #call<T>(path: string, method = 'GET', json?: unknown): Promise<{ value: T } | null> {
    this.#busy = true;
    this.#error = '';
    const url = `/api/boards/${encodeURIComponent(this.#boardId())}/integrations${path}`;
    const result = await callApi(url, { method, json }, (body) => body as T);
    this.#busy = false;
    if (result.ok) return result;
    this.#error = failureText(result, MESSAGES);
    return null;
  }
}
