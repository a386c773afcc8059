/**
 * Sign-in sessions, in memory: create one for a subject, look it up by its secret id, revoke
 * it, let it expire. One job only: it knows nothing of HTTP, cookies or how the subject
 * proved who it is (browser mode's per-run token, or accounts on a team server); the caller
 * decides that and stores what it needs in `data`.
 *
 * The id is 32 random bytes (base64url), handed out once by `create`; the store keeps only
 * its SHA-256, so a record (or a later persisted copy) does not hold the secret, and a
 * lookup compares hashes, not the secret itself.
 *
 * Expiry: a session ends `maxAgeMs` after it was created, and, when `idleMs` is set, that
 * long after it was last looked up (sliding). Expired sessions are dropped when met and on
 * every `create`; at most `maxSessions` are kept (the oldest go first).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Session<T> {
  /** The secret id (only on the object `create` returns; lookups return it too, as given). */
  readonly id: string;
  readonly data: T;
  readonly createdAt: number;
  lastSeenAt: number;
  /** When it ends unless used again (idle) — never later than createdAt + maxAgeMs. */
  expiresAt: number;
}

export interface SessionStoreOptions {
  /** Absolute lifetime. */
  maxAgeMs: number;
  /** Ends a session not looked up for this long (none when unset). */
  idleMs?: number;
  /** Most sessions kept at once (default 1000): the oldest are revoked first. */
  maxSessions?: number;
  /** The clock (tests). */
  now?: () => number;
}

export interface SessionStore<T> {
  create(data: T): Session<T>;
  /** The live session with this id (its idle expiry renewed), else null (unknown, revoked or expired). */
  lookup(id: string | null | undefined): Session<T> | null;
  /**
   * Whether this id is a live session, without renewing its idle expiry: an open change-feed
   * stream asks on every heartbeat (core/feed-access.ts), and a stream left open is no use of
   * the session.
   */
  isLive(id: string | null | undefined): boolean;
  /** Ends the session; false when there was none. */
  revoke(id: string | null | undefined): boolean;
  /** Ends every session whose data matches (e.g. all of one account); how many ended. */
  revokeWhere(match: (data: T) => boolean): number;
  /** Live sessions now (expired ones are dropped first). */
  size(): number;
}

/** What `lookup` accepts as an id: what `create` hands out (43 base64url characters), loosely. */
const ID_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

const keyOf = (id: string) => createHash('sha256').update(id).digest('hex');

export function createSessionStore<T>(opts: SessionStoreOptions): SessionStore<T> {
  if (!(opts.maxAgeMs > 0)) throw new Error('maxAgeMs must be positive');
  if (opts.idleMs !== undefined && !(opts.idleMs > 0)) throw new Error('idleMs must be positive');
  const now = opts.now ?? Date.now;
  const maxSessions = opts.maxSessions ?? 1000;
  /** By the id's hash; a Map keeps insertion order, so the first entries are the oldest. */
  const sessions = new Map<string, { data: T; createdAt: number; lastSeenAt: number }>();

  const expiry = (s: { createdAt: number; lastSeenAt: number }) =>
    Math.min(s.createdAt + opts.maxAgeMs, opts.idleMs === undefined ? Infinity : s.lastSeenAt + opts.idleMs);

  const prune = (t: number) => {
    for (const [key, s] of sessions) if (expiry(s) <= t) sessions.delete(key);
  };

  return {
    create(data) {
      const t = now();
      prune(t);
      while (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!);
      const id = randomBytes(32).toString('base64url');
      const record = { data, createdAt: t, lastSeenAt: t };
      sessions.set(keyOf(id), record);
      return { id, data, createdAt: t, lastSeenAt: t, expiresAt: expiry(record) };
    },
    lookup(id) {
      if (!id || !ID_SHAPE.test(id)) return null;
      const key = keyOf(id);
      const s = sessions.get(key);
      if (!s) return null;
      const t = now();
      if (expiry(s) <= t) {
        sessions.delete(key);
        return null;
      }
      s.lastSeenAt = t;
      return { id, data: s.data, createdAt: s.createdAt, lastSeenAt: t, expiresAt: expiry(s) };
    },
    isLive(id) {
      if (!id || !ID_SHAPE.test(id)) return false;
      const s = sessions.get(keyOf(id));
      return !!s && expiry(s) > now();
    },
    revoke(id) {
      if (!id || !ID_SHAPE.test(id)) return false;
      return sessions.delete(keyOf(id));
    },
    revokeWhere(match) {
      let n = 0;
      for (const [key, s] of sessions) {
        if (match(s.data)) {
          sessions.delete(key);
          n++;
        }
      }
      return n;
    },
    size() {
      prune(now());
      return sessions.size;
    },
  };
}
