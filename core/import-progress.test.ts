/**
 * An import reports its progress to an in-process caller's listener (the CLI's bar draws it;
 * core writes nothing to a terminal): each stage counts up to its total, storing ends at the
 * document's segment count.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useFreshService } from './test-helpers';
import { SAMPLE_FILE } from './context';
import { dispatch } from '../shared/contract/dispatch';
import { callerContext, type ProgressReport } from '../shared/contract/caller';

const fresh = useFreshService();

describe('importDocument: progress to the caller', () => {
  it('segmenting, converting, storing: each counts up to its total; storing ends at the segment count', () => {
    const reports: ProgressReport[] = [];
    const caller = { ...callerContext('cli', 1), progress: (p: ProgressReport) => reports.push(p) };
    const text = readFileSync(SAMPLE_FILE, 'utf8');
    const big = Array.from({ length: 12 }, (_, i) => text.replace(/。/g, `，第${i}次。`)).join('\n\n'); // over 1024 segments: storing in steps
    const r = dispatch(fresh.service, 'importDocument', { fileName: 'big.txt', data: new Uint8Array(Buffer.from(big)) }, { caller }) as { documentId: number; segments: number };
    expect(r.segments).toBeGreaterThan(1024);

    const stages = [...new Set(reports.map((p) => p.stage))];
    expect(stages).toEqual(['segmenting', 'converting', 'storing']);
    for (const stage of stages) {
      const of = reports.filter((p) => p.stage === stage);
      expect(of.length, stage).toBeGreaterThan(2);
      expect(new Set(of.map((p) => p.total)).size, stage).toBe(1);
      for (let i = 1; i < of.length; i++) expect(of[i].done, stage).toBeGreaterThanOrEqual(of[i - 1].done);
      expect(of[0].done, stage).toBeLessThan(of[0].total / 10); // from (nearly) the start
      expect(of[of.length - 1].done, stage).toBe(of[0].total);
    }
    expect(reports.at(-1)).toEqual({ stage: 'storing', done: r.segments, total: r.segments });
    expect(reports.filter((p) => p.stage === 'converting')[0].total).toBe(r.segments);
  });

  it('a caller without a listener imports as before', () => {
    const r = dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data: new Uint8Array(Buffer.from('第一句。第二句。')) }, { caller: callerContext('cli', 1) }) as { segments: number };
    expect(r.segments).toBe(2);
  });
});
