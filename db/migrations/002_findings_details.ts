import type { Migration } from './types';

/**
 * Findings keep the text they point at, the document-level group they belong to, and
 * what was dismissed (with the segment text at that moment, so a dismissed finding is
 * not raised again until the text changes).
 */
export const migration002: Migration = {
  version: 2,
  name: 'findings: text, scope, dismissal',
  up: (db) => {
    db.exec(`
      ALTER TABLE findings ADD COLUMN text TEXT NOT NULL DEFAULT '';
      ALTER TABLE findings ADD COLUMN scope TEXT NOT NULL DEFAULT 'document' CHECK (scope IN ('segment', 'document', 'project'));
      ALTER TABLE findings ADD COLUMN dismissed_at TEXT;
      ALTER TABLE findings ADD COLUMN dismissed_segment_text TEXT;
      CREATE INDEX findings_group ON findings(document_id, group_key);
    `);
  },
};
