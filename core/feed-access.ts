/**
 * Whether an open change-feed stream may go on (core/server.ts: the team server's feed, browser
 * mode's own, and the team feeds browser mode forwards). A session is checked when a stream
 * opens, as every request's is; a stream then lives for hours, so it is asked again:
 *
 * - before sending a message that says accounts changed (a sign-in, a sign-out, a reviewer added
 *   or revoked — by this process, whose commits the feed sees at once, or by another on the same
 *   database, `jiaodui users revoke`, whose commits the feed polls for), or that the database was
 *   written without naming what (topic 'unknown') or must be read again (a resync: a restored
 *   database has other sessions). The revoked reviewer's stream therefore ends before the first
 *   change committed after the revocation reaches it;
 * - on every heartbeat (FEED_HEARTBEAT_MS): a session that expired, or one ended where nothing is
 *   logged (a hand edit of the database), ends its stream within one heartbeat;
 * - at once when this server ends the session itself (sign-out: FeedStreams.endSession).
 *
 * Ending a stream ends the response (the client sees the stream end); its reconnect is refused
 * (401), which the page shows as signed out. Pure: the caller asks the session store.
 */
import type { FeedMessage } from '../shared/contract/changes';
import type { CallerAccount } from '../shared/contract/caller';
import { roleAtLeast, type Role } from '../shared/contract/roles';

/**
 * The role following the feed needs: reading, a reviewer's (every role reads every project:
 * METHOD_ROLES' getSegments, listProjects). There is no per-project access, so the feed sends
 * every change to every signed-in reviewer and a changed role changes nothing it may see; were
 * reading ever restricted, the stream of an account below this role ends at its next check.
 */
export const FEED_ROLE: Role = 'reviewer';

/** Ask the session again before sending `m` (see above). */
export function asksAgainBefore(m: FeedMessage): boolean {
  if (m.type === 'resync') return true;
  return m.type === 'change' && !!m.ids.topics?.some((t) => t === 'accounts' || t === 'unknown');
}

/** What a team stream does, given the account its session has now (null: signed out, expired, revoked). */
export function streamVerdict(account: CallerAccount | null): 'keep' | 'end' {
  return account !== null && roleAtLeast(account.role, FEED_ROLE) ? 'keep' : 'end';
}

/** An open stream as the registry knows it: the session it was opened under (null: none, e.g. the run token) and how to end it. */
export interface OpenStream {
  readonly session: string | null;
  end(): void;
}

/**
 * The open feed streams of one server, so that the server ends those of a session it ends
 * (sign-out) and all of them when it closes. `end` removes a stream itself (through the
 * function `add` returns); ending one twice is the stream's own business (it ends once).
 */
export class FeedStreams {
  private readonly open = new Set<OpenStream>();

  /** Register a stream; returns the function that forgets it (call it from the stream's end). */
  add(stream: OpenStream): () => void {
    this.open.add(stream);
    return () => void this.open.delete(stream);
  }

  /** End every stream opened under `session`; how many. */
  endSession(session: string | null): number {
    if (session === null) return 0;
    const ending = [...this.open].filter((s) => s.session === session);
    for (const s of ending) s.end();
    return ending.length;
  }

  /** End them all (the server closes). */
  endAll(): void {
    for (const s of [...this.open]) s.end();
  }

  get size(): number {
    return this.open.size;
  }
}
