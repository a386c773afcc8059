/**
 * Issue 14's target figure, measured one way wherever it is quoted (bench/run.ts's row,
 * bench/checks-only.ts for profiling): a first check with storing, `runs` times after one
 * warm-up, as a reviewer meets it in a running app: one service (one database) for every round,
 * as the app keeps one for its session; each round imports the text as a new document (not
 * timed), pauses as a reviewer does between importing and checking (past the idle checkpoint,
 * db/checkpoint.ts, so that the round's check never meets the log of earlier rounds' writes: a
 * loop with no pause let the log's backstop checkpoint land in a timed commit), and times the
 * service's check of that document, which no run has seen (no kept evidence, no stored findings).
 *
 * Not a new service each round, as this measured before: closing a service lets the objects its
 * rules' optimised code was specialised on die, and V8 throws that code away ("weak objects"
 * deoptimisations; ~90 functions compiled again in the next round, ~150 ms on the 1 MB text), a
 * cost the app pays once per session (in its first check, like the warm-up round here), never
 * per document. Its callers run under the app's V8 policy (core/heap-policy.ts, set at their
 * start as `jiaodui serve` and Electron's main process set it): with V8's own, the shapes those
 * rules rely on died between rounds too, in the import and the pause (README Performance,
 * "Shapes kept, session 23").
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openService } from '../core/context';
import { IDLE_CHECKPOINT_MS } from '../db/checkpoint';

/** How a round's check is timed: wall time by default; `measure` may note more (CPU) and returns the wall time. */
export type Measure = (check: () => void) => number;
const wall: Measure = (check) => {
  const t = performance.now();
  check();
  return performance.now() - t;
};

export async function firstCheckTimes(dir: string, bytes: Uint8Array, runs: number, tag = 'sample', measure: Measure = wall): Promise<number[]> {
  const out: number[] = [];
  const svc = await openService(join(dir, `first-${tag}.db`));
  try {
    for (let i = 0; i <= runs; i++) {
      const { documentId } = svc.importBytes(bytes, { fileName: `1mb-${i}.txt` });
      // the reviewer's pause: the idle checkpoint copies the import's log into the database
      await sleep(IDLE_CHECKPOINT_MS + 200);
      globalThis.gc?.();
      const ms = measure(() => svc.runChecks({ documentId }));
      if (i > 0) out.push(ms); // the first round warms up, as sample() does
    }
  } finally {
    svc.db.close();
  }
  return out;
}
