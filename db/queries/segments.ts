import type { Db } from '../connection';
import type { Segment } from '../../shared/domain/schemas';
import type { OffsetMap } from '../../shared/text/offsetMap';

export interface NewSegment {
  documentId: number;
  position: number;
  paragraph: number;
  machineText: string;
  currentText: string;
  sep: string;
  start: number;
  end: number;
  rendering: string;
  renderingMap: OffsetMap;
  status: Segment['status'];
  furniture: string | null;
  speaker: string | null;
  turn: number | null;
  parentId: number | null;
  updatedAt: string;
}

/** A segment row as stored, with what the service needs beyond the public record. */
export interface SegmentRow extends Segment {
  position: number;
  retired: boolean;
  projectId: number;
}

const COLS = `s.id, s.document_id AS documentId, s.paragraph, s.machine_text AS machineText, s.current_text AS text,
  s.sep, s.start_offset AS start, s.end_offset AS "end", s.rendering, s.rendering_map AS renderingMap, s.status,
  s.furniture, s.speaker, s.turn, s.updated_at AS updatedAt, s.position, s.retired, d.project_id AS projectId`;

type Raw = Omit<SegmentRow, 'renderingMap' | 'retired' | 'index'> & { renderingMap: string | null; retired: number };

function fromRaw(r: Raw, index: number): SegmentRow {
  return { ...r, index, retired: r.retired === 1, renderingMap: r.renderingMap ? (JSON.parse(r.renderingMap) as OffsetMap) : null };
}

/** Strip service-only fields for the public contract. */
export function toPublic(r: SegmentRow): Segment {
  const { position: _p, retired: _r, projectId: _pr, ...pub } = r;
  return pub;
}

export function listSegments(db: Db, documentId: number): SegmentRow[] {
  const rows = db
    .prepare(`SELECT ${COLS} FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ? AND s.retired = 0 ORDER BY s.position`)
    .all(documentId) as Raw[];
  return rows.map((r, i) => fromRaw(r, i));
}

/** The live segments of a document as the checks read them (no offset maps to parse: a document-wide run reads every row). */
export function checkSegmentsOf(db: Db, documentId: number): { id: number; text: string; furniture: string | null; speaker: string | null; rendering: string; paragraph: number; machineText: string | null }[] {
  // read as arrays, one object of a fixed shape built here (a large document has ~9,000 segments per check run);
  // the text as imported only where a reviewer changed it (the checks read the document's provenance from it)
  const rows = db
    .prepare(
      `SELECT id, current_text, furniture, speaker, rendering, paragraph, CASE WHEN machine_text = current_text THEN NULL ELSE machine_text END
         FROM segments WHERE document_id = ? AND retired = 0 ORDER BY position`,
    )
    .raw(true)
    .all(documentId) as [number, string, string | null, string | null, string, number, string | null][];
  return rows.map((r) => ({ id: r[0], text: r[1], furniture: r[2], speaker: r[3], rendering: r[4], paragraph: r[5], machineText: r[6] }));
}

/** The row number (position) of each live segment of a document, by id. */
export function livePositions(db: Db, documentId: number): Map<number, number> {
  const rows = db.prepare(`SELECT id, position FROM segments WHERE document_id = ? AND retired = 0`).raw(true).all(documentId) as [number, number][];
  return new Map(rows);
}

