/**
 * The claims data migration 013 moves, also run later by the service (db/queries/claims.ts
 * re-exports it): legacy evidence items as kinded ones, and a claim label's annotations as
 * claims. Its own module so the migration imports no query module (they import
 * db/connection, which imports the migrations).
 */
import type Database from 'better-sqlite3';
import { speakerClaimant } from '../shared/claims/claimant';

type Db = Database.Database;


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
    const claimId = Number(
      db
        .prepare(
          `INSERT INTO claims (document_id, segment_id, start_offset, end_offset, exact, prefix, suffix, orphaned, text, type, claimant, claim_date,
             quantities, notes, author, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(a.documentId, a.segmentId, a.start, a.end, a.exact, a.prefix, a.suffix, a.orphaned, text, d.type, speaker, a.date, JSON.stringify(d.quantities), notes, author, a.createdAt, o.now).lastInsertRowid,
    );
    const history = db.prepare(`INSERT INTO claim_history (claim_id, field, before, after, author, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    history.run(claimId, 'created', null, text, author, a.createdAt);
    history.run(claimId, 'from-annotation', null, String(a.id), o.by, o.now);
    db.prepare(`UPDATE annotations SET deleted_at = ?, deleted_by = ?, updated_at = ? WHERE id = ?`).run(o.now, o.by, o.now, a.id);
    out.push({ claimId, documentId: a.documentId, annotationId: a.id });
  }
  return out;
}
