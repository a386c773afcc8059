import type { Db } from '../connection';
import type { Annotation } from '../../shared/domain/schemas';
import type { ReanchorResult } from '../../shared/text/anchor';

const COLS = `a.id, a.segment_id AS segmentId, a.start_offset AS start, a.end_offset AS "end", a.exact, a.prefix, a.suffix,
  a.kind, a.body, a.orphaned, a.created_at AS createdAt, a.updated_at AS updatedAt`;

type Raw = Omit<Annotation, 'orphaned'> & { orphaned: number };
const fromRaw = (r: Raw): Annotation => ({ ...r, orphaned: r.orphaned === 1 });

export function listAnnotationsOfDocument(db: Db, documentId: number): Annotation[] {
  return (db.prepare(`SELECT ${COLS} FROM annotations a JOIN segments s ON s.id = a.segment_id WHERE s.document_id = ? ORDER BY s.position, a.start_offset`).all(documentId) as Raw[]).map(fromRaw);
}
export function listAnnotationsOfSegment(db: Db, segmentId: number): Annotation[] {
  return (db.prepare(`SELECT ${COLS} FROM annotations a WHERE a.segment_id = ? ORDER BY a.start_offset`).all(segmentId) as Raw[]).map(fromRaw);
}
export function getAnnotation(db: Db, id: number): Annotation | undefined {
  const r = db.prepare(`SELECT ${COLS} FROM annotations a WHERE a.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}
export function insertAnnotation(db: Db, segmentId: number, a: ReanchorResult, kind: string, body: string, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO annotations (segment_id, start_offset, end_offset, exact, prefix, suffix, kind, body, orphaned, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(segmentId, a.start, a.end, a.exact, a.prefix, a.suffix, kind, body, a.orphaned ? 1 : 0, now, now).lastInsertRowid,
  );
}
export function updateAnnotationAnchor(db: Db, id: number, a: ReanchorResult, now: string): void {
  db.prepare(`UPDATE annotations SET start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ?, updated_at = ? WHERE id = ?`).run(
    a.start,
    a.end,
    a.exact,
    a.prefix,
    a.suffix,
    a.orphaned ? 1 : 0,
    now,
    id,
  );
}

/** Findings carry positions too; they move with the text (quote checks are the checks' job). */
export function findingsOfSegment(db: Db, segmentId: number): { id: number; start: number; end: number }[] {
  return db.prepare(`SELECT id, start_offset AS start, end_offset AS "end" FROM findings WHERE segment_id = ?`).all(segmentId) as { id: number; start: number; end: number }[];
}
export function moveFinding(db: Db, id: number, start: number, end: number): void {
  db.prepare(`UPDATE findings SET start_offset = ?, end_offset = ? WHERE id = ?`).run(start, end, id);
}
export function moveAnnotation(db: Db, id: number, segmentId: number): void {
  db.prepare(`UPDATE annotations SET segment_id = ? WHERE id = ?`).run(segmentId, id);
}
