/**
 * Issue 14's target figure, measured one way wherever it is quoted (bench/run.ts's row,
 * bench/checks-only.ts for profiling): a first check with storing, `runs` times after one
 * warm-up. Each round opens a new database in `dir`, imports the text (not timed) and times the
 * service's check of that document, which no run has seen (no kept evidence, no stored findings:
 * what a reviewer gets after importing). A new database each round, as a reviewer's check never
 * meets the write-ahead log of earlier rounds' imports and checks (an idle pause checkpoints it;
 * a loop over one database never pauses, and its log's backstop checkpoint lands in a timed commit).
 */
import { join } from 'node:path';
import { openService } from '../core/context';

/** How a round's check is timed: wall time by default; `measure` may note more (CPU) and returns the wall time. */
export type Measure = (check: () => void) => number;
const wall: Measure = (check) => {
  const t = performance.now();
  check();
  return performance.now() - t;
};

export async function firstCheckTimes(dir: string, bytes: Uint8Array, runs: number, tag = 'sample', measure: Measure = wall): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const svc = await openService(join(dir, `first-${tag}-${i}.db`));
    const { documentId } = svc.importBytes(bytes, { fileName: '1mb.txt' });
    globalThis.gc?.();
    const ms = measure(() => svc.runChecks({ documentId }));
    if (i > 0) out.push(ms); // the first round warms up, as sample() does
    svc.db.close();
  }
  return out;
}
