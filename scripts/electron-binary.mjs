#!/usr/bin/env node
/**
 * Is Electron's binary installed? `npm install` of the `electron` package downloads it
 * into node_modules/electron/dist/ and writes the executable's path, relative to dist/,
 * in node_modules/electron/path.txt. Without network (or with allowScripts denying
 * electron's install script) neither exists. Checked without require('electron'),
 * which would try to download the binary.
 *
 * CLI: node scripts/electron-binary.mjs  → prints the executable path and exits 0, or
 * prints why it is missing and exits 1.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_PACKAGE_DIR = join(ROOT, 'node_modules', 'electron');

/**
 * @param {string} [electronDir] node_modules/electron
 * @param {Record<string, string | undefined>} [env] honours ELECTRON_OVERRIDE_DIST_PATH like electron's index.js
 * @returns {{ present: true, executablePath: string } | { present: false, executablePath: null, reason: string }}
 */
export function electronBinaryStatus(electronDir = ELECTRON_PACKAGE_DIR, env = process.env) {
  if (!existsSync(join(electronDir, 'package.json'))) {
    return { present: false, executablePath: null, reason: `the electron package is not installed (${electronDir} missing)` };
  }
  const pathFile = join(electronDir, 'path.txt');
  let relative = '';
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  if (!relative) {
    if (env.ELECTRON_OVERRIDE_DIST_PATH) relative = process.platform === 'win32' ? 'electron.exe' : 'electron';
    else {
      return {
        present: false,
        executablePath: null,
        reason: existsSync(distDir) ? 'node_modules/electron/path.txt missing' : 'node_modules/electron/dist missing',
      };
    }
  }
  const executablePath = join(distDir, relative);
  let isFile = false;
  try {
    isFile = statSync(executablePath).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return { present: false, executablePath: null, reason: `${executablePath} missing` };
  return { present: true, executablePath };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = electronBinaryStatus();
  if (s.present) {
    process.stdout.write(`${s.executablePath}\n`);
  } else {
    process.stdout.write(`Electron's binary is not installed (${s.reason}).\n`);
    process.exitCode = 1;
  }
}
