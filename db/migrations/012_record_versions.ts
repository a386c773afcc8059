import type { Migration } from './types';

/**
 * Versions that cannot tie (issue 16) for the records without per-field revisions:
 * annotations, claims and glossary entries get `version`, an integer bumped by a trigger
 * whenever a field a reviewer edits changes (annotation body and label; a claim's eight
 * fields; a glossary entry's content and scope). Writes compare it instead of `updated_at`
 * (two saves in one millisecond had the same stamp). Before bumping, the trigger keeps the
 * fields as they were at the old version in `record_versions`, so a refused stale write can
 * show the three sides: the version the writer read (base), the stored one (theirs), its own.
 * Rows go when their record is deleted (glossary entries; annotations and claims only go with
 * their segment).
 */
const WATCHED = {
  annotation: { table: 'annotations', cols: { body: 'body', labelId: 'label_id' } },
  claim: {
    table: 'claims',
    cols: { text: 'text', type: 'type', claimant: 'claimant', claimDate: 'claim_date', verdict: 'verdict', evidence: 'evidence', notes: 'notes', status: 'status' },
  },
  glossary: { table: 'glossary_entries', cols: { term: 'term', variants: 'variants', type: 'type', note: 'note', english: 'english', projectId: 'project_id', documentId: 'document_id' } },
} as const;

function triggers(kind: keyof typeof WATCHED): string {
  const { table, cols } = WATCHED[kind];
  const entries = Object.entries(cols);
  const changed = entries.map(([, c]) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const fields = entries.map(([k, c]) => `'${k}', OLD.${c}`).join(', ');
  return `
    CREATE TRIGGER ${table}_version AFTER UPDATE ON ${table} WHEN ${changed}
    BEGIN
      INSERT OR REPLACE INTO record_versions (kind, record_id, version, fields, at) VALUES ('${kind}', OLD.id, OLD.version, json_object(${fields}), OLD.updated_at);
      UPDATE ${table} SET version = OLD.version + 1 WHERE id = OLD.id;
    END;
    CREATE TRIGGER ${table}_version_gone AFTER DELETE ON ${table}
    BEGIN
      DELETE FROM record_versions WHERE kind = '${kind}' AND record_id = OLD.id;
    END;`;
}

export const migration012: Migration = {
  version: 12,
  name: 'record versions',
  up: (db) => {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE glossary_entries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE record_versions (
        kind TEXT NOT NULL CHECK (kind IN ('annotation', 'claim', 'glossary')),
        record_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        fields TEXT NOT NULL,
        at TEXT,
        PRIMARY KEY (kind, record_id, version)
      ) WITHOUT ROWID;
      ${triggers('annotation')}
      ${triggers('claim')}
      ${triggers('glossary')}
    `);
  },
};
