/**
 * Opening Jiaodui from plain Node (CLI, browser-mode server, tests): resolve the
 * database path, open/migrate it, and build the service.
 */
import { homedir, userInfo } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { openDatabase, prepareDatabasePath, type Db, type OpenOptions } from '../db/connection';
import type { DbUserKind } from './db-users';
import { registerOpening, type DbUserRegistration } from './db-users-registry';
import { resolveDbPath } from '../shared/paths';
import { JiaoduiService } from './service';
import { prepareChecks } from '../shared/checks';
import { callerContext, type CallerContext } from '../shared/contract/caller';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root (one level above core/ in source; the bundlers keep that layout). */
export const PACKAGE_ROOT = join(here, '..');
export const SAMPLE_FILE = join(PACKAGE_ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function defaultAuthor(): string {
  try {
    return userInfo().username || 'reviewer';
  } catch {
    return 'reviewer';
  }
}

/**
 * The CLI as a caller: this process, and its reviewer — `--reviewer NAME`, else the system
 * user — who signs its revisions and whose operations its undo/redo take (issue 16), apart
 * from the app's reviewer (the Settings author).
 */
export function cliCaller(reviewer?: string): CallerContext {
  return callerContext('cli', process.pid, reviewer?.trim() || defaultAuthor());
}

export function dbPathFor(flag?: string): string {
  return resolveDbPath({ platform: process.platform, env: process.env, homedir: homedir() }, flag);
}

export interface OpenServiceOptions extends OpenOptions {
  /** Who opens it, as a restore refused meanwhile names it (core/db-users.ts); default 'cli'. */
  kind?: Exclude<DbUserKind, 'restore'>;
  /** the command, for a CLI process ("jiaodui edit") */
  command?: string;
  /** false: this process is registered already (a worker thread's second connection, core/offload-worker.ts) */
  register?: boolean;
}

/**
 * Open (and migrate) the database and build the service. The process is registered as a
 * user of the database (core/db-users-registry.ts) from before the open until
 * `service.db.close()`, so `jiaodui restore` refuses to replace the file meanwhile.
 */
export async function openService(dbPath: string, opts: OpenServiceOptions = {}): Promise<JiaoduiService> {
  const envTimeout = Number(process.env.JIAODUI_BUSY_TIMEOUT_MS);
  const busyTimeoutMs = opts.busyTimeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : undefined);
  prepareDatabasePath(dbPath); // a wrong path is refused before anything is written beside it
  const registration = opts.register === false ? null : registerOpening(dbPath, opts.kind ?? 'cli', opts.command);
  let db: Db;
  try {
    ({ db } = await openDatabase(dbPath, { ...opts, busyTimeoutMs }));
  } catch (e) {
    registration?.release();
    throw e;
  }
  if (registration) releaseOnClose(db, registration);
  return new JiaoduiService(db, { dbPath, version: packageVersion(), defaultAuthor: defaultAuthor() });
}

/** Every caller closes the service with `service.db.close()`: that also ends the registration. */
function releaseOnClose(db: Db, registration: DbUserRegistration): void {
  const close = db.close.bind(db);
  db.close = () => {
    try {
      return close();
    } finally {
      registration.release();
    }
  };
}

/** Load the checks' dictionaries once at app start, so the first check of a session is not slow. */
export function warmUpChecks(): void {
  prepareChecks();
}

/** Import the bundled sample on first start (empty database); the file is read only then. */
export function importSampleOnFirstStart(service: JiaoduiService): number | null {
  return service.ensureSample(() => new Uint8Array(readFileSync(SAMPLE_FILE)), 'sensetime-2023-results-call.zh-Hant.txt');
}
