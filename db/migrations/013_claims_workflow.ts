import type { Migration } from './types';
import { claimsFromLabelAnnotations, migrateLegacyEvidence } from '../claim-conversion';
import { describeClaimText } from '../../shared/claims/describe';

/**
 * Claims, the fact-checker's workflow (issue 18):
 * - claims gain an assignee (free text), a rating note, the review's URL, and when/by whom
 *   they were published; the status list becomes new → in-progress → ready-for-review →
 *   published | discarded, and claims stored as `done` become `ready-for-review` (done
 *   checking, not yet published: publishing needs a verdict and records its date);
 * - evidence items get a kind (url | segment | note), an id, who added them and when: the
 *   stored `{url, note}` items become url items added by the claim's author at its last
 *   change; one whose URL is not http(s) becomes a note quoting it (kept, never linked);
 * - annotation labels can be claim labels (`is_claim`); the default “Check fact” label is
 *   one, and its annotations become claims (span, author and time kept; the comment and
 *   replies in the claim's notes). Each such annotation is then marked deleted (restorable)
 *   so it is not shown twice.
 */
export const migration013: Migration = {
  version: 13,
  name: 'claims workflow: assignee, rating note, publication, evidence kinds, claim labels',
  up: (db) => {
    // the record-version trigger (migration 012) is made again below with the new fields; the
    // data moved here (done → ready-for-review, evidence kinds) is no reviewer's edit: no new version
    db.exec(`DROP TRIGGER IF EXISTS claims_version;`);
    db.exec(`
      ALTER TABLE claims ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
      ALTER TABLE claims ADD COLUMN rating_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE claims ADD COLUMN review_url TEXT;
      ALTER TABLE claims ADD COLUMN published_at TEXT;
      ALTER TABLE claims ADD COLUMN published_by TEXT;
      UPDATE claims SET status = 'ready-for-review' WHERE status = 'done';
      CREATE INDEX claims_document_status ON claims(document_id, status);
      ALTER TABLE annotation_labels ADD COLUMN is_claim INTEGER NOT NULL DEFAULT 0 CHECK (is_claim IN (0, 1));
      UPDATE annotation_labels SET is_claim = 1 WHERE name = 'Check fact' COLLATE NOCASE;
    `);
    migrateLegacyEvidence(db);
    const now = new Date().toISOString();
    const labels = db.prepare(`SELECT id FROM annotation_labels WHERE is_claim = 1`).pluck().all() as number[];
    for (const id of labels) claimsFromLabelAnnotations(db, id, { now, by: 'migration 013', describe: (text) => describeClaimText(text) });
    // a claim's version (migration 012) also moves with the fields this migration adds, and with
    // its quoted span (a span edit; re-anchoring that keeps the quote does not move it)
    const cols: [string, string][] = [
      ['text', 'text'], ['type', 'type'], ['claimant', 'claimant'], ['claimDate', 'claim_date'], ['verdict', 'verdict'], ['evidence', 'evidence'], ['notes', 'notes'], ['status', 'status'],
      ['assignee', 'assignee'], ['ratingNote', 'rating_note'], ['reviewUrl', 'review_url'], ['publishedAt', 'published_at'], ['publishedBy', 'published_by'],
    ];
    db.exec(`
      CREATE TRIGGER claims_version AFTER UPDATE ON claims WHEN ${[...cols.map(([, c]) => `OLD.${c} IS NOT NEW.${c}`), 'OLD.exact IS NOT NEW.exact'].join(' OR ')}
      BEGIN
        INSERT OR REPLACE INTO record_versions (kind, record_id, version, fields, at) VALUES ('claim', OLD.id, OLD.version, json_object(${cols.map(([k, c]) => `'${k}', OLD.${c}`).join(', ')}), OLD.updated_at);
        UPDATE claims SET version = OLD.version + 1 WHERE id = OLD.id;
      END;
    `);
  },
};
