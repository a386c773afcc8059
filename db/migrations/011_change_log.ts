import type { Migration } from './types';

/**
 * The change log: one row per committed write transaction (core/operations/engine.ts appends
 * it inside that transaction), so every window and process can follow what changed
 * (core/feed.ts). `ids` is the compact JSON of the ids it touched (shared/contract/changes.ts).
 * `seq` is the rowid without AUTOINCREMENT (one write less per transaction): pruning deletes
 * only old rows, never the newest, so a seq is never handed out twice.
 */
export const migration011: Migration = {
  version: 11,
  name: 'change log',
  up: (db) => {
    db.exec(`
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        client_kind TEXT,
        client_id TEXT,
        reviewer TEXT,
        ids TEXT NOT NULL
      );
    `);
  },
};
