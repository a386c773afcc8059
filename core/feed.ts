/**
 * The change feed: follows the change log (core/change-log.ts) for every subscriber — the
 * browser-mode stream (core/server.ts), Electron's main process (electron/main.ts), tests.
 *
 * SQLite tells no other connection when one commits, so while anyone listens the feed polls
 * `max(seq)` (one index lookup) every `pollMs`; a commit through this process's own engine is
 * seen at once (Engine.onCommit). Nothing polls while nobody listens.
 */
import type { Store } from './store';
import type { ChangeEvent, FeedMessage } from '../shared/contract/changes';
import type { Engine } from './operations/engine';
import { toChangeEvent } from './change-log';

/** Default poll interval: a change made by another process reaches a window within about this long. */
export const FEED_POLL_MS = 150;
/** Most entries read at once; a follower further behind than the log keeps gets a resync instead. */
const BATCH = 500;

export interface FeedBatch {
  events: ChangeEvent[];
  /** true: `since` is older than what the log keeps (pruned) or newer than its end (another database): refetch everything */
  resync: boolean;
  /** the newest seq in the log */
  latest: number;
}

export type FeedListener = (msg: FeedMessage) => void;

interface Subscriber {
  cursor: number;
  listener: FeedListener;
}

export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private unhook: (() => void) | null = null;
  private lastSeen = 0;

  constructor(
    private readonly store: Store,
    private readonly engine?: Engine,
    private readonly pollMs = FEED_POLL_MS,
  ) {}

  /** The newest seq of the log (0: empty). */
  latest(): number {
    return this.store.latestChangeSeq();
  }

  /** Entries after `since`, at most `limit` (oldest first), or a resync when `since` cannot be served. */
  changesSince(since: number, limit = BATCH): FeedBatch {
    const latest = this.latest();
    if (since > latest) return { events: [], resync: true, latest };
    if (since === latest) return { events: [], resync: false, latest };
    const rows = this.store.changesAfter(since, limit);
    // a gap: the entries right after `since` were pruned
    if (!rows.length || rows[0].seq > since + 1) {
      const oldest = this.store.oldestChangeSeq();
      if (since < oldest - 1) return { events: [], resync: true, latest };
    }
    return { events: rows.map(toChangeEvent), resync: false, latest };
  }

  /**
   * Follow the log from after `since` (default: from now on). The listener gets every change in
   * order, or one 'resync' when it fell behind what the log keeps; returns the unsubscribe function.
   */
  subscribe(listener: FeedListener, since?: number): () => void {
    const sub: Subscriber = { cursor: since ?? this.latest(), listener };
    this.subscribers.add(sub);
    this.start();
    if (since !== undefined) queueMicrotask(() => this.check());
    return () => {
      this.subscribers.delete(sub);
      if (!this.subscribers.size) this.stop();
    };
  }

  get listening(): number {
    return this.subscribers.size;
  }

  /** Deliver what is new to every subscriber (called by the poll timer and after own commits). */
  check(): void {
    if (!this.subscribers.size) return;
    let latest: number;
    try {
      latest = this.latest();
    } catch {
      return; // the database was closed under us (shutdown); the next tick or stop() settles it
    }
    if (latest === this.lastSeen && [...this.subscribers].every((s) => s.cursor === latest)) return;
    this.lastSeen = latest;
    for (const sub of [...this.subscribers]) this.deliver(sub, latest);
  }

  private deliver(sub: Subscriber, latest: number): void {
    while (sub.cursor !== latest && this.subscribers.has(sub)) {
      const batch = this.changesSince(sub.cursor);
      if (batch.resync) {
        sub.cursor = batch.latest;
        this.send(sub, { type: 'resync', seq: batch.latest });
        return;
      }
      if (!batch.events.length) return;
      for (const e of batch.events) {
        sub.cursor = e.seq;
        this.send(sub, e);
      }
    }
  }

  /** A listener's failure (a closed socket, a destroyed window) must not reach the write that triggered the check. */
  private send(sub: Subscriber, msg: FeedMessage): void {
    // unsubscribed meanwhile (by an earlier message of the same batch: a stream whose session ended, core/feed-access.ts)
    if (!this.subscribers.has(sub)) return;
    try {
      sub.listener(msg);
    } catch {
      this.subscribers.delete(sub);
    }
  }

  private start(): void {
    if (this.timer) return;
    this.lastSeen = this.latest();
    this.timer = setInterval(() => this.check(), this.pollMs);
    this.timer.unref();
    this.unhook = this.engine?.onCommit(() => this.check()) ?? null;
  }

  /** Stop polling (no listener left, or shutting down). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unhook?.();
    this.unhook = null;
  }

  /** Drop every subscriber and stop (the database is about to close). */
  close(): void {
    this.subscribers.clear();
    this.stop();
  }
}
