/**
 * The team server over HTTP(S) (issue 19): sign-in token exchange and revocation, the session
 * cookie's flags, Host/Origin refusal with a public URL, sign-in rate limit, roles over the wire,
 * who signs what, and TLS with a self-signed certificate made here with openssl.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { freshService, importSample, tempDir, type FreshService, writeStaticRoot } from './test-helpers';
import { startServer, type RunningServer, type TeamServeOptions } from './server';
import { teamSessions } from './accounts';
import { openService } from './context';
import { RateLimiter } from './rate-limit';
import { sessionCookieName } from './team-policy';

let ctx: FreshService;
let srv: RunningServer;

afterEach(async () => {
  await srv?.close();
  ctx?.cleanup();
});

async function start(team: Partial<TeamServeOptions> = {}) {
  ctx = await freshService();
  const root = writeStaticRoot(ctx.dir);
  srv = await startServer(ctx.service, {
    staticRoot: root,
    checkResults: true,
    feed: () => ctx.service.feed,
    team: { listen: { host: '127.0.0.1', port: 0 }, sessions: () => teamSessions(ctx.service), ...team },
  });
  return srv;
}

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function raw(path: string, o: { method?: string; headers?: Record<string, string>; body?: string; tls?: { ca: Buffer } } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port: srv.port, path, method: o.method ?? 'GET', headers: { Host: `127.0.0.1:${srv.port}`, ...o.headers } };
    const onReply = (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        if (path.startsWith('/api/feed')) res.destroy(); // the feed streams on: its first line is enough
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    };
    const req = o.tls ? httpsRequest({ ...options, ca: o.tls.ca, servername: 'localhost' }, onReply) : httpRequest(options, onReply);
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}

const json = (r: Reply) => JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

function signIn(token: string, headers: Record<string, string> = {}, tls?: { ca: Buffer }) {
  return raw('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ token }), tls });
}

/** The cookie pair (name=value) from a Set-Cookie answer. */
function cookieOf(r: Reply): string {
  const set = r.headers['set-cookie'];
  const line = Array.isArray(set) ? set[0] : set;
  expect(line).toBeTruthy();
  return line!.split(';')[0];
}

function api(method: string, args: unknown, cookie: string | null, headers: Record<string, string> = {}, tls?: { ca: Buffer }) {
  return raw(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers }, body: JSON.stringify(args), tls });
}

