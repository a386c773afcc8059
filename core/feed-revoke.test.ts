/**
 * An open change-feed stream does not outlive its session (core/feed-access.ts): on a team server,
 * a revocation by another process on the same database, a sign-out, a session ended where nothing
 * is logged; in browser mode, the page's sign-out and its session's expiry. The stream's response
 * ends (the client reads its end), its reconnect is refused with 401, and everyone else's streams
 * go on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { freshService, importSample, writeStaticRoot, type FreshService } from './test-helpers';
import { startServer, type BrowserSession, type RunningServer } from './server';
import { teamSessions } from './accounts';
import { openService } from './context';
import { createSessionStore } from './sessions';
import { openFeed } from './testing/open-feed';
import type { ChangeEvent, FeedMessage } from '../shared/contract/changes';

let ctx: FreshService;
let srv: RunningServer;

afterEach(async () => {
  await srv?.close();
  ctx?.cleanup();
});

/** A team server on a fresh database, with this heartbeat. */
async function startTeam(heartbeatMs: number) {
  ctx = await freshService();
  srv = await startServer(ctx.service, {
    staticRoot: writeStaticRoot(ctx.dir),
    feed: () => ctx.service.feed,
    heartbeatMs,
    team: { listen: { host: '127.0.0.1', port: 0 }, sessions: () => teamSessions(ctx.service) },
  });
}

