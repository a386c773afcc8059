#!/usr/bin/env node
/**
 * @doyensec/electronegativity over the Electron sources (electron/, tests left out), offline,
 * compared with the committed list of justified findings (electron/electronegativity-justified.json:
 * { check, file, reason } per entry; an entry covers every finding of that check in that file).
 * Electronegativity itself exits 0 even with HIGH findings, so this script fails (exit 1) on any
 * finding that is not justified, and lists justifications that no longer match anything.
 *
 * Offline: electronegativity's CLI fetches translations and Electron's release list from the
 * network; here its runner is called directly with its bundled English strings, the Electron
 * version comes from node_modules/electron, and the network-only check
 * (AvailableSecurityFixesGlobalCheck) is left out.
 *
 * Writes .reports/electronegativity.csv (electronegativity's own CSV), .reports/electronegativity.json
 * (the findings) and .reports/electronegativity-summary.json (read by scripts/test-summary.mjs).
 *
 *   node scripts/electronegativity.mjs            scan, compare, exit 0/1
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const JUSTIFIED_FILE = join(ROOT, 'electron', 'electronegativity-justified.json');
const REPORTS = join(ROOT, '.reports');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']; // needs the network (Electron's release list)

/**
 * @typedef {{ check: string, file: string, line: number, column: number, severity: string, confidence: string, sample: string, description: string }} Finding
 * @typedef {{ check: string, file: string, reason: string }} Justification
 */

/** A justification list must be an array of { check, file, reason } with a real reason. */
export function validateJustified(list) {
  if (!Array.isArray(list)) throw new Error('electronegativity-justified.json must be a JSON array');
  list.forEach((e, i) => {
    for (const k of ['check', 'file', 'reason']) {
      if (typeof e?.[k] !== 'string' || !e[k].trim()) throw new Error(`electronegativity-justified.json entry ${i}: "${k}" must be a non-empty string`);
    }
  });
  return list;
}

const keyOf = (check, file) => `${check.toUpperCase()}|${file.replace(/\\/g, '/')}`;

/**
 * Findings vs justifications: the unjustified findings (the run fails on these) and the
 * justifications that matched nothing (stale: tell, do not fail).
 * @param {Finding[]} findings
 * @param {Justification[]} justified
 */
export function compareFindings(findings, justified) {
  const covered = new Set(justified.map((j) => keyOf(j.check, j.file)));
  const used = new Set();
  const unjustified = [];
  for (const f of findings) {
    const k = keyOf(f.check, f.file);
    if (covered.has(k)) used.add(k);
    else unjustified.push(f);
  }
  const stale = justified.filter((j) => !used.has(keyOf(j.check, j.file)));
  return { unjustified, stale, justifiedCount: findings.length - unjustified.length };
}

/** electronegativity's issue objects → plain findings (file relative to the scanned folder). */
export function toFindings(issues) {
  return issues.map((i) => ({
    check: i.id,
    file: String(i.file).replace(/\\/g, '/'),
    line: i.location?.line ?? 0,
    column: i.location?.column ?? 0,
    severity: i.severity?.name ?? String(i.severity),
    confidence: i.confidence?.name ?? String(i.confidence),
    sample: String(i.sample ?? '').slice(0, 200),
    description: String(i.description ?? ''),
  }));
}

/** The Electron sources without tests and test doubles, copied to a folder of their own. */
function stageSources(dest) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(join(ROOT, 'electron'))) {
    if (!/\.(ts|js|mjs|cjs)$/.test(f) || /\.test\.|^fake-/.test(f)) continue;
    cpSync(join(ROOT, 'electron', f), join(dest, f));
  }
  // electronegativity reads package.json for the Electron version; give it ours
  cpSync(join(ROOT, 'package.json'), join(dest, 'package.json'));
}

export async function scan() {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  // Its English strings, registered as the global __ it expects (its CLI would download them).
  const i18n = require('i18n');
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(pkgDir, 'dist', 'locales'), updateFiles: false, objectNotation: true, register: globalThis });
  i18n.setLocale('en-US');
  // …and its runner's own call to the download, stubbed out before the runner loads it.
  const stubPath = require.resolve(join(pkgDir, 'dist', 'locales', 'i18n.js'));
  const stub = new Module(stubPath);
  stub.filename = stubPath;
  stub.loaded = true;
  stub.exports = async () => {};
  require.cache[stubPath] = stub;
  const run = require(join(pkgDir, 'dist', 'runner.js'));
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const input = join(REPORTS, 'electronegativity-src');
  stageSources(input);
  const result = await (run.default ?? run)(
    {
      input,
      output: join(REPORTS, 'electronegativity.csv'),
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  if (result.errors?.length) console.warn(`electronegativity: ${result.errors.length} file(s) could not be parsed: ${result.errors.map((e) => e.file).join(', ')}`);
  return { findings: toFindings(result.issues), electronVersion, errors: result.errors ?? [] };
}

async function main() {
  mkdirSync(REPORTS, { recursive: true });
  const { findings, electronVersion, errors } = await scan();
  const justified = validateJustified(JSON.parse(readFileSync(JUSTIFIED_FILE, 'utf8')));
  const { unjustified, stale, justifiedCount } = compareFindings(findings, justified);
  writeFileSync(join(REPORTS, 'electronegativity.json'), JSON.stringify({ electronVersion, findings, errors }, null, 2) + '\n');
  const ok = unjustified.length === 0 && errors.length === 0;
  writeFileSync(
    join(REPORTS, 'electronegativity-summary.json'),
    JSON.stringify({ name: 'electronegativity', passed: ok ? 1 : 0, failed: ok ? 0 : 1, findings: findings.length, justified: justifiedCount, unjustified, stale }, null, 2) + '\n',
  );
  console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${justifiedCount} justified in ${relative(ROOT, JUSTIFIED_FILE)}, ${unjustified.length} new.`);
  for (const f of unjustified) console.log(`  NEW ${f.check} ${f.severity}/${f.confidence} electron/${f.file}:${f.line}:${f.column}  ${f.sample.split('\n')[0]}`);
  for (const s of stale) console.log(`  (no longer found: ${s.check} in ${s.file} — remove it from the list)`);
  if (!ok) {
    console.log('Fix the code, or add { "check", "file", "reason" } to electron/electronegativity-justified.json if it is a false positive.');
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(JUSTIFIED_FILE)) {
    console.error(`${JUSTIFIED_FILE} is missing`);
    process.exit(1);
  }
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
