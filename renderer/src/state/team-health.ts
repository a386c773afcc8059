/**
 * Each team connection's health as its calls and its feed report it — ok, unreachable (with the
 * retry attempts that set the backoff), signed out, or its change feed refused (the server
 * answers, but other reviewers' changes no longer arrive live) — and the small signals the
 * banner, its retry loop (./useTeamHealth.ts), the feeds (a retry now) and the app (an edit saved
 * once the server is back) listen to.
 */
import { isErrorMessageRef, type ErrorMessageRef } from '../../../shared/error-messages';
import type { RemoteFailure } from '../../../shared/contract/remote';

/** Why the feed was refused: the server's message, keyed when it gave message data (worded in the UI language). */
export interface FeedRefusal {
  message: string;
  messageData?: ErrorMessageRef;
  /** the server failed (5xx, `FEED_FAILURES_SHOWN` times in a row) rather than refused */
  failed?: true;
}

export type TeamHealth =
  | { state: 'ok' }
  // `feedRefused`: the feed was refused when the server went away; an answer brings that back, not ok
  | { state: 'unreachable'; message: string; attempt: number; feedRefused?: FeedRefusal }
  | { state: 'signed-out'; message: string }
  | ({ state: 'feed-refused' } & FeedRefusal);

export type TeamEvent =
  | { kind: 'answered' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; message: string }
  | { kind: 'retry-failed'; message: string }
  | { kind: 'feed-opened' }
  | ({ kind: 'feed-refused' } & FeedRefusal);

/**
 * The next health from what a call, the feed or a retry met. Any answer means the server is back
 * (signed out stays signed out until connected again: only a new sign-in ends it); a failed
 * retry counts up the attempts that set the backoff (shared/contract/remote.ts retryDelayMs).
 * A refused feed stays refused until the feed opens again: a call's answer says nothing of the
 * feed, so it neither clears a refusal nor forgets one remembered across an outage.
 */
export function nextHealth(prev: TeamHealth, e: TeamEvent): TeamHealth {
  if (prev.state === 'signed-out' && e.kind !== 'signed-out') return prev;
  switch (e.kind) {
    case 'answered':
      if (prev.state !== 'unreachable') return prev.state === 'feed-refused' ? prev : { state: 'ok' };
      return prev.feedRefused ? { state: 'feed-refused', ...prev.feedRefused } : { state: 'ok' };
    case 'feed-opened':
      return { state: 'ok' };
    case 'feed-refused':
      // an answer too: back from unreachable, with the feed refused
      return { state: 'feed-refused', ...refusalOf(e) };
    case 'signed-out':
      return { state: 'signed-out', message: e.message };
    case 'unreachable':
      if (prev.state === 'unreachable') return { ...prev, message: e.message };
      return { state: 'unreachable', message: e.message, attempt: 0, ...(prev.state === 'feed-refused' ? { feedRefused: refusalOf(prev) } : {}) };
    case 'retry-failed':
      return prev.state === 'unreachable' ? { ...prev, message: e.message, attempt: prev.attempt + 1 } : prev;
  }
}

function refusalOf(h: FeedRefusal): FeedRefusal {
  return { message: h.message, ...(h.messageData ? { messageData: h.messageData } : {}), ...(h.failed ? { failed: true as const } : {}) };
}

/**
 * How many server failures (5xx answered by the team server itself) of a connection's feed in a
 * row make them a banner: one can be a restart, and is retried quietly; three in a row mean other
 * reviewers' changes have stopped arriving, and the reviewer is told.
 */
export const FEED_FAILURES_SHOWN = 3;
const feedFailures = new Map<string, number>();

/** Count a feed answer of `status` for connection `id`: the server failures in a row so far, this one included (0 when it is none). */
export function countFeedFailure(id: string, status: number): number {
  const n = status >= 500 ? (feedFailures.get(id) ?? 0) + 1 : 0;
  if (n) feedFailures.set(id, n);
  else feedFailures.delete(id);
  return n;
}

/**
 * The refusal says this computer no longer holds the connection (a 404 `not-found.connection`:
 * disconnected in another window or process): trying the feed again cannot help, connecting again can.
 */
export function refusalIsGoneConnection(r: FeedRefusal): boolean {
  return r.messageData?.key === 'not-found.connection';
}

