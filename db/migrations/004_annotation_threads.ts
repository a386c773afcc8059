import type { Migration } from './types';

/**
 * Annotations become threads: a configurable label set (name, colour, keyboard shortcut)
 * with a default set, replies, a resolved flag, the author, and explicit deletion
 * (deleted_at/deleted_by: a deleted annotation stays stored and can be restored; nothing
 * is ever removed silently).
 */
export const migration004: Migration = {
  version: 4,
  name: 'annotation labels, replies, resolved and deleted flags',
  up: (db) => {
    db.exec(`
      CREATE TABLE annotation_labels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT NOT NULL,
        shortcut TEXT UNIQUE,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO annotation_labels (name, color, shortcut, position, created_at) VALUES
        ('Name', '#2563eb', '1', 0, '1970-01-01T00:00:00.000Z'),
        ('Number', '#d97706', '2', 1, '1970-01-01T00:00:00.000Z'),
        ('Terminology', '#7c3aed', '3', 2, '1970-01-01T00:00:00.000Z'),
        ('Style', '#0d9488', '4', 3, '1970-01-01T00:00:00.000Z'),
        ('Check fact', '#dc2626', '5', 4, '1970-01-01T00:00:00.000Z');

      ALTER TABLE annotations ADD COLUMN label_id INTEGER REFERENCES annotation_labels(id) ON DELETE SET NULL;
      ALTER TABLE annotations ADD COLUMN author TEXT NOT NULL DEFAULT '';
      ALTER TABLE annotations ADD COLUMN resolved_at TEXT;
      ALTER TABLE annotations ADD COLUMN resolved_by TEXT;
      ALTER TABLE annotations ADD COLUMN deleted_at TEXT;
      ALTER TABLE annotations ADD COLUMN deleted_by TEXT;

      CREATE TABLE annotation_replies (
        id INTEGER PRIMARY KEY,
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX annotation_replies_annotation ON annotation_replies(annotation_id, id);
    `);
  },
};
