import type { Db } from '../connection';

export interface SearchRow {
  documentId: number;
  documentTitle: string;
  projectId: number;
  segmentId: number;
  position: number;
  text: string;
  rendering: string;
}

const BASE = `SELECT s.document_id AS documentId, d.title AS documentTitle, d.project_id AS projectId, s.id AS segmentId,
  s.position, s.current_text AS text, s.rendering
  FROM segments s JOIN documents d ON d.id = s.document_id`;

function scope(projectId: number | undefined): { sql: string; params: unknown[] } {
  return projectId === undefined ? { sql: '', params: [] } : { sql: ' AND d.project_id = ?', params: [projectId] };
}

/** 3+ characters: the trigram index. The query is passed as one quoted FTS5 string, so operators are inert. */
export function searchTrigram(db: Db, query: string, projectId: number | undefined, limit: number): SearchRow[] {
  const sc = scope(projectId);
  const phrase = `"${query.replace(/"/g, '""')}"`;
  return db
    .prepare(
      `${BASE} JOIN segments_fts f ON f.rowid = s.id
       WHERE segments_fts MATCH ? AND s.retired = 0 AND d.trashed_at IS NULL${sc.sql}
       ORDER BY d.imported_at DESC, s.document_id, s.position LIMIT ?`,
    )
    .all(phrase, ...sc.params, limit) as SearchRow[];
}

/** 1–2 characters: trigrams cannot match, so scan with instr() (case-insensitive for Latin via lower()). */
export function searchScan(db: Db, query: string, projectId: number | undefined, limit: number): SearchRow[] {
  const sc = scope(projectId);
  const q = query.toLowerCase();
  return db
    .prepare(
      `${BASE} WHERE (instr(lower(s.current_text), ?) > 0 OR instr(lower(s.rendering), ?) > 0)
       AND s.retired = 0 AND d.trashed_at IS NULL${sc.sql}
       ORDER BY d.imported_at DESC, s.document_id, s.position LIMIT ?`,
    )
    .all(q, q, ...sc.params, limit) as SearchRow[];
}
