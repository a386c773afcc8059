import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beginImmediate, commit, rollback } from './write-lock';
import { tempDir } from '../core/test-helpers';
import { PACKAGE_ROOT } from '../core/context';
import { spawnScript } from '../core/testing/spawn-script';

function database(dir: string): Database.Database {
  const db = new Database(join(dir, 'j.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  return db;
}

describe('taking the write lock', () => {
  it('gives up with SQLite busy after the timeout while another connection keeps the lock, and sets the busy timeout back', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = database(dir);
      const other = database(dir);
      other.exec('BEGIN IMMEDIATE');
      expect(() => beginImmediate(db, 30)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      expect(db.inTransaction).toBe(false);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(30);
      other.exec('ROLLBACK');
      beginImmediate(db, 30);
      db.prepare('INSERT INTO t VALUES (1)').run();
      commit(db);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
      rollback(db); // nothing open: no error
      db.close();
      other.close();
    } finally {
      cleanup();
    }
  });

  it("waits for another process's transaction to end, then has the lock", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = database(dir);
      const holder = spawnScript(join(PACKAGE_ROOT, 'db', 'testing', 'hold-write-lock.ts'), [join(dir, 'j.db'), '300']);
      await holder.waitFor(/^locked$/m);
      beginImmediate(db, 10_000); // blocks until the other process commits
      expect(db.prepare('SELECT x FROM t').all()).toEqual([{ x: 'other' }]); // its commit is visible
      db.prepare('INSERT INTO t VALUES (?)').run('mine');
      commit(db);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10_000);
      await holder.exited;
      db.close();
    } finally {
      cleanup();
    }
  });
});
