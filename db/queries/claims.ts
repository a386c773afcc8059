/**
 * SQL for claims and their history (migration 005), deletion and candidate decisions
 * (migration 006), the workflow fields, evidence kinds and claim labels (migration 013).
 */
import type { Db } from '../connection';
import type { ClaimHistoryEntryT, ClaimT } from '../../shared/claims/schemas';
import type { ReanchorResult } from '../../shared/text/anchor';

const COLS = `c.id, c.document_id AS documentId, c.segment_id AS segmentId, c.start_offset AS start, c.end_offset AS "end", c.exact, c.prefix,
  c.suffix, c.orphaned, c.text, c.type, c.claimant, c.claim_date AS claimDate, c.quantities, c.verdict, c.evidence, c.notes, c.status,
  c.assignee, c.rating_note AS ratingNote, c.review_url AS reviewUrl, c.published_at AS publishedAt, c.published_by AS publishedBy,
  coalesce(s.position, 0) AS segmentIndex, c.author, c.created_at AS createdAt, c.updated_at AS updatedAt, c.version`;
const FROM = `FROM claims c LEFT JOIN segments s ON s.id = c.segment_id`;

type Raw = Omit<ClaimT, 'orphaned' | 'quantities' | 'evidence'> & { orphaned: number; quantities: string; evidence: string };

const fromRaw = (r: Raw): ClaimT => ({ ...r, orphaned: r.orphaned === 1, quantities: JSON.parse(r.quantities), evidence: JSON.parse(r.evidence) });

export function listClaimsOfDocument(db: Db, documentId: number): ClaimT[] {
  return (
    db.prepare(`SELECT ${COLS} ${FROM} WHERE c.document_id = ? AND c.deleted_at IS NULL ORDER BY s.position, c.start_offset, c.id`).all(documentId) as Raw[]
  ).map(fromRaw);
}
export function listClaimsOfSegment(db: Db, segmentId: number): ClaimT[] {
  return (db.prepare(`SELECT ${COLS} ${FROM} WHERE c.segment_id = ? ORDER BY c.start_offset`).all(segmentId) as Raw[]).map(fromRaw);
}
export function getClaim(db: Db, id: number): ClaimT | undefined {
  const r = db.prepare(`SELECT ${COLS} ${FROM} WHERE c.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}

export interface NewClaim {
  documentId: number;
  segmentId: number;
  anchor: ReanchorResult;
  text: string;
  type: string;
  claimant: string | null;
  claimDate: string | null;
  quantities: unknown[];
  notes: string;
  assignee?: string;
  author: string;
  now: string;
  /** created before `now` (a migrated annotation keeps its creation time) */
  createdAt?: string;
}
export function insertClaim(db: Db, c: NewClaim): number {
  return Number(
    db
      .prepare(
        `INSERT INTO claims (document_id, segment_id, start_offset, end_offset, exact, prefix, suffix, orphaned, text, type, claimant, claim_date,
           quantities, notes, assignee, author, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.documentId, c.segmentId, c.anchor.start, c.anchor.end, c.anchor.exact, c.anchor.prefix, c.anchor.suffix, c.anchor.orphaned ? 1 : 0,
        c.text, c.type, c.claimant, c.claimDate, JSON.stringify(c.quantities), c.notes, c.assignee ?? '', c.author, c.createdAt ?? c.now, c.now,
      ).lastInsertRowid,
  );
}

/** Columns updateClaim (and undo/redo) may set, by field name. */
const FIELDS = {
  text: 'text', type: 'type', claimant: 'claimant', claimDate: 'claim_date', verdict: 'verdict', evidence: 'evidence', notes: 'notes', status: 'status',
  assignee: 'assignee', ratingNote: 'rating_note', reviewUrl: 'review_url', publishedAt: 'published_at', publishedBy: 'published_by',
} as const;
export type ClaimField = keyof typeof FIELDS;

