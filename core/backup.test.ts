import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshService, importSample, SAMPLE_TEXT } from './test-helpers';
import { openService } from './context';
import { backupDatabase, inspectBackup, restoreDatabase } from './backup';
import { databaseDigest } from '../db/digest';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { openDatabase } from '../db/connection';

let ctx: Awaited<ReturnType<typeof freshService>>;
beforeEach(async () => {
  ctx = await freshService();
});
afterEach(() => ctx.cleanup());

describe('backup and restore', () => {
  it('backs up, and restores what was backed up (the current database kept aside)', async () => {
    const { documentId } = importSample(ctx.service);
    const file = join(ctx.dir, 'b.jiaodui');
    const r = await backupDatabase(ctx.service.db, file);
    expect(r.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await expect(backupDatabase(ctx.service.db, file)).rejects.toThrow(/already exists/);
    expect(inspectBackup(file)).toBe(LATEST_SCHEMA_VERSION);
    const seg = ctx.service.getSegments({ documentId }).find((s) => s.text.includes('王震'))!;
    ctx.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    ctx.service.db.close();
    const res = await restoreDatabase(ctx.dbPath, file);
    expect(res.previous).toMatch(/before-restore/);
    const s = await openService(ctx.dbPath);
    try {
      expect((await s.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
    } finally {
      s.db.close();
    }
    const prev = await openService(res.previous!);
    try {
      expect((await prev.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT.replace('王震', '王征'));
    } finally {
      prev.db.close();
    }
  });

  it('refuses files that are not Jiaodui backups, or from a newer Jiaodui, changing nothing', async () => {
    importSample(ctx.service);
    const before = databaseDigest(ctx.service.db);
    const text = join(ctx.dir, 'x.txt');
    writeFileSync(text, 'hello');
    await expect(restoreDatabase(ctx.dbPath, text)).rejects.toThrow(/not a Jiaodui backup/);
    const other = join(ctx.dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.pragma('user_version = 1');
    o.close();
    await expect(restoreDatabase(ctx.dbPath, other)).rejects.toThrow(/not a Jiaodui backup/);
    const future = join(ctx.dir, 'future.db');
    await ctx.service.db.backup(future);
    const f = new Database(future);
    f.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    f.close();
    const beside = readdirSync(ctx.dir).sort();
    await expect(restoreDatabase(ctx.dbPath, future)).rejects.toThrow(/newer Jiaodui/);
    expect(readdirSync(ctx.dir).sort(), 'looking at a backup leaves nothing beside it').toEqual(beside);
    await expect(restoreDatabase(ctx.dbPath, join(ctx.dir, 'missing.db'))).rejects.toThrow(/no such file/);
    expect(databaseDigest(ctx.service.db)).toBe(before);
  });

  it('refuses a look-alike (right table names, other columns) and subtler schema changes, changing nothing', async () => {
    importSample(ctx.service);
    const before = databaseDigest(ctx.service.db);
    const good = join(ctx.dir, 'good.db');
    await ctx.service.db.backup(good);
    expect(inspectBackup(good)).toBe(LATEST_SCHEMA_VERSION);
    // Every one of Jiaodui's tables, by name, with columns of its own.
    const lookAlike = join(ctx.dir, 'look-alike.db');
    const tables = ctx.service.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%'`).pluck().all() as string[];
    const l = new Database(lookAlike);
    for (const t of tables) l.exec(`CREATE TABLE "${t}" (id INTEGER PRIMARY KEY, payload TEXT)`);
    l.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    l.close();
    // A real backup with one column renamed; another without one trigger; another with a table of its own.
    const variants: Array<[string, string, RegExp]> = [
      ['renamed.db', 'ALTER TABLE segments RENAME COLUMN current_text TO text_now', /table segments differs/],
      ['no-trigger.db', `DROP TRIGGER ${ctx.service.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).pluck().get() as string}`, /trigger \S+ missing/],
      ['extra.db', 'CREATE TABLE notes (x TEXT)', /table notes is not Jiaodui's/],
    ];
    for (const [name, sql] of variants) {
      const file = join(ctx.dir, name);
      await ctx.service.db.backup(file);
      const v = new Database(file);
      v.exec(sql);
      v.close();
    }
    const currentBytes = readFileSync(ctx.dbPath);
    await expect(restoreDatabase(ctx.dbPath, lookAlike)).rejects.toThrow(/not a Jiaodui backup: its schema .*table \S+ differs.*Nothing was restored/);
    for (const [name, , why] of variants) await expect(restoreDatabase(ctx.dbPath, join(ctx.dir, name))).rejects.toThrow(why);
    expect(databaseDigest(ctx.service.db)).toBe(before);
    expect(readFileSync(ctx.dbPath).equals(currentBytes)).toBe(true);
    expect(readdirSync(ctx.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('accepts a backup from an older schema version (checked against the migrations up to its version)', async () => {
    const old = join(ctx.dir, 'old.db');
    const { db } = await openDatabase(old, { migrations: migrations.slice(0, 4) });
    db.close();
    expect(inspectBackup(old)).toBe(migrations[3].version);
    const res = await restoreDatabase(ctx.dbPath, old);
    expect(res.schemaVersion).toBe(migrations[3].version);
  });
});
