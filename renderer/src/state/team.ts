/**
 * The app connected to team servers (issue 19, step 5), on the page's side: which backend the
 * window works on (this machine, or a team connection), the per-backend local-storage keys,
 * each connection's health as the calls and the feed report it (ok / unreachable / signed out,
 * a small signal the banner and the retry loop listen to), and the library's sections.
 * Pure functions plus the signal; the HTTP and IPC calls are in api.ts, the views in
 * components/TeamBanner.tsx, ConnectDialog.tsx and TeamSections.tsx.
 */
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import { isBackendId } from '../../../shared/contract/remote';

/** localStorage: the backend this window was last working on (reopened at the next load). */
export const ACTIVE_BACKEND_KEY = 'jiaodui.backend';

/** The backend to start on: the stored one while it is still connected, else this machine. */
export function initialBackend(stored: string | null, connections: readonly ConnectionInfo[] | null): BackendId {
  if (!isBackendId(stored) || stored === 'local') return 'local';
  // connections not known yet: trust the stored one (checked again once they are)
  if (connections === null) return stored;
  return connections.some((c) => c.id === stored) ? stored : 'local';
}

/**
 * A per-window key of local storage for one backend: ids of documents and segments are the
 * database's, so this machine's document 3 and a team server's document 3 are different
 * documents. This machine keeps the key as it was (what earlier versions stored still counts).
 */
export function backendKey(key: string, backend: BackendId): string {
  return backend === 'local' ? key : `${key}@${backend}`;
}

/** A server's name for headings and messages: its host (and port), without the scheme. */
export function serverName(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

// ---- health --------------------------------------------------------------------------

export type TeamHealth = { state: 'ok' } | { state: 'unreachable'; message: string; attempt: number } | { state: 'signed-out'; message: string };

export type TeamEvent = { kind: 'answered' } | { kind: 'unreachable'; message: string } | { kind: 'signed-out'; message: string } | { kind: 'retry-failed'; message: string };

/**
 * The next health from what a call, the feed or a retry met. Any answer means the server is back
 * (signed out stays signed out until connected again: only a new sign-in ends it); a failed
 * retry counts up the attempts that set the backoff (shared/contract/remote.ts retryDelayMs).
 */
export function nextHealth(prev: TeamHealth, e: TeamEvent): TeamHealth {
  switch (e.kind) {
    case 'answered':
      return prev.state === 'signed-out' ? prev : { state: 'ok' };
    case 'signed-out':
      return { state: 'signed-out', message: e.message };
    case 'unreachable':
      if (prev.state === 'signed-out') return prev;
      return prev.state === 'unreachable' ? { ...prev, message: e.message } : { state: 'unreachable', message: e.message, attempt: 0 };
    case 'retry-failed':
      return prev.state === 'unreachable' ? { state: 'unreachable', message: e.message, attempt: prev.attempt + 1 } : prev;
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

// ---- the library's sections -----------------------------------------------------------

export interface BackendSection {
  backend: BackendId;
  /** null: this machine */
  connection: ConnectionInfo | null;
}

/**
 * The library's other sections, besides the backend the window works on (whose full library the
 * sidebar shows with all its actions): this machine first, then each team server in the order
 * connected.
 */
export function otherSections(active: BackendId, connections: readonly ConnectionInfo[]): BackendSection[] {
  const all: BackendSection[] = [{ backend: 'local', connection: null }, ...connections.map((c) => ({ backend: c.id, connection: c }))];
  return all.filter((s) => s.backend !== active);
}
