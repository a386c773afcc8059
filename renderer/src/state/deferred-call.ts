/**
 * A command whose handler lives in code that arrives later (a lazily loaded chunk, lazy.tsx): a call
 * made before the handler is attached waits for it — only the last one, and only briefly, so a key
 * pressed once runs once when the code arrives, and a stale press never runs minutes later.
 * (Look Up Word, Alt+D: the gloss popover's code loads after the grid shows.)
 */
export interface DeferredCall<A> {
  handler: ((arg: A) => void) | null;
  pending: { arg: A; at: number } | null;
}

/** How long a call made before the handler arrived is kept. */
export const PENDING_MS = 5000;

export function deferredCall<A>(): DeferredCall<A> {
  return { handler: null, pending: null };
}

/** Run the call now, or keep it (replacing an older one) until a handler is attached. */
export function callDeferred<A>(d: DeferredCall<A>, arg: A, now = Date.now()): void {
  if (d.handler) d.handler(arg);
  else d.pending = { arg, at: now };
}

/** Attach the handler; a call kept for at most PENDING_MS runs now. */
export function attachDeferred<A>(d: DeferredCall<A>, handler: (arg: A) => void, now = Date.now()): void {
  d.handler = handler;
  const p = d.pending;
  d.pending = null;
  if (p && now - p.at <= PENDING_MS) handler(p.arg);
}

export function detachDeferred<A>(d: DeferredCall<A>, handler: (arg: A) => void): void {
  if (d.handler === handler) d.handler = null;
}
