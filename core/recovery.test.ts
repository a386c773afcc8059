import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { freshService, importSample } from './test-helpers';
import { openService } from './context';
import { backupDatabase } from './backup';
import { decideAtStartup, diagnoseDatabase, recoverDatabase, startupDecision } from './recovery';
import { RecoveringApi } from './recovery-api';
import { startServer } from './server';
import { dispatch, envelope } from '../shared/contract/dispatch';
import { openDatabase } from '../db/connection';
import { isJiaoduiError } from '../shared/errors';
import { accountCaller } from '../shared/contract/caller';

let ctx: Awaited<ReturnType<typeof freshService>>;
beforeEach(async () => {
  ctx = await freshService();
});
afterEach(() => ctx.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A healthy backup next to the database, named like the pre-migration ones. */
async function preMigrationBackup(): Promise<string> {
  const file = `${ctx.dbPath}.backup-v4-2026-01-01T00-00-00-000Z`;
  await backupDatabase(ctx.service.db, file);
  return file;
}

/** Overwrite the middle of the database file (tables' pages) with garbage. */
function damagePages(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(Math.min(64 * 1024, size - 8192), 0x5a), 0, undefined, 4096);
  } finally {
    closeSync(fd);
  }
}

function checkpointAndClose(): void {
  ctx.service.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.service.db.close();
}

