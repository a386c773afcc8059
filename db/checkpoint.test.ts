import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { deferCheckpoints, WAL_BACKSTOP_PAGES } from './checkpoint';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'c.db');
  const { db } = await openDatabase(path);
  db.exec('CREATE TABLE t (x TEXT)');
  return { db, wal: () => statSync(`${path}-wal`).size };
}

const write = (db: Awaited<ReturnType<typeof fresh>>['db'], n: number) => {
  const ins = db.prepare('INSERT INTO t (x) VALUES (?)');
  for (let i = 0; i < n; i++) db.transaction(() => ins.run('校對'.repeat(2000)))();
};

describe('deferCheckpoints', () => {
  it('moves the automatic checkpoint to a backstop and checkpoints after an idle pause', async () => {
    const { db, wal } = await fresh();
    const ck = deferCheckpoints(db, 20);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);
    write(db, 300); // ~2.4 MB: past SQLite's default 1,000-page checkpoint, below the backstop
    ck.noteCommit();
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(log).toBeGreaterThan(1000); // nothing was checkpointed inside a commit
    expect(checkpointed).toBe(0);
    await new Promise((r) => setTimeout(r, 80));
    const [after] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(after.checkpointed).toBe(after.log); // the idle checkpoint copied every frame
    expect(wal()).toBeGreaterThan(0); // PASSIVE keeps the file; the next writer restarts it
    ck.dispose();
    db.close();
  });

  it('flush runs the pending checkpoint at once; dispose cancels it; data stays readable', async () => {
    const { db } = await fresh();
    const ck = deferCheckpoints(db, 10_000);
    write(db, 5);
    ck.noteCommit();
    ck.flush();
    const [r] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(r.checkpointed).toBe(r.log);
    write(db, 1);
    ck.noteCommit();
    ck.dispose();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 6 });
    db.close();
  });
});
