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

/**
 * 3+ characters: the trigram index. It records which rows hold a trigram, not where
 * (detail=none, migration 008), so it is asked for rows holding every trigram of the query —
 * each a quoted FTS5 string, so operators are inert — and each such row is then checked for
 * the query itself, in the text or the rendering, ignoring case as the index does. Without
 * cased letters (Chinese, digits, punctuation) the check is a plain instr(); otherwise
 * jd_icontains (db/connection.ts), which lower-cases in full Unicode like the index.
 */
export function searchTrigram(db: Db, query: string, projectId: number | undefined, limit: number): SearchRow[] {
  const sc = scope(projectId);
  const terms = trigramsCovering(query).map((t) => `"${t.replace(/"/g, '""')}"`);
  const caseless = query.toLowerCase() === query && query.toUpperCase() === query;
  const check = caseless
    ? `(instr(s.current_text, ?) > 0 OR instr(s.rendering, ?) > 0)`
    : `(jd_icontains(s.current_text, ?) OR jd_icontains(s.rendering, ?))`;
  const needle = caseless ? query : query.toLowerCase();
  return db
    .prepare(
      `${BASE} JOIN segments_fts f ON f.rowid = s.id
       WHERE segments_fts MATCH ? AND ${check} AND s.retired = 0 AND d.trashed_at IS NULL${sc.sql}
       ORDER BY d.imported_at DESC, s.document_id, s.position LIMIT ?`,
    )
    .all(terms.join(' AND '), needle, needle, ...sc.params, limit) as SearchRow[];
}

/** Trigrams (3 code points) that together cover the query: every third one, and the last. */
export function trigramsCovering(query: string): string[] {
  const cps = Array.from(query);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= cps.length; i += 3) out.add(cps.slice(i, i + 3).join(''));
  if (cps.length >= 3) out.add(cps.slice(-3).join(''));
  return [...out];
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
