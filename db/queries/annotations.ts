import type { Db } from '../connection';
import type { Annotation } from '../../shared/domain/schemas';
import type { ReanchorResult } from '../../shared/text/anchor';

const COLS = `a.id, a.segment_id AS segmentId, a.start_offset AS start, a.end_offset AS "end", a.exact, a.prefix, a.suffix,
  a.kind, a.body, a.orphaned, a.created_at AS createdAt, a.updated_at AS updatedAt, a.version`;

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

// ---- annotation threads (migration 004): label, author, replies, resolved, deleted --------

const THREAD_COLS = `${COLS}, a.label_id AS labelId, a.author, a.resolved_at AS resolvedAt, a.resolved_by AS resolvedBy,
  a.deleted_at AS deletedAt, a.deleted_by AS deletedBy`;
type ThreadRaw = Omit<Annotation, 'orphaned' | 'replies'> & { orphaned: number };

function withReplies(db: Db, rows: ThreadRaw[]): Annotation[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const replies = new Map<number, Annotation['replies']>();
  // chunks keep the parameter list under SQLite's limit
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rs = db
      .prepare(
        `SELECT id, annotation_id AS annotationId, author, body, created_at AS createdAt FROM annotation_replies
         WHERE annotation_id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`,
      )
      .all(...chunk) as Annotation['replies'];
    for (const r of rs) {
      const list = replies.get(r.annotationId) ?? [];
      list.push(r);
      replies.set(r.annotationId, list);
    }
  }
  return rows.map((r) => ({ ...r, orphaned: r.orphaned === 1, replies: replies.get(r.id) ?? [] }));
}

/** Annotations of a document's live segments, in reading order; deleted ones only when asked. */
export function listAnnotationThreads(db: Db, documentId: number, includeDeleted = false): Annotation[] {
  const rows = db
    .prepare(
      `SELECT ${THREAD_COLS} FROM annotations a JOIN segments s ON s.id = a.segment_id
       WHERE s.document_id = ? AND s.retired = 0 ${includeDeleted ? '' : 'AND a.deleted_at IS NULL'}
       ORDER BY s.position, a.start_offset, a.id`,
    )
    .all(documentId) as ThreadRaw[];
  return withReplies(db, rows);
}

export function getAnnotationThread(db: Db, id: number): Annotation | undefined {
  const r = db.prepare(`SELECT ${THREAD_COLS} FROM annotations a WHERE a.id = ?`).get(id) as ThreadRaw | undefined;
  return r ? withReplies(db, [r])[0] : undefined;
}

export function insertAnnotationThread(
  db: Db,
  segmentId: number,
  a: ReanchorResult,
  t: { kind: string; body: string; labelId: number | null; author: string },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO annotations (segment_id, start_offset, end_offset, exact, prefix, suffix, kind, body, orphaned, created_at, updated_at, label_id, author)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(segmentId, a.start, a.end, a.exact, a.prefix, a.suffix, t.kind, t.body, a.orphaned ? 1 : 0, now, now, t.labelId, t.author).lastInsertRowid,
  );
}

export function updateAnnotationContent(db: Db, id: number, patch: { body?: string; labelId?: number | null }, now: string): void {
  // one UPDATE: the version trigger (migration 012) then moves the version once per change
  if (patch.body === undefined && patch.labelId === undefined) return;
  db.prepare(`UPDATE annotations SET body = coalesce(@body, body), label_id = CASE WHEN @setLabel THEN @labelId ELSE label_id END, updated_at = @now WHERE id = @id`).run({
    body: patch.body ?? null,
    setLabel: patch.labelId !== undefined ? 1 : 0,
    labelId: patch.labelId ?? null,
    now,
    id,
  });
}

export function setAnnotationResolved(db: Db, id: number, by: string | null, now: string | null): void {
  db.prepare(`UPDATE annotations SET resolved_at = ?, resolved_by = ? WHERE id = ?`).run(now, by, id);
}

/** Deletion is explicit and reversible: the row stays, marked with who deleted it and when. */
export function setAnnotationDeleted(db: Db, id: number, by: string | null, now: string | null): void {
  db.prepare(`UPDATE annotations SET deleted_at = ?, deleted_by = ? WHERE id = ?`).run(now, by, id);
}

export function insertAnnotationReply(db: Db, annotationId: number, author: string, body: string, now: string): number {
  return Number(
    db.prepare(`INSERT INTO annotation_replies (annotation_id, author, body, created_at) VALUES (?, ?, ?, ?)`).run(annotationId, author, body, now).lastInsertRowid,
  );
}
