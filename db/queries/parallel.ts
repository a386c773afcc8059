/** Parallel texts (migration 007): attached files and per-segment aligned texts. */
import type { Db } from '../connection';

export type ParallelKind = 'source' | 'english';
export type ParallelStatus = 'unreviewed' | 'edited' | 'approved';

export interface ParallelTextRow {
  id: number;
  documentId: number;
  kind: ParallelKind;
  fileName: string | null;
  encoding: string;
  byteSize: number;
  rawText: string;
  ratio: number;
  method: string;
  attachedAt: string;
}

export interface SegmentParallelRow {
  segmentId: number;
  kind: ParallelKind;
  alignedText: string;
  text: string;
  status: ParallelStatus;
}

const TEXT_COLS = `id, document_id AS documentId, kind, file_name AS fileName, encoding, byte_size AS byteSize, raw_text AS rawText,
  ratio, method, attached_at AS attachedAt`;
const SEG_COLS = `p.segment_id AS segmentId, p.kind, p.aligned_text AS alignedText, p.text, p.status`;

export function upsertParallelText(db: Db, r: Omit<ParallelTextRow, 'id'>): void {
  db.prepare(
    `INSERT INTO parallel_texts (document_id, kind, file_name, encoding, byte_size, raw_text, ratio, method, attached_at)
     VALUES (@documentId, @kind, @fileName, @encoding, @byteSize, @rawText, @ratio, @method, @attachedAt)
     ON CONFLICT (document_id, kind) DO UPDATE SET file_name = excluded.file_name, encoding = excluded.encoding,
       byte_size = excluded.byte_size, raw_text = excluded.raw_text, ratio = excluded.ratio, method = excluded.method,
       attached_at = excluded.attached_at`,
  ).run(r);
}

export function parallelTexts(db: Db, documentId: number): ParallelTextRow[] {
  return db.prepare(`SELECT ${TEXT_COLS} FROM parallel_texts WHERE document_id = ? ORDER BY kind`).all(documentId) as ParallelTextRow[];
}

export function parallelText(db: Db, documentId: number, kind: ParallelKind): ParallelTextRow | undefined {
  return db.prepare(`SELECT ${TEXT_COLS} FROM parallel_texts WHERE document_id = ? AND kind = ?`).get(documentId, kind) as ParallelTextRow | undefined;
}

export function hasParallel(db: Db, documentId: number): boolean {
  return !!db.prepare(`SELECT 1 FROM parallel_texts WHERE document_id = ? LIMIT 1`).get(documentId);
}

/** Rows of the live segments of a document (or of the given kind), by segment id. */
export function segmentParallelOfDocument(db: Db, documentId: number): SegmentParallelRow[] {
  return db
    .prepare(`SELECT ${SEG_COLS} FROM segment_parallel p JOIN segments s ON s.id = p.segment_id WHERE s.document_id = ? AND s.retired = 0`)
    .all(documentId) as SegmentParallelRow[];
}

export function segmentParallel(db: Db, segmentId: number): SegmentParallelRow[] {
  return db.prepare(`SELECT ${SEG_COLS} FROM segment_parallel p WHERE p.segment_id = ?`).all(segmentId) as SegmentParallelRow[];
}

export function getSegmentParallel(db: Db, segmentId: number, kind: ParallelKind): SegmentParallelRow | undefined {
  return db.prepare(`SELECT ${SEG_COLS} FROM segment_parallel p WHERE p.segment_id = ? AND p.kind = ?`).get(segmentId, kind) as SegmentParallelRow | undefined;
}

/** Replace one kind's rows for the live segments of a document (attach / re-align). */
export function replaceSegmentParallel(db: Db, documentId: number, kind: ParallelKind, rows: { segmentId: number; text: string }[], now: string): void {
  db.prepare(`DELETE FROM segment_parallel WHERE kind = ? AND segment_id IN (SELECT id FROM segments WHERE document_id = ? AND retired = 0)`).run(kind, documentId);
  const ins = db.prepare(`INSERT INTO segment_parallel (segment_id, kind, aligned_text, text, status, updated_at) VALUES (?, ?, ?, ?, 'unreviewed', ?)`);
  for (const r of rows) ins.run(r.segmentId, kind, r.text, r.text, now);
}

export function insertSegmentParallel(db: Db, r: SegmentParallelRow, now: string): void {
  db.prepare(
    `INSERT OR REPLACE INTO segment_parallel (segment_id, kind, aligned_text, text, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(r.segmentId, r.kind, r.alignedText, r.text, r.status, now);
}

export function updateParallelText(db: Db, segmentId: number, kind: ParallelKind, text: string, now: string): void {
  db.prepare(`UPDATE segment_parallel SET text = ?, updated_at = ? WHERE segment_id = ? AND kind = ?`).run(text, now, segmentId, kind);
}

export function updateParallelStatus(db: Db, segmentId: number, kind: ParallelKind, status: ParallelStatus, now: string): void {
  db.prepare(`UPDATE segment_parallel SET status = ?, updated_at = ? WHERE segment_id = ? AND kind = ?`).run(status, now, segmentId, kind);
}

/** Which kinds a document has attached. */
export function attachedKinds(db: Db, documentId: number): Set<ParallelKind> {
  return new Set((db.prepare(`SELECT kind FROM parallel_texts WHERE document_id = ?`).pluck().all(documentId) as ParallelKind[]));
}

export interface ParallelForChecks {
  /** null: no source attached; '' : attached, nothing aligned to this segment */
  source: string | null;
  english: string | null;
}

/** Per live segment, its parallel texts as the checks see them (null where the kind is not attached and nothing was written). */
export function parallelForChecks(db: Db, documentId: number): Map<number, ParallelForChecks> {
  const kinds = attachedKinds(db, documentId);
  const out = new Map<number, ParallelForChecks>();
  const rows = segmentParallelOfDocument(db, documentId);
  if (!kinds.size && !rows.length) return out;
  const ids = db.prepare(`SELECT id FROM segments WHERE document_id = ? AND retired = 0`).pluck().all(documentId) as number[];
  for (const id of ids) out.set(id, { source: kinds.has('source') ? '' : null, english: kinds.has('english') ? '' : null });
  for (const r of rows) {
    const p = out.get(r.segmentId);
    if (p) p[r.kind] = r.text;
  }
  return out;
}

export function parallelForSegment(db: Db, segmentId: number, documentId: number): ParallelForChecks {
  const kinds = attachedKinds(db, documentId);
  const p: ParallelForChecks = { source: kinds.has('source') ? '' : null, english: kinds.has('english') ? '' : null };
  for (const r of segmentParallel(db, segmentId)) p[r.kind] = r.text;
  return p;
}
