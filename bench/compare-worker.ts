/**
 * One round of bench/compare-commits.ts in one checkout: `node --expose-gc --import tsx
 * bench/compare-worker.ts TREE` imports TREE's service (TREE/core/context.ts), runs the
 * bench's import and save scenarios (as bench/run.ts does them) and prints one JSON line.
 * The harness comes from the invoking checkout, so every tree is measured alike; the input
 * (bench/fixtures.ts's `textOfSize` of the sample) is read through TREE's own modules, so the
 * process loads one service, the tree's (the sample and textOfSize are the same in every
 * compared commit since the bench began).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDLE_CHECKPOINT_MS } from '../db/checkpoint';
import { median, percentile, sample } from './stats';

/** What this harness uses of a tree's service: methods every compared commit has. */
interface ComparedService {
  importBytes(bytes: Uint8Array, args: { fileName: string }): { documentId: number };
  getSegments(args: { documentId: number }): { id: number; text: string }[];
  editSegment(args: { segmentId: number; text: string }): { operationId: number | null };
  runChecks(args: { documentId: number }): unknown;
  db: { close(): void };
}

export interface RoundFigures {
  /** Import 1 MB in-process, median of 5 (after one warm-up import): wall clock and this process's CPU time. */
  importMs: number;
  importCpuMs: number;
  /** Save one correction, 1 MB / 10 KB document, 1,000 saves each: wall-clock percentiles, mean CPU time per save. */
  saveBigP50: number;
  saveBigP99: number;
  saveBigCpuMs: number;
  saveSmallP50: number;
  saveSmallP99: number;
  saveSmallCpuMs: number;
  /** All checks with storing on the 1 MB document: a first run (nothing stored yet; one fresh import per sample) and a re-run over unchanged text, median of 3. */
  checksFirstMs: number;
  checksRerunMs: number;
}

/** CPU time (user + system) of this process, ms: what the work cost, whatever else the machine runs. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** `fn`'s CPU time per run over `runs` runs (a fresh CPU reading per run would cost as much as a save). */
function cpuPerRun(fn: () => void, runs: number): number {
  const start = cpuMs();
  for (let i = 0; i < runs; i++) fn();
  return (cpuMs() - start) / runs;
}

const SAVES = 1000;

async function main(tree: string): Promise<RoundFigures> {
  const from = async <T>(path: string) => (await import(pathToFileURL(join(tree, path)).href)) as T;
  const { openService, SAMPLE_FILE } = await from<{ openService(path: string): Promise<ComparedService>; SAMPLE_FILE: string }>('core/context.ts');
  const { textOfSize } = await from<{ textOfSize(bytes: number): string }>('bench/fixtures.ts');
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-compare-'));
  try {
    const service = await openService(join(dir, 'compare.db'));
    const oneMbBytes = new Uint8Array(Buffer.from(textOfSize(1_000_000)));
    const importCpu: number[] = [];
    const importTimes = sample(() => {
      const c = cpuMs();
      service.importBytes(oneMbBytes, { fileName: '1mb.txt' });
      importCpu.push(cpuMs() - c);
    }, 5);
    const big = service.importBytes(oneMbBytes, { fileName: 'big.txt' });
    const small = service.importBytes(new Uint8Array(Buffer.from(readFileSync(SAMPLE_FILE, 'utf8').slice(0, 3400))), { fileName: '10kb.txt' });
    // The same sentences in both documents, one segment each, a real change every save (bench/run.ts).
    const smallTexts = new Set(service.getSegments({ documentId: small.documentId }).filter((s) => s.text.length > 10).map((s) => s.text));
    const saveTimes = (documentId: number) => {
      const one = new Map<string, { id: number; text: string }>();
      for (const s of service.getSegments({ documentId })) if (smallTexts.has(s.text) && !one.has(s.text)) one.set(s.text, s);
      const segs = [...one.values()];
      let i = 0;
      const save = () => {
        const s = segs[(i++ * 7919) % segs.length];
        s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
        if (service.editSegment({ segmentId: s.id, text: s.text }).operationId === null) throw new Error('compare: a save changed nothing');
      };
      const wall = sample(save, SAVES, 20).sort((a, b) => a - b);
      return { wall, cpu: cpuPerRun(save, SAVES) };
    };
    const checksFirst: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = service.importBytes(oneMbBytes, { fileName: `checks-${i}.txt` });
      const t = performance.now();
      service.runChecks({ documentId: fresh.documentId });
      checksFirst.push(performance.now() - t);
    }
    const checksRerun = sample(() => service.runChecks({ documentId: big.documentId }), 3);
    const pause = () => new Promise((r) => setTimeout(r, IDLE_CHECKPOINT_MS * 3));
    await pause();
    const bigT = saveTimes(big.documentId);
    await pause();
    const smallT = saveTimes(small.documentId);
    service.db.close();
    return {
      importMs: median(importTimes),
      importCpuMs: median(importCpu.slice(1)), // the first is sample()'s warm-up
      saveBigP50: percentile(bigT.wall, 50),
      saveBigP99: percentile(bigT.wall, 99),
      saveBigCpuMs: bigT.cpu,
      saveSmallP50: percentile(smallT.wall, 50),
      saveSmallP99: percentile(smallT.wall, 99),
      saveSmallCpuMs: smallT.cpu,
      checksFirstMs: median(checksFirst),
      checksRerunMs: median(checksRerun),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tree = process.argv[2];
if (!tree) {
  console.error('usage: node --import tsx bench/compare-worker.ts TREE');
  process.exit(2);
}
main(tree).then(
  (r) => console.log(JSON.stringify(r)),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  },
);
