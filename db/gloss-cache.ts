/**
 * The CC-CEDICT gloss cache's SQLite file (core/gloss-cache.ts fills it, core/glosses.ts
 * reads it): opened read-only once built, or opened for a fast one-off build (no journal,
 * no fsync: a build that fails is deleted, never used).
 */
import type { Db } from './connection';
import { openDatabaseFile } from './files';
import { glossMeta } from './queries/glosses';

/** The finished cache at `path`, read-only. */
export function openGlossCacheFile(path: string, nativeBinding?: string): Db {
  return openDatabaseFile(path, { readonly: true, nativeBinding });
}

/** A cache in memory (when its folder cannot be written). */
export function openMemoryGlossCache(nativeBinding?: string): Db {
  return openDatabaseFile(':memory:', { nativeBinding });
}

/** A new cache file to fill: no journal and no fsync (it is written once, then renamed into place). */
export function openGlossCacheForBuild(path: string, nativeBinding?: string): Db {
  const db = openDatabaseFile(path, { nativeBinding });
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  return db;
}

/** The data version a finished cache file was built from; throws when it cannot be read. */
export function glossCacheSource(path: string, nativeBinding?: string): string | undefined {
  const db = openDatabaseFile(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return glossMeta(db, 'source');
  } finally {
    db.close();
  }
}
