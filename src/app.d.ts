import type { Locale } from '$lib/i18n/locale';
import type { PublicUser } from '#server/auth/AuthService';
import type { TokenScope } from '$lib/auth/tokenScopes';
import type { Services } from '#server/services';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The process's services, created once by server/index.ts (or the dev plugin). */
      services: Services;
      /** Who sent the request, from the session cookie; null when nobody is signed in. */
      user: PublicUser | null;
      /**
       * The personal access token the request came with (server/http/bearer.ts), whose scope is a
       * ceiling on `user`'s roles; null for a browser's cookie session or nobody.
       */
      token: { id: string; scope: TokenScope } | null;
    }
    interface PageData {
      /** Set by server-rendered pages; client-rendered ones read <html lang> instead. */
      locale?: Locale;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
