import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Migration } from './migrations/types';
import { join } from 'node:path';
import { PAGE_CACHE_KIB, cacheStatements, looksCorrupt, openDatabase, readOnlyLook } from './connection';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { tempDir } from '../core/test-helpers';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('openDatabase', () => {
  it('creates and migrates an empty database with WAL, foreign keys, busy timeout and a 16 MB page cache', async () => {
    const path = join(dir(), 'sub', 'j.db');
    const { db, backupPath, migratedFrom } = await openDatabase(path);
    expect(migratedFrom).toBe(0);
    expect(backupPath).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // a page cache of 16 MB, not SQLite's 2 MB (a large check's write would spill before its commit)
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(PAGE_CACHE_KIB).toBe(16_000);
    db.close();
    // Reopening an up-to-date database migrates nothing and backs up nothing.
    const again = await openDatabase(path);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('refuses a database from a newer version and leaves it byte for byte untouched', async () => {
    const path = join(dir(), 'future.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'db-future' });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(path + '-wal')).toBe(false);
  });

  it('refuses a newer WAL-mode database leaving the folder as found (no empty -wal/-shm beside it)', async () => {
    const d = dir();
    const path = join(d, 'future-wal.db');
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close(); // a clean close checkpoints and removes -wal/-shm
    const files = readdirSync(d);
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'db-future' });
    expect(readdirSync(d)).toEqual(files);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a look leaves the -wal of a connection that opened the database meanwhile (a process starting at the same moment)', () => {
    const path = join(dir(), 'j.db');
    const first = new Database(path);
    first.pragma('journal_mode = WAL');
    first.exec('CREATE TABLE t (x)');
    first.close(); // a clean close: no -wal, no -shm
    let other: Database.Database | null = null;
    readOnlyLook(path, () => {
      const ro = new Database(path, { readonly: true });
      ro.pragma('user_version');
      // Another process opens the database while the look is under way: its -wal is new and empty.
      other = new Database(path);
      other.pragma('user_version');
      ro.close();
    });
    other!.prepare('INSERT INTO t VALUES (1)').run();
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    reader.close();
    other!.close();
  });

  it('backs up an existing database before migrating it, and a failing migration changes nothing', async () => {
    const d = dir();
    const path = join(d, 'old.db');
    const v1: Migration = { version: 1, name: 'v1', up: (db) => db.exec('CREATE TABLE notes (x TEXT); ') };
    const first = await openDatabase(path, { migrations: [v1] });
    first.db.prepare('INSERT INTO notes VALUES (?)').run('kept');
    first.db.close();

    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (y)');
        throw new Error('boom');
      },
    };
    await expect(openDatabase(path, { migrations: [v1, broken] })).rejects.toThrow('boom');
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    check.close();

    const v2: Migration = { version: 2, name: 'v2', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN y TEXT') };
    const second = await openDatabase(path, { migrations: [v1, v2] });
    expect(second.migratedFrom).toBe(1);
    expect(second.backupPath).toBeTruthy();
    second.db.close();
    const backups = readdirSync(d).filter((f) => f.includes('backup-v1'));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    const b = new Database(second.backupPath!, { readonly: true });
    expect(b.pragma('user_version', { simple: true })).toBe(1);
    expect(b.prepare('SELECT x FROM notes').pluck().all()).toEqual(['kept']);
    b.close();
  });

  it('upgrades a real version-1 database to the latest schema with a backup', async () => {
    const d = dir();
    const path = join(d, 'v1.db');
    const v1 = await openDatabase(path, { migrations: [migrations[0]] });
    v1.db.exec(`INSERT INTO projects (name, created_at) VALUES ('Kept', '2024-01-01')`);
    v1.db.close();
    const latest = await openDatabase(path);
    expect(latest.migratedFrom).toBe(1);
    expect(latest.backupPath).toMatch(/backup-v1-/);
    expect(latest.db.prepare('SELECT name FROM projects').pluck().all()).toEqual(['Kept']);
    expect((latest.db.prepare('PRAGMA table_info(findings)').all() as { name: string }[]).map((c) => c.name)).toContain('dismissed_segment_text');
    latest.db.close();
  });

  it('rejects a file that is not a database with a clear message', async () => {
    const path = join(dir(), 'not.db');
    writeFileSync(path, 'hello, this is text, not SQLite at all'.repeat(100));
    await expect(openDatabase(path)).rejects.toThrow(/not a Jiaodui database|not a database/);
  });
});

describe('the statement cache', () => {
  it('hands out one compiled statement per SQL, reset to plain rows; a busy one is not shared', () => {
    const db = cacheStatements(new Database(':memory:'), 2);
    db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    const sql = 'SELECT a, b FROM t ORDER BY a';
    const first = db.prepare(sql);
    expect(first.pluck().all()).toEqual([1, 2]);
    const again = db.prepare(sql);
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]); // pluck was reset
    expect(db.prepare(sql).raw().get()).toEqual([1, 'x']);
    expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
    // iterating: the same SQL inside the loop gets its own statement
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ a: number }>) seen.push(row.a, (db.prepare(sql).all() as unknown[]).length);
    expect(seen).toEqual([1, 2, 2, 2]);
    // bounded: the least recently used is dropped
    db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    expect(db.prepare(sql)).not.toBe(first);
    db.close();
  });

  it('recognises SQLite corruption errors', () => {
    expect(looksCorrupt(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
    expect(looksCorrupt(new Error('file is not a database'))).toBe(true);
    expect(looksCorrupt(new Error('SQLITE_BUSY: database is locked'))).toBe(false);
  });
});
