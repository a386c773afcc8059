/** The change log (migration 011): append one row per write transaction, read it from a seq, prune it. */
import type { Db } from '../connection';

export interface NewChange {
  at: string;
  clientKind: string | null;
  clientId: string | null;
  reviewer: string | null;
  /** compact JSON of the touched ids */
  ids: string;
}
export interface ChangeRow extends NewChange {
  seq: number;
}

/** The connection's count of rows written so far: a transaction wrote something when it moved. */
export function totalChanges(db: Db): number {
  return db.prepare(`SELECT total_changes()`).pluck().get() as number;
}

export function appendChange(db: Db, c: NewChange): number {
  return Number(db.prepare(`INSERT INTO change_log (at, client_kind, client_id, reviewer, ids) VALUES (?, ?, ?, ?, ?)`).run(c.at, c.clientKind, c.clientId, c.reviewer, c.ids).lastInsertRowid);
}

/** The newest seq (0 when the log is empty). */
export function latestSeq(db: Db): number {
  return (db.prepare(`SELECT max(seq) FROM change_log`).pluck().get() as number | null) ?? 0;
}

/** The oldest seq still kept (0 when the log is empty). */
export function oldestSeq(db: Db): number {
  return (db.prepare(`SELECT min(seq) FROM change_log`).pluck().get() as number | null) ?? 0;
}

/** Entries after `seq`, oldest first, at most `limit`. */
export function changesAfter(db: Db, seq: number, limit: number): ChangeRow[] {
  return db
    .prepare(`SELECT seq, at, client_kind AS clientKind, client_id AS clientId, reviewer, ids FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`)
    .all(seq, limit) as ChangeRow[];
}

/** Delete the entries at or before `seq`. */
export function pruneChanges(db: Db, seq: number): number {
  return db.prepare(`DELETE FROM change_log WHERE seq <= ?`).run(seq).changes;
}
