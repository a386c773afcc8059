import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { freshService, type FreshService } from '../core/test-helpers';
import { startServer, type RunningServer } from '../core/server';
import { glossCachePath } from '../core/glosses';
import { scheduleGlossWarmUp, serveHost } from './serve';
import { closeSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';

let ctx: FreshService;
let srv: RunningServer;
beforeEach(async () => {
  ctx = await freshService();
  srv = await startServer(ctx.service, { staticRoot: ctx.dir });
});
afterEach(async () => {
  await srv.close();
  ctx.cleanup();
});

function api(method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, path: `/api/${method}`, method: 'POST', headers: { Host: `127.0.0.1:${srv.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

describe('jiaodui serve: gloss cache warm-up', () => {
  it('is scheduled after listening, not run during start-up, and requests are answered meanwhile', async () => {
    const calls: (string | null)[] = [];
    scheduleGlossWarmUp(ctx.dbPath, (p) => calls.push(p));
    expect(calls).toEqual([]); // start-up goes on; the warm-up runs on a later turn of the event loop
    const info = await api('getInfo', {});
    expect(info.status).toBe(200);
    expect(info.body.ok).toBe(true);
    expect(calls).toEqual([glossCachePath(ctx.dbPath)]);
  });

  it('a gloss lookup arriving before the real warm-up has run still works, and the cache file is built', async () => {
    const cache = glossCachePath(ctx.dbPath)!;
    expect(existsSync(cache)).toBe(false);
    scheduleGlossWarmUp(ctx.dbPath);
    const [info, gloss] = await Promise.all([api('getInfo', {}), api('glossAt', { text: '算力規模', offset: 0 })]);
    expect(info.body.ok).toBe(true);
    expect(gloss.body).toMatchObject({ ok: true, value: { word: '算力' } });
    expect(existsSync(cache)).toBe(true);
  });
});

describe('jiaodui serve on a damaged database', () => {
  it('writes no gloss cache beside it while recovering; once a recovery opens a database, warms up', async () => {
    ctx.service.db.close();
    // Damage the database (as e2e/recovery.spec.ts does): it now starts in the recovery state.
    const fd = openSync(ctx.dbPath, 'r+');
    writeSync(fd, Buffer.alloc(Math.min(64 * 1024, statSync(ctx.dbPath).size - 8192), 0x5a), 0, undefined, 4096);
    closeSync(fd);
    for (const f of ['-wal', '-shm']) if (existsSync(ctx.dbPath + f)) rmSync(ctx.dbPath + f);
    const files = readdirSync(ctx.dir).sort();
    const calls: (string | null)[] = [];
    const { host, listening } = await serveHost(ctx.dbPath, (p) => calls.push(p));
    expect(host.recovering).toBe(true);
    listening();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]);
    expect(readdirSync(ctx.dir).sort()).toEqual(files); // nothing new beside the damaged database
    await host.recoverDatabase({ choice: 'new' });
    expect(host.recovering).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([glossCachePath(ctx.dbPath)]);
    host.current?.db.close();
  });
});

