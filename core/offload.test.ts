/**
 * Issue 19: whole-document and project checks and exports answered by worker threads
 * (core/offload.ts) through the HTTP bridge: the same answers as on the main thread, the
 * same errors, saves answered while a check is still computing, and the change feed told of
 * the worker's commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshService, importSample, writeStaticRoot } from './test-helpers';
import { startServer, type RunningServer } from './server';
import { Offload } from './offload';
import type { ChangeEvent, FeedMessage } from '../shared/contract/changes';
import type { FindingsReport, Segment } from '../shared/domain/schemas';

let ctx: Awaited<ReturnType<typeof freshService>>;
let srv: RunningServer;
let offload: Offload;
let documentId: number;
let projectId: number;
let segs: Segment[];

beforeAll(async () => {
  ctx = await freshService();
  ({ documentId } = importSample(ctx.service));
  projectId = ctx.service.getDocument({ documentId }).projectId;
  segs = ctx.service.getSegments({ documentId });
  const root = writeStaticRoot(ctx.dir);
  offload = new Offload({ dbPath: ctx.dbPath, afterCall: () => ctx.service.feed.check() });
  srv = await startServer(ctx.service, { staticRoot: root, checkResults: true, feed: () => ctx.service.feed, offload: () => offload });
});
afterAll(async () => {
  await srv.close();
  await offload.close();
  ctx.cleanup();
});

async function call(method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  const res = await fetch(`http://127.0.0.1:${srv.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${srv.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('checks and exports in worker threads', () => {
  it('runChecks answers from the worker what the main thread then reads, and the change feed hears of it at once', async () => {
    const events: ChangeEvent[] = [];
    const unsubscribe = ctx.service.feed.subscribe((m: FeedMessage) => m.type === 'change' && events.push(m));
    try {
      const r = await call('runChecks', { documentId });
      expect(r.status).toBe(200);
      const report = r.body.value as FindingsReport;
      expect(report.findings.length).toBeGreaterThan(0);
      expect(offload.running).toBe(1);
      // stored by the worker's connection: this thread reads the same findings
      expect(ctx.service.listFindings({ documentId }).findings.map((f) => f.id)).toEqual(report.findings.map((f) => f.id));
      // the worker's commit reaches this thread's feed (afterCall looks at once; the poll would find it too)
      expect(events.some((e) => e.ids.findings?.includes(documentId))).toBe(true);
    } finally {
      unsubscribe();
    }
  });

  it('checkProject and every export format answer as the main thread would', async () => {
    const project = await call('checkProject', { projectId });
    expect(project.status).toBe(200);
    expect(project.body.value).toMatchObject({ projectCheck: { stale: false } });
    for (const format of ['txt', 'docx', 'xliff', 'report-json'] as const) {
      const r = await call('exportDocument', { documentId, format, script: 'hant' });
      expect(r.status, format).toBe(200);
      const mine = r.body.value as { fileName: string; content: string };
      const main = await ctx.service.exportDocument({ documentId, format, script: 'hant' });
      expect(mine.fileName).toBe(main.fileName);
      if (format === 'txt' || format === 'xliff') expect(mine.content).toBe(main.content);
    }
    // a project bundle (jiaodui pull) too: the same digest as the main thread's
    const bundle = await call('exportProjectBundle', { projectId });
    expect(bundle.status).toBe(200);
    expect((bundle.body.value as { digest: string }).digest).toBe(ctx.service.exportProjectBundle({ projectId }).digest);
    expect(offload.running).toBe(2); // checks and exports: a worker each
  });

  it('errors come back as the dispatcher words them, with their HTTP status', async () => {
    const bad = await call('runChecks', { documentId, rules: ['no-such-rule'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid-input' });
    expect(bad.body.error!.message).toContain('Unknown rule(s): no-such-rule');
    const missing = await call('exportDocument', { documentId: 999_999, format: 'txt', script: 'hant' });
    expect(missing.status).toBe(404);
    const invalid = await call('checkProject', { projectId: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error!.message).toContain('Invalid arguments for checkProject');
  });

  it('a save sent while a check computes is answered first (on one thread it would wait for the check)', async () => {
    const order: string[] = [];
    // a new checks worker: its start-up alone outlasts a save
    await offload.close();
    offload = new Offload({ dbPath: ctx.dbPath });
    const check = call('runChecks', { documentId }).then((r) => order.push(`check ${r.status}`));
    const seg = segs[3];
    const save = call('editSegment', { segmentId: seg.id, text: `${seg.text}（更正）` }).then((r) => order.push(`save ${r.status}`));
    await Promise.all([check, save]);
    expect(order).toEqual(['save 200', 'check 200']);
    expect(ctx.service.getSegmentsById({ segmentIds: [seg.id] })[0].text).toBe(`${seg.text}（更正）`);
  });
});
