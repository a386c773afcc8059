/**
 * Team accounts (issue 19): reviewers, their one-time sign-in tokens and their sessions, in the
 * database (migration 014) so that `jiaodui users revoke` run beside a team server ends the
 * reviewer's sessions at once and sessions outlive a server restart or upgrade.
 *
 * Secrets are 32 random bytes (base64url), stored as their SHA-256 only. A slow hash (scrypt,
 * bcrypt) protects low-entropy secrets people choose, by making each guess expensive; these are
 * 256-bit random values, so no guess at a hash is possible at any speed, and SHA-256 lets a
 * session be found by its hash with one indexed lookup on every request (a salted scrypt would
 * need the account first, and ~50 ms per request). A stolen database copy yields no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Account } from '../shared/contract/team';
import type { CallerAccount } from '../shared/contract/caller';
import type { Role } from '../shared/contract/roles';
import { JiaoduiError } from '../shared/errors';
import { em, type KeyedMessage } from '../shared/error-messages';
import type { AccountListRow, Store } from './store';

/** How long an unused sign-in address works. */
export const SIGN_IN_TTL_MS = 72 * 3600_000;
/** How long a session lasts from sign-in (then the reviewer asks an admin for a new address). */
export const SESSION_TTL_MS = 30 * 24 * 3600_000;

/** The setting where `serve --team` records its public URL, so `users add` prints a sign-in address on it. */
export const PUBLIC_URL_SETTING = 'team.publicUrl';

/**
 * 32 random bytes, base64url. Never starting with '-': a secret is passed on command lines
 * (`jiaodui push --token SECRET`), where a leading dash reads as an option (1 draw in 64).
 */
export function newSecret(): string {
  for (;;) {
    const s = randomBytes(32).toString('base64url');
    if (s[0] !== '-') return s;
  }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A well-formed secret: 43 base64url characters (32 bytes). Anything else is refused before hashing. */
export function isSecretShaped(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9_-]{43}$/.test(s);
}

/** The sign-in address: the token in the fragment, which browsers never send to a server or put in a Referer. */
export function signInUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#signin=${token}`;
}

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

function accountView(row: AccountListRow): Account {
  return {
    name: row.name,
    role: row.role,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    revokedAt: row.revokedAt,
    sessions: row.sessions,
    signedInAt: row.signedInAt,
    pendingSignInUntil: row.pendingSignInUntil,
  };
}

export function listAccounts(store: Store, now: string): Account[] {
  return store.accounts(now).map(accountView);
}

function accountListed(store: Store, name: string, now: string): Account {
  const row = store.accounts(now).find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!row) throw new JiaoduiError('internal', `Account ${name} vanished.`);
  return accountView(row);
}

/**
 * Add a reviewer, or reactivate a revoked one (with the given role). An active account of that
 * name is a conflict: revoke it first (that ends its sessions), so a second sign-in address never
 * appears silently. Call inside a write transaction.
 */
export function addAccount(store: Store, args: { name: string; role: Role; by: string | null }, now: string): { account: Account; token: string; expiresAt: string } {
  store.pruneTokens(now); // the table holds only tokens that may still matter
  const existing = store.accountNamed(args.name);
  if (existing && existing.revokedAt === null) {
    throw new JiaoduiError('conflict', em('conflict.reviewer-exists', { name: existing.name, role: existing.role }));
  }
  let accountId: number;
  if (existing) {
    store.reactivateAccount(existing.id, args.role);
    accountId = existing.id;
  } else {
    accountId = store.addAccount({ name: args.name, role: args.role, createdAt: now, createdBy: args.by });
  }
  const token = newSecret();
  const expiresAt = later(now, SIGN_IN_TTL_MS);
  store.addToken({ accountId, kind: 'sign-in', hash: hashSecret(token), createdAt: now, expiresAt });
  return { account: accountListed(store, args.name, now), token, expiresAt };
}

