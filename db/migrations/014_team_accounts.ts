import type { Migration } from './types';

/**
 * Team accounts (issue 19): the reviewers of a team server, their one-time sign-in tokens and
 * their sessions. Tokens and session ids are stored as SHA-256 hashes only (core/accounts.ts says
 * why a fast hash is enough): a copy of the database does not let anyone sign in.
 * `accounts.name` is unique without regard to case, so "Alice" and "alice" are one reviewer.
 * A revoked account keeps its row (revisions name it); adding the name again reactivates it.
 */
export const migration014: Migration = {
  version: 14,
  name: 'team accounts',
  up: (db) => {
    db.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('reviewer', 'lead', 'admin')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        revoked_at TEXT
      );
      CREATE TABLE account_tokens (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        kind TEXT NOT NULL CHECK (kind IN ('sign-in', 'session')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        ended_at TEXT
      );
      CREATE INDEX account_tokens_account ON account_tokens(account_id, kind);
    `);
  },
};
