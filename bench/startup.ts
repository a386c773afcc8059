/**
 * Whole-process figures for the `jiaodui` command (bench/run.ts): start-up and a 1 MB import
 * as a user runs them, each next to a plain-Node reference timed in the same run. Runs of a
 * figure and its reference alternate, so load from elsewhere on the machine falls on both.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
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

function runOnce(c: Command): number {
  c.before?.();
  const t = performance.now();
  const r = spawnSync(process.execPath, c.args, { env: { ...process.env, ...c.env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`bench: node ${c.args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return elapsed;
}

/** `runs` timed runs of each command, interleaved, after one untimed run of each (file cache). */
function timeInterleaved(commands: Command[], runs: number): number[][] {
  for (const c of commands) runOnce(c);
  const out = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => out[k].push(runOnce(c)));
  return out;
}

export interface StartupFigures {
  nodeMs: number;
  helpMs: number;
  helpTsxMs: number;
  importMs: number;
  importRefMs: number;
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

  const [node, help] = timeInterleaved([{ args: ['-e', '0'] }, { args: [BIN, '--help'], env: bundle }], runs);
  const [helpTsx] = timeInterleaved([{ args: [BIN, '--help'], env: { JIAODUI_CLI: 'source' } }], tsxRuns);

  const file = join(dir, 'startup-1mb.txt');
  writeFileSync(file, text);
  const appDb = join(dir, 'startup-import.db');
  const refDb = join(dir, 'startup-bare.db');
  const fresh = (db: string) => () => {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  };
  const [imp, ref] = timeInterleaved(
    [
      { args: [BIN, '--db', appDb, 'import', file], env: bundle, before: fresh(appDb) },
      { args: [BARE_IMPORT, file, refDb], before: fresh(refDb) },
    ],
    runs,
  );
  return { nodeMs: median(node), helpMs: median(help), helpTsxMs: median(helpTsx), importMs: median(imp), importRefMs: median(ref), runs, tsxRuns };
}
