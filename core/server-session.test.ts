/**
 * Browser mode's sign-in over HTTP: the token exchanged for the session cookie at
 * /api/session, the API and the feed signed in by that cookie (and still by the bearer token),
 * the CSRF Origin rule, expiry, sign-out and a restarted server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { freshService, importSample, writeStaticRoot } from './test-helpers';
import { SESSION_MAX_AGE_MS, startServer, type BrowserSession, type RunningServer } from './server';
import { createSessionStore } from './sessions';

let ctx: Awaited<ReturnType<typeof freshService>>;
let srv: RunningServer;
let root: string;
let clockMs = 1_000_000;
const HOUR = 3600_000;

beforeAll(async () => {
  ctx = await freshService();
  importSample(ctx.service);
  root = writeStaticRoot(ctx.dir);
  const sessions = createSessionStore<BrowserSession>({ maxAgeMs: 24 * HOUR, now: () => clockMs });
  srv = await startServer(ctx.service, { staticRoot: root, checkResults: true, feed: () => ctx.service.feed, heartbeatMs: 200, sessions });
});
afterAll(async () => {
  await srv.close();
  ctx.cleanup();
});

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

/** A request with exactly these headers (Host and Origin included), read to its end or to its first line. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; port?: number; firstLine?: boolean } = {}): Promise<Answer> {
  const port = opts.port ?? srv.port;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] });
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        if (opts.firstLine && Buffer.concat(chunks).includes('\n')) {
          done();
          req.destroy();
        }
      });
      res.on('end', done);
    });
    req.on('error', (e) => (opts.firstLine ? undefined : reject(e)));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const origin = (port = srv.port) => `http://127.0.0.1:${port}`;
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Sign in as the page does: POST {token} from our Origin; returns the cookie pair ("name=value"). */
async function signIn(token = srv.token, port = srv.port): Promise<string> {
  const r = await raw('/api/session', { method: 'POST', port, headers: { ...JSON_TYPE, Origin: origin(port) }, body: JSON.stringify({ token }) });
  expect(r.status, r.body).toBe(200);
  return r.setCookie[0].split(';')[0];
}

const callWithCookie = (cookie: string, headers: Record<string, string> = { Origin: origin() }) =>
  raw('/api/listProjects', { method: 'POST', headers: { ...JSON_TYPE, Cookie: cookie, ...headers }, body: '{}' });

