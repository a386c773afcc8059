/** Queries of the review workflow: find/replace scopes, repetitions, change log, attention. */
import type { Db } from '../connection';
import type { OffsetMap } from '../../shared/text/offsetMap';
import type { Revision, SegmentStatus } from '../../shared/domain/schemas';

/** A live segment with what matching and replacing need. */
export interface ScopeSegment {
  id: number;
  documentId: number;
  documentTitle: string;
  projectId: number;
  script: 'hant' | 'hans';
  variant: 't' | 'tw' | 'hk';
  position: number;
  machineText: string;
  text: string;
  rendering: string;
  renderingMap: OffsetMap;
  status: SegmentStatus;
}

const SCOPE_COLS = `s.id, s.document_id AS documentId, d.title AS documentTitle, d.project_id AS projectId, d.script, d.variant,
  s.position, s.machine_text AS machineText, s.current_text AS text, s.rendering, s.rendering_map AS renderingMap, s.status`;
type ScopeRaw = Omit<ScopeSegment, 'renderingMap'> & { renderingMap: string | null };
const fromScopeRaw = (r: ScopeRaw): ScopeSegment => ({ ...r, renderingMap: r.renderingMap ? (JSON.parse(r.renderingMap) as OffsetMap) : null });
const FROM = `FROM segments s JOIN documents d ON d.id = s.document_id`;

export function documentScope(db: Db, documentId: number): ScopeSegment[] {
  return (db.prepare(`SELECT ${SCOPE_COLS} ${FROM} WHERE s.document_id = ? AND s.retired = 0 ORDER BY s.position`).all(documentId) as ScopeRaw[]).map(
    fromScopeRaw,
  );
}

/** Live segments of the project's documents that are not in the Trash. */
export function projectScope(db: Db, projectId: number): ScopeSegment[] {
  return (
    db
      .prepare(`SELECT ${SCOPE_COLS} ${FROM} WHERE d.project_id = ? AND d.trashed_at IS NULL AND s.retired = 0 ORDER BY d.imported_at, d.id, s.position`)
      .all(projectId) as ScopeRaw[]
  ).map(fromScopeRaw);
}

/** The listed segments (live ones only), in document order. */
export function segmentsScope(db: Db, ids: readonly number[]): ScopeSegment[] {
  const out: ScopeSegment[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`SELECT ${SCOPE_COLS} ${FROM} WHERE s.id IN (${chunk.map(() => '?').join(',')}) AND s.retired = 0`).all(...chunk) as ScopeRaw[];
    out.push(...rows.map(fromScopeRaw));
  }
  return out.sort((a, b) => a.documentId - b.documentId || a.position - b.position);
}

/** Other live segments of a project (documents not in the Trash) with the same machine text. */
export function sameMachineText(db: Db, projectId: number, machineText: string, exceptId: number): ScopeSegment[] {
  return (
    db
      .prepare(
        `SELECT ${SCOPE_COLS} ${FROM} WHERE d.project_id = ? AND d.trashed_at IS NULL AND s.retired = 0 AND s.machine_text = ? AND s.id <> ?
         ORDER BY d.imported_at, d.id, s.position`,
      )
      .all(projectId, machineText, exceptId) as ScopeRaw[]
  ).map(fromScopeRaw);
}

export interface ChangeLogRow extends Revision {
  position: number;
  retired: number;
  operationKind: string;
  operationLabel: string;
  /** JSON key + params (migration 009), null on older rows */
  operationLabelData: string | null;
}

/** Revisions of a document's segments (live or retired), newest first, optionally filtered. */
export function documentRevisions(db: Db, documentId: number, filter: { reason?: string; author?: string }, limit: number): ChangeLogRow[] {
  const where = ['s.document_id = ?'];
  const params: unknown[] = [documentId];
  if (filter.reason !== undefined) {
    where.push('r.reason = ?');
    params.push(filter.reason);
  }
  if (filter.author !== undefined) {
    where.push('r.author = ?');
    params.push(filter.author);
  }
  return db
    .prepare(
      `SELECT r.id, r.operation_id AS operationId, r.segment_id AS segmentId, r.field, r.before, r.after, r.author, r.created_at AS createdAt, r.reason,
         s.position, s.retired, o.kind AS operationKind, o.label AS operationLabel, o.label_data AS operationLabelData
       FROM revisions r JOIN segments s ON s.id = r.segment_id JOIN operations o ON o.id = r.operation_id
       WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT ?`,
    )
    .all(...params, limit) as ChangeLogRow[];
}

