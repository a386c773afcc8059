#!/usr/bin/env node
/**
 * `npm run bench [-- ARGS]`: the bench as the app ships. The app never runs its TypeScript
 * through tsx: `jiaodui serve` and the CLI run the esbuild bundle of scripts/build-cli.mjs,
 * Electron its own bundle, and their offload workers are bundles too. tsx transpiles with
 * esbuild's `keepNames`, which wraps every function it creates in a `__name(fn, "fn")` call
 * (a property definition each time a closure is made): on the checks' closures that cost the
 * first check of the 1 MB text ~30 ms the app's bundles do not pay (README Performance, "What
 * the bench runs, session 24"; only the fallback through tsx does, bin/jiaodui.mjs). So this builds bench/run.ts and bench/checks-only.ts with the CLI
 * bundle's own options (`cliOptions`: same target, same bundled and external packages, the
 * same ASCII pass) into dist/bench/ and runs the built file.
 *
 *   node scripts/bench.mjs [--source] [--entry run|checks-only] [ARGS…]
 *     --source        run the TypeScript through tsx, as before session 24 (for comparison)
 *     --entry NAME    bench/NAME.ts (default run); ARGS go to it (--quick, --checks, runs…)
 *
 * The results file records which it was (`build`: bundle or tsx source).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli-bundle.mjs';
import { cliOptions } from './build-cli.mjs';
import { asciiBundleFiles } from './ascii-js.mjs';

/** The bench's entry points (bench/<name>.ts). */
export const BENCH_ENTRIES = ['run', 'checks-only'];
/**
 * Loaded by the bench from node_modules as well as the app's own externals: the browser rows'
 * driver, and the build tools the startup rows call to bring dist/cli up to date
 * (bench/startup.ts `buildCliIfStale`: esbuild's API does not run bundled).
 */
export const BENCH_EXTERNAL = ['@playwright/test', 'playwright', 'playwright-core', 'esbuild', 'acorn'];

/** Two folders deep, as dist/cli/ is: the bundle's import.meta.url shim names ../../core/context.ts. */
export const BENCH_DIR = join('dist', 'bench');

/** The CLI bundle's esbuild options for the bench's entries and the workers the service starts. */
export function benchOptions(root = ROOT, outdir = join(root, BENCH_DIR)) {
  const cli = cliOptions(root, outdir);
  return {
    ...cli,
    entryPoints: [...BENCH_ENTRIES.map((n) => join(root, 'bench', `${n}.ts`)), join(root, 'core', 'gloss-cache-worker.ts'), join(root, 'core', 'offload-worker.ts')],
    external: [...cli.external, ...BENCH_EXTERNAL],
    // the results file says which code was measured (bench/build.ts `BENCH_BUILD`)
    define: { ...cli.define, 'process.env.JIAODUI_BENCH_BUILD': '"bundle"' },
  };
}

/** Builds dist/bench/ (replaced whole: never a mix of two builds); returns the folder. */
export async function buildBench(root = ROOT) {
  const { build } = await import('esbuild');
  const finalDir = join(root, BENCH_DIR);
  const tmpDir = `${finalDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  try {
    await build(benchOptions(root, tmpDir));
    // as the shipped bundle: sources held one byte per character (scripts/ascii-js.mjs)
    await asciiBundleFiles(tmpDir);
    rmSync(finalDir, { recursive: true, force: true });
    renameSync(tmpDir, finalDir);
    return finalDir;
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** `--source` and `--entry NAME` read from the front or anywhere in argv; the rest passes on. */
export function parseBenchArgs(argv) {
  const rest = [];
  let source = false;
  let entry = 'run';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--source') source = true;
    else if (a === '--entry' || a.startsWith('--entry=')) {
      const v = a === '--entry' ? argv[++i] : a.slice('--entry='.length);
      if (!v || !BENCH_ENTRIES.includes(v)) throw new Error(`--entry takes one of ${BENCH_ENTRIES.join(', ')}${v ? ` (not '${v}')` : ''}`);
      entry = v;
    } else rest.push(a);
  }
  return { source, entry, rest };
}

/** The command that runs the chosen bench: node on the built file, or on the source through tsx. */
export function benchCommand({ source, entry, rest }, root = ROOT) {
  const file = source ? join(root, 'bench', `${entry}.ts`) : join(root, BENCH_DIR, `${entry}.mjs`);
  return [process.execPath, ['--expose-gc', ...(source ? ['--import', 'tsx'] : []), file, ...rest]];
}

async function main() {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${e.message}\n`);
    return 2;
  }
  if (!args.source) {
    try {
      await import('esbuild');
    } catch {
      process.stderr.write('bench: esbuild is not installed (npm ci installs it); --source runs the TypeScript through tsx instead\n');
      return 2;
    }
    await buildBench();
  }
  const [cmd, cmdArgs] = benchCommand(args);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
