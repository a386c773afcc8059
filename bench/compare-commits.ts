/**
 * `npm run bench:compare -- [--rounds N] [LABEL=REV ...]`: the import and save figures of
 * several commits measured in the same run. Each commit is checked out into a temporary
 * worktree (`git worktree add --detach`, node_modules linked to this checkout's), and the
 * commits run ALTERNATELY, one fresh process per commit per round (A B A B …): on a machine
 * shared with other work the load changes from minute to minute, and only alternation puts
 * the same load on every commit. Reports each figure's median over the rounds, its ratio to
 * the first commit's median, and the median of the per-round ratios (each round's figure over
 * the first commit's figure of the same round: the pair ran back to back, so this ratio is
 * the one least moved by load that drifts between rounds). CPU time (the process's user +
 * system) is reported beside wall clock: other processes stretch a save's wall time when they
 * take the core, much less its CPU time. Writes
 * bench/results/compare-*.json. Default: before=33ea60e (the last commit before the service
 * split of issue 15) after=HEAD.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats';
import type { RoundFigures } from './compare-worker';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const WORKER = join(HERE, 'compare-worker.ts');
const DEFAULT_POINTS = ['before=33ea60e', 'after=HEAD'];
const FIGURES: { key: keyof RoundFigures; label: string }[] = [
  { key: 'importMs', label: 'Import 1 MB in-process (median of 5 per round)' },
  { key: 'importCpuMs', label: 'Import 1 MB, CPU time (median of 5 per round)' },
  { key: 'saveBigP50', label: 'Save one correction, 1 MB doc, p50' },
  { key: 'saveBigP99', label: 'Save one correction, 1 MB doc, p99' },
  { key: 'saveBigCpuMs', label: 'Save one correction, 1 MB doc, CPU time per save (mean of 1,000)' },
  { key: 'saveSmallP50', label: 'Save one correction, 10 KB doc, p50' },
  { key: 'saveSmallP99', label: 'Save one correction, 10 KB doc, p99' },
  { key: 'saveSmallCpuMs', label: 'Save one correction, 10 KB doc, CPU time per save (mean of 1,000)' },
  { key: 'checksFirstMs', label: 'All checks with storing, 1 MB doc, first run (median of 3)' },
  { key: 'checksRerunMs', label: 'All checks with storing, 1 MB doc, re-run (median of 3)' },
];

interface Point {
  label: string;
  rev: string;
  sha: string;
  subject: string;
  tree: string;
  rounds: RoundFigures[];
}

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function parseArgs(argv: string[]): { rounds: number; points: { label: string; rev: string }[] } {
  let rounds = 5;
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') rounds = Number(argv[++i]);
    else specs.push(argv[i]);
  }
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number ≥ 1');
  const points = (specs.length ? specs : DEFAULT_POINTS).map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0 || eq === s.length - 1) throw new Error(`"${s}" is not LABEL=REV`);
    return { label: s.slice(0, eq), rev: s.slice(eq + 1) };
  });
  if (points.length < 2) throw new Error('compare at least two commits');
  for (const [i, p] of points.entries()) {
    if (!/^[\w.-]+$/.test(p.label)) throw new Error(`label "${p.label}": letters, digits, . _ - only (it names a folder)`);
    if (points.findIndex((q) => q.label === p.label) !== i) throw new Error(`label "${p.label}" given twice`);
  }
  return { rounds, points };
}

/** The round running now (an interrupt stops it). */
let running: ChildProcess | undefined;

/** One round of one commit in a fresh process (asynchronous, so an interrupt can still remove the trees). */
function runRound(p: Point): Promise<RoundFigures> {
  return new Promise((resolve, reject) => {
    const child = (running = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, p.tree], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${p.label} (${p.sha.slice(0, 7)}) failed:\n${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as RoundFigures);
    });
  });
}

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench:compare: ${(e as Error).message}`);
    process.exit(2);
  }
  const { rounds, points: specs } = parsed;
  const shas = new Map<string, string>();
  for (const { rev } of specs) {
    const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`bench:compare: "${rev}" names no commit`);
      process.exit(2);
    }
    shas.set(rev, r.stdout.trim());
  }
  const modules = realpathSync(join(ROOT, 'node_modules'));
  const base = mkdtempSync(join(tmpdir(), 'jiaodui-compare-trees-'));
  const points: Point[] = [];
  const removeTrees = () => {
    for (const p of points) spawnSync('git', ['worktree', 'remove', '--force', p.tree], { cwd: ROOT });
    rmSync(base, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: ROOT });
  };
  // Ctrl+C (or a kill) between or during rounds still leaves no worktree behind.
  const interrupted = (signal: NodeJS.Signals) => {
    running?.kill();
    removeTrees();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const { label, rev } of specs) {
      const sha = shas.get(rev)!;
      const tree = join(base, label);
      git('worktree', 'add', '--detach', '--quiet', tree, sha);
      symlinkSync(modules, join(tree, 'node_modules'), 'dir');
      points.push({ label, rev, sha, subject: git('log', '-1', '--format=%s', sha), tree, rounds: [] });
    }
    for (let round = 1; round <= rounds; round++) {
      for (const p of points) {
        p.rounds.push(await runRound(p));
        const f = p.rounds.at(-1)!;
        console.error(`round ${round}/${rounds} ${p.label}: import ${fmt(f.importMs)} ms, save 1 MB p50 ${fmt(f.saveBigP50)} / p99 ${fmt(f.saveBigP99)} ms`);
      }
    }
  } finally {
    removeTrees();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  const [first, ...rest] = points;
  const medians = points.map((p) => Object.fromEntries(FIGURES.map((f) => [f.key, median(p.rounds.map((r) => r[f.key]))])) as Record<keyof RoundFigures, number>);
  console.log(`\n${rounds} rounds, commits alternating (${points.map((p) => p.label).join(' ')} …), medians over the rounds, ms\n`);
  // each later commit against the first, round by round (the pair ran back to back)
  const paired = rest.map((p) => Object.fromEntries(FIGURES.map((f) => [f.key, median(p.rounds.map((r, i) => r[f.key] / first.rounds[i][f.key]))])) as Record<keyof RoundFigures, number>);
  const x = (v: number) => `${v.toFixed(2)}×`;
  console.log(
    ['figure', ...points.map((p) => `${p.label} ${p.sha.slice(0, 7)}`), ...rest.map((p) => `${p.label}/${first.label} (medians; per round)`)].join(' | '),
  );
  for (const f of FIGURES) {
    const row = medians.map((m) => fmt(m[f.key]));
    const ratios = rest.map((_, i) => `${x(medians[i + 1][f.key] / medians[0][f.key])}; ${x(paired[i][f.key])}`);
    console.log([f.label, ...row, ...ratios].join(' | '));
  }
  const results = join(HERE, 'results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `compare-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const record = {
    date: new Date().toISOString(),
    rounds,
    note: 'commits run alternately, one process per commit per round; medians over the rounds',
    points: points.map((p, i) => ({
      label: p.label,
      rev: p.rev,
      sha: p.sha,
      subject: p.subject,
      median: medians[i],
      ...(i > 0 ? { medianRatioPerRound: paired[i - 1] } : {}),
      rounds: p.rounds,
    })),
  };
  writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
  console.log(`\n${file}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
