import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, cookieRequestAllowed, readCookie, sessionCookie, sessionCookieName } from './session-cookie';
import { authenticate, exchangeDecision } from './http-policy';

const ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

describe('the session cookie', () => {
  it('is named per port', () => {
    expect(sessionCookieName(5173)).toBe('jiaodui_session_5173');
    expect(sessionCookieName(8080)).not.toBe(sessionCookieName(5173));
    for (const bad of [0, -1, 65536, 1.5, Number.NaN]) expect(() => sessionCookieName(bad)).toThrow();
  });

  it('is HttpOnly, SameSite=Strict, Path=/, with a Max-Age; Secure only when asked (not on loopback http)', () => {
    const c = sessionCookie('jiaodui_session_5173', 'abc_DEF-123', { maxAgeSeconds: 3600.7, secure: false });
    const parts = c.split('; ');
    expect(parts[0]).toBe('jiaodui_session_5173=abc_DEF-123');
    expect(parts).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=3600']));
    expect(parts).not.toContain('Secure');
    expect(sessionCookie('n', 'v', { maxAgeSeconds: 1, secure: true }).split('; ')).toContain('Secure');
    expect(clearedSessionCookie('n', false)).toMatch(/^n=x; .*Max-Age=0/);
    expect(() => sessionCookie('n', 'a;b', { maxAgeSeconds: 1, secure: false })).toThrow();
    expect(() => sessionCookie('n=1', 'v', { maxAgeSeconds: 1, secure: false })).toThrow();
  });

  it('is read back from a Cookie header by its exact name', () => {
    expect(readCookie('a=1; jiaodui_session_5173=xyz; b=2', 'jiaodui_session_5173')).toBe('xyz');
    expect(readCookie('jiaodui_session_51730=other', 'jiaodui_session_5173')).toBeNull();
    expect(readCookie('jiaodui_session_5173=first; jiaodui_session_5173=second', 'jiaodui_session_5173')).toBe('first');
    expect(readCookie(undefined, 'x')).toBeNull();
    expect(readCookie('novalue; x', 'x')).toBeNull();
  });

  it('may change things only with an Origin of ours (CSRF); reads may come without one', () => {
    expect(cookieRequestAllowed('POST', 'http://127.0.0.1:5173', ORIGINS)).toBe(true);
    expect(cookieRequestAllowed('POST', undefined, ORIGINS)).toBe(false);
    expect(cookieRequestAllowed('DELETE', undefined, ORIGINS)).toBe(false);
    expect(cookieRequestAllowed('POST', 'http://evil.example', ORIGINS)).toBe(false);
    expect(cookieRequestAllowed('POST', 'null', ORIGINS)).toBe(false);
    expect(cookieRequestAllowed('GET', undefined, ORIGINS)).toBe(true);
    expect(cookieRequestAllowed('GET', 'http://evil.example', ORIGINS)).toBe(false);
  });
});

describe('browser-mode authentication', () => {
  const token = 'T'.repeat(32);
  const live = 'S'.repeat(43);
  const opts = { token, port: 5173, lookupSession: (id: string | null) => (id === live ? { id } : null) };
  const cookie = `jiaodui_session_5173=${live}`;

  it('a bearer token decides alone: right or 401', () => {
    expect(authenticate({ method: 'POST', authorization: `Bearer ${token}` }, opts)).toEqual({ ok: true, via: 'token' });
    expect(authenticate({ method: 'POST', authorization: 'Bearer wrong', cookie, origin: ORIGINS[0] }, opts)).toMatchObject({ ok: false, status: 401 });
  });

  it('the session cookie of this port: a live session, and our Origin on a POST', () => {
    expect(authenticate({ method: 'POST', cookie, origin: ORIGINS[0] }, opts)).toEqual({ ok: true, via: 'session', session: { id: live } });
    expect(authenticate({ method: 'GET', cookie }, opts)).toMatchObject({ ok: true, via: 'session' });
    expect(authenticate({ method: 'POST', cookie }, opts)).toMatchObject({ ok: false, status: 403 });
    expect(authenticate({ method: 'POST', cookie: `jiaodui_session_8080=${live}`, origin: ORIGINS[0] }, opts)).toMatchObject({ ok: false, status: 401 });
    expect(authenticate({ method: 'POST', cookie: `jiaodui_session_5173=${'X'.repeat(43)}`, origin: ORIGINS[0] }, opts)).toMatchObject({ ok: false, status: 401 });
    expect(authenticate({ method: 'POST', origin: ORIGINS[0] }, opts)).toMatchObject({ ok: false, status: 401 });
  });

  it('exchanges the token only from our page (Origin), as JSON, for the right token', () => {
    const ok = { origin: ORIGINS[1], contentType: 'application/json; charset=utf-8', token };
    expect(exchangeDecision(ok, opts)).toEqual({ ok: true });
    expect(exchangeDecision({ ...ok, origin: undefined }, opts)).toMatchObject({ ok: false, status: 403 });
    expect(exchangeDecision({ ...ok, origin: 'http://evil.example' }, opts)).toMatchObject({ ok: false, status: 403 });
    expect(exchangeDecision({ ...ok, contentType: 'text/plain' }, opts)).toMatchObject({ ok: false, status: 415 });
    expect(exchangeDecision({ ...ok, token: undefined }, opts)).toMatchObject({ ok: false, status: 400 });
    expect(exchangeDecision({ ...ok, token: 'T'.repeat(31) }, opts)).toMatchObject({ ok: false, status: 401 });
    expect(exchangeDecision({ ...ok, token: 'U'.repeat(32) }, opts)).toMatchObject({ ok: false, status: 401 });
  });
});
