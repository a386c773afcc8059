/**
 * `npm run bench:team [-- --seconds N] [--reviewers N] [--kill-seconds N] [--bytes N]
 * [--no-checker] [--no-exporter] [--on-request-thread] [--cpu-prof DIR]`: the team
 * server's load run (issue 19, core/testing/team-load.ts) against a real `jiaodui serve --team`
 * process on a temporary database, loopback only. Prints save latency p50/p95/p99 under load
 * next to the same saves alone (no load, same run, same server), saves acknowledged, lost,
 * conflicts expected vs reported, the kill -9 phase, and records the run in bench/results/.
 * Defaults are the issue's: 20 reviewers, a save every 2 s each on a 1 MB document, 60 s,
 * one client running checks and one exporting; then 20 s more with a SIGKILL in the middle.
 * A script, not a test: the invariants (lost = 0, conflicts exact, kill -9) are also held by
 * core/team-load.test.ts, the latency figure only here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { runTeamLoad } from '../core/testing/team-load';
import { percentile } from './stats';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} takes a number, got ${process.argv[i + 1]}`);
  return v;
}

const seconds = flag('seconds', 60);
const reviewers = flag('reviewers', 20);
const killSeconds = flag('kill-seconds', 20);
const bytes = flag('bytes', 1_000_000);
/** leave the checking or exporting client out (to take a figure apart) */
const checker = !process.argv.includes('--no-checker');
const exporter = !process.argv.includes('--no-exporter');
/** `--on-request-thread`: the server runs checks and exports on its request thread (JIAODUI_OFFLOAD=0), as before issue 19's offload: the comparison */
const onRequestThread = process.argv.includes('--on-request-thread');
/** `--cpu-prof DIR`: the server process writes a CPU profile of its main thread there (at its exit) */
const profIndex = process.argv.indexOf('--cpu-prof');
const nodeArgs = profIndex >= 0 ? ['--cpu-prof', '--cpu-prof-dir', process.argv[profIndex + 1]] : undefined;

const dir = mkdtempSync(join(tmpdir(), 'jiaodui-team-load-'));
const load0 = loadavg()[0];
const started = new Date();
try {
  const r = await runTeamLoad({
    dir,
    reviewers,
    seconds,
    documentBytes: bytes,
    aloneSaves: 60,
    pairEveryMs: 1000,
    killSeconds,
    checker,
    exporter,
    nodeArgs,
    ...(onRequestThread ? { env: { JIAODUI_OFFLOAD: '0' } } : {}),
    log: (l) => process.stderr.write(`bench:team: ${l}\n`),
  });
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
  };
  const load = stats(r.latency.load);
  const alone = stats(r.latency.alone);
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  const lines = [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end; ${started.toISOString()}`,
    `save latency under load (${reviewers} reviewers, one every 2 s each, ${seconds} s, checks and exports looping): p50 ${f(load.p50)} / p95 ${f(load.p95)} / p99 ${f(load.p99)} ms, max ${f(load.max)} ms (${load.n} saves)   target p99 ≤ 50 ms: ${load.p99 <= 50 ? 'met' : 'NOT met'}`,
    `the same saves alone (no load, same server):                p50 ${f(alone.p50)} / p95 ${f(alone.p95)} / p99 ${f(alone.p99)} ms, max ${f(alone.max)} ms (${alone.n} saves)   p99 ratio ${(load.p99 / alone.p99).toFixed(2)}×`,
    `saves acknowledged: ${r.acknowledged}; lost: ${r.lost.length}`,
    `conflicts: ${r.pairs.seeded} same-base pairs seeded, ${r.pairs.answered} answered (${r.pairs.interrupted} cut by the kill): ${r.pairs.exactlyOne409} gave exactly one 409; 409 outside the pairs: ${r.unexpectedConflicts.length}; reported ${r.saves.filter((x) => x.status === 409).length} vs expected ${r.pairs.answered}`,
    `checks (whole document, project) completed: ${r.checks.runs}, errors ${r.checks.errors.length}; exports (docx, xliff, change report): ${r.exports.runs}, errors ${r.exports.errors.length}; other errors: ${r.otherErrors.length}`,
    r.kill
      ? `kill -9 mid-load: ${r.kill.acknowledgedBefore} saves acknowledged before it, ${r.kill.unansweredAtKill} unanswered during it, restart ${f(r.kill.restartMs)} ms; acknowledged saves lost: ${r.kill.lostOfBefore} (before the kill), ${r.lost.length} (whole run)`
      : 'kill -9: not run',
  ];
  for (const l of lines) process.stdout.write(l + '\n');
  for (const e of [...r.checks.errors, ...r.exports.errors, ...r.otherErrors.map((x) => `${x.phase} ${x.status} ${x.body}`)].slice(0, 10)) process.stdout.write(`  error: ${e}\n`);
  const resultsDir = join(PACKAGE_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `team-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const record = {
    started: started.toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAtStart: load0, loadAtEnd: loadavg()[0] },
    options: { seconds, reviewers, killSeconds, bytes, checker, exporter, onRequestThread },
    load,
    alone,
    acknowledged: r.acknowledged,
    lost: r.lost.length,
    pairs: r.pairs,
    unexpectedConflicts: r.unexpectedConflicts.length,
    checks: { runs: r.checks.runs, errors: r.checks.errors },
    exports: { runs: r.exports.runs, errors: r.exports.errors },
    otherErrors: r.otherErrors,
    kill: r.kill,
    lines,
    /** every save: when it was sent (ms), how long it took, its answer, its phase */
    saves: '@saves',
  };
  // the saves on one line: a thousand of them would be thousands of lines
  const savesJson = JSON.stringify(r.saves.map((x) => [Math.round(x.at), Math.round(x.ms * 10) / 10, x.status, x.phase]));
  writeFileSync(file, JSON.stringify(record, null, 1).replace('"@saves"', savesJson) + '\n');
  process.stdout.write(`recorded ${file}\n`);
  const failed = r.lost.length > 0 || r.unexpectedConflicts.length > 0 || r.pairs.exactlyOne409 !== r.pairs.answered;
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
