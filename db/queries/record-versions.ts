/** The fields of annotations, claims and glossary entries as they were at older versions (migration 012; written by triggers). */
import type { Db } from '../connection';
import type { RecordKind } from '../../shared/domain/schemas';

export type RecordFields = Record<string, string | number | null>;

/** The fields a record had at `version` (undefined: that version is the current one, or never existed). */
export function recordFieldsAtVersion(db: Db, kind: RecordKind, id: number, version: number): RecordFields | undefined {
  const r = db.prepare(`SELECT fields FROM record_versions WHERE kind = ? AND record_id = ? AND version = ?`).get(kind, id, version) as { fields: string } | undefined;
  return r ? (JSON.parse(r.fields) as RecordFields) : undefined;
}

/** The newest older version of a record last written at `updatedAt` (an `ifUpdatedAt` write's base). */
export function recordVersionAt(db: Db, kind: RecordKind, id: number, updatedAt: string): { version: number; fields: RecordFields } | undefined {
  const r = db.prepare(`SELECT version, fields FROM record_versions WHERE kind = ? AND record_id = ? AND at = ? ORDER BY version DESC LIMIT 1`).get(kind, id, updatedAt) as
    | { version: number; fields: string }
    | undefined;
  return r ? { version: r.version, fields: JSON.parse(r.fields) as RecordFields } : undefined;
}

/** Who last wrote a claim field (claim_history), for the conflict's "theirs". */
export function lastClaimAuthor(db: Db, claimId: number): string | null {
  const r = db.prepare(`SELECT author FROM claim_history WHERE claim_id = ? ORDER BY id DESC LIMIT 1`).get(claimId) as { author: string } | undefined;
  return r?.author ?? null;
}

/**
 * Who last wrote an annotation or glossary entry, read off the change log (migration 011: one row per write
 * transaction, with the ids it touched). Null when no write of it names a reviewer, or the log was pruned past it.
 * Only a refused write asks, so the scan of the log's JSON is paid on conflicts alone.
 */
export function lastChangeReviewer(db: Db, list: 'annotations' | 'glossary', id: number): string | null {
  const r = db
    .prepare(`SELECT reviewer FROM change_log WHERE reviewer IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(change_log.ids, '$.' || ?) WHERE value = ?) ORDER BY seq DESC LIMIT 1`)
    .get(list, id) as { reviewer: string } | undefined;
  return r?.reviewer ?? null;
}
