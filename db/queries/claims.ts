/** SQL for claims and their history (migration 005), deletion and candidate decisions (migration 006). */
import type { Db } from '../connection';
import type { ClaimHistoryEntryT, ClaimT } from '../../shared/claims/schemas';
import type { ReanchorResult } from '../../shared/text/anchor';

const COLS = `c.id, c.document_id AS documentId, c.segment_id AS segmentId, c.start_offset AS start, c.end_offset AS "end", c.exact, c.prefix,
  c.suffix, c.orphaned, c.text, c.type, c.claimant, c.claim_date AS claimDate, c.quantities, c.verdict, c.evidence, c.notes, c.status,
  c.author, c.created_at AS createdAt, c.updated_at AS updatedAt, c.version`;

type Raw = Omit<ClaimT, 'orphaned' | 'quantities' | 'evidence'> & { orphaned: number; quantities: string; evidence: string };
const fromRaw = (r: Raw): ClaimT => ({ ...r, orphaned: r.orphaned === 1, quantities: JSON.parse(r.quantities), evidence: JSON.parse(r.evidence) });

export function listClaimsOfDocument(db: Db, documentId: number): ClaimT[] {
  return (
    db.prepare(`SELECT ${COLS} FROM claims c JOIN segments s ON s.id = c.segment_id WHERE c.document_id = ? AND c.deleted_at IS NULL ORDER BY s.position, c.start_offset, c.id`).all(documentId) as Raw[]
  ).map(fromRaw);
}
export function listClaimsOfSegment(db: Db, segmentId: number): ClaimT[] {
  return (db.prepare(`SELECT ${COLS} FROM claims c WHERE c.segment_id = ? ORDER BY c.start_offset`).all(segmentId) as Raw[]).map(fromRaw);
}
export function getClaim(db: Db, id: number): ClaimT | undefined {
  const r = db.prepare(`SELECT ${COLS} FROM claims c WHERE c.id = ?`).get(id) as Raw | undefined;
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
  author: string;
  now: string;
}
export function insertClaim(db: Db, c: NewClaim): number {
  return Number(
    db
      .prepare(
        `INSERT INTO claims (document_id, segment_id, start_offset, end_offset, exact, prefix, suffix, orphaned, text, type, claimant, claim_date,
           quantities, notes, author, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.documentId, c.segmentId, c.anchor.start, c.anchor.end, c.anchor.exact, c.anchor.prefix, c.anchor.suffix, c.anchor.orphaned ? 1 : 0,
        c.text, c.type, c.claimant, c.claimDate, JSON.stringify(c.quantities), c.notes, c.author, c.now, c.now,
      ).lastInsertRowid,
  );
}

/** Columns updateClaim may set, by field name. */
const FIELDS = { text: 'text', type: 'type', claimant: 'claimant', claimDate: 'claim_date', verdict: 'verdict', evidence: 'evidence', notes: 'notes', status: 'status' } as const;
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
