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

function isBusy(e: unknown): boolean {
  return (e as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY') ?? false;
}

/**
 * BEGIN IMMEDIATE, trying again until `timeoutMs` has passed; then SQLite's busy error is
 * thrown. The connection's busy_timeout is 0 meanwhile and `timeoutMs` afterwards: pass
 * the connection's own (the engine does).
 */
export function beginImmediate(db: Db, timeoutMs: number): void {
  db.pragma('busy_timeout = 0');
  try {
    const deadline = performance.now() + timeoutMs;
    for (let wait = 0.1; ; wait = Math.min(wait * 2, 1)) {
      try {
        db.prepare('BEGIN IMMEDIATE').run();
        return;
      } catch (e) {
        if (!isBusy(e) || performance.now() >= deadline) throw e;
      }
      Atomics.wait(sleeper, 0, 0, wait); // a blocking sleep, as SQLite's own handler's
    }
  } finally {
    db.pragma(`busy_timeout = ${timeoutMs}`);
  }
}

export function commit(db: Db): void {
  db.prepare('COMMIT').run();
}

export function rollback(db: Db): void {
  if (db.inTransaction) db.prepare('ROLLBACK').run();
}
