import { describe, expect, it } from 'vitest';
import * as changeq from '../db/queries/changes';
import { callerContext } from '../shared/contract/caller';
import type { ChangeEvent } from '../shared/contract/changes';
import { CHANGE_LOG_KEEP, CHANGE_LOG_PRUNE_EVERY, ChangeCollector, toChangeEvent } from './change-log';
import { importSample, useFreshService } from './test-helpers';

const fresh = useFreshService();

function entries(since = 0): ChangeEvent[] {
  return changeq.changesAfter(fresh.service.db, since, 10_000).map(toChangeEvent);
}

function sample() {
  const { documentId } = importSample(fresh.service);
  const segs = fresh.service.getSegments({ documentId });
  return { documentId, segs, projectId: fresh.service.getDocument({ documentId }).projectId };
}

describe('change log', () => {
  it('appends one row per write transaction, with the caller and the ids it touched', () => {
    const { documentId, segs, projectId } = sample();
    const before = changeq.latestSeq(fresh.service.db);
    const window = callerContext('window', 7, 'Ana');
    fresh.service.editSegment({ segmentId: segs[3].id, text: segs[3].text + '。' }, window);
    const rows = entries(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      seq: before + 1,
      client: { kind: 'window', id: '7' },
      reviewer: 'Ana',
      ids: { projects: [projectId], documents: [documentId], segments: [segs[3].id] },
    });
  });

  it('logs an import (the new document) and a multi-segment status change in one row each', () => {
    const { documentId, segs } = sample();
    const importRow = entries().at(-1)!;
    expect(importRow.ids.documents).toEqual([documentId]);
    expect(importRow.ids.topics).toEqual(['library']);
    const before = changeq.latestSeq(fresh.service.db);
    fresh.service.setStatus({ segmentIds: [segs[0].id, segs[1].id, segs[2].id], status: 'approved' }, callerContext('cli', 42));
    const rows = entries(before);
    expect(rows).toHaveLength(1);
    expect(rows[0].ids.segments).toEqual([segs[0].id, segs[1].id, segs[2].id]);
    expect(rows[0].client).toEqual({ kind: 'cli', id: '42' });
  });

  it('names the removed and new segments of a split, and undo names them again', () => {
    const { segs } = sample();
    const seg = segs.find((s) => s.text.length > 10)!;
    const before = changeq.latestSeq(fresh.service.db);
    const r = fresh.service.splitSegment({ segmentId: seg.id, at: 4 });
    const [split] = entries(before);
    expect(split.ids.removedSegments).toEqual(r.removedSegmentIds);
    expect(split.ids.segments).toEqual(r.segments.map((s) => s.id).sort((a, b) => a - b));
    const u = fresh.service.undo({ projectId: fresh.service.getDocument({ documentId: seg.documentId }).projectId });
    const undo = entries(split.seq)[0];
    expect(undo.ids.segments).toEqual(u.segments.map((s) => s.id).sort((a, b) => a - b));
    expect(undo.ids.removedSegments).toEqual(u.removedSegmentIds);
  });

  it('logs annotations, claims and glossary entries by id, with their document', () => {
    const { documentId, segs } = sample();
    const seg = segs.find((s) => s.text.length > 6)!;
    let since = changeq.latestSeq(fresh.service.db);
    const a = fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'note', body: 'x' });
    expect(entries(since)[0].ids).toEqual({ annotations: [a.id], documents: [documentId] });
    since = changeq.latestSeq(fresh.service.db);
    const c = fresh.service.createClaim({ segmentId: seg.id, start: 0, end: 4 });
    expect(entries(since)[0].ids).toMatchObject({ claims: [c.id], documents: [documentId] });
    since = changeq.latestSeq(fresh.service.db);
    const g = fresh.service.saveGlossaryEntry({ documentId, term: '王征', variants: ['王徵'], type: 'person', note: '', english: '' });
    expect(entries(since)[0].ids).toMatchObject({ glossary: [g.entry.id], documents: [documentId] });
  });

  it('writes no row for a call that changed nothing, nor for a refused write', () => {
    const { segs } = sample();
    const before = changeq.latestSeq(fresh.service.db);
    fresh.service.setStatus({ segmentIds: [segs[0].id], status: segs[0].status });
    expect(() => fresh.service.editSegment({ segmentId: 999_999, text: 'x' })).toThrow();
    expect(changeq.latestSeq(fresh.service.db)).toBe(before);
  });

  it("logs a write that named nothing as 'unknown', so followers refetch", () => {
    sample();
    const before = changeq.latestSeq(fresh.service.db);
    fresh.service.engine.tx(() => fresh.service.db.prepare(`UPDATE documents SET title = title || '!'`).run());
    expect(entries(before)[0].ids).toEqual({ topics: ['unknown'] });
  });

  it('keeps the last CHANGE_LOG_KEEP entries, pruning now and then', () => {
    const db = fresh.service.db;
    const c = new ChangeCollector(undefined);
    c.add({ topics: ['settings'] });
    const n = CHANGE_LOG_KEEP + CHANGE_LOG_PRUNE_EVERY;
    db.transaction(() => {
      for (let i = 0; i < n; i++) c.append(fresh.service.store, 'now');
    })();
    const latest = changeq.latestSeq(db);
    expect(latest).toBeGreaterThanOrEqual(n);
    // the last prune ran at a multiple of PRUNE_EVERY: at most KEEP + PRUNE_EVERY rows remain, the newest always
    const count = db.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;
    expect(count).toBeLessThan(CHANGE_LOG_KEEP + CHANGE_LOG_PRUNE_EVERY);
    expect(count).toBeGreaterThanOrEqual(CHANGE_LOG_KEEP);
    expect(changeq.oldestSeq(db)).toBe(latest - count + 1);
  });
});
