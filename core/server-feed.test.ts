import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { request } from 'node:http';
import { freshService, importSample, writeStaticRoot } from './test-helpers';
import { startServer, type RunningServer } from './server';
import { parseFeedMessage, type ChangeEvent, type FeedMessage } from '../shared/contract/changes';
import type { Segment } from '../shared/domain/schemas';

let ctx: Awaited<ReturnType<typeof freshService>>;
let srv: RunningServer;
let segs: Segment[];

beforeAll(async () => {
  ctx = await freshService();
  const { documentId } = importSample(ctx.service);
  segs = ctx.service.getSegments({ documentId });
  const root = writeStaticRoot(ctx.dir);
  srv = await startServer(ctx.service, { staticRoot: root, checkResults: true, feed: () => ctx.service.feed, heartbeatMs: 200 });
});
afterAll(async () => {
  await srv.close();
  ctx.cleanup();
});

/** A request read to its end (for the refusals, which answer at once). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${srv.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${srv.token}` });

/** Open the feed as the renderer does (a streamed fetch) and read its lines as they come. */
async function follow(query: string) {
  const ac = new AbortController();
  const res = await fetch(`http://127.0.0.1:${srv.port}/api/feed${query}`, { headers: auth(), signal: ac.signal });
  const messages: FeedMessage[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          messages.push(parseFeedMessage(JSON.parse(buffer.slice(0, nl)))!);
          buffer = buffer.slice(nl + 1);
        }
      }
    } catch {
      /* aborted */
    }
    ended = true;
  })();
  const until = async (pred: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { res, messages, until, close: () => ac.abort(), pump, isEnded: () => ended };
}

const post = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${srv.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth(), ...headers }, body: JSON.stringify(args) });

describe('GET /api/feed', () => {
  it('refuses a missing or wrong token, a foreign Host or Origin, other methods and bad parameters', async () => {
    expect((await raw('/api/feed')).status).toBe(401);
    expect((await raw('/api/feed', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await raw('/api/feed', { headers: { ...auth(), Host: `evil.example:${srv.port}` } })).status).toBe(403);
    expect((await raw('/api/feed', { headers: { ...auth(), Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await raw('/api/feed', { method: 'POST', headers: auth() })).status).toBe(405);
    expect((await raw('/api/feed?since=-1', { headers: auth() })).status).toBe(400);
    expect((await raw('/api/feed?client=a%20b', { headers: auth() })).status).toBe(400);
  });

  it('answers 503 while there is no database to follow (recovery state)', async () => {
    const other = await startServer(ctx.service, { staticRoot: join(ctx.dir, 'static'), feed: () => null });
    try {
      const r = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: other.port, path: '/api/feed', headers: { Host: `127.0.0.1:${other.port}`, Authorization: `Bearer ${other.token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(r).toBe(503);
    } finally {
      await other.close();
    }
  });

  it("streams other clients' changes as NDJSON, not the window's own, with heartbeats", async () => {
    const feed = await follow('?client=win-A');
    expect(feed.res.status).toBe(200);
    expect(feed.res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    await feed.until(() => feed.messages.length > 0);
    expect(feed.messages[0]).toMatchObject({ type: 'heartbeat', seq: ctx.service.feed.latest() });
    // window A's own save is not echoed back; window B's is
    expect((await post('editSegment', { segmentId: segs[0].id, text: segs[0].text + 'A' }, { 'X-Jiaodui-Client': 'win-A' })).status).toBe(200);
    expect((await post('editSegment', { segmentId: segs[1].id, text: segs[1].text + 'B' }, { 'X-Jiaodui-Client': 'win-B' })).status).toBe(200);
    await feed.until(() => feed.messages.some((m) => m.type === 'change'));
    const changes = () => feed.messages.filter((m): m is ChangeEvent => m.type === 'change');
    expect(changes()).toHaveLength(1);
    expect(changes()[0]).toMatchObject({ client: { kind: 'window', id: 'win-B' }, ids: { segments: [segs[1].id] } });
    await feed.until(() => feed.messages.filter((m) => m.type === 'heartbeat').length >= 2);
    feed.close();
    await feed.pump;
    await new Promise((r) => setTimeout(r, 50));
    expect(ctx.service.feed.listening).toBe(0);
  });

  it('replays from ?since= what the window missed', async () => {
    const since = ctx.service.feed.latest();
    ctx.service.setStatus({ segmentIds: [segs[2].id], status: 'approved' });
    const feed = await follow(`?since=${since}`);
    await feed.until(() => feed.messages.some((m) => m.type === 'change'));
    expect(feed.messages.find((m) => m.type === 'change')).toMatchObject({ seq: since + 1, ids: { segments: [segs[2].id] } });
    feed.close();
    await feed.pump;
  });

  it('closing the server ends open streams', async () => {
    const root = join(ctx.dir, 'static');
    const other = await startServer(ctx.service, { staticRoot: root, feed: () => ctx.service.feed });
    const res = await fetch(`http://127.0.0.1:${other.port}/api/feed`, { headers: { Authorization: `Bearer ${other.token}` } });
    const reader = res.body!.getReader();
    await reader.read(); // the first heartbeat
    await other.close(); // would hang if the stream stayed open
    expect((await reader.read()).done).toBe(true);
  });
});
