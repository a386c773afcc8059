/** Team accounts, sign-in tokens and sessions (migration 014). Tokens arrive here already hashed. */
import type { Db } from '../connection';

export interface AccountRow {
  id: number;
  name: string;
  role: 'reviewer' | 'lead' | 'admin';
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

export interface AccountListRow extends AccountRow {
  /** live sessions (not ended, not expired at `now`) */
  sessions: number;
  /** when the newest sign-in token was used (null: never) */
  signedInAt: string | null;
  /** the newest sign-in token's expiry while it is unused and live, else null */
  pendingSignInUntil: string | null;
}

export type TokenKind = 'sign-in' | 'session';

export interface TokenRow {
  id: number;
  accountId: number;
  kind: TokenKind;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  endedAt: string | null;
}

const ACCOUNT_COLS = `id, name, role, created_at AS createdAt, created_by AS createdBy, revoked_at AS revokedAt`;

export function getAccountByName(db: Db, name: string): AccountRow | undefined {
  return db.prepare(`SELECT ${ACCOUNT_COLS} FROM accounts WHERE name = ?`).get(name) as AccountRow | undefined;
}

export function getAccount(db: Db, id: number): AccountRow | undefined {
  return db.prepare(`SELECT ${ACCOUNT_COLS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
}

export function listAccounts(db: Db, now: string): AccountListRow[] {
  return db
    .prepare(
      `SELECT a.id, a.name, a.role, a.created_at AS createdAt, a.created_by AS createdBy, a.revoked_at AS revokedAt,
        (SELECT count(*) FROM account_tokens t WHERE t.account_id = a.id AND t.kind = 'session' AND t.ended_at IS NULL AND t.expires_at > @now) AS sessions,
        (SELECT max(t.used_at) FROM account_tokens t WHERE t.account_id = a.id AND t.kind = 'sign-in') AS signedInAt,
        (SELECT max(t.expires_at) FROM account_tokens t WHERE t.account_id = a.id AND t.kind = 'sign-in' AND t.used_at IS NULL AND t.ended_at IS NULL AND t.expires_at > @now) AS pendingSignInUntil
       FROM accounts a ORDER BY a.name COLLATE NOCASE`,
    )
    .all({ now }) as AccountListRow[];
}

export function insertAccount(db: Db, a: { name: string; role: string; createdAt: string; createdBy: string | null }): number {
  return Number(db.prepare(`INSERT INTO accounts (name, role, created_at, created_by) VALUES (?, ?, ?, ?)`).run(a.name, a.role, a.createdAt, a.createdBy).lastInsertRowid);
}

/** Reactivate a revoked account with a (possibly new) role. */
export function reactivateAccount(db: Db, id: number, role: string): void {
  db.prepare(`UPDATE accounts SET role = ?, revoked_at = NULL WHERE id = ?`).run(role, id);
}

export function setAccountRevoked(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE accounts SET revoked_at = ? WHERE id = ?`).run(at, id);
}

export function insertToken(db: Db, t: { accountId: number; kind: TokenKind; hash: string; createdAt: string; expiresAt: string }): number {
  return Number(
    db.prepare(`INSERT INTO account_tokens (account_id, kind, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(t.accountId, t.kind, t.hash, t.createdAt, t.expiresAt).lastInsertRowid,
  );
}

export function tokenByHash(db: Db, kind: TokenKind, hash: string): TokenRow | undefined {
  return db
    .prepare(
      `SELECT id, account_id AS accountId, kind, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, ended_at AS endedAt
       FROM account_tokens WHERE kind = ? AND token_hash = ?`,
    )
    .get(kind, hash) as TokenRow | undefined;
}

/**
 * The account of a live session by its hash at `now`: not ended, not expired, its account not
 * revoked. One lookup on the token_hash index joined to the account by its primary key: every
 * team request asks it, and every open feed stream on each heartbeat (core/feed-access.ts).
 */
export function liveSessionAccount(db: Db, hash: string, now: string): { name: string; role: AccountRow['role'] } | undefined {
  return db
    .prepare(
      `SELECT a.name, a.role FROM account_tokens t JOIN accounts a ON a.id = t.account_id
       WHERE t.token_hash = ? AND t.kind = 'session' AND t.ended_at IS NULL AND t.expires_at > ? AND a.revoked_at IS NULL`,
    )
    .get(hash, now) as { name: string; role: AccountRow['role'] } | undefined;
}

export function markTokenUsed(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE account_tokens SET used_at = ? WHERE id = ?`).run(at, id);
}

export function endToken(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE account_tokens SET ended_at = ? WHERE id = ? AND ended_at IS NULL`).run(at, id);
}

/** End every token (sign-in and session) of an account still open; returns how many sessions ended. */
export function endAccountTokens(db: Db, accountId: number, at: string): number {
  const sessions = db.prepare(`SELECT count(*) FROM account_tokens WHERE account_id = ? AND kind = 'session' AND ended_at IS NULL AND expires_at > ?`).pluck().get(accountId, at) as number;
  db.prepare(`UPDATE account_tokens SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL`).run(at, accountId);
  return sessions;
}

/**
 * Forget tokens that can never be used again: sessions ended or expired before `before`, and
 * sign-in tokens expired unused (a used one is kept: it says when the reviewer signed in).
 */
export function pruneTokens(db: Db, before: string): number {
  return db
    .prepare(
      `DELETE FROM account_tokens WHERE (kind = 'session' AND coalesce(ended_at, expires_at) < @before)
         OR (kind = 'sign-in' AND used_at IS NULL AND coalesce(ended_at, expires_at) < @before)`,
    )
    .run({ before }).changes;
}

/** Live sessions at `now` (not ended, not expired) with their account's name and role; for revoking by account and counting. */
export function liveSessions(db: Db, now: string): { id: number; accountId: number; name: string; role: AccountRow['role']; createdAt: string; expiresAt: string }[] {
  return db
    .prepare(
      `SELECT t.id, t.account_id AS accountId, a.name, a.role, t.created_at AS createdAt, t.expires_at AS expiresAt
       FROM account_tokens t JOIN accounts a ON a.id = t.account_id
       WHERE t.kind = 'session' AND t.ended_at IS NULL AND t.expires_at > ? AND a.revoked_at IS NULL
       ORDER BY t.id`,
    )
    .all(now) as { id: number; accountId: number; name: string; role: AccountRow['role']; createdAt: string; expiresAt: string }[];
}
