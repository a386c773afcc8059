/** The seal: sha256 of every file under eval/texts and eval/data, so a change to the corpus cannot pass unnoticed. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SEALED_DIRS = ['texts', 'data'] as const;

export interface Manifest {
  note: string;
  algorithm: 'sha256';
  files: Record<string, string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** Hashes of the sealed files, keyed by path relative to eval/ (with /), sorted. */
export function hashSealed(evalDir: string): Record<string, string> {
  const files = SEALED_DIRS.flatMap((d) => walk(join(evalDir, d)))
    .map((f) => relative(evalDir, f).split(sep).join('/'))
    .sort();
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(readFileSync(join(evalDir, f))).digest('hex')]));
}

export function buildManifest(evalDir: string): Manifest {
  return {
    note: 'Sealed evaluation corpus. Regenerate only with `npm run eval:generate && npm run eval:seal`, never to tune a rule (eval/README.md).',
    algorithm: 'sha256',
    files: hashSealed(evalDir),
  };
}

/** Differences between the manifest and the files: changed, added and removed paths. */
export function compareManifest(manifest: Manifest, actual: Record<string, string>): { changed: string[]; added: string[]; removed: string[] } {
  const want = manifest.files;
  return {
    changed: Object.keys(want).filter((f) => f in actual && actual[f] !== want[f]),
    added: Object.keys(actual).filter((f) => !(f in want)),
    removed: Object.keys(want).filter((f) => !(f in actual)),
  };
}
