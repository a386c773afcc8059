/**
 * Whole-process figures for the `jiaodui` command (bench/run.ts): start-up and a 1 MB import
 * as a user runs them, each next to a plain-Node reference timed in the same run. Runs of a
 * figure and its reference alternate, so load from elsewhere on the machine falls on both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { buildCliIfStale } from '../scripts/build-cli.mjs';
import { median } from './stats';

const BIN = join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs');
const BARE_IMPORT = join(PACKAGE_ROOT, 'bench', 'bare-import.mjs');

interface Command {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Run before each timed run, untimed (e.g. remove the database the last run wrote). */
  before?: () => void;
}

/**
 * GNU time, when installed, also gives each run's CPU time (user + system): a figure that
 * holds up when other work on the machine stretches wall-clock times.
 */
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

interface Timing {
  wallMs: number;
  cpuMs: number | null;
}

function runOnce(c: Command, dir: string): Timing {
  c.before?.();
  const env = { ...process.env, ...c.env };
  const cpuFile = join(dir, 'cpu-time.txt');
  const [cmd, args] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...c.args]] : [process.execPath, c.args];
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`bench: node ${c.args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = hasGnuTime ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number) : null;
  return { wallMs, cpuMs: cpu ? (cpu[0] + cpu[1]) * 1000 : null };
}

/** `runs` timed runs of each command, interleaved, after one untimed run of each (file cache); medians. */
function timeInterleaved(commands: Command[], runs: number, dir: string): Timing[] {
  for (const c of commands) runOnce(c, dir);
  const out = commands.map(() => [] as Timing[]);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => out[k].push(runOnce(c, dir)));
  return out.map((ts) => ({ wallMs: median(ts.map((t) => t.wallMs)), cpuMs: hasGnuTime ? median(ts.map((t) => t.cpuMs!)) : null }));
}

export interface StartupFigures {
  node: Timing;
  help: Timing;
  helpTsx: Timing;
  importApp: Timing;
  importRef: Timing;
  runs: number;
  tsxRuns: number;
}

/** `text` is the 1 MB document the in-process import figure uses; `dir` a scratch folder. */
export async function startupBench(text: string, dir: string, quick: boolean): Promise<StartupFigures> {
  // The figures are for the bundle that ships: make sure it matches the sources.
  await buildCliIfStale();
  const runs = quick ? 5 : 11;
  const tsxRuns = quick ? 3 : 5;
  const bundle = { JIAODUI_CLI: 'bundle', JIAODUI_DB: '' };

  const [node, help] = timeInterleaved([{ args: ['-e', '0'] }, { args: [BIN, '--help'], env: bundle }], runs, dir);
  const [helpTsx] = timeInterleaved([{ args: [BIN, '--help'], env: { JIAODUI_CLI: 'source' } }], tsxRuns, dir);

  const file = join(dir, 'startup-1mb.txt');
  writeFileSync(file, text);
  const appDb = join(dir, 'startup-import.db');
  const refDb = join(dir, 'startup-bare.db');
  const fresh = (db: string) => () => {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  };
  const [importApp, importRef] = timeInterleaved(
    [
      { args: [BIN, '--db', appDb, 'import', file], env: bundle, before: fresh(appDb) },
      { args: [BARE_IMPORT, file, refDb], before: fresh(refDb) },
    ],
    runs,
    dir,
  );
  return { node, help, helpTsx, importApp, importRef, runs, tsxRuns };
}

/** "12 ms (CPU 9.0 ms)": wall-clock time, and CPU time where GNU time measured it. */
export function wallAndCpu(t: Timing, ms: (x: number) => string): string {
  return t.cpuMs === null ? ms(t.wallMs) : `${ms(t.wallMs)} (CPU ${ms(t.cpuMs)})`;
}
