/**
 * Process registration beside a database: every process that opens `<db>` keeps one file in
 * `<db>.users/` (pid, host, kind, start time, a heartbeat every 10 s) while it has it open,
 * so a restore can refuse to replace the file under a running app, server or command and
 * say which one it is. Entries of processes that are gone (a dead pid here, an old
 * heartbeat) are ignored and removed by whoever reads the folder. The decisions are in
 * core/db-users.ts; this module only reads and writes the files.
 *
 * Both sides write their own entry before they look at the others' (an opener, then
 * checks for a restore under way; a restore, then checks for openers), so whichever
 * comes second sees the first: at worst both refuse, never neither.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { JiaoduiError } from '../shared/errors';
import { HEARTBEAT_MS, inUse, isLive, parseDbUser, restoring, type DbUser, type DbUserKind, type LivenessProbe } from './db-users';

export function usersDir(dbPath: string): string {
  return `${dbPath}.users`;
}

function entryFile(dbPath: string, user: Pick<DbUser, 'pid' | 'host' | 'kind'>): string {
  return join(usersDir(dbPath), `${user.pid}-${user.kind}@${encodeURIComponent(user.host)}.json`);
}

/** Whether process `pid` exists on this host (EPERM: it exists, as another user's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function probe(): LivenessProbe {
  return { now: new Date(), host: hostname(), pidAlive };
}

/** Write an entry whole (a temporary file renamed over it), so a reader never sees half of one. */
function writeEntry(dbPath: string, user: DbUser): void {
  const file = entryFile(dbPath, user);
  const tmp = join(usersDir(dbPath), `.${user.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, JSON.stringify(user));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(usersDir(dbPath), { recursive: true }); // first user, or the folder was tidied away meanwhile
    writeFileSync(tmp, JSON.stringify(user));
  }
  renameSync(tmp, file);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* gone already */
  }
}

/**
 * The live processes that have `dbPath` open, this process excepted; stale entries are
 * removed on the way (and unreadable ones: an entry is always written whole).
 */
export function otherLiveUsers(dbPath: string, p: LivenessProbe = probe()): DbUser[] {
  let names: string[];
  try {
    names = readdirSync(usersDir(dbPath));
  } catch {
    return []; // no folder: nobody registered
  }
  const live: DbUser[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = join(usersDir(dbPath), name);
    let user: DbUser | null = null;
    try {
      user = parseDbUser(readFileSync(file, 'utf8'));
    } catch {
      continue; // removed while we read the folder
    }
    if (user && user.pid === process.pid && user.host === p.host) continue;
    if (user && isLive(user, p)) live.push(user);
    else removeQuietly(file);
  }
  return live;
}

export interface DbUserRegistration {
  readonly user: DbUser;
  /** Remove the entry (the database is closed); idempotent. */
  release(): void;
}

/**
 * This process's entries, by file: one per database and kind, however many connections of
 * the process have it open (each registration counts; the last release removes the file).
 * Removed when the process exits however it exits (short of a kill).
 */
const held = new Map<string, { user: DbUser; dbPath: string; timer: NodeJS.Timeout; count: number }>();
let exitHook = false;

/** Register this process as a user of `dbPath` and keep its heartbeat until release(). */
export function registerDbUser(dbPath: string, kind: DbUserKind, command?: string): DbUserRegistration {
  const host = hostname();
  const file = entryFile(dbPath, { pid: process.pid, host, kind });
  let entry = held.get(file);
  if (!entry) {
    const now = new Date().toISOString();
    const user: DbUser = { pid: process.pid, host, kind, ...(command ? { command } : {}), startedAt: now, heartbeatAt: now };
    writeEntry(dbPath, user);
    const timer = setInterval(() => {
      try {
        writeEntry(dbPath, { ...user, heartbeatAt: new Date().toISOString() });
      } catch {
        /* the folder is unwritable for now: the next beat tries again */
      }
    }, HEARTBEAT_MS);
    timer.unref(); // never keeps a command alive
    entry = { user, dbPath, timer, count: 0 };
    held.set(file, entry);
  }
  const shared = entry;
  shared.count++;
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => held.forEach((_, f) => removeQuietly(f)));
  }
  let released = false;
  return {
    user: shared.user,
    release() {
      if (released) return;
      released = true;
      if (--shared.count > 0) return;
      clearInterval(shared.timer);
      held.delete(file);
      removeQuietly(file);
      try {
        rmdirSync(usersDir(dbPath)); // only when empty: another user's entry keeps it
      } catch {
        /* not empty, or gone */
      }
    },
  };
}

/**
 * Register a process that is opening `dbPath`; refuses (db-in-use) while a restore is
 * replacing the file. Call before opening the database, release when it is closed.
 */
export function registerOpening(dbPath: string, kind: Exclude<DbUserKind, 'restore'>, command?: string): DbUserRegistration | null {
  if (dbPath === ':memory:') return null;
  const registration = registerDbUser(dbPath, kind, command);
  const p = probe();
  const restore = otherLiveUsers(dbPath, p).find((u) => u.kind === 'restore');
  if (restore) {
    registration.release();
    throw new JiaoduiError('db-in-use', restoring(restore, p.host, p.now));
  }
  return registration;
}

/**
 * Run `replace` (a restore, a recovery) only when no other process has `dbPath` open:
 * else refuse with one line naming the process (db-in-use). Openers that come meanwhile
 * are refused until it is done.
 */
export async function whileNobodyElseHasIt<T>(dbPath: string, replace: () => Promise<T>): Promise<T> {
  const registration = registerDbUser(dbPath, 'restore');
  try {
    const p = probe();
    const others = otherLiveUsers(dbPath, p);
    if (others.length) throw new JiaoduiError('db-in-use', inUse(others, p.host, p.now));
    return await replace();
  } finally {
    registration.release();
  }
}
