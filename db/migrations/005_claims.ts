import type { Migration } from './types';

/**
 * Claims for fact-checking: a span of a segment (anchored like annotations: position +
 * quote, re-anchored on every text change, orphaned rather than deleted), its type,
 * claimant, date, normalised quantities (JSON), verdict, evidence (JSON list of
 * {url, note}), notes and status; claim_history keeps every change.
 */
export const migration005: Migration = {
  version: 5,
  name: 'claims and claim history',
  up: (db) => {
    db.exec(`
      CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        claimant TEXT,
        claim_date TEXT,
        quantities TEXT NOT NULL DEFAULT '[]',
        verdict TEXT NOT NULL DEFAULT 'unverified',
        evidence TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX claims_document ON claims(document_id, id);
      CREATE INDEX claims_segment ON claims(segment_id);
      CREATE TABLE claim_history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        before TEXT,
        after TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX claim_history_claim ON claim_history(claim_id, id);
    `);
  },
};
