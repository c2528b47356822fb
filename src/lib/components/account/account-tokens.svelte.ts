/**
 * The tokens page's state and commands: the account's tokens as the server has them, the token
 * just made (held here only, until its maker says they saved it: the server never shows it again),
 * and refusals as sentences. Every change is one API call followed by a fresh read.
 */
import { callApi, failureText, type ApiResult } from '$lib/api/api-call';
import type { TokenScope, TokenView } from '$lib/auth/tokenScopes';
import type { MessageKey } from '$lib/i18n/locale';

/** Refusals of the token routes. */
const TOKEN_MESSAGES: Partial<Record<string, MessageKey>> = {
  'invalid-token-name': 'error.tokens.name',
  'invalid-token-scope': 'error.tokens.scope',
  'invalid-token-expiry': 'error.tokens.expiry',
  'too-many-tokens': 'error.tokens.tooMany',
  'token-not-found': 'error.tokens.notFound',
  'token-not-allowed': 'error.tokens.notAllowed'
};

/** A token as the page lists it (the server's TokenView). */
export type TokenItem = TokenView;

export class AccountTokens {
  #tokens = $state<TokenItem[]>([]);
  #error = $state('');
  #busy = $state(false);
  #created = $state<{ token: string; name: string } | null>(null);

  /** Starts from the list the page's load read, so the first paint has it. */
  constructor(initial: () => TokenItem[]) {
    this.#tokens = initial();
  }

  get tokens(): readonly TokenItem[] {
    return this.#tokens;
  }

  /** The last refusal in the reader's words; '' when the last call went through. */
  get error(): string {
    return this.#error;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** The token made just now, to show once; null once dismissed. */
  get created(): { token: string; name: string } | null {
    return this.#created;
  }

  async create(name: string, scope: TokenScope, expiresInDays: number | null): Promise<boolean> {
    const made = await this.#run(() =>
      callApi(
        '/api/account/tokens',
        { method: 'POST', json: { name, scope, expiresInDays } },
        (body) => body as { token: string; view: TokenItem }
      )
    );
    if (!made) return false;
    this.#created = { token: made.token, name: made.view.name };
    await this.load();
    return true;
  }

  /** Forgets the token shown once: from here on nobody can read it again. */
  dismiss(): void {
    this.#created = null;
  }

  async revoke(token: TokenItem): Promise<void> {
    const done = await this.#run(() =>
      callApi(`/api/account/tokens/${token.id}`, { method: 'DELETE' }, () => true)
    );
    // Gone already (revoked in another tab) is what was asked for: the fresh read shows it.
    await this.load();
    if (done) this.#error = '';
  }

  async load(): Promise<void> {
    const list = await callApi('/api/account/tokens', {}, (body) => (body as { tokens: TokenItem[] }).tokens);
    if (list.ok) this.#tokens = list.value;
    else this.#error = failureText(list, TOKEN_MESSAGES);
  }

  async #run<T>(call: () => Promise<ApiResult<T>>): Promise<T | null> {
    this.#busy = true;
    this.#error = '';
    try {
      const result = await call();
      if (result.ok) return result.value;
      this.#error = failureText(result, TOKEN_MESSAGES);
      return null;
    } finally {
      this.#busy = false;
    }
  }
}
