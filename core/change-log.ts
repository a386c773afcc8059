/**
 * The change log's write side: what one write transaction touched, gathered while it runs and
 * appended as one row of db `change_log` just before it commits (core/operations/engine.ts).
 * Every write goes through the engine's `tx`, so every committed write gets a row; a write that
 * named nothing it touched is logged with the topic 'unknown' (followers refetch what they show).
 */
import type { ChangeRow, Store } from './store';
import type { CallerContext } from '../shared/contract/caller';
import { CHANGE_ID_KINDS, type ChangeEvent, type ChangeIds, type ChangeTopic } from '../shared/contract/changes';

/** How many entries the log keeps; a follower further behind gets a 'resync' (core/feed.ts). */
export const CHANGE_LOG_KEEP = 10_000;
/** Prune once every this many appends (a DELETE of at most this many rows, not one per save). */
export const CHANGE_LOG_PRUNE_EVERY = 500;

type IdKind = (typeof CHANGE_ID_KINDS)[number];
/** What a write reports having touched (any subset). */
export type Touched = Partial<Record<IdKind, readonly number[]>> & { topics?: readonly ChangeTopic[] };

/** The ids one transaction touched so far. */
export class ChangeCollector {
  private readonly ids = new Map<IdKind | 'topics', Set<number | string>>();

  constructor(public caller: CallerContext | undefined) {}

  add(t: Touched): void {
    for (const [k, list] of Object.entries(t) as [IdKind | 'topics', readonly (number | string)[] | undefined][]) {
      if (!list?.length) continue;
      let set = this.ids.get(k);
      if (!set) this.ids.set(k, (set = new Set()));
      for (const v of list) set.add(v);
    }
  }

  /** The touched ids as stored: lists sorted, empty kinds left out; 'unknown' when nothing was named. */
  toIds(): ChangeIds {
    const out: ChangeIds = {};
    for (const k of CHANGE_ID_KINDS) {
      const set = this.ids.get(k);
      if (set?.size) out[k] = ([...set] as number[]).sort((a, b) => a - b);
    }
    const topics = this.ids.get('topics');
    if (topics?.size) out.topics = [...topics].sort() as ChangeTopic[];
    if (!Object.keys(out).length) out.topics = ['unknown'];
    return out;
  }

  /** Append the log row (inside the transaction); prunes old entries now and then. Returns the seq. */
  append(store: Store, at: string): number {
    const seq = store.appendChange({
      at,
      clientKind: this.caller?.kind ?? null,
      clientId: this.caller?.clientId ?? null,
      reviewer: this.caller?.reviewer ?? null,
      ids: JSON.stringify(this.toIds()),
    });
    if (seq % CHANGE_LOG_PRUNE_EVERY === 0 && seq > CHANGE_LOG_KEEP) store.pruneChanges(seq - CHANGE_LOG_KEEP);
    return seq;
  }
}

/** A stored row as the feed's event. */
export function toChangeEvent(row: ChangeRow): ChangeEvent {
  return {
    type: 'change',
    seq: row.seq,
    at: row.at,
    client: { kind: row.clientKind as ChangeEvent['client']['kind'], id: row.clientId },
    reviewer: row.reviewer,
    ids: JSON.parse(row.ids) as ChangeIds,
  };
}
