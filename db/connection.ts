/**
 * Opening the database: refuse a database from a newer Jiaodui without touching it,
 * back it up (SQLite online backup) before migrating, migrate in one transaction.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** better-sqlite3 native binding to load (the Electron build lives in its own folder). */
  nativeBinding?: string;
  /** How long a writer waits for another process's lock before failing with "busy". */
  busyTimeoutMs?: number;
  /** Where to put the pre-migration backup; default `<db>.backup-v<from>-<timestamp>`. */
  backupPath?: (fromVersion: number) => string;
  /** The migration list (tests substitute their own). */
  migrations?: readonly Migration[];
}

export interface OpenResult {
  db: Db;
  /** Path of the backup made before migrating, if a migration ran on an existing database. */
  backupPath: string | null;
  migratedFrom: number;
}

/** SQLite's words for a file that is damaged or not a database at all. */
/** The page cache's bound, in KiB (negative cache_size: a size, not a page count). */
export const PAGE_CACHE_KIB = 16_000;
const CORRUPTION = /SQLITE_CORRUPT|SQLITE_NOTADB|malformed|not a database|file is encrypted/i;

export function looksCorrupt(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) || CORRUPTION.test(e instanceof Error ? e.message : String(e));
}

/**
 * Run `look` (which opens `path` read-only and closes it again) and leave the folder as it
 * was: opening a WAL-mode database makes its -wal and -shm files even read-only, so after
 * a look at a file that had none (a cleanly closed database, a backup, a refused newer
 * database) the ones it made are removed. SQLite removes them itself, under its own locks:
 * a read-write connection opened and closed removes them when it is the last one, and
 * leaves them to another connection that opened the database meanwhile (a process
 * starting at the same moment: deleting its new -wal from outside would split the two
 * processes' views of the database). Files that were there before are never touched.
 */
export function readOnlyLook<T>(path: string, look: () => T, nativeBinding?: string): T {
  if (path === ':memory:') return look();
  const had = { wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`) };
  try {
    return look();
  } finally {
    if (!had.wal && !had.shm && (existsSync(`${path}-wal`) || existsSync(`${path}-shm`))) {
      try {
        const tidy = new Database(path, { fileMustExist: true, nativeBinding });
        try {
          tidy.pragma('user_version'); // joins the WAL, so the close that follows may end it
        } finally {
          tidy.close();
        }
      } catch {
        /* best effort (a write-protected or damaged file): an empty side file left behind does no harm */
      }
    }
  }
}

function readVersionReadOnly(path: string, nativeBinding?: string): number {
  return readOnlyLook(path, () => {
    const ro = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return ro.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      // A damaged file (core/recovery.ts lists backups and offers to open one instead).
      if (looksCorrupt(e)) throw new JiaoduiError('db-corrupt', em('db.corrupt.open', { file: path, problem: (e as Error).message }));
      throw new JiaoduiError('invalid-input', em('db.not-database', { file: path, problem: (e as Error).message }));
    } finally {
      ro.close();
    }
  }, nativeBinding);
}

/**
 * Refuse a database path that cannot be a database file (a folder, or under a file), as
 * the user's input error. Returns whether the file exists. Changes nothing.
 */
export function checkDatabasePath(path: string): boolean {
  if (path === ':memory:') return false;
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new JiaoduiError('invalid-input', em('db.path-through-file', { file: path }));
    if (code !== 'ENOENT') throw new JiaoduiError('invalid-input', em('db.path-unusable', { file: path, problem: (e as Error).message }));
  }
  if (st?.isDirectory()) throw new JiaoduiError('invalid-input', em('db.path-folder', { file: path }));
  return st !== undefined;
}

/** checkDatabasePath, then create the folder the database goes in when that is missing. */
export function prepareDatabasePath(path: string): void {
  if (path === ':memory:' || checkDatabasePath(path)) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new JiaoduiError('invalid-input', em('db.path-mkdir', { file: path, problem: (e as Error).message }));
  }
}

export async function openDatabase(path: string, opts: OpenOptions = {}): Promise<OpenResult> {
  const migrations = opts.migrations ?? allMigrations;
  const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
  const exists = path !== ':memory:' && existsSync(path);
  prepareDatabasePath(path);
  if (exists) {
    const version = readVersionReadOnly(path, opts.nativeBinding);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new JiaoduiError('db-future', em('db.future.open', { file: path, version, known: LATEST_SCHEMA_VERSION }));
    }
  }
  const db = cacheStatements(new Database(path, { nativeBinding: opts.nativeBinding }));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // a page cache of up to 16 MB (SQLite's default is 2 MB): a first check of a large document writes
    // ~19,000 rows (~7 MB with their indexes) in one transaction, which then spills to the log
    // before its commit; the cache grows only as pages are used
    db.pragma(`cache_size = ${-PAGE_CACHE_KIB}`);
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    registerFunctions(db);
    const from = db.pragma('user_version', { simple: true }) as number;
    let backupPath: string | null = null;
    if (from < LATEST_SCHEMA_VERSION) {
      if (exists && from > 0) {
        backupPath = opts.backupPath?.(from) ?? `${path}.backup-v${from}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await db.backup(backupPath);
      }
      migrate(db, from, migrations);
    }
    return { db, backupPath, migratedFrom: from };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * SQL functions the queries use. jd_icontains(text, needle): whether `text`, lower-cased in
 * full Unicode, contains `needle` (already lower-cased) — the check behind a trigram search,
 * case-insensitive beyond ASCII as the FTS5 trigram index is (SQLite's lower() is ASCII-only).
 */
export function registerFunctions(db: Db): void {
  db.function('jd_icontains', { deterministic: true }, (text: unknown, needle: unknown) =>
    typeof text === 'string' && typeof needle === 'string' && text.toLowerCase().includes(needle) ? 1 : 0,
  );
}

/**
 * Reuse compiled statements. Queries in db/queries call `db.prepare(sql)` where they run
 * (readable, one place per query); compiling the SQL each time was a third of the cost of
 * saving one correction. The cache is per connection and bounded (least recently used
 * first out, so dynamic SQL cannot grow it without limit); a statement in the middle of
 * `.iterate()` is never handed out twice, and the result mode (`pluck`/`raw`/`expand`)
 * is reset on every hand-out, as a freshly prepared statement would have it.
 */
export function cacheStatements(db: Db, max = 512): Db {
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit?.busy) return prepare(sql);
    if (hit) {
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const st = prepare(sql);
    cache.set(sql, st);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return st;
  };
  db.prepare = cached as Db['prepare'];
  return db;
}

/**
 * Apply every pending migration in one transaction; a failure leaves the database as it was.
 * The version is read again under the write lock: processes starting together on a new
 * database all saw version `from`, and only the first to get the lock migrates.
 */
export function migrate(db: Db, from: number, migrations: readonly Migration[] = allMigrations): void {
  if (!migrations.some((m) => m.version > from)) return;
  db.transaction(() => {
    const current = Math.max(from, db.pragma('user_version', { simple: true }) as number);
    const pending = migrations.filter((m) => m.version > current);
    for (const m of pending) m.up(db);
    if (pending.length) db.pragma(`user_version = ${pending[pending.length - 1].version}`);
  }).immediate();
}
