/**
 * Presence (issue 19): who has which document open. Each window sends a light heartbeat (the
 * contract's `presence`, every PRESENCE_BEAT_MS) naming the document it shows; an entry lives
 * PRESENCE_TTL_MS after its last beat, so a closed tab or a lost connection drops out on its own.
 * Kept in the server process's memory, not the database: it is not data anyone reviews, it must
 * not grow the change log, and the team server is the one process serving its reviewers. Pure
 * apart from the clock, which the caller passes.
 */
import { PRESENCE_TTL_MS } from '../shared/contract/presence';

export { PRESENCE_BEAT_MS, PRESENCE_TTL_MS } from '../shared/contract/presence';

export interface PresenceEntry {
  /** the reviewer's name (the account's on a team server) */
  reviewer: string;
  documentId: number | null;
  /** when this window opened that document (ISO) */
  since: string;
}

export class PresenceBoard {
  private readonly windows = new Map<string, PresenceEntry & { seen: number }>();

  constructor(private readonly ttlMs = PRESENCE_TTL_MS) {}

  /**
   * A window's heartbeat: `key` names the window (caller kind and client id), `documentId` what it
   * shows now (null: none). Returns everyone else's live entries (the window's own left out),
   * those with a document only, by document then reviewer.
   */
  beat(key: string, reviewer: string, documentId: number | null, now: number): PresenceEntry[] {
    this.expire(now);
    const was = this.windows.get(key);
    const since = was && was.documentId === documentId && was.reviewer === reviewer ? was.since : new Date(now).toISOString();
    this.windows.set(key, { reviewer, documentId, since, seen: now });
    return this.list(now, key);
  }

  /** A window closed (or signed out): gone at once. */
  leave(key: string): void {
    this.windows.delete(key);
  }

  list(now: number, exceptKey?: string): PresenceEntry[] {
    this.expire(now);
    return [...this.windows.entries()]
      .filter(([k, e]) => k !== exceptKey && e.documentId !== null)
      .map(([, e]) => ({ reviewer: e.reviewer, documentId: e.documentId, since: e.since }))
      .sort((a, b) => (a.documentId ?? 0) - (b.documentId ?? 0) || a.reviewer.localeCompare(b.reviewer) || a.since.localeCompare(b.since));
  }

  private expire(now: number): void {
    for (const [k, e] of this.windows) if (now - e.seen >= this.ttlMs) this.windows.delete(k);
  }
}
