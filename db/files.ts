/**
 * SQLite files other than the open app database — a backup being checked or restored, a
 * damaged database's stand-in, the gloss cache: opened and copied here, so that better-sqlite3
 * stays inside db/ (eslint/layering.mjs). The app database itself opens in connection.ts.
 */
import Database from 'better-sqlite3';
import type { Db } from './connection';

export interface FileOpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Electron's main process loads better-sqlite3 from its own build (electron/main.ts). */
  nativeBinding?: string;
}

export function openDatabaseFile(path: string, opts: FileOpenOptions = {}): Db {
  return new Database(path, opts);
}

/** Copy the database file `source` to `dest` with SQLite's online backup (consistent while others write). */
export async function copyDatabaseFile(source: string, dest: string, opts: FileOpenOptions = {}): Promise<void> {
  const src = openDatabaseFile(source, { fileMustExist: true, ...opts });
  try {
    await src.backup(dest);
  } finally {
    src.close();
  }
}

/** The schema version (PRAGMA user_version) of an open database. */
export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
