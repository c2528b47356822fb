import { describe, expect, it } from 'vitest';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  sessionCookieOptions,
  setSessionCookie
} from '#server/auth/sessionCookie';
import { CookieJar } from './cookieJar';

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Lax, for the whole site, and lives as long as the session', () => {
    expect(sessionCookieOptions(new URL('http://board.lan/api/auth/signin'), THIRTY_DAYS_MS)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
      maxAge: 2_592_000
    });
  });

  it('is Secure when the request came over https, or when the operator forces it', () => {
    expect(sessionCookieOptions(new URL('https://board.example.com/'), 1000).secure).toBe(true);
    expect(sessionCookieOptions(new URL('http://board.lan/'), 1000, true).secure).toBe(true);
  });

  it('serialises to a Set-Cookie line with HttpOnly, SameSite=Lax, Path=/ and Max-Age, no Secure on http', () => {
    // Not localhost: SvelteKit's own default would add Secure there, and ours must win.
    const url = new URL('http://board.lan/api/auth/signin');
    const jar = new CookieJar(url);
    setSessionCookie(jar.cookies, url, 'tok-en_1', THIRTY_DAYS_MS);
    expect(jar.setCookie).toEqual([
      `${SESSION_COOKIE}=tok-en_1; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`
    ]);
  });

  it('serialises with Secure on https', () => {
    const url = new URL('https://board.example.com/api/auth/signup');
    const jar = new CookieJar(url);
    setSessionCookie(jar.cookies, url, 'token', THIRTY_DAYS_MS);
    expect(jar.lastAttributes(SESSION_COOKIE)).toEqual({
      value: 'token',
      'max-age': '2592000',
      path: '/',
      httponly: true,
      secure: true,
      samesite: 'Lax'
    });
  });

  it('is cleared with the same attributes and Max-Age=0, so a plain-http browser accepts the deletion', () => {
    const url = new URL('http://board.lan/api/auth/signout');
    const jar = new CookieJar(url, { [SESSION_COOKIE]: 'token' });
    clearSessionCookie(jar.cookies, url);
    expect(jar.setCookie).toEqual([`${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`]);
    expect(jar.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });
});
