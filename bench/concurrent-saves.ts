/**
 * Saves while a second process writes (bench/run.ts): the reviewer's save series, paced,
 * once alone and once while bench/second-writer.ts commits a correction every 50 ms from
 * another process on the same database file. Busy errors are counted on both sides (a save
 * that gives up is a failure the reviewer sees, whatever its time).
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { spawnScript } from '../core/testing/spawn-script';
import { isJiaoduiError } from '../shared/errors';

const WRITER = join(PACKAGE_ROOT, 'bench', 'second-writer.ts');

export interface ContendedSeries {
  /** save times in ms, sorted */
  times: number[];
  busy: number;
}

export interface ConcurrentSavesResult {
  alone: ContendedSeries;
  contended: ContendedSeries;
  writer: { commits: number; busy: number; times: number[] };
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * `count` saves, one every `gapMs` or so (a blocking sleep between them, so nothing else of
 * this process runs meanwhile): back to back, this process would hold the write lock almost
 * all the time and the second writer could only wait, which no reviewer does.
 */
function pacedSeries(save: () => void, count: number, gapMs: number): ContendedSeries {
  const times: number[] = [];
  let busy = 0;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    try {
      save();
    } catch (e) {
      if (!(isJiaoduiError(e) && e.code === 'db-busy')) throw e;
      busy++;
    }
    times.push(performance.now() - t);
    Atomics.wait(sleeper, 0, 0, gapMs);
  }
  return { times: times.sort((a, b) => a - b), busy };
}

export async function concurrentSaves(o: {
  dbPath: string;
  /** one save of the reviewer (a real change every time) */
  save: () => void;
  /** the document the second writer corrects (not the reviewer's) */
  otherDocumentId: number;
  count: number;
  gapMs?: number;
  periodMs?: number;
  /** idle time before each series, so WAL checkpoints left by earlier work run first */
  pause: () => Promise<unknown>;
}): Promise<ConcurrentSavesResult> {
  const gap = o.gapMs ?? 4;
  for (let i = 0; i < 20; i++) o.save(); // warm-up, as the other save series
  await o.pause();
  const alone = pacedSeries(o.save, o.count, gap);
  await o.pause();
  const writer = spawnScript(WRITER, [o.dbPath, String(o.otherDocumentId), String(o.periodMs ?? 50)]);
  try {
    await writer.waitFor(/^ready$/m, 60_000);
    await new Promise((r) => setTimeout(r, 200)); // a few of its commits before the series
    const contended = pacedSeries(o.save, o.count, gap);
    writer.signal('SIGTERM');
    const stats = JSON.parse((await writer.waitFor(/^\{.*\}$/m, 30_000))[0]) as ConcurrentSavesResult['writer'];
    await writer.exited;
    return { alone, contended, writer: stats };
  } finally {
    await writer.stop();
  }
}
