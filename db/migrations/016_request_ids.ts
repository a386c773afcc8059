import type { Migration } from './types';

/**
 * Request ids (shared/contract/request-id.ts, core/requests.ts): a write that carries no version
 * (making a claim, rejecting a candidate, deleting a claim) may be sent again by a window that kept
 * it while its team server was away; the first try may have been stored with its answer lost. The
 * service stores, in the write's own transaction, who asked (`caller`: the team account, else
 * local use), the client's id, the method, a digest of the arguments and the answer; a repeated id
 * gets that answer back instead of a second write. Kept for 90 days (pruned as new ones arrive).
 */
export const migration016: Migration = {
  version: 16,
  name: 'request ids',
  up: (db) => {
    db.exec(`
      CREATE TABLE request_ids (
        caller TEXT NOT NULL,
        request_id TEXT NOT NULL,
        method TEXT NOT NULL,
        args_digest TEXT NOT NULL,
        result TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (caller, request_id)
      ) WITHOUT ROWID;
      CREATE INDEX request_ids_at ON request_ids(at);
    `);
  },
};
