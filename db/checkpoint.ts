/**
 * WAL checkpoints off the save path. SQLite's automatic checkpoint runs inside whichever
 * commit pushes the WAL past its limit, so one save in a few hundred paid for copying
 * every page the others wrote — on a large document, the save's p99. Here a passive
 * checkpoint runs once writes have been idle for a moment (a reviewer pauses between
 * corrections far longer), and SQLite's own checkpoint stays as a backstop for a long
 * burst with no pause. Durability is unchanged against a process crash (WAL commits are
 * in the OS already); against power loss, at most the last idle period's commits are at
 * risk, as with `synchronous = NORMAL` before.
 */
import type { Db } from './connection';

/** Idle time after the last commit before the checkpoint runs. */
export const IDLE_CHECKPOINT_MS = 300;
/** SQLite's own checkpoint still runs when a burst writes this many WAL pages (~40 MB). */
export const WAL_BACKSTOP_PAGES = 10_000;

export interface CheckpointScheduler {
  /** Call after a commit: (re)starts the idle timer. */
  noteCommit(): void;
  /** Run any pending checkpoint now (tests, shutdown). */
  flush(): void;
  /** Stop the timer (the database is closing). */
  dispose(): void;
}

export function deferCheckpoints(db: Db, idleMs = IDLE_CHECKPOINT_MS): CheckpointScheduler {
  if (db.memory) return { noteCommit() {}, flush() {}, dispose() {} };
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    if (!db.open || db.inTransaction) return;
    try {
      // PASSIVE never waits for readers or writers; what it cannot copy now waits for the next one.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      /* busy or closing: the backstop or the next idle period checkpoints */
    }
  };
  return {
    noteCommit() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, idleMs);
      // Never keep a CLI process alive for it: closing the database checkpoints anyway.
      (timer as { unref?: () => void }).unref?.();
    },
    flush() {
      if (timer) clearTimeout(timer);
      run();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
