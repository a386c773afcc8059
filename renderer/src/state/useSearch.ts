/**
 * Search across documents: debounced as you type, immediate on Enter. The results are a query
 * of the window's one cache (keys.search in ./live.ts): refetched when this window's writes or
 * the change feed (a save in another window or process) invalidate them, so open results follow
 * the texts they show.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/domain/schemas';
import { useClient } from './client';
import { keepPreviousData, useQuery, useQueryClient, useQueryError } from './queries';
import { keys } from './live';

export const SEARCH_LIMIT = 500;

export interface SearchState {
  query: string;
  /** the query the hits belong to */
  resultsFor: string;
  hits: SearchHit[];
  searching: boolean;
  active: number;
}

interface Results {
  query: string;
  hits: SearchHit[];
}

const NO_HITS: SearchHit[] = [];

export function useSearch(onError: (e: unknown) => void) {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const [query, setQueryText] = useState('');
  /** the query searched for (typed and settled, or submitted with Enter) */
  const [submitted, setSubmitted] = useState('');
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchResults = useCallback(async (q: string): Promise<Results> => ({ query: q, hits: await client.search({ query: q, limit: SEARCH_LIMIT }) }), [client]);
  const results = useQuery({ queryKey: keys.search(submitted), queryFn: () => fetchResults(submitted), enabled: submitted !== '', placeholderData: keepPreviousData });
  useQueryError(results.error, onError);

  const submit = useCallback((q: string) => {
    setSubmitted(q.trim());
    setActive(0);
  }, []);

  const setQuery = useCallback(
    (next: string) => {
      setQueryText(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => submit(next), 220);
    },
    [submit],
  );

  const current = submitted !== '' ? results.data : undefined;
  /** Results for exactly the typed query, searching now if needed. */
  const resultsNow = useCallback(async (): Promise<SearchHit[]> => {
    if (timer.current) clearTimeout(timer.current);
    const q = query.trim();
    if (!q) {
      submit('');
      return [];
    }
    if (current && current.query === q && !results.isPlaceholderData) return current.hits;
    try {
      const r = await fetchResults(q);
      queryClient.setQueryData(keys.search(q), r);
      submit(q);
      return r.hits;
    } catch (e) {
      onError(e);
      return [];
    }
  }, [query, current, results.isPlaceholderData, fetchResults, queryClient, submit, onError]);

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setQueryText('');
    submit('');
  }, [submit]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const state: SearchState = {
    query,
    resultsFor: current?.query ?? '',
    hits: current?.hits ?? NO_HITS,
    // a refetch of the results shown (a change elsewhere) keeps them; only new queries say "Searching…"
    searching: submitted !== '' && results.isFetching && (current === undefined || current.query !== submitted),
    active,
  };
  return { ...state, setQuery, resultsNow, setActive, clear };
}

export type Search = ReturnType<typeof useSearch>;