describe('team server', () => {
  it('refuses the API and the feed without a session; serves the app page', async () => {
    await start();
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/`);
    expect((await raw('/')).status).toBe(200);
    const r = await api('listProjects', {}, null);
    expect(r.status).toBe(401);
    expect(json(r).error?.message).toContain('sign-in address');
    // the browser-mode bearer token is no way in
    expect((await api('listProjects', {}, null, { Authorization: `Bearer ${srv.token}` })).status).toBe(401);
    expect((await raw('/api/feed')).status).toBe(401);
    expect((await api('listProjects', {}, `${sessionCookieName(new URL(srv.url))}=${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('exchanges a sign-in token once for an HttpOnly, SameSite=Strict cookie named for this server', async () => {
    await start();
    const { token } = ctx.service.addUser({ name: 'Ann', role: 'reviewer' });
    const r = await signIn(token);
    expect(r.status, r.body).toBe(200);
    expect(json(r).value).toMatchObject({ account: { name: 'Ann', role: 'reviewer' } });
    const set = String(r.headers['set-cookie']);
    const name = sessionCookieName(new URL(srv.url));
    expect(set).toMatch(new RegExp(`^${name}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Max-Age=\\d+$`));
    expect(set).not.toContain('Secure'); // plain http on loopback
    expect(set).not.toContain(token);
    const again = await signIn(token);
    expect(again.status).toBe(401);
    expect(json(again).error?.message).toContain('already used');
    const who = await api('whoAmI', {}, cookieOf(r));
    expect(json(who)).toEqual({ ok: true, value: { account: { name: 'Ann', role: 'reviewer' } } });
  });

  it('words its refusals as key + parameters beside the English message (the page shows them in its language)', async () => {
    await start();
    const data = (r: Reply) => (JSON.parse(r.body) as { error?: { messageData?: unknown } }).error?.messageData;
    const out = await api('listProjects', {}, null);
    expect(json(out).error).toMatchObject({ code: 'unauthorized', message: 'Not signed in, or your session ended. Open the sign-in address a team admin gave you.' });
    expect(data(out)).toEqual({ key: 'http.team-session-ended', params: {} });
    expect(data(await raw('/api/session'))).toEqual({ key: 'http.team-session-ended', params: {} });
    const unknown = await signIn('Z'.repeat(43));
    expect(json(unknown).error?.message).toBe('This sign-in address is not valid. Ask a team admin for a new one.');
    expect(data(unknown)).toEqual({ key: 'sign-in.invalid', params: {} });
    const { token } = ctx.service.addUser({ name: 'Ann', role: 'reviewer' });
    expect((await signIn(token)).status).toBe(200);
    expect(data(await signIn(token))).toEqual({ key: 'sign-in.used', params: {} });
    const foreign = await raw('/', { headers: { Host: 'evil.example' } });
    expect(json(foreign).error?.message).toBe(`Requests must be addressed to ${srv.url.replace(/\/$/, '')} (the team server's public URL).`);
    expect(data(foreign)).toEqual({ key: 'http.not-public-url', params: { origin: srv.url.replace(/\/$/, '') } });
  });

  it('signs what a reviewer writes with their name and refuses what their role may not do (403)', async () => {
    await start();
    const { documentId } = importSample(ctx.service);
    const seg = ctx.service.getSegments({ documentId })[3];
    const ann = cookieOf(await signIn(ctx.service.addUser({ name: 'Ann', role: 'reviewer' }).token));
    const lee = cookieOf(await signIn(ctx.service.addUser({ name: 'Lee', role: 'lead' }).token));
    const edit = await api('editSegment', { segmentId: seg.id, text: `${seg.text}甲`, version: seg.versions?.text }, ann);
    expect(edit.status, edit.body).toBe(200);
    const refused = await api('setStatus', { segmentIds: [seg.id], status: 'approved' }, ann);
    expect(refused.status).toBe(403);
    expect(json(refused).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Ann is a reviewer; "set status" needs the lead role') });
    expect((await api('setStatus', { segmentIds: [seg.id], status: 'approved' }, lee)).status).toBe(200);
    const claim = await api('createClaim', { segmentId: seg.id, start: 0, end: 2 }, ann);
    expect(claim.status, claim.body).toBe(200);
    const claimId = (json(claim).value as { id: number }).id;
    const evidence = await api('updateClaim', { claimId, evidence: [{ url: 'https://example.org/a', note: 'source' }] }, ann);
    expect(evidence.status, evidence.body).toBe(200);
    expect((await api('updateClaim', { claimId, status: 'published', verdict: 'true' }, ann)).status).toBe(403);
    expect((await api('updateClaim', { claimId, status: 'published', verdict: 'true' }, lee)).status).toBe(200);
    const note = await api('addAnnotation', { segmentId: seg.id, start: 0, end: 1, kind: 'comment', body: 'check' }, ann);
    expect(note.status, note.body).toBe(200);
    expect(json(note).value).toMatchObject({ author: 'Ann' });
    const history = ctx.service.segmentHistory({ segmentId: seg.id }).map((h) => [h.field, h.author]);
    expect(history).toEqual(expect.arrayContaining([['zh', 'Ann'], ['status', 'Ann'], ['status', 'Lee']]));
    const claimLog = ctx.service.claimHistory({ claimId }).map((h) => [h.field, h.author]);
    expect(claimLog).toEqual(expect.arrayContaining([['created', 'Ann'], ['evidence', 'Ann'], ['status', 'Lee']]));
    // the change log names the reviewer too
    expect(ctx.service.db.prepare(`SELECT DISTINCT reviewer FROM change_log WHERE reviewer IN ('Ann', 'Lee') ORDER BY reviewer`).pluck().all()).toEqual(['Ann', 'Lee']);
  });

  it('a revocation from another process (jiaodui users revoke) ends the session at the next request', async () => {
    await start();
    const cookie = cookieOf(await signIn(ctx.service.addUser({ name: 'Ann', role: 'reviewer' }).token));
    expect((await api('listProjects', {}, cookie)).status).toBe(200);
    const other = await openService(ctx.dbPath);
    try {
      other.revokeUser({ name: 'Ann' });
    } finally {
      other.db.close();
    }
    const r = await api('listProjects', {}, cookie);
    expect(r.status).toBe(401);
    expect(json(r).error?.message).toContain('session ended');
  });

  it('signs out: the cookie is cleared and the session ended', async () => {
    await start();
    const cookie = cookieOf(await signIn(ctx.service.addUser({ name: 'Ann', role: 'reviewer' }).token));
    const out = await raw('/api/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/=x; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await api('listProjects', {}, cookie)).status).toBe(401);
  });

  it('streams the feed to a signed-in reviewer', async () => {
    await start();
    const cookie = cookieOf(await signIn(ctx.service.addUser({ name: 'Ann', role: 'reviewer' }).token));
    const r = await raw('/api/feed?since=0', { headers: { Cookie: cookie } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.split('\n')[0])).toMatchObject({ type: 'heartbeat' });
  });

  it('with a public URL, refuses any other Host and any other Origin', async () => {
    await start({ publicUrl: 'https://review.example.org' });
    expect(srv.publicUrl).toBe('https://review.example.org');
    const { token } = ctx.service.addUser({ name: 'Ann', role: 'reviewer' });
    const host = { Host: 'review.example.org' };
    // the listening address itself is not the public URL
    const wrongHost = await signIn(token);
    expect(wrongHost.status).toBe(403);
    expect(json(wrongHost).error?.message).toContain('https://review.example.org');
    expect((await raw('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await signIn(token, { ...host, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn(token, { ...host, Origin: 'http://review.example.org' })).status).toBe(403);
    const ok = await signIn(token, { ...host, Origin: 'https://review.example.org' });
    expect(ok.status, ok.body).toBe(200);
    // the public URL is https (a TLS proxy in front): the cookie is Secure and __Host- prefixed
    expect(String(ok.headers['set-cookie'])).toMatch(/^__Host-jiaodui-[0-9a-f]{12}=.*; Max-Age=\d+; Secure$/);
    const cookie = cookieOf(ok);
    expect((await api('whoAmI', {}, cookie, host)).status).toBe(200);
    expect((await api('whoAmI', {}, cookie, { ...host, Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('rate limits sign-in attempts per address (429 with Retry-After)', async () => {
    let now = 1_000_000;
    await start({ limiter: new RateLimiter({ burst: 2, refillMs: 30_000 }), clock: () => now });
    const { token } = ctx.service.addUser({ name: 'Ann', role: 'reviewer' });
    expect((await signIn('A'.repeat(43))).status).toBe(401);
    expect((await signIn('B'.repeat(43))).status).toBe(401);
    const limited = await signIn(token);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(json(limited).error?.message).toContain('Too many sign-in attempts');
    now += 30_000;
    expect((await signIn(token)).status).toBe(200); // the token was not spent by the refused attempt
  });

  it('serves over TLS with a certificate (self-signed, made here); the cookie is Secure', async () => {
    const { dir, cleanup } = tempDir();
    onTestFinished(cleanup);
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    const ca = readFileSync(cert);
    await start({ tls: { cert: ca, key: readFileSync(key) }, publicUrl: `https://localhost` });
    const { token } = ctx.service.addUser({ name: 'Ann', role: 'lead' });
    const r = await signIn(token, { Host: 'localhost' }, { ca });
    expect(r.status, r.body).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure$/);
    expect(json(await api('whoAmI', {}, cookieOf(r), { Host: 'localhost' }, { ca }))).toEqual({ ok: true, value: { account: { name: 'Ann', role: 'lead' } } });
    // plain HTTP to the TLS port gets nowhere
    await expect(raw('/', { headers: { Host: 'localhost' } })).rejects.toThrow();
  });
});
