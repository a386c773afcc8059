/**
 * `node scripts/bench.mjs --entry checks-only [runs]` (built as the app ships; `--source` through tsx): the bench's "all checks on the 1 MB
 * document" figures alone (pure rules; with storing, a first check of a fresh import and a re-run
 * over unchanged text; and the bare opencc-js t2s reference, medians of `runs`, default 5), for profiling (`node --cpu-prof`) and quick before/after comparisons. Not part
 * of `npm run bench`, which measures the same next to everything else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { openService } from '../core/context';
import { runChecks } from '../shared/checks';
import { segmentText } from '../shared/text/segment';
import { textOfSize } from './fixtures';
import { median, ms, ratio, sample } from './stats';
import { firstCheckTimes } from './first-check';
import { applyServerHeapPolicy } from '../core/heap-policy';
import { BENCH_BUILD } from './build';

const runs = Number(process.argv[2] ?? 5);
// the app's service process's V8 policy, as bench/run.ts sets it (JIAODUI_RETAIN_MAPS=0 or JIAODUI_HEAP_GROWING_PERCENT=0 for V8's own)
const v8Flags = applyServerHeapPolicy();
const dir = mkdtempSync(join(tmpdir(), 'jiaodui-checks-'));
async function main() {
  const svc = await openService(join(dir, 'c.db'));
  const text = textOfSize(1_000_000);
  const big = svc.importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'x.txt' });
  const segs = svc.getSegments({ documentId: big.documentId }).map((s) => ({ id: s.id, text: s.text, furniture: s.furniture, speaker: s.speaker, rendering: s.rendering, paragraph: s.paragraph }));
  const texts = segmentText(text).segments.map((s) => s.text);
  const bare = OpenCC.Converter({ from: 't', to: 'cn' });
  const cpu = (fn: () => void) => () => {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    cpuTimes.push((d.user + d.system) / 1000);
  };
  const cpuTimes: number[] = [];
  const pure = median(sample(cpu(() => runChecks(segs, { script: 'hant', variant: 't' })), runs));
  const pureCpu = median(cpuTimes.splice(0).slice(1));
  // a first check: each round a fresh import into a new database (not timed) that no run has seen, as the bench's row
  const first = await firstCheckTimes(dir, new Uint8Array(Buffer.from(text)), runs, 'only', (check) => {
    const t = performance.now();
    cpu(check)();
    return performance.now() - t;
  });
  const firstCpu = median(cpuTimes.splice(0).slice(1));
  const stored = median(sample(cpu(() => svc.runChecks({ documentId: big.documentId })), runs));
  const storedCpu = median(cpuTimes.splice(0).slice(1));
  const ref = median(sample(() => {
    for (const t of texts) bare(t);
  }, runs));
  console.log(`code: ${BENCH_BUILD}; V8 policy: ${v8Flags.join(' ') || "V8's own"}`);
  console.log(`checks on 1 MB: pure ${ms(pure)} (CPU ${ms(pureCpu)}), with storing: first check ${ms(median(first))} (CPU ${ms(firstCpu)}), re-run ${ms(stored)} (CPU ${ms(storedCpu)}); bare opencc-js t2s ${ms(ref)}; ratio first/ref ${ratio(median(first), ref)}, re-run/ref ${ratio(stored, ref)}`);
  svc.db.close();
}
main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
