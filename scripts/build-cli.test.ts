import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { cliOptions, EXTERNAL_PACKAGES } from './build-cli.mjs';
import { ROOT } from './cli-bundle.mjs';

const out = mkdtempSync(join(tmpdir(), 'jiaodui-cli-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every module an output file loads before its code runs (static imports, transitively). */
function staticallyLoaded(meta: Metafile, file: string, seen = new Set<string>()): Set<string> {
  for (const imp of meta.outputs[file]?.imports ?? []) {
    if (imp.kind !== 'import-statement' || seen.has(imp.path)) continue;
    seen.add(imp.path);
    if (!imp.external) staticallyLoaded(meta, imp.path, seen);
  }
  return seen;
}

describe('the CLI bundle (scripts/build-cli.mjs)', () => {
  it('answers --help and usage errors without loading any npm package; the app is one dynamic import away, docx two', async () => {
    const r = await build({ ...cliOptions(ROOT, out), write: false, metafile: true });
    const entry = Object.keys(r.metafile.outputs).find((f) => f.endsWith('/entry.mjs'))!;
    expect(entry).toBeDefined();
    const loaded = [...staticallyLoaded(r.metafile, entry)];
    // only Node built-ins and our own chunks (cli/usage.ts, shared/errors.ts)
    expect(loaded.filter((p) => !p.startsWith('node:') && !relative(out, join(ROOT, p)).endsWith('.mjs'))).toEqual([]);
    expect(loaded.some((p) => p.startsWith('node:') && p !== 'node:util')).toBe(false);
    const dynamic = r.metafile.outputs[entry].imports.filter((i) => i.kind === 'dynamic-import');
    expect(dynamic).toHaveLength(1);
    // …and that import is where the heavy packages come in: better-sqlite3 (native) from
    // node_modules, the pure-JavaScript ones every command needs compiled into the app's chunk.
    const app = [...staticallyLoaded(r.metafile, dynamic[0].path)];
    const has = (list: string[], pkg: string) => list.some((p) => p === pkg || p.startsWith(pkg + '/'));
    expect(has(app, 'better-sqlite3')).toBe(true);
    const npmImports = app.filter((p) => !p.startsWith('node:') && !relative(out, join(ROOT, p)).endsWith('.mjs'));
    expect(npmImports.filter((p) => !EXTERNAL_PACKAGES.some((pkg) => has([p], pkg)))).toEqual([]);
    const bundledPackages = new Set(Object.keys(r.metafile.inputs).flatMap((p) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(p)?.[1] ?? []));
    for (const pkg of ['zod', 'opencc-js', 'pinyin-pro', 'diff']) expect(bundledPackages.has(pkg), pkg).toBe(true);
    // pinyin-pro only as its CommonJS build, which the bundle runs at the first call (not at load)
    expect(Object.keys(r.metafile.inputs).filter((p) => p.includes('node_modules') && p.includes('pinyin-pro')).map((p) => p.replace(/^.*node_modules[\\/]/, ''))).toEqual(['pinyin-pro/dist/index.js']);
    // docx (1 MB of JavaScript) only for a Word export (core/export.ts): behind one more dynamic import.
    expect(has(app, 'docx')).toBe(false);
    const lazy = Object.values(r.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
    expect(lazy.some((chunk) => has([...staticallyLoaded(r.metafile, chunk)], 'docx'))).toBe(true);
  });
});
