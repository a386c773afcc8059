/**
 * Where the window keeps the claim writes a team server could not be reached for (the queue's
 * rules: state/claim-queue.ts; sending them again: state/claim-retry.ts, loaded only when there is
 * something to send). A small external store held by App — above the Claims panel and the wide
 * claims view, either of which may close, or another document open, while the writes wait — so
 * that the first screen carries only this holder, not the claim logic.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { QueuedClaimWrite } from './claim-queue';

export interface ClaimStore {
  get: () => readonly QueuedClaimWrite[];
  set: (queue: readonly QueuedClaimWrite[]) => void;
  subscribe: (listener: () => void) => () => void;
  /** a retry runs; `again`: asked once more meanwhile (the server back again after the retry met it away) */
  retry: { running: boolean; again: boolean };
}

export function createClaimStore(): ClaimStore {
  let queue: readonly QueuedClaimWrite[] = [];
  const listeners = new Set<() => void>();
  return {
    get: () => queue,
    set: (q) => {
      queue = q;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    retry: { running: false, again: false },
  };
}

/** The window's claim store (App provides it; none: a failed claim write is only reported). */
export const ClaimStoreContext = createContext<ClaimStore | null>(null);

const NONE: readonly QueuedClaimWrite[] = [];
const noSubscription = () => () => undefined;

/** The store and the writes waiting in it (re-rendered when they change). */
export function useClaimStore(): { store: ClaimStore | null; queue: readonly QueuedClaimWrite[] } {
  const store = useContext(ClaimStoreContext);
  const queue = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.get ?? (() => NONE));
  return { store, queue };
}
