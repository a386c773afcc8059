/**
 * Is a file a Jiaodui backup this version can use? Opened read-only: a SQLite database with
 * Jiaodui's tables, a schema version this version knows (older ones are migrated when next
 * opened), exactly the tables, columns, indexes and triggers the migrations produce at that
 * version (schema-check.ts), passing SQLite's quick_check. core/backup.ts and
 * core/recovery.ts decide with it.
 */
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import type { Db } from './connection';
import { openDatabaseFile, schemaVersionOf } from './files';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { schemaDifferences } from './schema-check';

const REQUIRED_TABLES = ['projects', 'documents', 'segments', 'operations', 'revisions'];

/** The schema version of the backup at `file` (it exists); throws when it is not one this version can use. */
export function inspectBackupFile(file: string, nativeBinding?: string): number {
  let db: Db;
  try {
    db = openDatabaseFile(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (e) {
    throw new JiaoduiError('invalid-input', em('backup.not-backup', { file, problem: (e as Error).message }));
  }
  try {
    let version: number;
    let tables: string[];
    try {
      version = schemaVersionOf(db);
      tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    } catch (e) {
      throw new JiaoduiError('invalid-input', em('backup.not-backup', { file, problem: (e as Error).message }));
    }
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length) throw new JiaoduiError('invalid-input', em('backup.missing-tables', { file, missing: missing.join(', ') }));
    if (version < 1) throw new JiaoduiError('invalid-input', em('backup.no-schema-version', { file }));
    if (version > LATEST_SCHEMA_VERSION) {
      throw new JiaoduiError('db-future', em('db.future', { file, version, known: LATEST_SCHEMA_VERSION }));
    }
    const differences = schemaDifferences(db, version);
    if (differences.length) {
      const shown = differences.slice(0, 3).join('; ') + (differences.length > 3 ? `; and ${differences.length - 3} more` : '');
      throw new JiaoduiError('invalid-input', em('backup.schema-differs', { file, version, differences: shown }));
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new JiaoduiError('invalid-input', em('backup.damaged', { file, problem: String(check) }));
    return version;
  } finally {
    db.close();
  }
}