export function getSegment(db: Db, id: number): SegmentRow | undefined {
  const r = db.prepare(`SELECT ${COLS} FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r, r.retired ? -1 : r.position);
}

/** Add segments to the full-text index (every insert path calls one of these in its transaction). */
export function indexDocumentSegments(db: Db, documentId: number): void {
  db.prepare(`INSERT INTO segments_fts(rowid, current_text, rendering) SELECT id, current_text, rendering FROM segments WHERE document_id = ?`).run(documentId);
}

/** Give live segments dense positions 0..n-1, so a segment's index is its position. */
export function renumberDocument(db: Db, documentId: number): void {
  const ids = db.prepare(`SELECT id, position FROM segments WHERE document_id = ? AND retired = 0 ORDER BY position, id`).raw().all(documentId) as [number, number][];
  const upd = db.prepare(`UPDATE segments SET position = ? WHERE id = ?`);
  ids.forEach(([id, pos], i) => {
    if (pos !== i) upd.run(i, id);
  });
}

export function insertSegment(db: Db, s: NewSegment): number {
  const id = insertSegmentRow(db, s);
  db.prepare(`INSERT INTO segments_fts(rowid, current_text, rendering) VALUES (?, ?, ?)`).run(id, s.currentText, s.rendering);
  return id;
}

function insertSegmentRow(db: Db, s: NewSegment): number {
  return Number(
    db
      .prepare(
        `INSERT INTO segments (document_id, position, paragraph, machine_text, current_text, sep, start_offset, end_offset,
           rendering, rendering_map, status, furniture, speaker, turn, parent_id, updated_at)
         VALUES (@documentId, @position, @paragraph, @machineText, @currentText, @sep, @start, @end,
           @rendering, @renderingMap, @status, @furniture, @speaker, @turn, @parentId, @updatedAt)`,
      )
      .run({ ...s, renderingMap: s.renderingMap ? JSON.stringify(s.renderingMap) : null }).lastInsertRowid,
  );
}

const INSERT_COLS = `document_id, position, paragraph, machine_text, current_text, sep, start_offset, end_offset,
  rendering, rendering_map, status, furniture, speaker, turn, parent_id, updated_at`;
const ROW_PARAMS = `(${Array(16).fill('?').join(', ')})`;
/** Rows per multi-row INSERT in insertSegments (16 parameters each; SQLite allows 32,766 per statement). */
const BATCH = 32;

/**
 * Bulk insert for imports; call indexDocumentSegments after. Rows go in BATCH at a time through
 * one multi-row INSERT (a statement step per row cost more than the rows themselves), the rest
 * one by one; positional parameters, filled into one reused array.
 */
export function insertSegments(db: Db, segments: readonly NewSegment[]): void {
  const one = db.prepare(`INSERT INTO segments (${INSERT_COLS}) VALUES ${ROW_PARAMS}`);
  const many = db.prepare(`INSERT INTO segments (${INSERT_COLS}) VALUES ${Array(BATCH).fill(ROW_PARAMS).join(', ')}`);
  const params: unknown[] = [];
  const add = (s: NewSegment) =>
    params.push(
      s.documentId, s.position, s.paragraph, s.machineText, s.currentText, s.sep, s.start, s.end,
      s.rendering, s.renderingMap ? JSON.stringify(s.renderingMap) : null, s.status, s.furniture, s.speaker, s.turn, s.parentId, s.updatedAt,
    );
  let i = 0;
  for (; i + BATCH <= segments.length; i += BATCH) {
    params.length = 0;
    for (let j = i; j < i + BATCH; j++) add(segments[j]);
    many.run(params);
  }
  for (; i < segments.length; i++) {
    params.length = 0;
    add(segments[i]);
    one.run(params);
  }
}

export function updateSegmentText(db: Db, id: number, text: string, rendering: string, map: OffsetMap, now: string): void {
  db.prepare(`UPDATE segments SET current_text = ?, rendering = ?, rendering_map = ?, updated_at = ? WHERE id = ?`).run(
    text,
    rendering,
    map ? JSON.stringify(map) : null,
    now,
    id,
  );
}

export function updateSegmentStatus(db: Db, id: number, status: Segment['status'], now: string): void {
  db.prepare(`UPDATE segments SET status = ?, updated_at = ? WHERE id = ?`).run(status, now, id);
}

export function updateSegmentFurniture(db: Db, id: number, furniture: string | null, now: string): void {
  db.prepare(`UPDATE segments SET furniture = ?, updated_at = ? WHERE id = ?`).run(furniture, now, id);
}

export function updateSegmentSep(db: Db, id: number, sep: string): void {
  db.prepare(`UPDATE segments SET sep = ? WHERE id = ?`).run(sep, id);
}

export function setRetired(db: Db, ids: readonly number[], retired: boolean, now: string): void {
  const stmt = db.prepare(`UPDATE segments SET retired = ?, updated_at = ? WHERE id = ?`);
  for (const id of ids) stmt.run(retired ? 1 : 0, now, id);
}

/** The live segment after `position` in a document, if any. */
export function nextLiveSegment(db: Db, documentId: number, position: number): { id: number; position: number } | undefined {
  return db
    .prepare(`SELECT id, position FROM segments WHERE document_id = ? AND retired = 0 AND position > ? ORDER BY position LIMIT 1`)
    .get(documentId, position) as { id: number; position: number } | undefined;
}

/** Segments of a document with their text, for re-rendering after a variant change. */
export function segmentTexts(db: Db, documentId: number): { id: number; text: string }[] {
  return db.prepare(`SELECT id, current_text AS text FROM segments WHERE document_id = ?`).all(documentId) as { id: number; text: string }[];
}

/** One segment's current text (undefined if there is no such segment). */
export function segmentText(db: Db, id: number): string | undefined {
  const r = db.prepare(`SELECT current_text AS text FROM segments WHERE id = ?`).get(id) as { text: string } | undefined;
  return r?.text;
}

export function updateRendering(db: Db, id: number, rendering: string, map: OffsetMap): void {
  db.prepare(`UPDATE segments SET rendering = ?, rendering_map = ? WHERE id = ?`).run(rendering, map ? JSON.stringify(map) : null, id);
}
