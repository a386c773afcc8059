/**
 * Backup and restore of the whole database with SQLite's online backup
 * (better-sqlite3 `db.backup`): consistent even while Jiaodui is writing. Restore checks
 * the file first — a SQLite database with Jiaodui's tables, a schema version this version
 * knows (older ones are migrated when next opened), exactly the tables, columns, indexes
 * and triggers the migrations produce at that version (db/schema-check.ts), passing
 * SQLite's quick_check — and copies the current database aside before replacing it.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { prepareDatabasePath, readOnlyLook, type Db } from '../db/connection';
import { checkOutputPath } from './files';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { schemaDifferences } from '../db/schema-check';
import { quickCheckFile } from '../db/integrity';
import { JiaoduiError } from '../shared/errors';

const REQUIRED_TABLES = ['projects', 'documents', 'segments', 'operations', 'revisions'];

/**
 * Copy the database to `file`. The copy is then checked (quick_check): a backup of a
 * damaged database is still written (it is what there is) but `damage` says what is wrong,
 * so the caller warns instead of reporting a good backup.
 */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; bytes: number; schemaVersion: number; damage: string | null }> {
  if (existsSync(file)) throw new JiaoduiError('conflict', `${file} already exists; choose a new file name (a backup never overwrites).`);
  checkOutputPath(file);
  await db.backup(file);
  const damage = quickCheckFile(file);
  return { file, bytes: statSync(file).size, schemaVersion: db.pragma('user_version', { simple: true }) as number, damage };
}

/** The schema version of a Jiaodui backup; throws when the file is not one this version can use. */
export function inspectBackup(file: string, nativeBinding?: string): number {
  if (!existsSync(file)) throw new JiaoduiError('invalid-input', `Cannot read ${file}: no such file.`);
  if (statSync(file).isDirectory()) throw new JiaoduiError('invalid-input', `Cannot read ${file}: it is a folder, not a backup file.`);
  // A look at a backup leaves nothing beside it (no empty -wal/-shm).
  return readOnlyLook(file, () => inspectOpened(file, nativeBinding));
}

function inspectOpened(file: string, nativeBinding?: string): number {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (e) {
    throw new JiaoduiError('invalid-input', `${file} is not a Jiaodui backup (${(e as Error).message}).`);
  }
  try {
    let version: number;
    let tables: string[];
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    } catch (e) {
      throw new JiaoduiError('invalid-input', `${file} is not a Jiaodui backup (${(e as Error).message}).`);
    }
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (version < 1 || missing.length) throw new JiaoduiError('invalid-input', `${file} is not a Jiaodui backup (no ${missing.join(', ') || 'schema version'}).`);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new JiaoduiError('db-future', `${file} comes from a newer Jiaodui (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Nothing was restored.`);
    }
    const differences = schemaDifferences(db, version);
    if (differences.length) {
      const shown = differences.slice(0, 3).join('; ') + (differences.length > 3 ? `; and ${differences.length - 3} more` : '');
      throw new JiaoduiError('invalid-input', `${file} is not a Jiaodui backup: its schema is not what Jiaodui's schema ${version} has (${shown}). Nothing was restored.`);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new JiaoduiError('invalid-input', `${file} is damaged (${String(check)}). Nothing was restored.`);
    return version;
  } finally {
    db.close();
  }
}

/** Replace the database at dbPath with a backup; the current database is copied aside first. */
export async function restoreDatabase(dbPath: string, file: string, now = new Date()): Promise<{ schemaVersion: number; previous: string | null }> {
  const schemaVersion = inspectBackup(file);
  prepareDatabasePath(dbPath);
  let previous: string | null = null;
  if (existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const cur = new Database(dbPath, { fileMustExist: true });
    try {
      await cur.backup(previous);
    } finally {
      cur.close();
    }
  }
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbPath);
  } finally {
    src.close();
  }
  return { schemaVersion, previous };
}
