/**
 * A stamp of everything a document's checks read (live segments and their texts, English and
 * source rows, attached parallel texts, the glossary, the stored findings they replace): the checks compute from a snapshot
 * outside the write lock and store only while the stamp is unchanged (core/checks.ts).
 * Every text, status or English write leaves a revision; splits, merges and retirements
 * change the live set; a write in the same millisecond as the previous one still changes the
 * newest revision id.
 */
import type { Db } from '../connection';

export function checkInputStamp(db: Db, documentId: number): string {
  const seg = db
    .prepare(`SELECT count(*) AS n, max(id) AS maxId, max(updated_at) AS updated FROM segments WHERE document_id = ? AND retired = 0`)
    .get(documentId) as { n: number; maxId: number | null; updated: string | null };
  const rev = db
    .prepare(`SELECT max(r.id) FROM segments s JOIN revisions r ON r.segment_id = s.id WHERE s.document_id = ?`)
    .pluck()
    .get(documentId) as number | null;
  const par = db
    .prepare(
      `SELECT (SELECT count(*) || '/' || ifnull(max(attached_at), '') FROM parallel_texts WHERE document_id = ?) || '/' ||
              (SELECT count(*) || '/' || ifnull(max(p.updated_at), '') FROM segment_parallel p JOIN segments s ON s.id = p.segment_id WHERE s.document_id = ?)`,
    )
    .pluck()
    .get(documentId, documentId) as string;
  const glossary = db.prepare(`SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || ifnull(max(updated_at), '') FROM glossary_entries`).pluck().get() as string;
  // the stored findings too: a check run by another process writes them without a revision
  const findings = db.prepare(`SELECT count(*) || '/' || ifnull(max(id), 0) FROM findings WHERE document_id = ?`).pluck().get(documentId) as string;
  return `${seg.n}/${seg.maxId ?? 0}/${seg.updated ?? ''}|${rev ?? 0}|${par}|${glossary}|${findings}`;
}

/** Run `fn` in one deferred read transaction: its reads see one snapshot (WAL) and take no write lock; nested in a caller's transaction, a savepoint. */
export function readSnapshot<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}

/**
 * The newest text or structure revision of these documents' segments (0: none): a project
 * check records it, and its results are out of date once a later edit, fix, undo or redo
 * of any of the documents has a newer one (core/checks.ts `projectCheckState`).
 */
export function contentRevision(db: Db, documentIds: readonly number[]): number {
  if (!documentIds.length) return 0;
  const q = db.prepare(
    `SELECT max(r.id) FROM segments s JOIN revisions r ON r.segment_id = s.id WHERE s.document_id = ? AND r.field IN ('zh', 'structure')`,
  );
  let max = 0;
  for (const id of documentIds) max = Math.max(max, (q.pluck().get(id) as number | null) ?? 0);
  return max;
}
