import { describe, expect, it } from 'vitest';
import { editHeldBy, unsavedEdit } from './open-edit';

const segments = [
  { id: 10, text: '甲' },
  { id: 11, text: '由CFO王震介紹' },
  { id: 12, text: '丙' },
];

describe('an open correction is not dropped', () => {
  it('an editor whose text differs from the segment holds, naming its row', () => {
    expect(unsavedEdit({ segmentId: 11, draft: '由CFO王征介紹' }, segments)).toEqual({ index: 1, row: 2 });
    // an emptied segment is a change too
    expect(unsavedEdit({ segmentId: 10, draft: '' }, segments)).toEqual({ index: 0, row: 1 });
  });

  it('no editor, an unchanged editor or a segment no longer there holds nothing', () => {
    expect(unsavedEdit(null, segments)).toBeNull();
    expect(unsavedEdit({ segmentId: 11, draft: '由CFO王震介紹' }, segments)).toBeNull();
    expect(unsavedEdit({ segmentId: 99, draft: '新' }, segments)).toBeNull();
  });

  it("another segment's editor or another document is held back by a changed editor", () => {
    const open = { segmentId: 11, draft: '由CFO王征介紹' };
    expect(editHeldBy(open, segments, 12)).toEqual({ index: 1, row: 2 });
    expect(editHeldBy(open, segments, null)).toEqual({ index: 1, row: 2 });
    // the open editor's own segment: it stays open with its text
    expect(editHeldBy(open, segments, 11)).toBeNull();
    // nothing typed: the other editor opens
    expect(editHeldBy({ segmentId: 11, draft: '由CFO王震介紹' }, segments, 12)).toBeNull();
  });
});
