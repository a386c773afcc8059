/**
 * Issue 16, for real: two processes save one segment against the versions they read, 1,000
 * times each (2,000 saves, the size). Every acknowledged save is a revision, nothing is lost silently,
 * and the revisions form one chain: each one's "before" is the previous one's "after".
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { freshService, importSample } from './test-helpers';
import { PACKAGE_ROOT } from './context';
import { spawnScript } from './testing/spawn-script';

const PER_PROCESS = 1000;

describe('two processes writing one segment', () => {
  it(`${2 * PER_PROCESS} versioned saves: every acknowledged save present, every revision's "before" is the previous "after"`, async () => {
    const fx = await freshService();
    try {
      const { documentId } = importSample(fx.service);
      const seg = fx.service.getSegments({ documentId })[4];
      fx.service.db.close();
      const writer = join(PACKAGE_ROOT, 'core', 'testing', 'versioned-writer.ts');
      const procs = ['p1', 'p2'].map((tag) => spawnScript(writer, [fx.dbPath, String(documentId), String(seg.id), String(PER_PROCESS), tag]));
      const exits = await Promise.all(procs.map((p) => p.exited));
      for (const [i, x] of exits.entries()) expect(x.code, procs[i].stderr()).toBe(0);
      const lines = procs.flatMap((p) => p.stdout().trim().split('\n'));
      const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      expect(acked).toHaveLength(2 * PER_PROCESS);

      const again = await fx.reopen();
      const revs = again.segmentHistory({ segmentId: seg.id }).filter((r) => r.field === 'zh');
      expect(revs).toHaveLength(2 * PER_PROCESS);
      expect(new Set(revs.map((r) => r.after))).toEqual(new Set(acked));
      expect(revs[0].before).toBe(seg.text);
      for (let i = 1; i < revs.length; i++) expect(revs[i].before, `revision ${i}`).toBe(revs[i - 1].after);
      expect(again.getSegments({ documentId })[4].text).toBe(revs.at(-1)!.after);
      // each process's own saves stay in its order
      for (const tag of ['p1', 'p2']) {
        const mine = revs.filter((r) => r.author === tag).map((r) => r.after);
        expect(mine).toEqual(Array.from({ length: PER_PROCESS }, (_, i) => `${tag}-${i}`));
      }
    } finally {
      fx.cleanup();
    }
  }, 240_000);
});
