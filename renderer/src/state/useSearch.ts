/** Search across documents: debounced as you type, immediate on Enter. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/domain/schemas';
import { useClient } from './client';

export const SEARCH_LIMIT = 500;

export interface SearchState {
  query: string;
  /** the query the hits belong to */
  resultsFor: string;
  hits: SearchHit[];
  searching: boolean;
  active: number;
}

export function useSearch(onError: (e: unknown) => void) {
  const { client } = useClient();
  const [state, setState] = useState<SearchState>({ query: '', resultsFor: '', hits: [], searching: false, active: 0 });
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const run = useCallback(
    async (query: string): Promise<SearchHit[]> => {
      const q = query.trim();
      const my = ++seq.current;
      if (!q) {
        setState((s) => ({ ...s, resultsFor: '', hits: [], searching: false, active: 0 }));
        return [];
      }
      setState((s) => ({ ...s, searching: true }));
      try {
        const hits = await client.search({ query: q, limit: SEARCH_LIMIT });
        if (my === seq.current) setState((s) => ({ ...s, resultsFor: q, hits, searching: false, active: 0 }));
        return hits;
      } catch (e) {
        if (my === seq.current) setState((s) => ({ ...s, searching: false }));
        onError(e);
        return [];
      }
    },
    [client, onError],
  );

  const setQuery = useCallback(
    (query: string) => {
      setState((s) => ({ ...s, query }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(query), 220);
    },
    [run],
  );

  /** Results for exactly the typed query, searching now if needed. */
  const resultsNow = useCallback(async (): Promise<SearchHit[]> => {
    if (timer.current) clearTimeout(timer.current);
    if (state.resultsFor === state.query.trim() && !state.searching) return state.hits;
    return run(state.query);
  }, [run, state]);

  const setActive = useCallback((active: number) => setState((s) => ({ ...s, active })), []);
  const clear = useCallback(() => {
    seq.current++;
    setState({ query: '', resultsFor: '', hits: [], searching: false, active: 0 });
  }, []);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { ...state, setQuery, resultsNow, setActive, clear };
}

export type Search = ReturnType<typeof useSearch>;
