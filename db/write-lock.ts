/**
 * Taking the write lock (BEGIN IMMEDIATE) when another process may hold it.
 *
 * Why not SQLite's busy_timeout alone: its busy handler sleeps 1, 2, 5, 10, 15, 20, 25, 25,
 * 25, 50, 50, 100 ms between tries, so a save that meets another process's 3 ms commit
 * waits 8 ms, and one that meets a few commits in a row 50 ms and more. Here the tries are
 * 0.1 ms apart at first, 1 ms at most, so a save waits about as long as the write ahead of
 * it. The busy timeout still bounds the wait, and applies unchanged to everything else.
 */
import type { Db } from './connection';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The lock's statements, prepared once per connection: every save runs them (≈7 µs saved per save). */
interface Stmt {
  run(): unknown;
  get(): unknown;
}
interface LockStatements {
  begin: Stmt;
  commit: Stmt;
  rollback: Stmt;
  noWait: Stmt;
  wait: Map<number, Stmt>;
}
const prepared = new WeakMap<Db, LockStatements>();

function statements(db: Db): LockStatements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      begin: db.prepare<[]>('BEGIN IMMEDIATE'),
      commit: db.prepare<[]>('COMMIT'),
      rollback: db.prepare<[]>('ROLLBACK'),
      noWait: db.prepare<[]>('PRAGMA busy_timeout = 0'),
      wait: new Map(),
    };
    prepared.set(db, s);
  }
  return s;
}

function setBusyTimeout(s: LockStatements, db: Db, ms: number): void {
  let st = s.wait.get(ms);
  if (!st) s.wait.set(ms, (st = db.prepare<[]>(`PRAGMA busy_timeout = ${Math.trunc(ms)}`)));
  st.get();
}

function isBusy(e: unknown): boolean {
  return (e as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY') ?? false;
}

/**
 * BEGIN IMMEDIATE, trying again until `timeoutMs` has passed; then SQLite's busy error is
 * thrown. The connection's busy_timeout is 0 meanwhile and `timeoutMs` afterwards: pass
 * the connection's own (the engine does).
 */
export function beginImmediate(db: Db, timeoutMs: number): void {
  const s = statements(db);
  s.noWait.get();
  try {
    const deadline = performance.now() + timeoutMs;
    for (let wait = 0.1; ; wait = Math.min(wait * 2, 1)) {
      try {
        s.begin.run();
        return;
      } catch (e) {
        if (!isBusy(e) || performance.now() >= deadline) throw e;
      }
      Atomics.wait(sleeper, 0, 0, wait); // a blocking sleep, as SQLite's own handler's
    }
  } finally {
    setBusyTimeout(s, db, timeoutMs);
  }
}

export function commit(db: Db): void {
  statements(db).commit.run();
}

export function rollback(db: Db): void {
  if (db.inTransaction) statements(db).rollback.run();
}
