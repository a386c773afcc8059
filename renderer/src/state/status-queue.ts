/**
 * Status changes waiting for a team server that could not be reached (issue 19's offline
 * retry, for statuses as for text saves). A failed text save stays in its editor and App saves it
 * again when the server is back; a status change has no editor, so it waits here: the segment,
 * the status asked for, and the status version the window had read when the reviewer asked
 * (sent with the retry, so a status someone else set meanwhile is refused as a conflict and shown
 * in the conflict view — never overwritten). Pure; useReview holds the queue.
 */
import type { SegmentStatus } from '../../../shared/domain/schemas';

export interface QueuedStatus {
  segmentId: number;
  status: SegmentStatus;
  /** the segment's status version as read when the change was asked for (undefined: the backend gave none) */
  version?: number | null;
}

/** One `setStatus` call of a retry: the API sets one status for many segments, each with its version. */
export interface StatusBatch {
  status: SegmentStatus;
  segmentIds: number[];
  versions?: (number | null)[];
}

/** Whether a write failed because the team server could not be reached (worth retrying when it is back). */
export function isUnreachable(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'team-unreachable';
}

/**
 * Add a change. A later change of the same segment replaces the earlier one (the reviewer's last
 * word counts: approve then unreview sends unreviewed) but keeps the earlier one's version: both
 * were asked against the same stored status, which none of them changed.
 */
export function enqueueStatus(queue: readonly QueuedStatus[], change: QueuedStatus): QueuedStatus[] {
  const earlier = queue.find((q) => q.segmentId === change.segmentId);
  const rest = queue.filter((q) => q.segmentId !== change.segmentId);
  return [...rest, earlier ? { ...change, version: earlier.version } : change];
}

/** The status each segment waits to be sent with (the row's mark: a change asked for, not yet stored). */
export function pendingStatuses(queue: readonly QueuedStatus[]): ReadonlyMap<number, SegmentStatus> {
  return new Map(queue.map((q) => [q.segmentId, q.status]));
}

/**
 * The queue as a cell whose every assignment is told (`onChange`): useReview and the kept-writes
 * storage (state/kept-storage.ts) assign `current`; the rows' marks follow each assignment.
 */
export function observedQueue(onChange: (queue: QueuedStatus[]) => void, initial: QueuedStatus[] = []): { current: QueuedStatus[] } {
  let value = initial;
  return {
    get current() {
      return value;
    },
    set current(next: QueuedStatus[]) {
      value = next;
      onChange(next);
    },
  };
}

/** The retry's calls: one per status, segments in the order they were asked for, with their versions when every one has one. */
export function statusBatches(queue: readonly QueuedStatus[]): StatusBatch[] {
  const byStatus = new Map<SegmentStatus, QueuedStatus[]>();
  for (const q of queue) byStatus.set(q.status, [...(byStatus.get(q.status) ?? []), q]);
  return [...byStatus].map(([status, qs]) => ({
    status,
    segmentIds: qs.map((q) => q.segmentId),
    ...(qs.every((q) => q.version !== undefined) ? { versions: qs.map((q) => q.version ?? null) } : {}),
  }));
}

/**
 * The queue after a batch's call: answered (stored; or refused — a conflict, which the conflict
 * view now shows, or another error, shown as a toast) leaves it, except a change the reviewer asked
 * for meanwhile with another status; unreachable again keeps it for the next time the server is back.
 */
export function afterBatch(queue: readonly QueuedStatus[], batch: StatusBatch, outcome: 'answered' | 'unreachable'): QueuedStatus[] {
  if (outcome === 'unreachable') return [...queue];
  const sent = new Set(batch.segmentIds);
  return queue.filter((q) => !(sent.has(q.segmentId) && q.status === batch.status));
}

/**
 * A save that failed because the team server could not be reached (its text stays in the
 * editor): whether the reviewer asked for the approval with it (Ctrl+Enter) and the status
 * version the window had read when they asked. The retry sends both, so the approval is not lost
 * and a status someone else changed there meanwhile — which the feed may already have shown in the
 * row — is refused as a conflict rather than overwritten.
 */
export interface KeptSave {
  segmentId: number;
  approve: boolean;
  /** the segment's status version as read when the reviewer asked (undefined: the backend gave none) */
  statusVersion?: number | null;
}

/**
 * Keep a save that could not be sent. Asked again for the same segment while the server is away:
 * the last word on the approval, the first version read (every try was asked against the same
 * stored status, which none of them changed). Another segment's save replaces it (one editor).
 */
export function keepSave(prev: KeptSave | null, asked: KeptSave): KeptSave {
  if (prev && prev.segmentId === asked.segmentId && prev.statusVersion !== undefined) return { ...asked, statusVersion: prev.statusVersion };
  return asked;
}

/** The kept save of the segment the editor is on (null: none, or one kept for another segment's editor). */
export function keptSaveFor(kept: KeptSave | null, segmentId: number | null | undefined): KeptSave | null {
  return kept && segmentId != null && kept.segmentId === segmentId ? kept : null;
}

/**
 * How to save the editor's text: the approval asked for and the status version to send with it.
 * A retry takes both from the kept save (what the reviewer asked, when they asked), never from the
 * row as it is now; a first try reads the row's version now.
 */
export function saveRequest(opts: { approve?: boolean; retry?: boolean }, kept: KeptSave | null, rowStatusVersion: number | null | undefined): { approve: boolean; statusVersion: number | null | undefined } {
  if (opts.retry && kept) return { approve: kept.approve, statusVersion: kept.statusVersion };
  return { approve: !!opts.approve, statusVersion: rowStatusVersion };
}
