#!/usr/bin/env node
/**
 * Bundle the Electron main process and preload with esbuild into dist/electron/:
 *   main.cjs    — platform node, CommonJS; `electron` and `better-sqlite3` stay external
 *                 (better-sqlite3 loads a native module, the Electron build of which
 *                 main.ts passes as `nativeBinding`);
 *   preload.cjs — ONE self-contained CommonJS file; only `electron` is external, since
 *                 a sandboxed preload cannot require local files or packages;
 *   gloss-cache-worker.cjs — the worker thread that builds the CC-CEDICT gloss cache
 *                 (core/gloss-cache-worker.ts; main.ts passes its path to configureGlosses);
 *   offload-worker.cjs — the worker threads that run whole-document and project checks and
 *                 exports off the main process's thread (core/offload-worker.ts, issue 19).
 * Usage: node scripts/build-electron.mjs [--production]
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist', 'electron');

/**
 * core/context.ts finds the package root as the parent of its own folder through
 * import.meta.url, which a CommonJS bundle does not have. The bundle sits in
 * dist/electron/, so it stands in the URL of <root>/core/context.ts.
 */
const IMPORT_META_URL_SHIM =
  'var __jiaodui_import_meta_url = require("url").pathToFileURL(require("path").join(__dirname, "..", "..", "core", "context.ts")).href;';

/** esbuild options for the main process. */
export function mainOptions(root = ROOT, { production = false } = {}) {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: join(root, 'dist', 'electron', 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    define: { 'import.meta.url': '__jiaodui_import_meta_url' },
    banner: { js: IMPORT_META_URL_SHIM },
    sourcemap: production ? false : 'linked',
    minify: false,
    legalComments: 'linked',
    logLevel: 'warning',
  };
}

/** esbuild options for the gloss cache's worker thread: like the main process's, another entry. */
export function glossWorkerOptions(root = ROOT, { production = false } = {}) {
  return {
    ...mainOptions(root, { production }),
    entryPoints: [join(root, 'core', 'gloss-cache-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'gloss-cache-worker.cjs'),
  };
}

/** esbuild options for the offload worker (checks and exports off the main thread): another entry. */
export function offloadWorkerOptions(root = ROOT, { production = false } = {}) {
  return {
    ...mainOptions(root, { production }),
    entryPoints: [join(root, 'core', 'offload-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'offload-worker.cjs'),
  };
}

/** esbuild options for the sandboxed preload. */
export function preloadOptions(root = ROOT, { production = false } = {}) {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: join(root, 'dist', 'electron', 'preload.cjs'),
    bundle: true,
    // 'browser': a Node built-in creeping into the preload fails the build instead of
    // becoming a require() the sandbox cannot satisfy.
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
    sourcemap: production ? false : 'inline',
    minify: false,
    logLevel: 'warning',
  };
}

/** The module names a CommonJS bundle require()s. */
export function requiredModules(code) {
  const names = new Set();
  for (const m of code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)) names.add(m[2]);
  return [...names].sort();
}

export async function buildElectron({ root = ROOT, production = false } = {}) {
  rmSync(join(root, 'dist', 'electron'), { recursive: true, force: true }); // no stale maps
  const [main, preload] = await Promise.all([
    build({ ...mainOptions(root, { production }), metafile: true }),
    build({ ...preloadOptions(root, { production }), metafile: true }),
    build(glossWorkerOptions(root, { production })),
    build(offloadWorkerOptions(root, { production })),
  ]);
  return { main, preload, outDir: join(root, 'dist', 'electron') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const production = process.argv.includes('--production');
  try {
    await buildElectron({ production });
    process.stdout.write(`Built dist/electron/main.cjs and dist/electron/preload.cjs${production ? ' (production)' : ''}.\n`);
  } catch (e) {
    process.stderr.write(`Electron bundles failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
