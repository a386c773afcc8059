import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT, SAMPLE_FILE } from './context';
import { backupDatabase, restoreDatabase } from './backup';
import { recoverDatabase } from './recovery';
import { otherLiveUsers, usersDir } from './db-users-registry';
import { tempDir } from './test-helpers';
import { spawnScript } from './testing/spawn-script';
import { BIN, CLI_ENV } from '../cli/test-helpers';
import { spawnSync } from 'node:child_process';
import type { DbUser } from './db-users';

const HOLD_OPEN = join(PACKAGE_ROOT, 'core', 'testing', 'hold-open.ts');

function entry(o: Partial<DbUser>): DbUser {
  const now = new Date().toISOString();
  return { pid: 1, host: hostname(), kind: 'serve', startedAt: now, heartbeatAt: now, ...o };
}

describe('process registration beside the database', () => {
  it('an opened service has an entry until it is closed; stale and unreadable entries are ignored and removed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'j.db');
      const service = await openService(dbPath, { kind: 'cli', command: 'jiaodui list' });
      const [name] = readdirSync(usersDir(dbPath));
      expect(JSON.parse(readFileSync(join(usersDir(dbPath), name), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), kind: 'cli', command: 'jiaodui list' });
      expect(otherLiveUsers(dbPath)).toEqual([]); // this process is not "another"
      // A crashed process (no such pid), a half-written file, an old heartbeat of a living pid.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      writeFileSync(join(usersDir(dbPath), `${dead}@x.json`), JSON.stringify(entry({ pid: dead })));
      writeFileSync(join(usersDir(dbPath), 'junk.json'), '{"pid":');
      writeFileSync(join(usersDir(dbPath), `1@y.json`), JSON.stringify(entry({ pid: 1, heartbeatAt: new Date(Date.now() - 3_600_000).toISOString() })));
      expect(otherLiveUsers(dbPath)).toEqual([]);
      expect(readdirSync(usersDir(dbPath))).toEqual([name]);
      service.db.close();
      expect(existsSync(usersDir(dbPath))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('two connections of one process: one entry, removed when the last is closed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'j.db');
      const a = await openService(dbPath, { kind: 'serve' });
      const b = await openService(dbPath, { kind: 'serve' });
      expect(readdirSync(usersDir(dbPath))).toEqual([`${process.pid}-serve@${encodeURIComponent(hostname())}.json`]);
      a.db.close(); // the other connection still has it open
      expect(readdirSync(usersDir(dbPath))).toHaveLength(1);
      b.db.close();
      expect(existsSync(usersDir(dbPath))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('restore refuses while another process has the database open, naming it; goes ahead once it is closed or killed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'j.db');
      const svc = await openService(dbPath);
      svc.importBytes(new Uint8Array(readFileSync(SAMPLE_FILE)), { fileName: 'sample.txt' });
      const backup = join(dir, 'backup.db');
      await backupDatabase(svc.db, backup);
      svc.db.close();

      const server = spawnScript(HOLD_OPEN, [dbPath, 'serve']);
      await server.waitFor(/open \d+/);
      const before = readFileSync(dbPath);
      await expect(restoreDatabase(dbPath, backup)).rejects.toMatchObject({
        code: 'db-in-use',
        message: expect.stringMatching(new RegExp(`^Jiaodui serve \\(pid ${server.pid}, started \\d\\d:\\d\\d\\) has this database open; close it first\\.`)),
      });
      // The command line: one line, exit 5; the database and its folder as they were.
      const cli = spawnSync(process.execPath, [BIN, '--db', dbPath, 'restore', backup], { encoding: 'utf8', env: { ...process.env, ...CLI_ENV } });
      expect(cli.status).toBe(5);
      expect(cli.stderr).toMatch(new RegExp(`^jiaodui: Jiaodui serve \\(pid ${server.pid}, started \\d\\d:\\d\\d\\) has this database open; close it first\\. Nothing was changed\\.\\n$`));
      expect(readFileSync(dbPath).equals(before)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
      await server.stop();
      expect(existsSync(usersDir(dbPath))).toBe(false); // it closed: its entry went with it
      expect((await restoreDatabase(dbPath, backup)).previous).toMatch(/before-restore/);

      // A recovery moves the database aside: refused the same way while it is open elsewhere.
      const holder = spawnScript(HOLD_OPEN, [dbPath, 'serve']);
      await holder.waitFor(/open \d+/);
      await expect(recoverDatabase(dbPath, { choice: 'new' })).rejects.toMatchObject({ code: 'db-in-use' });
      expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
      await holder.stop();

      // Killed (no chance to remove its entry): its pid is gone, so the entry no longer counts.
      const app = spawnScript(HOLD_OPEN, [dbPath, 'app']);
      await app.waitFor(/open \d+/);
      await expect(restoreDatabase(dbPath, backup)).rejects.toThrow(/^The Jiaodui app \(pid \d+/);
      await app.kill();
      expect(readdirSync(usersDir(dbPath))).toHaveLength(1);
      await expect(restoreDatabase(dbPath, backup)).resolves.toMatchObject({ schemaVersion: expect.any(Number) });
      expect(existsSync(usersDir(dbPath))).toBe(false);
    } finally {
      cleanup();
    }
  }, 60_000);

  it('an opener is refused while another process restores the database', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'j.db');
      (await openService(dbPath)).db.close();
      // A restore under way in another (living) process: its entry, as registerDbUser writes it.
      const other = spawnScript(HOLD_OPEN, [join(dir, 'other.db'), 'cli']);
      await other.waitFor(/open \d+/);
      mkdirSync(usersDir(dbPath));
      writeFileSync(join(usersDir(dbPath), `${other.pid}@x.json`), JSON.stringify(entry({ pid: other.pid, kind: 'restore' })));
      await expect(openService(dbPath)).rejects.toMatchObject({ code: 'db-in-use', message: expect.stringMatching(new RegExp(`^jiaodui restore \\(pid ${other.pid}, .*is replacing this database`)) });
      expect(readdirSync(usersDir(dbPath))).toEqual([`${other.pid}@x.json`]); // the refused opener left no entry
      await other.stop();
    } finally {
      cleanup();
    }
  }, 60_000);
});
