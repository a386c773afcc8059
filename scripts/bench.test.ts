import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BENCH_DIR, BENCH_EXTERNAL, benchCommand, benchOptions, parseBenchArgs } from './bench.mjs';
import { cliOptions } from './build-cli.mjs';
import { ROOT } from './cli-bundle.mjs';

describe('npm run bench (scripts/bench.mjs)', () => {
  it('reads --source and --entry anywhere and passes every other argument on', () => {
    expect(parseBenchArgs([])).toEqual({ source: false, entry: 'run', rest: [] });
    expect(parseBenchArgs(['--checks', '--source'])).toEqual({ source: true, entry: 'run', rest: ['--checks'] });
    expect(parseBenchArgs(['--entry', 'checks-only', '7'])).toEqual({ source: false, entry: 'checks-only', rest: ['7'] });
    expect(parseBenchArgs(['--entry=checks-only'])).toMatchObject({ entry: 'checks-only' });
    expect(() => parseBenchArgs(['--entry', 'profile'])).toThrow("--entry takes one of run, checks-only (not 'profile')");
    expect(() => parseBenchArgs(['--entry'])).toThrow(/^--entry takes one of run, checks-only$/);
  });

  it('runs the built file by default and the TypeScript through tsx with --source', () => {
    const [node, built] = benchCommand({ source: false, entry: 'run', rest: ['--checks'] }, '/r');
    expect(node).toBe(process.execPath);
    expect(built).toEqual(['--expose-gc', join('/r', BENCH_DIR, 'run.mjs'), '--checks']);
    expect(benchCommand({ source: true, entry: 'checks-only', rest: ['3'] }, '/r')[1]).toEqual(['--expose-gc', '--import', 'tsx', join('/r', 'bench', 'checks-only.ts'), '3']);
  });

  it('builds with the CLI bundle’s options: no name-keeping helpers, the workers beside the entries, the build recorded', async () => {
    const out = join(ROOT, BENCH_DIR);
    const opts = benchOptions(ROOT, out);
    const cli = cliOptions(ROOT, out);
    for (const k of ['target', 'format', 'platform', 'bundle', 'minify', 'keepNames', 'banner'] as const) expect(opts[k], k).toEqual(cli[k]);
    expect(opts.external).toEqual(expect.arrayContaining([...(cli.external ?? [])]));
    const r = await build({ ...opts, write: false, metafile: true });
    // the build tools the startup rows call (buildCliIfStale) come from node_modules: esbuild's API does not run bundled
    const bundledPackages = new Set(Object.keys(r.metafile.inputs).flatMap((p) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(p)?.[1] ?? []));
    for (const pkg of BENCH_EXTERNAL) expect(bundledPackages.has(pkg), pkg).toBe(false);
    expect(bundledPackages.has('opencc-js')).toBe(true);
    const files = new Map(r.outputFiles.map((f) => [f.path.slice(out.length + 1), f.text]));
    for (const name of ['run.mjs', 'checks-only.mjs', 'offload-worker.mjs', 'gloss-cache-worker.mjs']) expect(files.has(name), name).toBe(true);
    const all = [...files.values()].join('\n');
    // what tsx adds to every function it transpiles (esbuild's keepNames), and the app's bundle does not
    expect(all).not.toMatch(/\b__name\(/);
    // the define made bench/build.ts a constant: the results file says 'bundle'
    expect(all).not.toContain('JIAODUI_BENCH_BUILD');
    expect(files.get('run.mjs')).toContain('@playwright/test');
  }, 60_000);
});
