/**
 * A mark of everything a document's checks read (live segments and their texts, English and
 * source rows, attached parallel texts, the glossary, the stored findings they replace): the checks compute from a snapshot
 * outside the write lock and, inside the short write, compare the mark with now (core/checks.ts).
 * Every text, status or English write leaves a revision; splits, merges and retirements
 * change the live set; a write in the same millisecond as the previous one still changes the
 * newest revision id.
 */
import type { Db } from '../connection';

/**
 * What a document's checks read, in parts, so that a write can tell what changed since
 * the snapshot it was computed from (`changedSinceMark`): the live set, the newest revision,
 * parallel texts, the glossary, the newest stored finding.
 */
export interface CheckMark {
  documentId: number;
  /** live segments: count / newest id */
  live: string;
  /** newest `updated_at` of the live segments */
  updated: string;
  /** newest revision id of the document's segments */
  revision: number;
  parallel: string;
  glossary: string;
  /** the project's house style for standard forms, with its version (migration 015) */
  house: string;
  /** newest finding id of the document */
  finding: number;
}

export function checkMark(db: Db, documentId: number): CheckMark {
  const seg = db
    .prepare(`SELECT count(*) AS n, max(id) AS maxId, max(updated_at) AS updated FROM segments WHERE document_id = ? AND retired = 0`)
    .get(documentId) as { n: number; maxId: number | null; updated: string | null };
  const revision = (db.prepare(`SELECT max(r.id) FROM segments s JOIN revisions r ON r.segment_id = s.id WHERE s.document_id = ?`).pluck().get(documentId) as number | null) ?? 0;
  const parallel = db
    .prepare(
      `SELECT (SELECT count(*) || '/' || ifnull(max(attached_at), '') FROM parallel_texts WHERE document_id = ?) || '/' ||
              (SELECT count(*) || '/' || ifnull(max(p.updated_at), '') FROM segment_parallel p JOIN segments s ON s.id = p.segment_id WHERE s.document_id = ?)`,
    )
    .pluck()
    .get(documentId, documentId) as string;
  const glossary = db.prepare(`SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || ifnull(max(updated_at), '') FROM glossary_entries`).pluck().get() as string;
  const finding = (db.prepare(`SELECT max(id) FROM findings WHERE document_id = ?`).pluck().get(documentId) as number | null) ?? 0;
  const house = (db.prepare(`SELECT ps.version || '/' || ps.standard_forms FROM documents d JOIN project_settings ps ON ps.project_id = d.project_id WHERE d.id = ?`).pluck().get(documentId) as string | undefined) ?? '';
  return { documentId, live: `${seg.n}/${seg.maxId ?? 0}`, updated: seg.updated ?? '', revision, parallel, glossary, house, finding };
}

/**
 * What changed in a document since `mark` (read inside the write transaction): 'all' when its
 * live set, parallel texts, glossary or the project's house style changed, a segment was updated without a revision, or
 * findings were stored outside the revised segments (another check run); else the segments
 * revised since (edits, status changes, dismissals: each leaves a revision), possibly none.
 * Saves re-check their own segment's findings as they commit (core/checks.ts `recheckSegment`),
 * so rows on those segments are theirs.
 */
export function changedSinceMark(db: Db, mark: CheckMark): 'all' | number[] {
  const now = checkMark(db, mark.documentId);
  if (now.live !== mark.live || now.parallel !== mark.parallel || now.glossary !== mark.glossary || now.house !== mark.house) return 'all';
  if (now.revision === mark.revision) return now.updated === mark.updated && now.finding === mark.finding ? [] : 'all';
  const revised = db
    .prepare(`SELECT DISTINCT r.segment_id FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.document_id = ? AND r.id > ?`)
    .pluck()
    .all(mark.documentId, mark.revision) as number[];
  const foreign = db
    .prepare(`SELECT count(*) FROM findings WHERE document_id = ? AND id > ? AND segment_id NOT IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(mark.documentId, mark.finding, JSON.stringify(revised)) as number;
  return foreign > 0 ? 'all' : revised;
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

/** The newest revision id of the database (0: none): a document's kept check evidence notes it (core/checks.ts `evidenceFor`). */
export function newestRevision(db: Db): number {
  return (db.prepare(`SELECT max(id) FROM revisions`).pluck().get() as number | null) ?? 0;
}

/**
 * The document's segments revised after revision `since` (ids ascending), and whether any of
 * those revisions changed which segments are live (split, merge, their undo). Reads the
 * revisions past `since` only.
 */
export function revisedSince(db: Db, documentId: number, since: number): { segments: number[]; structure: boolean } {
  const rows = db
    // CROSS JOIN: SQLite reads the revisions past \`since\` first (a rowid range), not every segment of the document
    .prepare(`SELECT r.segment_id AS id, max(r.field = 'structure') AS structure FROM revisions r CROSS JOIN segments s ON s.id = r.segment_id WHERE r.id > ? AND s.document_id = ? GROUP BY r.segment_id ORDER BY r.segment_id`)
    .all(since, documentId) as { id: number; structure: number }[];
  return { segments: rows.map((r) => r.id), structure: rows.some((r) => r.structure === 1) };
}