function call(path: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, method, headers: { Host: `127.0.0.1:${srv.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A reviewer signed in on the team server: the cookie pair. */
async function teamSignIn(name: string, role: 'reviewer' | 'lead' | 'admin' = 'reviewer'): Promise<string> {
  const { token } = ctx.service.addUser({ name, role });
  const r = await call('/api/session', 'POST', { 'Content-Type': 'application/json' }, JSON.stringify({ token }));
  expect(r.status, r.body).toBe(200);
  return r.setCookie[0].split(';')[0];
}

const changes = (ms: FeedMessage[]) => ms.filter((m): m is ChangeEvent => m.type === 'change');
const heartbeats = (ms: FeedMessage[]) => ms.filter((m) => m.type === 'heartbeat').length;

describe('a team feed stream ends with its session', () => {
  it('a revocation by another process (jiaodui users revoke) ends the stream before any later change reaches it; another reviewer streams on', async () => {
    // a heartbeat far off: the revocation is seen from the change log, not by the heartbeat's check
    await startTeam(60_000);
    const { documentId } = importSample(ctx.service);
    const seg = ctx.service.getSegments({ documentId })[2];
    const ann = await openFeed(srv.port, '/api/feed?since=0', { Cookie: await teamSignIn('Ann') });
    const bo = await openFeed(srv.port, '/api/feed?since=0', { Cookie: await teamSignIn('Bo') });
    expect([ann.status, bo.status]).toEqual([200, 200]);
    await ann.until(() => ann.messages.length > 0);
    const other = await openService(ctx.dbPath);
    try {
      other.revokeUser({ name: 'Ann' });
      // committed by the other process after the revocation
      other.editSegment({ segmentId: seg.id, text: `${seg.text}乙` });
    } finally {
      other.db.close();
    }
    expect(await ann.endedWithin(2000)).toBe('end');
    expect(changes(ann.messages).filter((c) => c.ids.segments?.includes(seg.id))).toEqual([]);
    // Bo sees that edit, and his stream stays open
    await bo.until(() => changes(bo.messages).some((c) => c.ids.segments?.includes(seg.id)));
    expect(bo.endedHow()).toBeNull();
    ctx.service.setStatus({ segmentIds: [seg.id], status: 'edited' });
    await bo.until(() => changes(bo.messages).length >= 2);
    expect(bo.endedHow()).toBeNull();
    bo.close();
  });

  it('an admin revoking a reviewer through this server ends their stream at once (in process: the commit is seen as it happens)', async () => {
    await startTeam(60_000);
    const admin = await teamSignIn('Ada', 'admin');
    const ann = await openFeed(srv.port, '/api/feed', { Cookie: await teamSignIn('Ann') });
    const ada = await openFeed(srv.port, '/api/feed', { Cookie: admin });
    await ann.until(() => ann.messages.length > 0);
    const revoked = await call('/api/revokeUser', 'POST', { Cookie: admin, 'Content-Type': 'application/json' }, JSON.stringify({ name: 'Ann' }));
    expect(revoked.status, revoked.body).toBe(200);
    // ended as the revocation committed: by the time its answer is read, or just after
    expect(ann.endedHow() ?? (await ann.endedWithin(100))).toBe('end');
    expect(ada.endedHow()).toBeNull();
    ada.close();
  });

  it('a session ended where nothing is logged (another connection writes the table) ends the stream within one heartbeat', async () => {
    await startTeam(300);
    const annCookie = await teamSignIn('Ann');
    const ann = await openFeed(srv.port, '/api/feed', { Cookie: annCookie });
    const bo = await openFeed(srv.port, '/api/feed', { Cookie: await teamSignIn('Bo') });
    await ann.until(() => heartbeats(ann.messages) >= 2);
    const other = await openService(ctx.dbPath);
    let endedAt: number;
    try {
      // not through the contract: no change-log entry, only the table (as an expiry would leave it)
      other.db.prepare(`UPDATE account_tokens SET ended_at = ? WHERE kind = 'session' AND account_id = (SELECT id FROM accounts WHERE name = 'Ann')`).run(new Date().toISOString());
      const at = Date.now();
      expect(await ann.endedWithin(2000)).toBe('end');
      endedAt = Date.now() - at;
    } finally {
      other.db.close();
    }
    expect(endedAt).toBeLessThan(300 + 400);
    const beats = heartbeats(bo.messages);
    await bo.until(() => heartbeats(bo.messages) >= beats + 2);
    expect(bo.endedHow()).toBeNull();
    // the reconnect is refused: the page shows it signed out
    const again = await openFeed(srv.port, '/api/feed', { Cookie: annCookie });
    expect(again.status).toBe(401);
    await again.ended;
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    bo.close();
  });

  it("signing out ends that session's streams at once; another reviewer's stream goes on", async () => {
    // a heartbeat far off: only the sign-out itself can end the stream in time
    await startTeam(60_000);
    const ann = await teamSignIn('Ann');
    const dee = await teamSignIn('Dee');
    const streamA = await openFeed(srv.port, '/api/feed', { Cookie: ann });
    const streamA2 = await openFeed(srv.port, '/api/feed?client=tab-2', { Cookie: ann });
    const streamD = await openFeed(srv.port, '/api/feed', { Cookie: dee });
    await streamA.until(() => streamA.messages.length > 0);
    const at = Date.now();
    expect((await call('/api/session', 'DELETE', { Cookie: ann })).status).toBe(200);
    expect(await streamA.endedWithin(1000)).toBe('end');
    expect(await streamA2.endedWithin(1000)).toBe('end');
    expect(Date.now() - at).toBeLessThan(1000);
    expect((await openFeed(srv.port, '/api/feed', { Cookie: ann })).status).toBe(401);
    expect(streamD.endedHow()).toBeNull();
    ctx.service.createProject({ name: 'After' });
    await streamD.until(() => changes(streamD.messages).some((c) => c.ids.topics?.includes('library')));
    expect(streamD.endedHow()).toBeNull();
    streamD.close();
  });

  it('a session that cannot be asked (the database closed under the server) ends the stream at the next heartbeat, throwing nothing', async () => {
    await startTeam(200);
    const ann = await openFeed(srv.port, '/api/feed', { Cookie: await teamSignIn('Ann') });
    await ann.until(() => ann.messages.length > 0);
    ctx.service.feed.close();
    ctx.service.db.close();
    expect(await ann.endedWithin(200 + 400)).toBe('end');
  });

  it('a role changed in the database keeps the stream (every role reads every project: nothing the feed sends depends on it)', async () => {
    await startTeam(200);
    const lee = await openFeed(srv.port, '/api/feed', { Cookie: await teamSignIn('Lee', 'admin') });
    const other = await openService(ctx.dbPath);
    try {
      other.db.prepare(`UPDATE accounts SET role = 'reviewer' WHERE name = 'Lee'`).run();
    } finally {
      other.db.close();
    }
    await lee.until(() => heartbeats(lee.messages) >= 3);
    expect(lee.endedHow()).toBeNull();
    lee.close();
  });
});

describe("browser mode: the page's feed ends with its session", () => {
  it('sign-out ends the cookie stream at once; expiry within one heartbeat; the run token stream goes on', async () => {
    ctx = await freshService();
    let clockMs = 1_000_000;
    const sessions = createSessionStore<BrowserSession>({ maxAgeMs: 3600_000, now: () => clockMs });
    srv = await startServer(ctx.service, { staticRoot: writeStaticRoot(ctx.dir), feed: () => ctx.service.feed, heartbeatMs: 1000, sessions });
    const origin = `http://127.0.0.1:${srv.port}`;
    const signIn = async () => {
      const r = await call('/api/session', 'POST', { 'Content-Type': 'application/json', Origin: origin }, JSON.stringify({ token: srv.token }));
      expect(r.status, r.body).toBe(200);
      return r.setCookie[0].split(';')[0];
    };
    const cookie = await signIn();
    const page = await openFeed(srv.port, '/api/feed', { Cookie: cookie });
    const cli = await openFeed(srv.port, '/api/feed', { Authorization: `Bearer ${srv.token}` });
    await page.until(() => page.messages.length > 0);
    expect((await call('/api/session', 'DELETE', { Cookie: cookie, Origin: origin })).status).toBe(200);
    // well before the next heartbeat's check
    expect(await page.endedWithin(500)).toBe('end');
    expect((await openFeed(srv.port, '/api/feed', { Cookie: cookie })).status).toBe(401);

    const later = await signIn();
    const page2 = await openFeed(srv.port, '/api/feed', { Cookie: later });
    await page2.until(() => heartbeats(page2.messages) >= 2, 3000);
    clockMs += 3600_000;
    expect(await page2.endedWithin(1000 + 500)).toBe('end');
    const beats = heartbeats(cli.messages);
    await cli.until(() => heartbeats(cli.messages) >= beats + 1, 3000);
    expect(cli.endedHow()).toBeNull();
    cli.close();
  });
});