/** Distinct authors and reasons in a document's history (for the change log's filters). */
export function documentRevisionFacets(db: Db, documentId: number): { authors: string[]; reasons: string[] } {
  const base = `FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.document_id = ?`;
  return {
    authors: db.prepare(`SELECT DISTINCT r.author ${base} ORDER BY r.author`).pluck().all(documentId) as string[],
    reasons: db.prepare(`SELECT DISTINCT r.reason ${base} ORDER BY r.reason`).pluck().all(documentId) as string[],
  };
}

/** Machine and current text of a document's live segments (for the change counts). */
export function documentTexts(db: Db, documentId: number): { machineText: string; text: string }[] {
  return db.prepare(`SELECT machine_text AS machineText, current_text AS text FROM segments WHERE document_id = ? AND retired = 0`).all(documentId) as {
    machineText: string;
    text: string;
  }[];
}

/** Live segments of a document with an open comment: an annotation with text, not resolved, not deleted. */
export function segmentsWithOpenComments(db: Db, documentId: number): number[] {
  return db
    .prepare(
      `SELECT DISTINCT s.id FROM annotations a JOIN segments s ON s.id = a.segment_id
       WHERE s.document_id = ? AND s.retired = 0 AND a.deleted_at IS NULL AND a.resolved_at IS NULL AND a.body <> ''`,
    )
    .pluck()
    .all(documentId) as number[];
}

/** Live segments of a document with a finding that is not dismissed. */
export function segmentsWithOpenFindings(db: Db, documentId: number): number[] {
  return db
    .prepare(
      `SELECT DISTINCT s.id FROM findings f JOIN segments s ON s.id = f.segment_id
       WHERE f.document_id = ? AND s.retired = 0 AND f.dismissed_reason IS NULL`,
    )
    .pluck()
    .all(documentId) as number[];
}

/** The text of a segment right after a revision: the latest 'zh' value at or before it, or null if none. */
export function textAtRevision(db: Db, segmentId: number, revisionId: number): string | null | undefined {
  const row = db
    .prepare(`SELECT after FROM revisions WHERE segment_id = ? AND field = 'zh' AND id <= ? ORDER BY id DESC LIMIT 1`)
    .get(segmentId, revisionId) as { after: string | null } | undefined;
  return row ? row.after : undefined;
}

export function getRevision(db: Db, id: number): Revision | undefined {
  return db
    .prepare(
      `SELECT id, operation_id AS operationId, segment_id AS segmentId, field, before, after, author, created_at AS createdAt, reason FROM revisions WHERE id = ?`,
    )
    .get(id) as Revision | undefined;
}

/** The operations that revised a document's segments (live or retired), oldest first, with their state (the change report). */
export function documentOperations(db: Db, documentId: number): { id: number; kind: string; label: string; labelData: string | null; author: string; createdAt: string; state: string }[] {
  return db
    .prepare(
      // a step off the undo stack that was never undone is in effect ('dead' without undone_seq: an alignment, a pulled
      // project's steps, a deleted project's step kept with a document moved out of it); 'dead' after an undo is not
      `SELECT o.id, o.kind, o.label, o.label_data AS labelData, o.author, o.created_at AS createdAt,
         CASE WHEN o.state = 'dead' AND o.undone_seq IS NULL THEN 'done' ELSE o.state END AS state FROM operations o
       WHERE o.id IN (SELECT r.operation_id FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.document_id = ?)
       ORDER BY o.id`,
    )
    .all(documentId) as { id: number; kind: string; label: string; labelData: string | null; author: string; createdAt: string; state: string }[];
}
