import type { Migration } from './types';

/**
 * Parallel texts (issue 7): a document's original source (e.g. the Simplified text it was
 * converted from) and its English rendering. `parallel_texts` keeps each attached file's
 * decoded text whole, so the alignment can be recomputed; `segment_parallel` holds, per
 * segment and kind, the text aligned to it at attach time (`aligned_text`, the base the
 * English diff is drawn against) and the current text, which reviewers' edits and alignment
 * fixes change through revisions (fields 'source', 'en', 'en-status'). English has its own
 * review status. Split/merge carry the rows to the new segments; retired segments keep theirs.
 * (Glossary entries already have an `english` column, migration 003.)
 */
export const migration007: Migration = {
  version: 7,
  name: 'parallel texts: original source and English rendering',
  up: (db) => {
    db.exec(`
      CREATE TABLE parallel_texts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('source', 'english')),
        file_name TEXT,
        encoding TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        raw_text TEXT NOT NULL,
        ratio REAL NOT NULL,
        method TEXT NOT NULL,
        attached_at TEXT NOT NULL,
        UNIQUE (document_id, kind)
      );
      CREATE TABLE segment_parallel (
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('source', 'english')),
        aligned_text TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed', 'edited', 'approved')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, kind)
      ) WITHOUT ROWID;
    `);
  },
};