export function updateClaimField(db: Db, id: number, field: ClaimField, value: string | null, now: string): void {
  db.prepare(`UPDATE claims SET ${FIELDS[field]} = ?, updated_at = ? WHERE id = ?`).run(value, now, id);
}
export function updateClaimQuantities(db: Db, id: number, quantities: unknown[], now: string): void {
  db.prepare(`UPDATE claims SET quantities = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(quantities), now, id);
}
export function updateClaimAnchor(db: Db, id: number, a: ReanchorResult, now: string): void {
  db.prepare(`UPDATE claims SET start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ?, updated_at = ? WHERE id = ?`).run(
    a.start, a.end, a.exact, a.prefix, a.suffix, a.orphaned ? 1 : 0, now, id,
  );
}

export function moveClaim(db: Db, id: number, segmentId: number): void {
  db.prepare(`UPDATE claims SET segment_id = ? WHERE id = ?`).run(segmentId, id);
}

export function insertClaimHistory(db: Db, claimId: number, field: string, before: string | null, after: string | null, author: string, now: string): void {
  db.prepare(`INSERT INTO claim_history (claim_id, field, before, after, author, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(claimId, field, before, after, author, now);
}
export function claimHistory(db: Db, claimId: number): ClaimHistoryEntryT[] {
  return db
    .prepare(`SELECT id, claim_id AS claimId, field, before, after, author, created_at AS createdAt FROM claim_history WHERE claim_id = ? ORDER BY id`)
    .all(claimId) as ClaimHistoryEntryT[];
}

/** When the claim was deleted (null: live; undefined: no such claim). */
export function claimDeletedAt(db: Db, id: number): string | null | undefined {
  const r = db.prepare(`SELECT deleted_at AS deletedAt FROM claims WHERE id = ?`).get(id) as { deletedAt: string | null } | undefined;
  return r ? r.deletedAt : undefined;
}
export function setClaimDeleted(db: Db, id: number, deletedAt: string | null, now: string): void {
  db.prepare(`UPDATE claims SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(deletedAt, now, id);
}

export interface CandidateDecision {
  segmentId: number;
  quote: string;
  decision: 'rejected';
  author: string;
  createdAt: string;
}
export function listCandidateDecisions(db: Db, documentId: number): CandidateDecision[] {
  return db
    .prepare(`SELECT segment_id AS segmentId, quote, decision, author, created_at AS createdAt FROM claim_candidate_decisions WHERE document_id = ? ORDER BY id`)
    .all(documentId) as CandidateDecision[];
}
export function insertCandidateDecision(db: Db, d: { documentId: number; segmentId: number; quote: string; author: string; now: string }): void {
  db.prepare(
    `INSERT INTO claim_candidate_decisions (document_id, segment_id, quote, decision, author, created_at) VALUES (?, ?, ?, 'rejected', ?, ?)
     ON CONFLICT (segment_id, quote) DO NOTHING`,
  ).run(d.documentId, d.segmentId, d.quote, d.author, d.now);
}
/** Copy one decision (its author and time kept) from a segment to another: split and merge carry rejections. */
export function copyCandidateDecision(db: Db, fromSegmentId: number, quote: string, toSegmentId: number): void {
  db.prepare(
    `INSERT INTO claim_candidate_decisions (document_id, segment_id, quote, decision, author, created_at)
     SELECT document_id, ?, quote, decision, author, created_at FROM claim_candidate_decisions WHERE segment_id = ? AND quote = ?
     ON CONFLICT (segment_id, quote) DO NOTHING`,
  ).run(toSegmentId, fromSegmentId, quote);
}
export function candidateDecisionQuotesOfSegment(db: Db, segmentId: number): string[] {
  return (db.prepare(`SELECT quote FROM claim_candidate_decisions WHERE segment_id = ? ORDER BY id`).all(segmentId) as { quote: string }[]).map((r) => r.quote);
}
export function deleteCandidateDecision(db: Db, segmentId: number, quote: string): void {
  db.prepare(`DELETE FROM claim_candidate_decisions WHERE segment_id = ? AND quote = ?`).run(segmentId, quote);
}

/** Claims of a document by status (live claims; statuses without claims are absent). */
export function claimCountsByStatus(db: Db, documentId: number): { status: string; n: number }[] {
  return db.prepare(`SELECT status, count(*) AS n FROM claims WHERE document_id = ? AND deleted_at IS NULL GROUP BY status`).all(documentId) as { status: string; n: number }[];
}

/** Claimants already given to the claims of a project's documents, with how often. */
export function projectClaimants(db: Db, projectId: number): { name: string; n: number }[] {
  return db
    .prepare(
      `SELECT c.claimant AS name, count(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id
       WHERE d.project_id = ? AND c.deleted_at IS NULL AND c.claimant IS NOT NULL AND c.claimant <> '' GROUP BY c.claimant`,
    )
    .all(projectId) as { name: string; n: number }[];
}

/** Speaker labels of a project's live segments, with how many segments each. */
export function projectSpeakers(db: Db, projectId: number): { name: string; n: number }[] {
  return db
    .prepare(
      `SELECT s.speaker AS name, count(*) AS n FROM segments s JOIN documents d ON d.id = s.document_id
       WHERE d.project_id = ? AND s.retired = 0 AND s.speaker IS NOT NULL AND s.speaker <> '' GROUP BY s.speaker`,
    )
    .all(projectId) as { name: string; n: number }[];
}

// ---- migration 013 (db/claim-conversion.ts: shared with the migration, which may not import db/connection)
export { claimsFromLabelAnnotations, migrateLegacyEvidence, type LabelConversion } from '../claim-conversion';
