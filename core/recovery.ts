/**
 * A damaged database: detect it at start, list the backups that could replace it, and
 * recover by opening a copy of a backup or starting with a new empty database. The
 * damaged file (with its -wal and -shm) is never overwritten or deleted: it is renamed
 * to `<db>.corrupt-<time>` and kept as evidence. The backup itself is never modified:
 * it is copied (SQLite online backup) to the database path, then opened (and migrated,
 * if it is older) like any database.
 *
 * Pure Node, no Electron: the CLI, browser mode (`jiaodui serve` starts in a recovery
 * state) and Electron's main process all decide with `startupDecision`.
 */
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inspectBackup } from './backup';
import { whileNobodyElseHasIt } from './db-users-registry';
import { em } from '../shared/error-messages';
import { JiaoduiError, isJiaoduiError } from '../shared/errors';
import { checkDatabasePath } from '../db/connection';
import { quickCheckFile } from '../db/integrity';
import { copyDatabaseFile } from '../db/files';

import type { z } from 'zod';
import type * as RC from '../shared/contract/recovery';

export type BackupCandidate = z.infer<typeof RC.BackupCandidate>;
export type BackupKind = BackupCandidate['kind'];
export type RecoveryStatus = z.infer<typeof RC.RecoveryStatus>;
export type RecoveryChoice = z.infer<typeof RC.RecoverArgs>;
export type RecoveryResult = z.infer<typeof RC.RecoveryResult>;

/**
 * Check the database file without changing it: null when it is fine (or does not exist yet:
 * a new database will be made), else what is wrong. Opens read-only and runs SQLite's
 * `PRAGMA quick_check` (reads every page once; no index cross-check).
 */
export function diagnoseDatabase(path: string, opts: { nativeBinding?: string } = {}): string | null {
  if (!checkDatabasePath(path)) return null;
  return quickCheckFile(path, opts);
}

function kindOf(dbName: string, name: string): BackupKind | null {
  if (name.endsWith('-wal') || name.endsWith('-shm') || name.endsWith('-journal')) return null;
  if (name.startsWith(`${dbName}.backup-v`)) return 'pre-migration';
  if (name.startsWith(`${dbName}.before-restore-`)) return 'before-restore';
  return null;
}

/**
 * Backups that could stand in for the database at dbPath: the pre-migration backups and the
 * copies `restore` kept (`<db>.backup-v…`, `<db>.before-restore-…`, next to the database,
 * i.e. in userData), and any file in a `backups/` folder beside it (where `jiaodui backup`
 * copies can be put). Each is inspected read-only; unusable ones say why. Usable ones
 * first, newest first.
 */
export function findBackups(dbPath: string, nativeBinding?: string): BackupCandidate[] {
  if (dbPath === ':memory:') return [];
  const dir = dirname(dbPath);
  const name = basename(dbPath);
  const files: { file: string; kind: BackupKind }[] = [];
  const list = (d: string) => {
    try {
      return readdirSync(d, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return [];
    }
  };
  for (const f of list(dir)) {
    const kind = kindOf(name, f);
    if (kind) files.push({ file: join(dir, f), kind });
  }
  for (const f of list(join(dir, 'backups'))) {
    if (!/-(wal|shm|journal)$/.test(f)) files.push({ file: join(dir, 'backups', f), kind: 'backup' });
  }
  return files
    .map(({ file, kind }) => {
      const st = statSync(file);
      let schemaVersion: number | null = null;
      let problem: string | null = null;
      try {
        schemaVersion = inspectBackup(file, nativeBinding);
      } catch (e) {
        problem = isJiaoduiError(e) || e instanceof Error ? e.message : String(e);
      }
      return { file, kind, modifiedAt: st.mtime.toISOString(), bytes: st.size, schemaVersion, problem };
    })
    .sort((a, b) => Number(!!a.problem) - Number(!!b.problem) || b.modifiedAt.localeCompare(a.modifiedAt) || a.file.localeCompare(b.file));
}

/** What to do at start, from the diagnosis: open normally, or show the recovery choices. */
export type StartupDecision = { action: 'open' } | { action: 'recover'; status: RecoveryStatus };

export function startupDecision(dbPath: string, problem: string | null, backups: () => BackupCandidate[]): StartupDecision {
  if (problem === null) return { action: 'open' };
  return { action: 'recover', status: { state: 'recovery', dbPath, problem, backups: backups() } };
}

/** Diagnose and decide in one step (CLI, browser mode, Electron). */
export function decideAtStartup(dbPath: string, opts: { nativeBinding?: string } = {}): StartupDecision {
  return startupDecision(dbPath, diagnoseDatabase(dbPath, opts), () => findBackups(dbPath, opts.nativeBinding));
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Rename the damaged database and its -wal/-shm aside (never overwritten: a free name is chosen). */
function moveAside(dbPath: string, now: Date): string[] {
  let base = `${dbPath}.corrupt-${stamp(now)}`;
  for (let i = 2; existsSync(base); i++) base = `${dbPath}.corrupt-${stamp(now)}-${i}`;
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(dbPath + suffix)) continue;
    renameSync(dbPath + suffix, base + suffix);
    moved.push(base + suffix);
  }
  return moved;
}

/**
 * Carry out the reviewer's choice: keep the damaged files as evidence, then either copy the
 * chosen backup (one of `findBackups`, nothing else) to the database path, or leave the path
 * empty so the next open makes a new database. The caller then opens dbPath as usual.
 */
export async function recoverDatabase(dbPath: string, choice: RecoveryChoice, opts: { nativeBinding?: string; now?: Date } = {}): Promise<RecoveryResult> {
  const now = opts.now ?? new Date();
  let source: string | null = null;
  if (choice.choice === 'backup') {
    const known = findBackups(dbPath, opts.nativeBinding).find((b) => b.file === choice.file);
    if (!known) throw new JiaoduiError('invalid-input', em('backup.not-found-for', { file: choice.file, database: dbPath }));
    if (known.problem) throw new JiaoduiError('invalid-input', em('backup.unusable', { file: choice.file, problem: known.problem }));
    source = known.file;
  }
  // Like a restore, refused while another process has the database open (a second window
  // in the recovery state that recovered first and opened the result, say).
  return whileNobodyElseHasIt(dbPath, async () => {
    const evidence = moveAside(dbPath, now);
    if (source) await copyDatabaseFile(source, dbPath, { readonly: true, nativeBinding: opts.nativeBinding });
    return { dbPath, openedBackup: source, evidence };
  });
}