describe('a damaged database', () => {
  it('a healthy database opens normally; a missing one is new, not damaged', () => {
    importSample(ctx.service);
    expect(diagnoseDatabase(ctx.dbPath)).toBeNull();
    expect(decideAtStartup(ctx.dbPath)).toEqual({ action: 'open' });
    expect(diagnoseDatabase(join(ctx.dir, 'nothing-yet.db'))).toBeNull();
    expect(startupDecision('x.db', 'broken', () => [])).toEqual({ action: 'recover', status: { state: 'recovery', dbPath: 'x.db', problem: 'broken', backups: [] } });
  });

  it('a file overwritten with garbage is refused as damaged (db-corrupt), untouched', async () => {
    checkpointAndClose();
    writeFileSync(ctx.dbPath, Buffer.alloc(200_000, 7));
    const before = sha(ctx.dbPath);
    await expect(openDatabase(ctx.dbPath)).rejects.toSatisfy((e: unknown) => isJiaoduiError(e) && e.code === 'db-corrupt');
    expect(diagnoseDatabase(ctx.dbPath)).toMatch(/damaged|not a (SQLite )?database/);
    expect(sha(ctx.dbPath)).toBe(before);
  });

  it('damaged pages are found by quick_check; backups are listed newest first, unusable ones with the reason', async () => {
    importSample(ctx.service);
    const good = await preMigrationBackup();
    mkdirSync(join(ctx.dir, 'backups'));
    writeFileSync(join(ctx.dir, 'backups', 'broken.jiaodui'), 'not a database at all'.repeat(300));
    checkpointAndClose();
    damagePages(ctx.dbPath);
    const decision = decideAtStartup(ctx.dbPath);
    expect(decision.action).toBe('recover');
    if (decision.action !== 'recover') return;
    expect(decision.status.problem).toMatch(/damage|malformed|not a database/i);
    const byName = Object.fromEntries(decision.status.backups.map((b) => [basename(b.file), b]));
    expect(byName[basename(good)]).toMatchObject({ kind: 'pre-migration', problem: null });
    expect(byName['broken.jiaodui']).toMatchObject({ kind: 'backup', schemaVersion: null });
    expect(byName['broken.jiaodui'].problem).toMatch(/not a Jiaodui backup/);
  });

  it('opening a backup copies it: the damaged file is kept (renamed), the backup unchanged, the data back', async () => {
    const { documentId } = importSample(ctx.service);
    const good = await preMigrationBackup();
    checkpointAndClose();
    damagePages(ctx.dbPath);
    const damaged = sha(ctx.dbPath);
    const backupHash = sha(good);
    const r = await recoverDatabase(ctx.dbPath, { choice: 'backup', file: good }, { now: new Date('2026-02-03T04:05:06Z') });
    expect(r.openedBackup).toBe(good);
    expect(r.evidence[0]).toBe(`${ctx.dbPath}.corrupt-2026-02-03T04-05-06-000Z`);
    expect(sha(r.evidence[0])).toBe(damaged);
    expect(sha(good)).toBe(backupHash);
    const s = await openService(ctx.dbPath);
    try {
      expect(s.getSegments({ documentId }).length).toBeGreaterThan(10);
      expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      s.db.close();
    }
  });

  it('a new empty database keeps the damaged one too; a second recovery never overwrites the first evidence', async () => {
    checkpointAndClose();
    writeFileSync(ctx.dbPath, Buffer.alloc(100_000, 1));
    const now = new Date('2026-02-03T04:05:06Z');
    const first = await recoverDatabase(ctx.dbPath, { choice: 'new' }, { now });
    expect(existsSync(ctx.dbPath)).toBe(false);
    writeFileSync(ctx.dbPath, Buffer.alloc(100_000, 2));
    const second = await recoverDatabase(ctx.dbPath, { choice: 'new' }, { now });
    expect(second.evidence[0]).not.toBe(first.evidence[0]);
    expect(readFileSync(first.evidence[0])[0]).toBe(1);
    expect(readFileSync(second.evidence[0])[0]).toBe(2);
    const s = await openService(ctx.dbPath);
    expect(s.listProjects()).toEqual([]);
    s.db.close();
  });

  it('only a listed backup can be opened; anything else changes nothing', async () => {
    checkpointAndClose();
    writeFileSync(ctx.dbPath, Buffer.alloc(50_000, 3));
    const other = join(ctx.dir, 'elsewhere.db');
    writeFileSync(other, 'x');
    await expect(recoverDatabase(ctx.dbPath, { choice: 'backup', file: other })).rejects.toThrow(/not one of the backups/);
    expect(readdirSync(ctx.dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(readFileSync(ctx.dbPath)[0]).toBe(3);
  });
});

describe('the recovery state (browser mode and Electron dispatch through it)', () => {
  it('exposes only the recovery methods until a choice is made, then the whole API', async () => {
    importSample(ctx.service);
    const good = await preMigrationBackup();
    checkpointAndClose();
    damagePages(ctx.dbPath);
    let opened = 0;
    const host = await RecoveringApi.start({
      dbPath: ctx.dbPath,
      open: async () => {
        opened++;
        return openService(ctx.dbPath);
      },
    });
    expect(host.recovering).toBe(true);
    expect(opened).toBe(0);
    const api = host.api();
    expect(() => dispatch(api, 'listProjects', {})).toThrow(/damaged/);
    expect((dispatch(api, 'recoveryStatus', {}) as { state: string }).state).toBe('recovery');

    const server = await startServer(api, { staticRoot: ctx.dir, checkResults: true });
    try {
      const call = (method: string, body: unknown) =>
        fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const refused = await call('listProjects', {});
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('db-corrupt');
      const status = (await (await call('recoveryStatus', {})).json()) as { value: { backups: { file: string }[] } };
      expect(status.value.backups.map((b) => b.file)).toContain(good);
      const rec = await call('recoverDatabase', { choice: 'backup', file: good });
      expect(rec.status).toBe(200);
      const projects = await call('listProjects', {});
      expect(projects.status).toBe(200);
      expect(((await projects.json()) as { value: { name: string }[] }).value.map((p) => p.name)).toContain('Samples');
    } finally {
      await server.close();
      host.current?.db.close();
    }
    expect(opened).toBe(1);
  });

  it('answers whoAmI before a choice (the screen offers the choices to an admin only); a reviewer cannot recover', async () => {
    checkpointAndClose();
    writeFileSync(ctx.dbPath, Buffer.alloc(50_000, 4));
    const host = await RecoveringApi.start({ dbPath: ctx.dbPath, open: () => openService(ctx.dbPath) });
    const api = host.api();
    const reviewer = accountCaller('server', '10.0.0.2', { name: 'Rae', role: 'reviewer' });
    const admin = accountCaller('server', '10.0.0.3', { name: 'Ada', role: 'admin' });
    expect(dispatch(api, 'whoAmI', {})).toEqual({ account: null }); // local use: no account
    expect(dispatch(api, 'whoAmI', {}, { caller: reviewer })).toEqual({ account: { name: 'Rae', role: 'reviewer' } });
    expect(dispatch(api, 'whoAmI', {}, { caller: admin })).toEqual({ account: { name: 'Ada', role: 'admin' } });
    expect(() => dispatch(api, 'listProjects', {}, { caller: admin })).toThrow(/damaged/); // still nothing else
    await expect(envelope(api, 'recoverDatabase', { choice: 'new' }, { caller: reviewer })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(host.recovering).toBe(true);
    expect(readdirSync(ctx.dir).filter((f) => /\.corrupt-/.test(f))).toEqual([]); // nothing moved
  });

  it('a second choice while the first is under way is refused; the recovered copy is not moved aside', async () => {
    checkpointAndClose();
    writeFileSync(ctx.dbPath, Buffer.alloc(50_000, 4));
    const host = await RecoveringApi.start({ dbPath: ctx.dbPath, open: () => openService(ctx.dbPath) });
    const [first, second] = await Promise.allSettled([host.recoverDatabase({ choice: 'new' }), host.recoverDatabase({ choice: 'new' })]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
    expect(readdirSync(ctx.dir).filter((f) => /\.corrupt-.*Z$/.test(f))).toHaveLength(1); // the damaged file, moved once
    await expect(host.recoverDatabase({ choice: 'new' })).rejects.toThrow(/nothing to recover/);
    host.current?.db.close();
  });

  it('on a healthy database the service answers state ok and refuses to recover', async () => {
    expect(ctx.service.recoveryStatus().state).toBe('ok');
    const r = await envelope(ctx.service, 'recoverDatabase', { choice: 'new' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
