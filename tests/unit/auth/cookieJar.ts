import type { Cookies } from '@sveltejs/kit';
import { parse, serialize, type CookieSerializeOptions } from 'cookie';

/**
 * SvelteKit's `cookies` as an endpoint sees them, reduced to what the auth endpoints use: the
 * same defaults merged under the caller's options, delete as set-to-empty with Max-Age 0, and
 * every change serialised by the `cookie` package (SvelteKit's own serialiser) into `setCookie`.
 */
export class CookieJar {
  /** The Set-Cookie header lines the response would carry, in order. */
  readonly setCookie: string[] = [];
  readonly #values: Record<string, string | undefined>;
  readonly #url: URL;

  constructor(url: URL, requestCookies: Record<string, string> = {}) {
    this.#url = url;
    this.#values = { ...requestCookies };
  }

  /** The jar as the `Cookies` an endpoint or hook receives. */
  get cookies(): Cookies {
    const set = (name: string, value: string, options: CookieSerializeOptions & { path: string }) => {
      const defaults = {
        httpOnly: true,
        sameSite: 'lax' as const,
        secure: !(this.#url.hostname === 'localhost' && this.#url.protocol === 'http:')
      };
      this.setCookie.push(serialize(name, value, { ...defaults, ...options }));
      this.#values[name] = options.maxAge === 0 ? undefined : value;
    };
    return {
      get: (name: string) => this.#values[name],
      getAll: () =>
        Object.entries(this.#values).flatMap(([name, value]) =>
          value === undefined ? [] : [{ name, value }]
        ),
      set,
      delete: (name: string, options: CookieSerializeOptions & { path: string }) =>
        set(name, '', { ...options, maxAge: 0 }),
      serialize: (name: string, value: string, options: CookieSerializeOptions & { path: string }) =>
        serialize(name, value, options)
    };
  }

  /** The attributes of the last Set-Cookie line for `name`, lowercased keys (`httponly`, `max-age`…). */
  lastAttributes(name: string): Record<string, string | true> | undefined {
    const line = this.setCookie.findLast((header) => header.startsWith(`${name}=`));
    if (!line) return undefined;
    const [pair = '', ...attributes] = line.split('; ');
    const out: Record<string, string | true> = { value: parse(pair)[name] ?? '' };
    for (const attribute of attributes) {
      const [key = '', value] = attribute.split('=');
      out[key.toLowerCase()] = value ?? true;
    }
    return out;
  }
}
