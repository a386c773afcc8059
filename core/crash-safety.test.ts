import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freshService, importSample } from './test-helpers';
import { PACKAGE_ROOT } from './context';
import { groupAlive, spawnScript } from './testing/spawn-script';

const WRITER = join(PACKAGE_ROOT, 'core', 'testing', 'crash-writer.ts');
const BURST = 1000;
/** The writer sleeps this long after every other edit, so a kill at ack N lands well before the burst ends. */
const PAUSE_MS = 4;

/** Kill points spread over the burst, early and late; the last leaves 50 acks (≈ 0.17 s) of headroom. */
const KILL_POINTS = [1, 37, 250, 611, 950];

/**
 * Run the writer and SIGKILL its process group right after the `killAfter`-th acknowledged
 * commit. Returns the acks read (including any already in the pipe when the kill landed).
 */
async function runAndKill(dbPath: string, documentId: number, killAfter: number, runTag: string): Promise<{ acked: number[]; pid: number }> {
  const writer = spawnScript(WRITER, [dbPath, String(documentId), String(BURST), runTag, String(PAUSE_MS)]);
  const acked: number[] = [];
  let kill: Promise<unknown> | null = null;
  writer.onLine((line) => {
    const m = /^ack (\d+)$/.exec(line);
    if (m) acked.push(Number(m[1]));
    if (acked.length === killAfter && !kill) kill = writer.kill();
  });
  const exit = await writer.exited;
  if (!kill) throw new Error(`writer ended before ack ${killAfter} (${exit.signal ?? exit.code}): ${writer.stderr()}`);
  await kill;
  expect(exit.signal).toBe('SIGKILL');
  return { acked, pid: writer.pid };
}

describe('crash safety', () => {
  it('every acknowledged correction survives SIGKILL; nothing is half-written; integrity ok', async () => {
    const ctx = await freshService();
    try {
      const { documentId } = importSample(ctx.service);
      ctx.service.db.close();
      // The kill lands wherever the writer is at that moment: in a pause or inside the next
      // edit's transaction.
      for (const killAfter of KILL_POINTS) {
        const runTag = `k${killAfter}`;
        const { acked, pid } = await runAndKill(ctx.dbPath, documentId, killAfter, runTag);
        // The kill landed mid-burst, and no writer process survived it.
        expect(groupAlive(pid)).toBe(false);
        expect(acked.length).toBeGreaterThanOrEqual(killAfter);
        expect(acked.length).toBeLessThan(BURST);
        const db = new Database(ctx.dbPath);
        try {
          // The database holds every acknowledged edit of this run, plus at most the one
          // committed in the instant between its commit and its ack: far fewer than the burst.
          const runTexts = db
            .prepare(`SELECT after FROM revisions WHERE field = 'zh' AND reason = 'crash-test' AND after LIKE ?`)
            .pluck()
            .all(`%#${runTag}-%`) as string[];
          const runEdits = runTexts.length;
          expect(runEdits - acked.length).toBeGreaterThanOrEqual(0);
          expect(runEdits - acked.length).toBeLessThanOrEqual(1);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.prepare(`INSERT INTO segments_fts(segments_fts) VALUES ('integrity-check')`).run()).toBeTruthy();
          // Every acknowledged correction is there (as a revision of its operation).
          const marks = new Set(runTexts.map((t) => Number(t.slice(t.lastIndexOf('-') + 1))));
          for (const i of acked) expect(marks.has(i)).toBe(true);
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
