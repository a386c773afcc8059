import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, isLoopback, isTeamRequestAllowed, listenDecision, parseListen, publicOrigin, readCookie, sessionCookie, sessionCookieName } from './team-policy';

describe('team server policy', () => {
  it('parses --listen', () => {
    expect(parseListen(undefined)).toEqual({ host: '127.0.0.1', port: 7420 });
    expect(parseListen('0.0.0.0:8080')).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen('review.lan:443')).toEqual({ host: 'review.lan', port: 443 });
    expect(parseListen('9000')).toEqual({ host: '127.0.0.1', port: 9000 });
    for (const bad of ['host:', 'host:99999', '[nothex]:1', 'a:b:c', '']) expect(() => parseListen(bad), bad).toThrow(/--listen/);
  });

  it('listens off loopback only with TLS or an explicit, warned plain HTTP', () => {
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost') && !isLoopback('0.0.0.0') && !isLoopback('10.0.0.1')).toBe(true);
    expect(listenDecision({ host: '127.0.0.1', tls: false, allowPlainHttp: false })).toEqual({ ok: true, warning: null });
    expect(listenDecision({ host: '0.0.0.0', tls: true, allowPlainHttp: false })).toEqual({ ok: true, warning: null });
    expect(listenDecision({ host: '0.0.0.0', tls: false, allowPlainHttp: false })).toMatchObject({ ok: false, error: expect.stringContaining('--tls-cert') });
    expect(listenDecision({ host: '0.0.0.0', tls: false, allowPlainHttp: true })).toMatchObject({ ok: true, warning: expect.stringContaining('plain HTTP') });
  });

  it('takes the public URL origin only', () => {
    expect(publicOrigin(undefined, { host: '127.0.0.1', port: 7420 }, false).href).toBe('http://127.0.0.1:7420/');
    expect(publicOrigin(undefined, { host: '::1', port: 7420 }, true).href).toBe('https://[::1]:7420/');
    expect(publicOrigin('https://Review.Example.org/', { host: '0.0.0.0', port: 1 }, true).href).toBe('https://review.example.org/');
    for (const bad of ['ftp://x', 'https://u:p@x', 'https://x/path', 'https://x/?q', 'not a url']) expect(() => publicOrigin(bad, { host: '127.0.0.1', port: 1 }, false), bad).toThrow(/--public-url/);
  });

  it('accepts only the public URL as Host and Origin', () => {
    const o = new URL('https://review.example.org');
    expect(isTeamRequestAllowed({ host: 'review.example.org' }, o)).toBe(true);
    expect(isTeamRequestAllowed({ host: 'review.example.org', origin: 'https://review.example.org' }, o)).toBe(true);
    expect(isTeamRequestAllowed({ host: 'evil.example', origin: 'https://review.example.org' }, o)).toBe(false);
    expect(isTeamRequestAllowed({ host: 'review.example.org', origin: 'https://evil.example' }, o)).toBe(false);
    expect(isTeamRequestAllowed({ host: 'review.example.org', origin: 'http://review.example.org' }, o)).toBe(false);
    expect(isTeamRequestAllowed({}, o)).toBe(false);
    const p = new URL('http://127.0.0.1:7420');
    expect(isTeamRequestAllowed({ host: '127.0.0.1:7420' }, p)).toBe(true);
    expect(isTeamRequestAllowed({ host: 'localhost:7420' }, p)).toBe(false);
    expect(isTeamRequestAllowed({ host: 'localhost:7420' }, p, ['localhost:7420'])).toBe(true);
  });

  it('names the cookie per server and sets HttpOnly, SameSite=Strict, Secure over https', () => {
    const a = new URL('http://127.0.0.1:7420');
    const b = new URL('http://127.0.0.1:7421');
    expect(sessionCookieName(a)).toMatch(/^jiaodui-[0-9a-f]{12}$/);
    expect(sessionCookieName(a)).not.toBe(sessionCookieName(b));
    expect(sessionCookie(a, 'S', 60)).toBe(`${sessionCookieName(a)}=S; Path=/; HttpOnly; SameSite=Strict; Max-Age=60`);
    const s = new URL('https://review.example.org');
    expect(sessionCookieName(s)).toMatch(/^__Host-jiaodui-/);
    expect(sessionCookie(s, 'S', 60)).toBe(`${sessionCookieName(s)}=S; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure`);
    expect(clearedSessionCookie(s)).toContain('=x; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure');
  });

  it('reads a cookie by name', () => {
    expect(readCookie('a=1; jiaodui-x=abc; b=2', 'jiaodui-x')).toBe('abc');
    expect(readCookie('jiaodui-xy=1', 'jiaodui-x')).toBeNull();
    expect(readCookie(undefined, 'a')).toBeNull();
  });
});
