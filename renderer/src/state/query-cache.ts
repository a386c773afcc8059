/**
 * The window's one query cache, without React: results by query key, refetched only when
 * invalidated (by the window's own writes or by the change feed), never on a timer or focus.
 *
 * Why not TanStack Query: it adds ~35 KB minified to the first screen, and the renderer's
 * initial-JS budget (scripts/check-bundle-size.mjs, 450 KB) had ~25 KB left. This keeps the
 * part the app uses — hierarchical keys with prefix invalidation, deduplicated fetches,
 * setQueryData, keep-previous-data — with TanStack's names, so swapping back is mechanical.
 */
export type QueryKey = readonly unknown[];

export interface QuerySnapshot<T = unknown> {
  data: T | undefined;
  error: unknown;
  fetching: boolean;
}

interface Entry {
  key: QueryKey;
  snapshot: QuerySnapshot;
  /** the fetcher of the mounted observers (the latest registered) */
  fetcher: (() => Promise<unknown>) | null;
  observers: number;
  stale: boolean;
  /** bumps on every fetch start and setQueryData: an older fetch's answer is dropped */
  generation: number;
  listeners: Set<() => void>;
}

const EMPTY: QuerySnapshot = Object.freeze({ data: undefined, error: null, fetching: false });

export function hashKey(key: QueryKey): string {
  return JSON.stringify(key);
}

/** Whether `key` starts with `prefix` (element by element; [] matches every key). */
export function matchesPrefix(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.length <= key.length && prefix.every((p, i) => hashKey([p]) === hashKey([key[i]]));
}

export class QueryClient {
  private readonly entries = new Map<string, Entry>();

  private entry(key: QueryKey): Entry {
    const h = hashKey(key);
    let e = this.entries.get(h);
    if (!e) this.entries.set(h, (e = { key, snapshot: EMPTY, fetcher: null, observers: 0, stale: true, generation: 0, listeners: new Set() }));
    return e;
  }

  private set(e: Entry, snapshot: QuerySnapshot): void {
    e.snapshot = snapshot;
    for (const l of [...e.listeners]) l();
  }

  snapshot(key: QueryKey): QuerySnapshot {
    return this.snapshotByHash(hashKey(key));
  }

  snapshotByHash(hash: string): QuerySnapshot {
    return this.entries.get(hash)?.snapshot ?? EMPTY;
  }

  subscribe(key: QueryKey, listener: () => void): () => void {
    const e = this.entry(key);
    e.listeners.add(listener);
    return () => e.listeners.delete(listener);
  }

  /** A mounted query: fetch now when there is no fresh result; refetch on invalidation while observed. */
  observe(key: QueryKey, fetcher: () => Promise<unknown>): () => void {
    const e = this.entry(key);
    e.observers++;
    e.fetcher = fetcher;
    if (e.stale && !e.snapshot.fetching) void this.fetch(e);
    return () => {
      if (--e.observers === 0) e.fetcher = null;
    };
  }

  private async fetch(e: Entry): Promise<void> {
    const fetcher = e.fetcher;
    if (!fetcher) return;
    const generation = ++e.generation;
    e.stale = false;
    this.set(e, { ...e.snapshot, fetching: true });
    try {
      const data = await fetcher();
      if (generation === e.generation) this.set(e, { data, error: null, fetching: false });
    } catch (error) {
      if (generation === e.generation) this.set(e, { ...e.snapshot, error, fetching: false });
    }
  }

  getQueryData<T>(key: QueryKey): T | undefined {
    return this.snapshot(key).data as T | undefined;
  }

  /** Put a result in place (what a write returned); a fetch still under way for it is dropped. */
  setQueryData<T>(key: QueryKey, value: T | ((old: T | undefined) => T | undefined)): void {
    const e = this.entry(key);
    const data = typeof value === 'function' ? (value as (old: T | undefined) => T | undefined)(e.snapshot.data as T | undefined) : value;
    e.generation++;
    e.stale = data === undefined;
    this.set(e, { data, error: null, fetching: false });
  }

  /** Where the key's result stands now: every fetch start and setQueryData moves it on (for `setQueryDataSince`). */
  version(key: QueryKey): number {
    return this.entry(key).generation;
  }

  /**
   * Put in place a result asked for when the key stood at `since` (`version`), e.g. a check run's
   * report: only if no fetch began and no result came since. Else the answer may be older than what
   * they read (a fix's refetch began while the run computed, and setQueryData would drop it): the key
   * is invalidated instead, so that a fetch begun after this answer is what stays. True when put.
   */
  setQueryDataSince<T>(key: QueryKey, value: T, since: number): boolean {
    if (this.entry(key).generation === since) {
      this.setQueryData(key, value);
      return true;
    }
    void this.invalidateQueries({ queryKey: key });
    return false;
  }

  /** Mark every query under `queryKey` stale; the observed ones refetch now, the others when next shown. */
  invalidateQueries({ queryKey }: { queryKey: QueryKey }): Promise<void> {
    const fetches: Promise<void>[] = [];
    for (const e of this.entries.values()) {
      if (!matchesPrefix(e.key, queryKey)) continue;
      e.stale = true;
      if (e.observers && e.fetcher) fetches.push(this.fetch(e));
    }
    return Promise.all(fetches).then(() => undefined);
  }
}
