/**
 * SQL for claims and their history (migration 005), deletion and candidate decisions
 * (migration 006), the workflow fields, evidence kinds and claim labels (migration 013).
 */
import type { Db } from '../connection';
import type { ClaimHistoryEntryT, ClaimT } from '../../shared/claims/schemas';
import type { ReanchorResult } from '../../shared/text/anchor';
import { speakerClaimant } from '../../shared/claims/claimant';

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

// ---- migration 013 -------------------------------------------------------------------

/**
 * Evidence stored before migration 013 (`{url, note}`) as kinded items with an id and who/when:
 * a url item added by the claim's author at its last change; a URL that is not http(s)
 * becomes a note quoting it, so nothing is lost and nothing unsafe is linked.
 */
export function migrateLegacyEvidence(db: Db): void {
  const rows = db.prepare(`SELECT id, evidence, author, updated_at AS updatedAt FROM claims WHERE evidence <> '[]'`).all() as { id: number; evidence: string; author: string; updatedAt: string }[];
  const set = db.prepare(`UPDATE claims SET evidence = ? WHERE id = ?`);
  for (const r of rows) {
    let items: unknown;
    try {
      items = JSON.parse(r.evidence);
    } catch {
      items = [];
    }
    if (!Array.isArray(items)) continue;
    const out = items.map((e: { url?: unknown; note?: unknown }, i) => {
      const url = typeof e.url === 'string' ? e.url.trim() : '';
      const note = typeof e.note === 'string' ? e.note : '';
      const stamp = { id: i + 1, author: r.author, addedAt: r.updatedAt };
      if (/^https?:\/\//i.test(url)) return { kind: 'url', url, note, ...stamp };
      return { kind: 'note', note: url ? `${url}${note ? ` — ${note}` : ''}` : note, ...stamp };
    });
    set.run(JSON.stringify(out), r.id);
  }
}

export interface LabelConversion {
  now: string;
  /** who the annotations are marked deleted by */
  by: string;
  /** the claim's type and quantities from its text (in its document) */
  describe: (text: string, documentId: number) => { type: string; quantities: unknown[] };
}

/**
 * Turn the live annotations carrying a claim label into claims (span, author and creation
 * time kept; the comment and its replies become the claim's notes; the claimant is the
 * segment's speaker unless that is a turn marker). Each annotation is then marked deleted
 * (restorable) so it is not shown twice. Returns the new claims' ids with their documents.
 */
export function claimsFromLabelAnnotations(db: Db, labelId: number, o: LabelConversion): { claimId: number; documentId: number; annotationId: number }[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.segment_id AS segmentId, a.start_offset AS start, a.end_offset AS "end", a.exact, a.prefix, a.suffix, a.orphaned,
         a.body, a.author, a.created_at AS createdAt, s.document_id AS documentId, s.speaker, d.doc_date AS date
       FROM annotations a JOIN segments s ON s.id = a.segment_id JOIN documents d ON d.id = s.document_id
       WHERE a.label_id = ? AND a.deleted_at IS NULL ORDER BY a.id`,
    )
    .all(labelId) as {
    id: number; segmentId: number; start: number; end: number; exact: string; prefix: string; suffix: string; orphaned: number;
    body: string; author: string; createdAt: string; documentId: number; speaker: string | null; date: string | null;
  }[];
  const replies = db.prepare(`SELECT author, body FROM annotation_replies WHERE annotation_id = ? ORDER BY id`);
  const out: { claimId: number; documentId: number; annotationId: number }[] = [];
  for (const a of rows) {
    const text = a.exact.trim() || a.exact || a.body.trim() || '(empty span)';
    const d = o.describe(text, a.documentId);
    const notes = [a.body.trim(), ...(replies.all(a.id) as { author: string; body: string }[]).map((r) => `${r.author}: ${r.body}`)].filter(Boolean).join('\n');
    const speaker = speakerClaimant(a.speaker);
    const author = a.author || o.by;
    const claimId = insertClaim(db, {
      documentId: a.documentId,
      segmentId: a.segmentId,
      anchor: { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, orphaned: a.orphaned === 1 },
      text,
      type: d.type,
      claimant: speaker,
      claimDate: a.date,
      quantities: d.quantities,
      notes,
      author,
      now: o.now,
      createdAt: a.createdAt,
    });
    insertClaimHistory(db, claimId, 'created', null, text, author, a.createdAt);
    insertClaimHistory(db, claimId, 'from-annotation', null, String(a.id), o.by, o.now);
    db.prepare(`UPDATE annotations SET deleted_at = ?, deleted_by = ?, updated_at = ? WHERE id = ?`).run(o.now, o.by, o.now, a.id);
    out.push({ claimId, documentId: a.documentId, annotationId: a.id });
  }
  return out;
}
