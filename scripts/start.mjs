#!/usr/bin/env node
/**
 * `npm start`: run the desktop app, or browser mode where Electron's binary is missing.
 *
 * With Electron's binary: build the renderer if dist/renderer is missing or older than
 * its sources, bundle main + preload (scripts/build-electron.mjs), build better-sqlite3
 * for Electron if build/electron/better_sqlite3.node is missing, then launch Electron
 * on the app with the arguments given (--db PATH, files to import).
 * Without it (or with --browser): one line saying so, the renderer build if needed, the CLI
 * bundle's if stale (`freshCliBundle`), then `jiaodui serve`, which prints the URL and opens the default browser on it where there is
 * a display (not in CI); --db, --port and --no-open are forwarded.
 *
 * Usage: node scripts/start.mjs [--browser] [--no-open] [--db PATH] [--port N] [FILES…]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, electronBinaryStatus } from './electron-binary.mjs';
import { buildElectron } from './build-electron.mjs';
import { buildElectronNative } from './build-electron-native.mjs';
import { buildCliIfStale } from './build-cli.mjs';

const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');
/** What the renderer bundle is built from. */
const RENDERER_SOURCES = ['renderer', 'shared', 'package.json'];

/** Newest modification time under `path` (files and folders, skipping node_modules). */
export function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function rendererIsStale(root = ROOT) {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return RENDERER_SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Keep only --db and --port (either spelling) and --no-open for `jiaodui serve`. */
export function serveArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-open') {
      out.push(a);
      continue;
    }
    const m = /^--(db|port)(=(.*))?$/.exec(a);
    if (!m) continue;
    if (m[2] !== undefined) out.push(`--${m[1]}`, m[3]);
    else if (i + 1 < args.length) out.push(`--${m[1]}`, args[++i]);
  }
  return out;
}

/** Build the renderer quietly (its output only on failure); false when it failed. */
function buildRenderer() {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return true;
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) + '\n' : ''}The renderer build failed (npx vite build --config renderer/vite.config.ts).\n`);
  return false;
}

/** Run a child with the terminal, pass Ctrl+C / SIGTERM on, and exit with its code. */
function runForwarding(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    process.stderr.write(`Could not start ${command}: ${e.message}\n`);
    process.exit(1);
  });
}

/**
 * The server is `jiaodui serve`, which runs the CLI bundle when it is fresh and the TypeScript
 * through tsx when not (bin/jiaodui.mjs): slower to start, and slower in the checks (tsx keeps
 * function names, README Performance "What the bench runs, session 24"). After a `git pull` or
 * an edit the bundle is stale, so it is rebuilt here first; without esbuild (`npm install
 * --omit=dev`) one line says the sources run instead. `build` is the seam for tests.
 */
export async function freshCliBundle(build = buildCliIfStale, out = process.stderr) {
  try {
    if (await build()) out.write('Built the command bundle (dist/cli).\n');
    return true;
  } catch (e) {
    out.write(`The command bundle (dist/cli) could not be built (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); the server runs the TypeScript sources through tsx.\n`);
    return false;
  }
}

async function startBrowserMode(reason, args) {
  process.stderr.write(`${reason}; starting browser mode instead.\n`);
  if (rendererIsStale() && !buildRenderer()) process.exit(1);
  await freshCliBundle();
  runForwarding(process.execPath, [join(ROOT, 'bin', 'jiaodui.mjs'), 'serve', ...serveArgs(args)]);
}

async function main(argv) {
  const forceBrowser = argv.includes('--browser');
  const args = argv.filter((a) => a !== '--browser');
  const electron = electronBinaryStatus();
  if (forceBrowser) return startBrowserMode('--browser given', args);
  if (!electron.present) return startBrowserMode(`Electron's binary is not installed (${electron.reason})`, args);

  if (rendererIsStale()) {
    process.stdout.write('Building the renderer…\n');
    if (!buildRenderer()) process.exit(1);
  }
  await buildElectron();
  if (!existsSync(join(ROOT, 'build', 'electron', 'better_sqlite3.node'))) {
    buildElectronNative();
    if (!existsSync(join(ROOT, 'build', 'electron', 'better_sqlite3.node'))) {
      return startBrowserMode('better-sqlite3 is not built for Electron (build/electron/better_sqlite3.node missing)', args);
    }
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node
  // --no-open is browser mode's: the desktop app opens its own window
  runForwarding(electron.executablePath, [ROOT, ...args.filter((a) => a !== '--no-open')], env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
