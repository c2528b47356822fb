import { browser } from '$app/environment';
import { DEFAULT_LOCALE, LOCALE_COOKIE, format, type Locale, type MessageKey } from './locale';

/** The UI language: one reactive value, set from the server's choice and switchable by the user. */
class I18n {
  #locale = $state<Locale>(DEFAULT_LOCALE);

  get locale(): Locale {
    return this.#locale;
  }

  /** Adopts a locale without remembering it (the server already chose it). */
  init(locale: Locale): void {
    this.#locale = locale;
  }

  /** Switches language and remembers it for a year. */
  set(locale: Locale): void {
    this.#locale = locale;
    if (browser) {
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
      document.documentElement.lang = locale;
    }
  }

  /** Translates a message key in the current language. */
  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    format(this.#locale, key, params);
}

export const i18n = new I18n();
export const t = i18n.t;
