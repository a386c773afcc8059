import type { Migration } from './types';

/**
 * The glossary (termbase): a canonical term, its forbidden variants (a JSON array), a
 * type, a note and an English rendering, scoped to exactly one project or one document.
 * A term appears once per scope. Entries go with their project or document.
 */
export const migration003: Migration = {
  version: 3,
  name: 'glossary',
  up: (db) => {
    db.exec(`
      CREATE TABLE glossary_entries (
        id INTEGER PRIMARY KEY,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 200),
        variants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(variants) AND json_type(variants) = 'array'),
        type TEXT NOT NULL DEFAULT 'term' CHECK (type IN ('person', 'organisation', 'product', 'term')),
        note TEXT NOT NULL DEFAULT '',
        english TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((project_id IS NULL) <> (document_id IS NULL))
      );
      CREATE UNIQUE INDEX glossary_project_term ON glossary_entries(project_id, term) WHERE project_id IS NOT NULL;
      CREATE UNIQUE INDEX glossary_document_term ON glossary_entries(document_id, term) WHERE document_id IS NOT NULL;
    `);
  },
};
