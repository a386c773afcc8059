/**
 * `node --import tsx bench/checks-ab.ts OTHER_CHECKOUT [rounds] [--varied]`: this checkout's checks against
 * another checkout's (e.g. `git worktree add --detach /tmp/main main`, node_modules linked) in one
 * process, alternately, by CPU time: all rules on the 1 MB bench text, the same with storing (a
 * re-run, and a first check of a fresh import: the bench's target row), and the project rules on 50 documents × 20 KB. Each round runs
 * the pair back to back, so the per-round ratio is the figure least moved by a shared machine's
 * load. `--varied` uses 1 MB of varied text (the dev documents of eval/, as the bench's "varied" row)
 * instead of the sample ×75. Not part of `npm run bench`, which measures one checkout next to its
 * bare references.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { segmentText } from '../shared/text/segment';
import { projectDocuments, textOfSize, variedTextOfSize } from './fixtures';
import { median } from './stats';
import { applyServerHeapPolicy } from '../core/heap-policy';

// both sides under the app's V8 policy, as bench/run.ts times them (the flags are the process's: one setting serves both checkouts)
applyServerHeapPolicy();

interface Side {
  runChecks: (segs: unknown[], ctx: unknown) => unknown;
  runProjectRules: (docs: unknown[], ctx: unknown) => unknown;
  openService: (file: string) => Promise<{ importBytes(b: Uint8Array, o: { fileName: string }): { documentId: number }; runChecks(a: { documentId: number }): unknown; db: { close(): void } }>;
}

async function load(root: string): Promise<Side> {
  const checks = (await import(pathToFileURL(join(root, 'shared/checks/index.ts')).href)) as Side;
  const context = (await import(pathToFileURL(join(root, 'core/context.ts')).href)) as Pick<Side, 'openService'>;
  return { runChecks: checks.runChecks, runProjectRules: checks.runProjectRules, openService: context.openService };
}

const cpu = (fn: () => unknown) => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

async function main() {
  const args = process.argv.slice(2);
  const varied = args.includes('--varied');
  const [other, roundsArg] = args.filter((a) => a !== '--varied');
  const rounds = Number(roundsArg ?? 7);
  if (!other || !(rounds >= 1)) {
    process.stderr.write('usage: node --import tsx bench/checks-ab.ts OTHER_CHECKOUT [rounds] [--varied]\n');
    process.exit(2);
  }
  const sides = [await load(resolve(other)), await load(resolve(import.meta.dirname, '..'))];
  const text = varied ? variedTextOfSize(1_000_000) : textOfSize(1_000_000);
  const segs = segmentText(text).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0 }));
  const project = projectDocuments(50, 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-checks-ab-'));
  const services = await Promise.all(sides.map((s, i) => s.openService(join(dir, `${i}.db`))));
  const docs = services.map((svc) => svc.importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'x.txt' }).documentId);
  services.forEach((svc, i) => svc.runChecks({ documentId: docs[i] })); // first run stores every row
  const ctx = { script: 'hant', variant: 't' };
  const figures = {
    'all rules, 1 MB (pure)': (i: number) => cpu(() => sides[i].runChecks(segs.map((s) => ({ ...s })), ctx)),
    'all checks with storing, 1 MB, re-run': (i: number) => cpu(() => services[i].runChecks({ documentId: docs[i] })),
    // issue 14's target: a document never checked (a fresh import each time, the import not timed)
    'all checks with storing, 1 MB, first check': (i: number) => {
      const { documentId } = services[i].importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'first.txt' });
      return cpu(() => services[i].runChecks({ documentId }));
    },
    'project rules, 50 × 20 KB': (i: number) => cpu(() => sides[i].runProjectRules(project, ctx)),
  };
  for (const [label, run] of Object.entries(figures)) {
    run(0);
    run(1); // warm-up
    const a: number[] = [];
    const b: number[] = [];
    const r: number[] = [];
    for (let k = 0; k < rounds; k++) {
      a.push(run(0));
      b.push(run(1));
      r.push(b[k] / a[k]);
    }
    console.log(`${label}: CPU ${median(a).toFixed(0)} ms (other) → ${median(b).toFixed(0)} ms (this), median ratio ${median(b) / median(a) > 0 ? (median(b) / median(a)).toFixed(2) : '-'}×, per-round ${median(r).toFixed(2)}× [${r.map((x) => x.toFixed(2)).join(' ')}]`);
  }
  services.forEach((s) => s.db.close());
  rmSync(dir, { recursive: true, force: true });
}

void main();
