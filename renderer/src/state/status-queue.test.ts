import { describe, expect, it } from 'vitest';
import { JiaoduiError } from '../../../shared/errors';
import { afterBatch, enqueueStatus, isUnreachable, keepSave, keptSaveFor, observedQueue, pendingStatuses, saveRequest, statusBatches, type QueuedStatus } from './status-queue';

describe('status changes waiting for a team server (status-queue.ts)', () => {
  it('retries only what failed because the team server could not be reached', () => {
    expect(isUnreachable(new JiaoduiError('team-unreachable', 'The team server example.org cannot be reached.'))).toBe(true);
    expect(isUnreachable(new JiaoduiError('edit-conflict', 'changed'))).toBe(false);
    expect(isUnreachable(new JiaoduiError('forbidden', 'Only a lead can approve.'))).toBe(false);
    expect(isUnreachable(new Error('boom'))).toBe(false);
    expect(isUnreachable(null)).toBe(false);
  });

  it('keeps the version read when the reviewer asked, and the last status asked for a segment', () => {
    let q: QueuedStatus[] = [];
    q = enqueueStatus(q, { segmentId: 5, status: 'approved', version: 3 });
    q = enqueueStatus(q, { segmentId: 7, status: 'unreviewed', version: 1 });
    // asked again for 5 (the row still shows the stored status, version 3): the last word, the first version
    q = enqueueStatus(q, { segmentId: 5, status: 'unreviewed', version: 3 });
    expect(q).toEqual([
      { segmentId: 7, status: 'unreviewed', version: 1 },
      { segmentId: 5, status: 'unreviewed', version: 3 },
    ]);
    // the version sent is the one read before any of the queued changes, never a later read
    expect(enqueueStatus([{ segmentId: 5, status: 'approved', version: 3 }], { segmentId: 5, status: 'edited', version: 9 })).toEqual([{ segmentId: 5, status: 'edited', version: 3 }]);
  });

  it('sends one call per status, with every segment’s version in order (a status changed meanwhile is refused as a conflict)', () => {
    const q: QueuedStatus[] = [
      { segmentId: 2, status: 'approved', version: 4 },
      { segmentId: 9, status: 'unreviewed', version: null },
      { segmentId: 3, status: 'approved', version: 0 },
    ];
    expect(statusBatches(q)).toEqual([
      { status: 'approved', segmentIds: [2, 3], versions: [4, 0] },
      { status: 'unreviewed', segmentIds: [9], versions: [null] },
    ]);
    // a backend that gave no versions: none sent (as the first try sent none)
    expect(statusBatches([{ segmentId: 1, status: 'approved' }])).toEqual([{ status: 'approved', segmentIds: [1] }]);
    expect(statusBatches([])).toEqual([]);
  });

  it('drops a batch once answered (stored, or refused and shown), keeps it while unreachable, and keeps a newer wish for one of its segments', () => {
    const q: QueuedStatus[] = [
      { segmentId: 2, status: 'approved', version: 4 },
      { segmentId: 9, status: 'unreviewed', version: 1 },
    ];
    const [approved] = statusBatches(q);
    expect(afterBatch(q, approved, 'unreachable')).toEqual(q);
    expect(afterBatch(q, approved, 'answered')).toEqual([{ segmentId: 9, status: 'unreviewed', version: 1 }]);
    // while the batch was on its way the reviewer asked 2 to be unreviewed: that stays queued
    const meanwhile = enqueueStatus(q, { segmentId: 2, status: 'unreviewed', version: 4 });
    expect(afterBatch(meanwhile, approved, 'answered')).toEqual([
      { segmentId: 9, status: 'unreviewed', version: 1 },
      { segmentId: 2, status: 'unreviewed', version: 4 },
    ]);
  });

  it('a save with approval that could not be sent keeps the approval and the status version read when asked', () => {
    // Ctrl+Enter on segment 5 (status version 3): not sent
    let kept = keepSave(null, { segmentId: 5, approve: true, statusVersion: 3 });
    // asked again (Ctrl+Enter) after the feed showed someone's status change (version 9): still the first version
    kept = keepSave(kept, { segmentId: 5, approve: true, statusVersion: 9 });
    expect(kept).toEqual({ segmentId: 5, approve: true, statusVersion: 3 });
    // Enter (no approval) the last time: the last word counts
    expect(keepSave(kept, { segmentId: 5, approve: false, statusVersion: 9 })).toEqual({ segmentId: 5, approve: false, statusVersion: 3 });
    // another segment's editor: its own save
    expect(keepSave(kept, { segmentId: 6, approve: true, statusVersion: 1 })).toEqual({ segmentId: 6, approve: true, statusVersion: 1 });
    // a backend without versions first: the later read is taken
    expect(keepSave({ segmentId: 5, approve: true }, { segmentId: 5, approve: true, statusVersion: 2 })).toEqual({ segmentId: 5, approve: true, statusVersion: 2 });
    expect(keptSaveFor(kept, 5)).toBe(kept);
    expect(keptSaveFor(kept, 6)).toBeNull();
    expect(keptSaveFor(kept, null)).toBeNull();
    expect(keptSaveFor(null, 5)).toBeNull();
  });

  it('the retry sends what was kept, never the row as it is now; a first try reads the row', () => {
    const kept = { segmentId: 5, approve: true, statusVersion: 3 };
    // the row now shows version 9 (someone's status change came through the feed): the retry still sends 3, so it is a conflict
    expect(saveRequest({ retry: true }, kept, 9)).toEqual({ approve: true, statusVersion: 3 });
    expect(saveRequest({ retry: true }, { ...kept, approve: false }, 9)).toEqual({ approve: false, statusVersion: 3 });
    // nothing kept (a save that failed otherwise): a plain save, as asked
    expect(saveRequest({ retry: true }, null, 9)).toEqual({ approve: false, statusVersion: 9 });
    expect(saveRequest({ approve: true }, null, 9)).toEqual({ approve: true, statusVersion: 9 });
    expect(saveRequest({ approve: true }, kept, 9)).toEqual({ approve: true, statusVersion: 9 });
  });
});

describe('the rows’ marks of status changes waiting to be sent', () => {
  it('each segment with a queued change shows the status it waits to send (the last asked); sent or refused, it shows none', () => {
    let q: QueuedStatus[] = [];
    q = enqueueStatus(q, { segmentId: 1, status: 'approved', version: 3 });
    q = enqueueStatus(q, { segmentId: 2, status: 'edited', version: 4 });
    q = enqueueStatus(q, { segmentId: 1, status: 'unreviewed', version: 5 });
    expect([...pendingStatuses(q)]).toEqual([
      [2, 'edited'],
      [1, 'unreviewed'],
    ]);
    // an answered batch (stored, or refused as a conflict) leaves the queue: its rows' marks go
    const [edited] = statusBatches(q).filter((b) => b.status === 'edited');
    expect([...pendingStatuses(afterBatch(q, edited, 'answered'))]).toEqual([[1, 'unreviewed']]);
    // unreachable again: still waiting
    expect([...pendingStatuses(afterBatch(q, edited, 'unreachable'))]).toHaveLength(2);
  });

  it('the queue tells every assignment (useReview’s and the kept-writes storage’s), so the marks follow', () => {
    const told: QueuedStatus[][] = [];
    const cell = observedQueue((next) => told.push(next));
    expect(cell.current).toEqual([]);
    cell.current = enqueueStatus(cell.current, { segmentId: 7, status: 'approved' });
    cell.current = [];
    expect(told).toEqual([[{ segmentId: 7, status: 'approved' }], []]);
    expect(cell.current).toEqual([]);
  });
});
