import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freshService, importSample } from './test-helpers';
import { openService, PACKAGE_ROOT } from './context';
import { databaseDigest } from '../db/digest';

describe('two processes on one database', () => {
  it('a writer blocked by another process gets a clear "busy" error and changes nothing; then succeeds', async () => {
    const ctx = await freshService();
    try {
      const { documentId } = importSample(ctx.service);
      ctx.service.db.close();
      const app = await openService(ctx.dbPath, { busyTimeoutMs: 100 });
      const seg = app.getSegments({ documentId }).find((s) => s.text.includes('王震'))!;
      const other = new Database(ctx.dbPath);
      other.pragma('busy_timeout = 100');
      other.exec('BEGIN IMMEDIATE');
      const before = databaseDigest(app.db);
      expect(() => app.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') })).toThrow(
        expect.objectContaining({ code: 'db-busy', message: expect.stringMatching(/busy.*Nothing was changed/) }),
      );
      // Reads still work while the other process holds the write lock (WAL).
      expect(app.getSegments({ documentId }).length).toBeGreaterThan(100);
      // The CLI in a real second process reports busy in one line, exit 2.
      const cli = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs'), '--db', ctx.dbPath, 'edit', String(documentId), String(seg.id), '--text', 'x'], {
        encoding: 'utf8',
        env: { ...process.env, JIAODUI_BUSY_TIMEOUT_MS: '100' },
      });
      expect(cli.status).toBe(2);
      expect(cli.stderr).toMatch(/^jiaodui: The database is busy/);
      other.exec('ROLLBACK');
      other.close();
      expect(databaseDigest(app.db)).toBe(before);
      const ok = app.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
      expect(ok.segments[0].text).toContain('王征');
      expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
      app.db.close();
    } finally {
      ctx.cleanup();
    }
  });
});
