/**
 * Each team connection's health as its calls and its feed report it — ok, unreachable (with the
 * retry attempts that set the backoff), signed out — and the small signal the banner, its retry
 * loop (./useTeamHealth.ts) and the app (an edit saved once the server is back) listen to.
 */
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


/**
 * Call `onBack` each time connection `id` comes back (unreachable → ok), as the health changes —
 * not as a render shows it: a failed write and another call's answer in one tick (a kept write
 * retried while the page's reads get through) would render as ok throughout, and the writes kept
 * meanwhile would wait with nothing to send them again.
 */
export function followBacks(id: string, onBack: () => void): () => void {
  return onTeamHealth((which, h, prev) => {
    if (which === id && prev.state === 'unreachable' && h.state === 'ok') onBack();
  });
}
