#!/usr/bin/env node
/**
 * Build better-sqlite3's native module for Electron into build/electron/better_sqlite3.node
 * (the main process passes it to better-sqlite3 as `nativeBinding`).
 *
 * node_modules/better-sqlite3 is NEVER rebuilt in place: tests and the CLI run on Node
 * and need the Node build there. This works in a copy (build/electron/work/), first
 * trying a prebuilt binary for the Electron runtime (prebuild-install), then compiling
 * against Electron's headers (node-gyp --target=<electron> --dist-url=electronjs.org/headers).
 * Both need network access; where there is none, it says so in one line and exits 0.
 *
 * Usage: node scripts/build-electron-native.mjs [--force] [--nodedir=DIR]
 *   (JIAODUI_NATIVE_VERBOSE=1 prints the tools' output even when only the network failed)
 *   --force        rebuild even if an up-to-date build exists
 *   --nodedir=DIR  Electron's headers already unpacked in DIR (builds offline)
 *   --strict       exit 1 when it cannot be built at all (packaging needs the module)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_FILE = join(ROOT, 'build', 'electron', 'better_sqlite3.node');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network|tunneling socket|unable to get local issuer|self[- ]signed|certificate|\b40[37]\b|\b50[234]\b/i;

/** True when a tool's output says it could not download (as opposed to a compile error). */
export function isNetworkFailure(output) {
  return NETWORK_FAILURE.test(output);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** What the current build must match. */
export function wantedStamp(root = ROOT) {
  const electron = readJson(join(root, 'node_modules', 'electron', 'package.json'))?.version ?? null;
  const betterSqlite3 = readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json'))?.version ?? null;
  return { electron, betterSqlite3, platform: process.platform, arch: process.arch };
}

export function isUpToDate(stamp, wanted) {
  return (
    !!stamp &&
    stamp.electron === wanted.electron &&
    stamp.betterSqlite3 === wanted.betterSqlite3 &&
    stamp.platform === wanted.platform &&
    stamp.arch === wanted.arch
  );
}

/**
 * The environment for the build tools. npm passes the user's npm config to scripts as
 * npm_config_*; a `nodedir` there (Node's own headers) would silently produce a module
 * for Node's ABI, so settings that choose headers or a target are removed.
 */
export function cleanBuildEnv(env) {
  const out = { ...env };
  for (const k of Object.keys(out)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source|devdir)$/i.test(k)) delete out[k];
  }
  return out;
}

function run(args, cwd, env, timeoutMs) {
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0 && !r.error, output };
}

export function buildElectronNative({ root = ROOT, force = false, strict = false, nodedir = null, log = (line) => process.stdout.write(line + '\n') } = {}) {
  const OUT_DIR = join(root, 'build', 'electron');
  const OUT_FILE = join(OUT_DIR, 'better_sqlite3.node');
  const STAMP_FILE = join(OUT_DIR, 'better_sqlite3.json');
  const wanted = wantedStamp(root);
  if (!wanted.electron) {
    log('The electron package is not installed (node_modules/electron); nothing to build against.');
    return 1;
  }
  if (!wanted.betterSqlite3) {
    log('better-sqlite3 is not installed (node_modules/better-sqlite3).');
    return 1;
  }
  if (!force && existsSync(OUT_FILE) && isUpToDate(readJson(STAMP_FILE), wanted)) {
    log(`build/electron/better_sqlite3.node is up to date (Electron ${wanted.electron}).`);
    return 0;
  }

  const work = join(OUT_DIR, 'work', 'better-sqlite3');
  rmSync(join(OUT_DIR, 'work'), { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  // A copy without the Node build; the original is never touched.
  cpSync(source, work, { recursive: true, filter: (p) => p !== join(source, 'build') });

  const env = cleanBuildEnv(process.env);
  const common = [`--target=${wanted.electron}`, `--arch=${process.arch}`];
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const logs = [];
  let method = null;

  if (!nodedir) {
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
    if (existsSync(prebuild)) {
      const r = run([prebuild, '--runtime=electron', ...common, `--platform=${process.platform}`, '--verbose'], work, env, 120_000);
      logs.push(`prebuild-install:\n${r.output}`);
      if (r.ok && existsSync(built)) method = 'prebuilt';
    }
  }
  if (!method) {
    const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const headers = nodedir ? [`--nodedir=${nodedir}`] : [`--dist-url=${ELECTRON_HEADERS_URL}`];
    const r = run([gyp, 'rebuild', '--release', '--runtime=electron', ...common, ...headers], work, env, 20 * 60_000);
    logs.push(`node-gyp:\n${r.output}`);
    if (r.ok && existsSync(built)) method = 'compiled';
  }

  if (!method) {
    const all = logs.join('\n');
    if (process.env.JIAODUI_NATIVE_VERBOSE) process.stderr.write(all + '\n');
    rmSync(join(OUT_DIR, 'work'), { recursive: true, force: true });
    if (!nodedir && isNetworkFailure(all)) {
      log(
        `better-sqlite3 for Electron ${wanted.electron} not built: neither a prebuilt binary nor Electron's headers can be downloaded here (no network); run 'node scripts/build-electron-native.mjs' where there is network.`,
      );
      return strict ? 1 : 0;
    }
    process.stderr.write(all.split('\n').slice(-60).join('\n') + '\n');
    log(`Building better-sqlite3 for Electron ${wanted.electron} failed (see above).`);
    return 1;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  copyFileSync(built, OUT_FILE);
  writeFileSync(STAMP_FILE, JSON.stringify({ ...wanted, method, builtAt: new Date().toISOString() }, null, 2) + '\n');
  rmSync(join(OUT_DIR, 'work'), { recursive: true, force: true });
  log(`Built build/electron/better_sqlite3.node for Electron ${wanted.electron} (${method}).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const nodedirArg = args.find((a) => a.startsWith('--nodedir='));
  process.exitCode = buildElectronNative({ force: args.includes('--force'), strict: args.includes('--strict'), nodedir: nodedirArg ? nodedirArg.slice('--nodedir='.length) : null });
}
