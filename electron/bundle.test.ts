/**
 * The bundles as Electron will load them: the sandboxed preload must be ONE file whose
 * only require() is `electron` (and must not drag zod in); the main bundle may require
 * only electron, better-sqlite3 and Node built-ins.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { glossWorkerOptions, mainOptions, ROOT, preloadOptions, requiredModules } from '../scripts/build-electron.mjs';
import { buildGlossCacheInWorker, configureGlosses, GLOSS_CACHE_FILE } from '../core/glosses';

async function bundle(options: ReturnType<typeof mainOptions>): Promise<string> {
  const r = await build({ ...options, write: false, sourcemap: false, logLevel: 'silent' });
  const js = r.outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!js) throw new Error('no output');
  return js.text;
}

describe('Electron bundles', () => {
  it('preload: one CommonJS file requiring only electron, without zod or the schemas', async () => {
    const code = await bundle(preloadOptions());
    expect(requiredModules(code)).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b|ZodError|safeParse/);
    // Exactly four globals, and ipcRenderer itself is never handed to the page.
    const exposed = [...code.matchAll(/exposeInMainWorld\(\s*(\w+)\s*,\s*([^;]*)\);/g)].map((m) => [m[1], m[2]]);
    expect(exposed).toEqual([
      ['PRELOAD_GLOBAL', 'client'],
      ['REMOTE_GLOBAL', 'Object.freeze(remote)'],
      ['FEED_GLOBAL', 'Object.freeze(feed)'],
      ['SHELL_GLOBAL', 'Object.freeze(shell)'],
    ]);
    expect(code).toMatch(/var PRELOAD_GLOBAL = "jiaodui";/);
    expect(code).toMatch(/var SHELL_GLOBAL = "jiaoduiShell";/);
    expect(code).toMatch(/var FEED_GLOBAL = "jiaoduiFeed";/);
    expect(code).toMatch(/var REMOTE_GLOBAL = "jiaoduiRemote";/);
    expect(code.length).toBeLessThan(40_000);
  });

  it('main: requires only electron, better-sqlite3 and Node built-ins; import.meta is shimmed', async () => {
    const code = await bundle(mainOptions());
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const other = requiredModules(code).filter((m) => !builtins.has(m));
    expect(other.sort()).toEqual(['better-sqlite3', 'electron']);
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toContain('__jiaodui_import_meta_url');
  }, 60_000);

  it('gloss cache worker: a bundle of its own that builds the cache when main hands its path to configureGlosses', async () => {
    // inside the package, where the bundle finds better-sqlite3 in node_modules as dist/electron/ does
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'dist', 'test-gloss-worker-'));
    try {
      const workerFile = join(dir, 'gloss-cache-worker.cjs');
      await build({ ...glossWorkerOptions(), outfile: workerFile, sourcemap: false, logLevel: 'silent' });
      const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
      const { readFileSync } = await import('node:fs');
      expect(requiredModules(readFileSync(workerFile, 'utf8')).filter((m) => !builtins.has(m))).toEqual(['better-sqlite3']);
      configureGlosses({ workerFile });
      const cache = join(dir, GLOSS_CACHE_FILE);
      await buildGlossCacheInWorker(cache);
      expect(existsSync(cache)).toBe(true);
    } finally {
      configureGlosses({});
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('requiredModules finds require calls', () => {
    expect(requiredModules('var a=require("electron");const b = require( \'node:fs\' );x.require("y")')).toEqual(['electron', 'node:fs', 'y']);
  });
});
