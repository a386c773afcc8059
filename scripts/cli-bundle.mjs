/**
 * Where the prebuilt `jiaodui` bundle lives and whether it can be used. Imported by
 * bin/jiaodui.mjs on every run, so: node:fs and node:path only, nothing to compile.
 *
 * Staleness rule: scripts/build-cli.mjs records, in dist/cli/inputs.json, the time the
 * build started and every source file esbuild read. The bundle is fresh when the
 * manifest and bundle exist and none of those files is gone or modified after that time
 * (one stat per file, ~150 files, about a millisecond). A new source file can only enter
 * the CLI through an edit of a file already listed, so this catches it too; a `git
 * checkout` that touches a listed file makes the bundle stale until it is rebuilt.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR_NAME = join('dist', 'cli');
export const ENTRY_FILE = 'entry.mjs';
export const MANIFEST_FILE = 'inputs.json';

export function bundleEntry(root = ROOT) {
  return join(root, BUNDLE_DIR_NAME, ENTRY_FILE);
}

/**
 * 'fresh' (use the bundle), 'missing' (not built, e.g. `npm install --omit=dev` had no
 * esbuild) or 'stale' (a source it was built from changed or is gone since).
 */
export function bundleState(root = ROOT) {
  const dir = join(root, BUNDLE_DIR_NAME);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return 'missing';
  }
  if (!existsSync(join(dir, ENTRY_FILE)) || typeof manifest?.builtAt !== 'number' || !Array.isArray(manifest.inputs)) return 'missing';
  for (const input of manifest.inputs) {
    const st = statSync(join(root, input), { throwIfNoEntry: false });
    if (!st || st.mtimeMs > manifest.builtAt) return 'stale';
  }
  return 'fresh';
}
