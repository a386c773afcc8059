/** Operations (one per user action) and their revisions: the undo/redo stack lives here. */
import type { Db } from '../connection';
import type { Operation, OperationKind, Revision, RevisionField } from '../../shared/domain/schemas';

export interface NewRevision {
  segmentId: number;
  field: RevisionField;
  before: string | null;
  after: string | null;
  reason: string;
}

const OP_COLS = `id, project_id AS projectId, kind, label, label_data AS labelData, author, created_at AS createdAt, state`;

/** An operation row with its label as key + params (JSON, migration 009; null on older rows). */
export type OperationRow = Operation & { labelData: string | null };
const REV_COLS = `id, operation_id AS operationId, segment_id AS segmentId, field, before, after, author, created_at AS createdAt, reason`;

export function insertOperation(
  db: Db,
  op: {
    projectId: number;
    kind: OperationKind;
    label: string;
    labelData?: string | null;
    author: string;
    createdAt: string;
    targetOperationId?: number | null;
    scope?: string | null;
    /** 'dead': recorded off the undo stack (a parallel text attached: its revisions only move versions) */
    state?: 'done' | 'dead';
  },
): number {
  return Number(
    db
      .prepare(`INSERT INTO operations (project_id, kind, label, label_data, author, created_at, target_operation_id, scope, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(op.projectId, op.kind, op.label, op.labelData ?? null, op.author, op.createdAt, op.targetOperationId ?? null, op.scope ?? null, op.state ?? 'done').lastInsertRowid,
  );
}

export function insertRevisions(db: Db, operationId: number, author: string, createdAt: string, revs: readonly NewRevision[]): void {
  const stmt = db.prepare(
    `INSERT INTO revisions (operation_id, segment_id, field, before, after, author, created_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of revs) stmt.run(operationId, r.segmentId, r.field, r.before, r.after, author, createdAt, r.reason);
}

/** A new operation of `author` makes everything that author undid in the project un-redoable (redo is each reviewer's own). */
export function clearRedo(db: Db, projectId: number, author: string): void {
  db.prepare(`UPDATE operations SET state = 'dead' WHERE project_id = ? AND state = 'undone' AND author = ?`).run(projectId, author);
}

const UNDOABLE = `kind NOT IN ('undo', 'redo')`;

/** The latest operation `author` did (and has not undone) in the project: what that reviewer's Undo takes back. */
export function lastDoneOperation(db: Db, projectId: number, author: string): OperationRow | undefined {
  return db
    .prepare(`SELECT ${OP_COLS} FROM operations WHERE project_id = ? AND author = ? AND state = 'done' AND ${UNDOABLE} ORDER BY id DESC LIMIT 1`)
    .get(projectId, author) as OperationRow | undefined;
}

/** The operation `author` undid most recently in the project: what that reviewer's Redo does again. */
export function lastUndoneOperation(db: Db, projectId: number, author: string): OperationRow | undefined {
  return db
    .prepare(`SELECT ${OP_COLS} FROM operations WHERE project_id = ? AND author = ? AND state = 'undone' AND ${UNDOABLE} ORDER BY undone_seq DESC LIMIT 1`)
    .get(projectId, author) as OperationRow | undefined;
}

/** The project's newest operation of any kind (undo and redo included), with its state. */
export function newestOperation(db: Db, projectId: number): { id: number; state: Operation['state'] } | undefined {
  return db.prepare(`SELECT id, state FROM operations WHERE project_id = ? ORDER BY id DESC LIMIT 1`).get(projectId) as { id: number; state: Operation['state'] } | undefined;
}

export function setOperationLabel(db: Db, operationId: number, label: string, labelData: string | null = null): void {
  db.prepare(`UPDATE operations SET label = ?, label_data = ? WHERE id = ?`).run(label, labelData, operationId);
}

/**
 * `seq` orders redo (the most recently undone first): the id of the undo operation itself,
 * which only grows, so no scan of every operation for a maximum (there is no index for one).
 */
export function markUndone(db: Db, operationId: number, seq: number): void {
  db.prepare(`UPDATE operations SET state = 'undone', undone_seq = ? WHERE id = ?`).run(seq, operationId);
}

export function markDone(db: Db, operationId: number): void {
  db.prepare(`UPDATE operations SET state = 'done', undone_seq = NULL WHERE id = ?`).run(operationId);
}

export function revisionsOfOperation(db: Db, operationId: number): Revision[] {
  return db.prepare(`SELECT ${REV_COLS} FROM revisions WHERE operation_id = ? ORDER BY id`).all(operationId) as Revision[];
}

export function revisionsOfSegment(db: Db, segmentId: number): Revision[] {
  return db.prepare(`SELECT ${REV_COLS} FROM revisions WHERE segment_id = ? ORDER BY id`).all(segmentId) as Revision[];
}

// ---- field versions (issue 16): a field's version is the id of its last revision -------------

/** The last revision id of each (segment, field) among the live segments of a document. */
export function latestRevisionIdsOfDocument(db: Db, documentId: number): { segmentId: number; field: RevisionField; id: number }[] {
  return db
    .prepare(
      `SELECT r.segment_id AS segmentId, r.field, MAX(r.id) AS id FROM revisions r JOIN segments s ON s.id = r.segment_id
       WHERE s.document_id = ? AND s.retired = 0 GROUP BY r.segment_id, r.field`,
    )
    .all(documentId) as { segmentId: number; field: RevisionField; id: number }[];
}

/** The last revision id of each field of one segment. */
export function latestRevisionIdsOfSegment(db: Db, segmentId: number): { segmentId: number; field: RevisionField; id: number }[] {
  return db
    .prepare(`SELECT segment_id AS segmentId, field, MAX(id) AS id FROM revisions WHERE segment_id = ? GROUP BY field`)
    .all(segmentId) as { segmentId: number; field: RevisionField; id: number }[];
}

/** The last revision of one field of a segment (its id is the field's version). */
export function latestRevision(db: Db, segmentId: number, field: RevisionField): Revision | undefined {
  return db.prepare(`SELECT ${REV_COLS} FROM revisions WHERE segment_id = ? AND field = ? ORDER BY id DESC LIMIT 1`).get(segmentId, field) as Revision | undefined;
}

/** The first revision of one field of a segment (its `before` is the field's value at import). */
export function firstRevision(db: Db, segmentId: number, field: RevisionField): Revision | undefined {
  return db.prepare(`SELECT ${REV_COLS} FROM revisions WHERE segment_id = ? AND field = ? ORDER BY id LIMIT 1`).get(segmentId, field) as Revision | undefined;
}

/** The newest revision id of the database: the snapshot a bulk preview was built at. */
export function maxRevisionId(db: Db): number {
  return (db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM revisions`).get() as { id: number }).id;
}


/** The last revision of a segment's field at or before revision `maxId` (what it held at a snapshot). */
export function revisionAsOf(db: Db, segmentId: number, field: RevisionField, maxId: number): Revision | undefined {
  return db.prepare(`SELECT ${REV_COLS} FROM revisions WHERE segment_id = ? AND field = ? AND id <= ? ORDER BY id DESC LIMIT 1`).get(segmentId, field, maxId) as Revision | undefined;
}
