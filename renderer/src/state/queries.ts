/**
 * The window's one query cache in React (./query-cache.ts): a provider, `useQueryClient` and
 * `useQuery`, named as in TanStack Query. What panels show is cached by the keys of ./live.ts
 * and refetched only when invalidated — by the window's own writes (useReview.applyChange) or
 * by the change feed (useLiveUpdates).
 */
import { createContext, createElement, useCallback, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClient, type QueryKey } from './query-cache';

export { QueryClient } from './query-cache';

const QueryClientContext = createContext<QueryClient | null>(null);

export function createQueryClient(): QueryClient {
  return new QueryClient();
}

export function QueryClientProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return createElement(QueryClientContext.Provider, { value: client }, children);
}

export function useQueryClient(): QueryClient {
  const c = useContext(QueryClientContext);
  if (!c) throw new Error('QueryClientProvider missing');
  return c;
}

/** `placeholderData: keepPreviousData`: while a new key loads, show the previous key's result. */
export const keepPreviousData = 'keep-previous' as const;

export interface UseQueryOptions<T> {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
  /** false: do not fetch (yet); the cached result, if any, is still shown */
  enabled?: boolean;
  placeholderData?: typeof keepPreviousData;
}

export interface UseQueryResult<T> {
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
  /** `data` is the previous key's (keepPreviousData) */
  isPlaceholderData: boolean;
}

export function useQuery<T>({ queryKey, queryFn, enabled = true, placeholderData }: UseQueryOptions<T>): UseQueryResult<T> {
  const client = useQueryClient();
  const hash = JSON.stringify(queryKey);
  const fn = useRef(queryFn);
  fn.current = queryFn;
  // hash: a new key is a new subscription; the same key in a new array is not
  const subscribe = useCallback((cb: () => void) => client.subscribe(JSON.parse(hash) as QueryKey, cb), [client, hash]);
  const getSnapshot = useCallback(() => client.snapshotByHash(hash), [client, hash]);
  const snap = useSyncExternalStore(subscribe, getSnapshot);
  useEffect(() => {
    if (!enabled) return;
    return client.observe(JSON.parse(hash) as QueryKey, () => fn.current());
  }, [client, hash, enabled]);
  const previous = useRef<T | undefined>(undefined);
  const data = snap.data as T | undefined;
  if (data !== undefined) previous.current = data;
  const placeholder = data === undefined && placeholderData === keepPreviousData ? previous.current : undefined;
  return { data: data ?? placeholder, error: snap.error, isFetching: snap.fetching, isPlaceholderData: placeholder !== undefined };
}

/** Show a query's failure once, the way the panels report every other error (a toast). */
export function useQueryError(error: unknown, onError: (e: unknown) => void): void {
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
}
