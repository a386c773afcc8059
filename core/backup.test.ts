import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshService, importSample, SAMPLE_TEXT } from './test-helpers';
import { openService } from './context';
import { backupDatabase, inspectBackup, restoreDatabase } from './backup';
import { databaseDigest } from '../db/digest';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

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
    await expect(restoreDatabase(ctx.dbPath, future)).rejects.toThrow(/newer Jiaodui/);
    await expect(restoreDatabase(ctx.dbPath, join(ctx.dir, 'missing.db'))).rejects.toThrow(/no such file/);
    expect(databaseDigest(ctx.service.db)).toBe(before);
  });
});
