import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT } from './context';
import { SAMPLE_BYTES, tempDir } from './test-helpers';
import { spawnScript } from './testing/spawn-script';
import { migrate } from '../db/connection';
import { migrations } from '../db/migrations';

const FIRST_START = join(PACKAGE_ROOT, 'core', 'testing', 'first-start.ts');

function sampleDocuments(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM documents`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('one first start', () => {
  it('two connections interleaved: the one that looked before the other imported does not import again', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'jiaodui.db');
      const a = await openService(dbPath);
      const b = await openService(dbPath);
      let bImported: number | null = null;
      // A has looked (an empty database) and is reading the sample when B imports it.
      const aImported = a.ensureSample(() => {
        bImported = b.ensureSample(SAMPLE_BYTES, 'sample.txt');
        return SAMPLE_BYTES;
      }, 'sample.txt');
      expect(bImported).toBeTypeOf('number');
      expect(aImported).toBeNull();
      expect(a.listDocuments({})).toHaveLength(1);
      a.db.close();
      b.db.close();
      expect(sampleDocuments(dbPath)).toBe(1);
    } finally {
      cleanup();
    }
  });

  it('a migration that another process finished first is not run again', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'jiaodui.db');
      (await openService(dbPath)).db.close();
      const late = new Database(dbPath);
      // It read version 0 before the other process migrated: nothing is left to do.
      expect(() => migrate(late, 0, migrations)).not.toThrow();
      expect(late.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version);
      late.close();
    } finally {
      cleanup();
    }
  });

  it('three processes started together on a new database import the sample once (five rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      const { dir, cleanup } = tempDir();
      try {
        const dbPath = join(dir, 'jiaodui.db');
        const starts = [0, 1, 2].map(() => spawnScript(FIRST_START, [dbPath]));
        const exits = await Promise.all(starts.map((p) => p.exited));
        expect(exits.map((e) => e.code), starts.map((p) => p.stderr()).join('\n')).toEqual([0, 0, 0]);
        const imported = starts.map((p) => (JSON.parse(p.stdout()) as { imported: number | null }).imported);
        expect(imported.filter((id) => id !== null)).toHaveLength(1);
        expect(sampleDocuments(dbPath)).toBe(1);
      } finally {
        cleanup();
      }
    }
  }, 120_000);
});
