/**
 * Backup and restore of the whole database with SQLite's online backup
 * (db/files.ts): consistent even while Jiaodui is writing. Restore checks the file first
 * (db/backup.ts: Jiaodui's tables and schema, a known version, SQLite's quick_check) and
 * copies the current database aside before replacing it.
 */
import { existsSync, statSync } from 'node:fs';
import { prepareDatabasePath, readOnlyLook, type Db } from '../db/connection';
import { checkOutputPath } from './files';
import { inspectBackupFile } from '../db/backup';
import { whileNobodyElseHasIt } from './db-users-registry';
import { copyDatabaseFile, schemaVersionOf } from '../db/files';
import { quickCheckFile } from '../db/integrity';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';

/**
 * Copy the database to `file`. The copy is then checked (quick_check): a backup of a
 * damaged database is still written (it is what there is) but `damage` says what is wrong,
 * so the caller warns instead of reporting a good backup.
 */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; bytes: number; schemaVersion: number; damage: string | null }> {
  if (existsSync(file)) throw new JiaoduiError('conflict', em('conflict.backup-exists', { file }));
  checkOutputPath(file);
  await db.backup(file);
  const damage = quickCheckFile(file);
  return { file, bytes: statSync(file).size, schemaVersion: schemaVersionOf(db), damage };
}

/** The schema version of a Jiaodui backup; throws when the file is not one this version can use. */
export function inspectBackup(file: string, nativeBinding?: string): number {
  if (!existsSync(file)) throw new JiaoduiError('invalid-input', em('backup.no-file', { file }));
  if (statSync(file).isDirectory()) throw new JiaoduiError('invalid-input', em('backup.is-folder', { file }));
  // A look at a backup leaves nothing beside it (no empty -wal/-shm).
  return readOnlyLook(file, () => inspectBackupFile(file, nativeBinding), nativeBinding);
}

/**
 * Replace the database at dbPath with a backup; the current database is copied aside first.
 * Refused (db-in-use, naming the process) while another process has the database open:
 * replacing the file under it would leave it writing to the old one (every save failing).
 */
export async function restoreDatabase(dbPath: string, file: string, now = new Date()): Promise<{ schemaVersion: number; previous: string | null }> {
  const schemaVersion = inspectBackup(file);
  prepareDatabasePath(dbPath);
  return whileNobodyElseHasIt(dbPath, async () => {
    let previous: string | null = null;
    if (existsSync(dbPath)) {
      previous = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      await copyDatabaseFile(dbPath, previous);
    }
    await copyDatabaseFile(file, dbPath, { readonly: true });
    return { schemaVersion, previous };
  });
}