/** Revoke a reviewer: every open sign-in token and session ends. Call inside a write transaction. */
export function revokeAccount(store: Store, name: string, now: string): { account: Account; sessionsEnded: number } {
  const existing = store.accountNamed(name);
  if (!existing) throw new JiaoduiError('not-found', em('not-found.reviewer', { name }));
  const sessionsEnded = store.endAccountTokens(existing.id, now);
  if (existing.revokedAt === null) store.revokeAccount(existing.id, now);
  return { account: accountListed(store, existing.name, now), sessionsEnded };
}

/** Why a sign-in or a session was refused (the transport turns these into 401 with this message, keyed). */
export class SignInRefused extends Error {
  constructor(readonly keyed: KeyedMessage) {
    super(keyed.message);
  }
}

const usable = (row: { endedAt: string | null; expiresAt: string }, now: string) => row.endedAt === null && row.expiresAt > now;

/**
 * Exchange a one-time sign-in token for a session: the token is used up (a second use is
 * refused), a new session secret is returned for the cookie. Call inside a write transaction.
 */
export function exchangeSignIn(store: Store, token: unknown, now: string): { session: string; expiresAt: string; account: CallerAccount } {
  const row = isSecretShaped(token) ? store.tokenByHash('sign-in', hashSecret(token)) : undefined;
  if (!row) throw new SignInRefused(em('sign-in.invalid'));
  if (row.usedAt !== null) throw new SignInRefused(em('sign-in.used'));
  if (!usable(row, now)) throw new SignInRefused(em('sign-in.expired'));
  const account = store.account(row.accountId);
  if (!account || account.revokedAt !== null) throw new SignInRefused(em('sign-in.revoked'));
  store.markTokenUsed(row.id, now);
  const session = newSecret();
  const expiresAt = later(now, SESSION_TTL_MS);
  store.addToken({ accountId: account.id, kind: 'session', hash: hashSecret(session), createdAt: now, expiresAt });
  return { session, expiresAt, account: { name: account.name, role: account.role } };
}

/**
 * The account of a live session, read on every request (no cache), so a revocation or a role
 * change by another process applies to the very next request — and by every open change-feed
 * stream on each heartbeat and on each change to accounts (core/feed-access.ts), so it applies
 * to a stream already open too. null: no such session, ended, expired, or its account revoked.
 * One SHA-256 and one indexed query.
 */
export function sessionAccount(store: Store, session: unknown, now: string): CallerAccount | null {
  if (!isSecretShaped(session)) return null;
  const account = store.liveSessionAccount(hashSecret(session), now);
  return account ? { name: account.name, role: account.role } : null;
}

/** Sign out: end one session. Call inside a write transaction. */
export function endSession(store: Store, session: unknown, now: string): boolean {
  if (!isSecretShaped(session)) return false;
  const row = store.tokenByHash('session', hashSecret(session));
  if (!row || row.endedAt !== null) return false;
  store.endToken(row.id, now);
  return true;
}

/** What a team server asks of the database about sessions (core/server.ts), each in its own transaction. */
export interface TeamSessions {
  exchange(token: unknown): { session: string; expiresAt: string; account: CallerAccount };
  account(session: unknown): CallerAccount | null;
  end(session: unknown): void;
}

/** The team sessions of an open service: sign-in exchanges and sign-outs are logged writes (topic 'accounts'). */
export function teamSessions(service: { store: Store; engine: { tx<T>(fn: () => T): T; touch(t: { topics: ['accounts'] }): void; now(): string } }): TeamSessions {
  const { store, engine } = service;
  return {
    exchange: (token) =>
      engine.tx(() => {
        engine.touch({ topics: ['accounts'] });
        return exchangeSignIn(store, token, engine.now());
      }),
    account: (session) => sessionAccount(store, session, engine.now()),
    end: (session) =>
      void engine.tx(() => {
        engine.touch({ topics: ['accounts'] });
        return endSession(store, session, engine.now());
      }),
  };
}
