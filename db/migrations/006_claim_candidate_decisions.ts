import type { Migration } from './types';

/**
 * Claims, continued: a reviewer's decision on a suggested candidate is stored
 * (claim_candidate_decisions: the candidate's segment and sentence; 'rejected' hides it
 * until restored), and claims can be deleted without losing them or their history
 * (claims.deleted_at: a deleted claim stays stored, its history intact, and undo brings
 * it back). Both changes are operations on the undo stack.
 */
export const migration006: Migration = {
  version: 6,
  name: 'claim candidate decisions, claim deletion flag',
  up: (db) => {
    db.exec(`
      CREATE TABLE claim_candidate_decisions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        quote TEXT NOT NULL,
        decision TEXT NOT NULL DEFAULT 'rejected' CHECK (decision IN ('rejected')),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (segment_id, quote)
      );
      CREATE INDEX claim_candidate_decisions_document ON claim_candidate_decisions(document_id);
      ALTER TABLE claims ADD COLUMN deleted_at TEXT;
    `);
  },
};
