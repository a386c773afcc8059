/** Request ids (migration 016): a write's client-drawn id, remembered with its answer per caller. */
import type { Db } from '../connection';

export interface RequestIdRow {
  caller: string;
  requestId: string;
  method: string;
  argsDigest: string;
  /** the answer as JSON */
  result: string;
  at: string;
}

export function findRequestId(db: Db, caller: string, requestId: string): RequestIdRow | undefined {
  return db
    .prepare(`SELECT caller, request_id AS requestId, method, args_digest AS argsDigest, result, at FROM request_ids WHERE caller = ? AND request_id = ?`)
    .get(caller, requestId) as RequestIdRow | undefined;
}

export function addRequestId(db: Db, r: RequestIdRow): void {
  db.prepare(`INSERT INTO request_ids (caller, request_id, method, args_digest, result, at) VALUES (?, ?, ?, ?, ?, ?)`).run(r.caller, r.requestId, r.method, r.argsDigest, r.result, r.at);
}

/** Forget ids stored before `before` (an ISO time). */
export function pruneRequestIds(db: Db, before: string): number {
  return db.prepare(`DELETE FROM request_ids WHERE at < ?`).run(before).changes;
}
