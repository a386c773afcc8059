import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freshService, importSample } from './test-helpers';
import { PACKAGE_ROOT } from './context';

const WRITER = join(PACKAGE_ROOT, 'core', 'testing', 'crash-writer.ts');
const TSX = join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Run the writer and SIGKILL it right after the `killAfter`-th acknowledged commit. */
function runAndKill(dbPath: string, documentId: number, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, WRITER, dbPath, String(documentId), '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buf = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
        if (acked.length === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer failed: ${err}`));
      else resolve(acked);
    });
  });
}

describe('crash safety', () => {
  it('every acknowledged correction survives SIGKILL; nothing is half-written; integrity ok', async () => {
    const ctx = await freshService();
    try {
      const { documentId } = importSample(ctx.service);
      ctx.service.db.close();
      // Kill points spread over the burst, including early and late ones; the kill lands
      // wherever the writer is at that moment (often inside the next transaction).
      for (const killAfter of [1, 37, 250, 611, 990]) {
        const acked = await runAndKill(ctx.dbPath, documentId, killAfter);
        expect(acked.length).toBeGreaterThanOrEqual(killAfter);
        const db = new Database(ctx.dbPath);
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.prepare(`INSERT INTO segments_fts(segments_fts) VALUES ('integrity-check')`).run()).toBeTruthy();
          // Every acknowledged correction is there (as a revision of its operation).
          const texts = new Set(db.prepare(`SELECT after FROM revisions WHERE field = 'zh' AND reason = 'crash-test'`).pluck().all() as string[]);
          const marks = [...texts].map((t) => Number(/#(\d+)$/.exec(t)?.[1]));
          for (const i of acked) expect(marks).toContain(i);
          // No half-written operation: every crash-test operation has its text revision,
          // and every segment's current text equals its last text revision.
          const orphanOps = db
            .prepare(`SELECT count(*) FROM operations o WHERE kind = 'edit' AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.operation_id = o.id AND r.field = 'zh')`)
            .pluck()
            .get();
          expect(orphanOps).toBe(0);
          const mismatched = db
            .prepare(
              `SELECT count(*) FROM segments s WHERE s.current_text != coalesce(
                 (SELECT r.after FROM revisions r WHERE r.segment_id = s.id AND r.field = 'zh' ORDER BY r.id DESC LIMIT 1), s.machine_text)`,
            )
            .pluck()
            .get();
          expect(mismatched).toBe(0);
        } finally {
          db.close();
        }
      }
    } finally {
      ctx.cleanup();
    }
  }, 120_000);
});