describe('browser-mode sign-in', () => {
  it('exchanges the token for an HTTP-only, SameSite=Strict session cookie named for the port, not Secure on loopback http', async () => {
    const r = await raw('/api/session', { method: 'POST', headers: { ...JSON_TYPE, Origin: origin() }, body: JSON.stringify({ token: srv.token }) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { expiresAt: new Date(clockMs + 24 * HOUR).toISOString() } });
    expect(r.setCookie).toHaveLength(1);
    const parts = r.setCookie[0].split('; ');
    expect(parts[0]).toMatch(new RegExp(`^jiaodui_session_${srv.port}=[A-Za-z0-9_-]{43}$`));
    expect(srv.cookieName).toBe(`jiaodui_session_${srv.port}`);
    expect(parts).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${24 * 3600}`]));
    expect(parts).not.toContain('Secure');
    // the session is not the token
    expect(parts[0]).not.toContain(srv.token);
  });

  it('refuses the exchange without our Origin, with a wrong token, not as JSON, or with the token in the address', async () => {
    const body = JSON.stringify({ token: srv.token });
    const noOrigin = await raw('/api/session', { method: 'POST', headers: JSON_TYPE, body });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.setCookie).toEqual([]);
    expect((await raw('/api/session', { method: 'POST', headers: { ...JSON_TYPE, Origin: 'http://evil.example' }, body })).status).toBe(403);
    const wrong = await raw('/api/session', { method: 'POST', headers: { ...JSON_TYPE, Origin: origin() }, body: JSON.stringify({ token: 'x'.repeat(32) }) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(wrong.setCookie).toEqual([]);
    expect((await raw('/api/session', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: origin() }, body })).status).toBe(415);
    const inQuery = await raw(`/api/session?token=${srv.token}`, { method: 'POST', headers: { ...JSON_TYPE, Origin: origin() }, body: '{}' });
    expect(inQuery.status).toBe(400);
    expect(inQuery.setCookie).toEqual([]);
    expect((await raw('/api/session', { method: 'PUT', headers: { Origin: origin() } })).status).toBe(405);
  });

  it('the API accepts the cookie with our Origin, refuses a cookie POST without Origin (CSRF) or from a foreign one, and keeps bearer auth', async () => {
    const cookie = await signIn();
    const ok = await callWithCookie(cookie);
    expect(ok.status, ok.body).toBe(200);
    expect(JSON.parse(ok.body).value.length).toBeGreaterThan(0);
    const csrf = await callWithCookie(cookie, {});
    expect(csrf.status).toBe(403);
    expect(JSON.parse(csrf.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await callWithCookie(cookie, { Origin: 'http://evil.example' })).status).toBe(403);
    // another host name for the same port is refused by the Host check, cookie or not
    expect((await callWithCookie(cookie, { Origin: origin(), Host: 'evil.example' })).status).toBe(403);
    // no cookie, no token
    expect((await raw('/api/listProjects', { method: 'POST', headers: { ...JSON_TYPE, Origin: origin() }, body: '{}' })).status).toBe(401);
    // the CLI and tests: the bearer token, no Origin needed
    expect((await raw('/api/listProjects', { method: 'POST', headers: { ...JSON_TYPE, Authorization: `Bearer ${srv.token}` }, body: '{}' })).status).toBe(200);
  });

  it('a reload: GET /api/session says whether the cookie is a live session (and clears a stale one)', async () => {
    const cookie = await signIn();
    const live = await raw('/api/session', { headers: { Cookie: cookie } });
    expect(live.status).toBe(200);
    expect(JSON.parse(live.body).value.expiresAt).toMatch(/^\d{4}-/);
    expect((await raw('/api/session')).status).toBe(401);
    const stale = await raw('/api/session', { headers: { Cookie: `${srv.cookieName}=${'A'.repeat(43)}` } });
    expect(stale.status).toBe(401);
    expect(stale.setCookie[0]).toMatch(new RegExp(`^${srv.cookieName}=x;.*Max-Age=0`));
  });

  it('the feed streams to the cookie (a GET needs no Origin) and refuses without a session', async () => {
    const cookie = await signIn();
    const r = await raw('/api/feed', { headers: { Cookie: cookie }, firstLine: true });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.split('\n')[0])).toMatchObject({ type: 'heartbeat' });
    expect((await raw('/api/feed', { headers: { Cookie: `${srv.cookieName}=${'B'.repeat(43)}` } })).status).toBe(401);
    expect((await raw('/api/feed', { headers: { Cookie: cookie, Origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('a session expires: the cookie then gets a 401', async () => {
    const cookie = await signIn();
    clockMs += 24 * HOUR - 1;
    expect((await callWithCookie(cookie)).status).toBe(200);
    clockMs += 1;
    const r = await callWithCookie(cookie);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('jiaodui serve') } });
  });

  it('signing out (DELETE, our Origin) ends the session and clears the cookie', async () => {
    const cookie = await signIn();
    expect((await raw('/api/session', { method: 'DELETE', headers: { Cookie: cookie } })).status).toBe(403);
    expect((await callWithCookie(cookie)).status).toBe(200);
    const out = await raw('/api/session', { method: 'DELETE', headers: { Cookie: cookie, Origin: origin() } });
    expect(out.status).toBe(200);
    expect(out.setCookie[0]).toMatch(/Max-Age=0/);
    expect((await callWithCookie(cookie)).status).toBe(401);
  });

  it('another server (a restart, another port) knows none of these sessions; its cookie has its own name', async () => {
    const cookie = await signIn();
    const other = await startServer(ctx.service, { staticRoot: root });
    try {
      expect(other.cookieName).not.toBe(srv.cookieName);
      const value = cookie.split('=')[1];
      const replay = await raw('/api/listProjects', { method: 'POST', port: other.port, headers: { ...JSON_TYPE, Origin: origin(other.port), Cookie: `${other.cookieName}=${value}` }, body: '{}' });
      expect(replay.status).toBe(401);
      const own = await signIn(other.token, other.port);
      expect(own.startsWith(`${other.cookieName}=`)).toBe(true);
      // this server's token does not sign in there
      const cross = await raw('/api/session', { method: 'POST', port: other.port, headers: { ...JSON_TYPE, Origin: origin(other.port) }, body: JSON.stringify({ token: srv.token }) });
      expect(cross.status).toBe(401);
    } finally {
      await other.close();
    }
    expect(SESSION_MAX_AGE_MS).toBe(7 * 24 * HOUR);
  });
});
