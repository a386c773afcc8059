import type { Migration } from './types';

/** The first schema: every table later features need, so nothing is retrofitted. */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up: (db) => {
    db.exec(`
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        title TEXT NOT NULL,
        source TEXT,
        doc_date TEXT,
        date_text TEXT,
        script TEXT NOT NULL CHECK (script IN ('hant', 'hans')),
        variant TEXT NOT NULL CHECK (variant IN ('t', 'tw', 'hk')),
        encoding TEXT NOT NULL,
        file_name TEXT,
        byte_size INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL,
        leading TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        trashed_at TEXT
      );
      CREATE INDEX documents_project ON documents(project_id);

      -- machine_text never changes; current_text is the latest revision of field 'zh'.
      -- Split/merge retire segments (kept for history and undo) and add new ones.
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position REAL NOT NULL,
        paragraph INTEGER NOT NULL,
        machine_text TEXT NOT NULL,
        current_text TEXT NOT NULL,
        sep TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        rendering TEXT NOT NULL,
        rendering_map TEXT,
        status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed', 'edited', 'approved')),
        furniture TEXT,
        speaker TEXT,
        turn INTEGER,
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        parent_id INTEGER REFERENCES segments(id),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX segments_document ON segments(document_id, retired, position);

      CREATE TABLE operations (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dead')),
        undone_seq INTEGER,
        target_operation_id INTEGER REFERENCES operations(id),
        scope TEXT
      );
      CREATE INDEX operations_project ON operations(project_id, state, id);

      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        operation_id INTEGER NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        before TEXT,
        after TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX revisions_segment ON revisions(segment_id, id);
      CREATE INDEX revisions_operation ON revisions(operation_id);

      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX annotations_segment ON annotations(segment_id);

      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        message TEXT NOT NULL,
        fixes TEXT NOT NULL DEFAULT '[]',
        group_key TEXT,
        dismissed_reason TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX findings_document ON findings(document_id, rule);
      CREATE INDEX findings_segment ON findings(segment_id);

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Full-text search: trigram covers queries of 3+ characters; shorter ones use instr().
      -- New segments are indexed explicitly by db/queries/segments.ts (indexSegments), in
      -- the inserting transaction: one INSERT … SELECT per import is about 5x faster than
      -- a per-row trigger. Updates and deletes keep the index in step through triggers.
      CREATE VIRTUAL TABLE segments_fts USING fts5(
        current_text, rendering, content='segments', content_rowid='id', tokenize='trigram'
      );
      CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, current_text, rendering) VALUES ('delete', old.id, old.current_text, old.rendering);
      END;
      CREATE TRIGGER segments_fts_update AFTER UPDATE OF current_text, rendering ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, current_text, rendering) VALUES ('delete', old.id, old.current_text, old.rendering);
        INSERT INTO segments_fts(rowid, current_text, rendering) VALUES (new.id, new.current_text, new.rendering);
      END;
    `);
  },
};
