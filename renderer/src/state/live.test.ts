import { describe, expect, it } from 'vitest';
import type { ChangeEvent, ChangeIds } from '../../../shared/contract/changes';
import type { Segment } from '../../../shared/domain/schemas';
import { invalidationsForOwnChange, keys, patchSegments, planRemoteChange } from './live';

function seg(id: number, index: number, text = `s${id}`): Segment {
  return { id, documentId: 1, index, paragraph: 0, machineText: text, text, sep: '', start: 0, end: 0, rendering: text, renderingMap: null, status: 'unreviewed', furniture: null, speaker: null, turn: null, updatedAt: '' } as Segment;
}
const rows = [seg(10, 0), seg(11, 1), seg(12, 2), seg(13, 3)];

const event = (ids: ChangeIds): ChangeEvent => ({ type: 'change', seq: 5, at: '', client: { kind: 'cli', id: '1' }, reviewer: null, ids });
const view = { documentId: 1, projectId: 7 };

describe('patchSegments', () => {
  it('replaces a changed row in place and keeps the others (same objects)', () => {
    const out = patchSegments(rows, [seg(11, 1, 'new')], []);
    expect(out.map((s) => s.text)).toEqual(['s10', 'new', 's12', 's13']);
    expect(out[0]).toBe(rows[0]);
  });

  it('a split: the first half replaced, the second inserted, the rows after renumbered', () => {
    const out = patchSegments(rows, [seg(11, 1, 'a'), seg(20, 2, 'b')], []);
    expect(out.map((s) => [s.id, s.index])).toEqual([
      [10, 0],
      [11, 1],
      [20, 2],
      [12, 3],
      [13, 4],
    ]);
  });

  it('a merge: the next row dropped, the rest renumbered; its undo brings both back', () => {
    const merged = patchSegments(rows, [seg(11, 1, 'ab')], [12]);
    expect(merged.map((s) => [s.id, s.index])).toEqual([
      [10, 0],
      [11, 1],
      [13, 2],
    ]);
    const undone = patchSegments(merged, [seg(11, 1), seg(12, 2)], []);
    expect(undone.map((s) => [s.id, s.index])).toEqual(rows.map((s) => [s.id, s.index]));
  });

  it('a split made elsewhere then undone: the halves removed, the original back at its place', () => {
    const split = patchSegments(rows, [seg(30, 2, 'x'), seg(31, 3, 'y')], [12]);
    expect(split.map((s) => s.id)).toEqual([10, 11, 30, 31, 13]);
    const back = patchSegments(split, [seg(12, 2)], [30, 31]);
    expect(back.map((s) => [s.id, s.index])).toEqual(rows.map((s) => [s.id, s.index]));
  });

  it('returns the same array when nothing it shows changed', () => {
    expect(patchSegments(rows, [], [99])).toBe(rows);
  });
});

describe('planRemoteChange', () => {
  it('a remote save in the open document: fetch that row by id, refresh progress, findings & co., history, undo', () => {
    const plan = planRemoteChange(event({ projects: [7], documents: [1], segments: [11] }), view);
    expect(plan).toMatchObject({ reloadRows: false, fetchSegments: [11], removeSegments: [], refreshDocument: true, refreshLibrary: true });
    expect(plan.invalidate).toEqual([keys.doc(1), keys.segment(11), keys.replace(), keys.searchAll(), keys.project(7)]);
    // the library lists: the open document's refresh refetches them (useReview.refreshDoc), not the plan
    expect(plan.invalidate).not.toContainEqual(keys.library());
  });

  it('a save in another document of another project: no row fetched, nothing of the open document invalidated', () => {
    const plan = planRemoteChange(event({ projects: [8], documents: [2], segments: [50] }), view);
    expect(plan.fetchSegments).toEqual([]);
    expect(plan.refreshDocument).toBe(false);
    expect(plan.invalidate).not.toContainEqual(keys.doc(1));
    expect(plan.invalidate).not.toContainEqual(keys.project(7));
    // but open search results (they span documents) and the library's progress are refetched
    expect(plan.invalidate).toContainEqual(keys.searchAll());
    expect(plan.invalidate).toContainEqual(keys.library());
  });

  it('a document imported on the command line: the library lists and open search results, nothing of the open document', () => {
    const plan = planRemoteChange(event({ projects: [9], documents: [3], topics: ['library'] }), view);
    expect(plan.invalidate).toEqual([keys.searchAll(), keys.library()]);
    expect(plan).toMatchObject({ refreshDocument: false, fetchSegments: [] });
    expect(keys.search('商湯').slice(0, 1)).toEqual(keys.searchAll()); // one prefix covers every query's results
  });

  it('a parallel text attached to the open document: its rows are refetched whole', () => {
    expect(planRemoteChange(event({ documents: [1], reload: [1] }), view)).toMatchObject({ reloadRows: true, fetchSegments: [] });
  });

  it('an annotation elsewhere in the open document invalidates the document family, fetches no rows', () => {
    const plan = planRemoteChange(event({ annotations: [4], documents: [1] }), view);
    expect(plan.fetchSegments).toEqual([]);
    expect(plan.invalidate).toEqual([keys.doc(1)]);
  });

  it("a glossary entry saved elsewhere in the open document's project refreshes the glossary panel, fetches no rows", () => {
    const p = planRemoteChange(event({ glossary: [3], projects: [7] }), view);
    expect(p.invalidate).toContainEqual(keys.glossary(1));
    expect(p.fetchSegments).toEqual([]);
    expect(planRemoteChange(event({ glossary: [3], projects: [8] }), view).invalidate).not.toContainEqual(keys.glossary(1));
  });

  it("a write that named nothing ('unknown') means everything", () => {
    expect(planRemoteChange(event({ topics: ['unknown'] }), view)).toMatchObject({ reloadRows: true, refreshDocument: true, invalidate: [[]] });
  });

  it('labels changed: the label query', () => {
    expect(planRemoteChange(event({ topics: ['labels'] }), view).invalidate).toEqual([keys.labels()]);
  });
});

describe('invalidationsForOwnChange', () => {
  it("the document family, each changed row's history and the replace preview", () => {
    expect(invalidationsForOwnChange({ segments: [seg(11, 1)], removedSegmentIds: [12] }, 1)).toEqual([keys.doc(1), keys.segment(11), keys.segment(12), keys.replace(), keys.searchAll()]);
    // a write that changed no row (a claim, a comment) leaves search results alone
    expect(invalidationsForOwnChange({ segments: [], removedSegmentIds: [] }, 1)).not.toContainEqual(keys.searchAll());
  });
});