/** A refusal as an error, to word in the UI language (lib/format.ts errorMessage: its key's template, else the message). */
export function refusalError(r: FeedRefusal): Error {
  return Object.assign(new Error(r.message), r.messageData ? { messageData: r.messageData } : {});
}

/**
 * What an answer of a team call or of its feed tells about the connection (`failure`:
 * shared/contract/remote.ts classifyRemoteAnswer), or null when it is this page's own session
 * that ended. A feed refused for a reason of its own — a 403, a 404 for a connection the local
 * server no longer knows, a 400 — is `feed-refused` with the server's words; a server failure
 * (5xx) is an answer as for a call, retried quietly — until it is the feed's `FEED_FAILURES_SHOWN`th
 * in a row (`failuresInRow`, this one included: `countFeedFailure`): then the feed is `feed-refused`, `failed`.
 */
export function teamEventOf(failure: RemoteFailure, status: number, error: { message?: unknown; messageData?: unknown } | undefined, from: 'call' | 'feed', failuresInRow = 0): TeamEvent | null {
  const message = typeof error?.message === 'string' ? error.message : '';
  switch (failure) {
    case 'page-session-ended':
      return null;
    case 'team-unreachable':
      return { kind: 'unreachable', message };
    case 'team-signed-out':
      return { kind: 'signed-out', message };
    case 'other': {
      const failed = from === 'feed' && status >= 500 && failuresInRow >= FEED_FAILURES_SHOWN;
      if (!failed && (from === 'call' || status < 400 || status >= 500)) return { kind: 'answered' };
      return { kind: 'feed-refused', message: message || `HTTP ${status}`, ...(isErrorMessageRef(error?.messageData) ? { messageData: error.messageData } : {}), ...(failed ? { failed: true as const } : {}) };
    }
  }
}

const health = new Map<string, TeamHealth>();
const listeners = new Set<(id: string, h: TeamHealth, prev: TeamHealth) => void>();
const OK: TeamHealth = { state: 'ok' };

export function teamHealth(id: string): TeamHealth {
  return health.get(id) ?? OK;
}

/** A call or the feed of connection `id` met something: update its health and tell listeners when it changed. */
export function reportTeam(id: string, e: TeamEvent): void {
  if (e.kind === 'feed-opened') feedFailures.delete(id);
  const prev = teamHealth(id);
  const next = nextHealth(prev, e);
  if (next === prev || JSON.stringify(next) === JSON.stringify(prev)) return;
  health.set(id, next);
  for (const l of [...listeners]) {
    try {
      l(id, next, prev);
    } catch {
      /* one listener's failure must not keep the others from hearing it */
    }
  }
}

/** Forget a connection's health (connected again, or disconnected). */
export function resetTeam(id: string): void {
  feedFailures.delete(id);
  const prev = teamHealth(id);
  health.delete(id);
  if (prev.state !== 'ok') for (const l of [...listeners]) l(id, OK, prev);
}

export function onTeamHealth(listener: (id: string, h: TeamHealth, prev: TeamHealth) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}


/**
 * Call `onBack` each time connection `id` comes back (unreachable → ok, or → its feed refused: the
 * server answers again, so the writes kept meanwhile can be sent), as the health changes —
 * not as a render shows it: a failed write and another call's answer in one tick (a kept write
 * retried while the page's reads get through) would render as ok throughout, and the writes kept
 * meanwhile would wait with nothing to send them again.
 */
export function followBacks(id: string, onBack: () => void): () => void {
  return onTeamHealth((which, h, prev) => {
    if (which === id && prev.state === 'unreachable' && (h.state === 'ok' || h.state === 'feed-refused')) onBack();
  });
}

const feedRetries = new Set<(id: string) => void>();

/** Ask the feeds of connection `id` to try again now (the banner's "Try now" while the feed is refused). */
export function retryFeedNow(id: string): void {
  for (const f of [...feedRetries]) f(id);
}

/** A feed of connection `id` hears `retryFeedNow(id)`; returns the function that stops listening. */
export function onFeedRetry(id: string, retry: () => void): () => void {
  const f = (which: string) => {
    if (which === id) retry();
  };
  feedRetries.add(f);
  return () => {
    feedRetries.delete(f);
  };
}
