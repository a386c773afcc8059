import { describe, expect, it } from 'vitest';
import { discardedBy, discardedEnglish, editHeldBy, parseDiscardedEdit, restoreIndex, unsavedEdit } from './open-edit';

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

describe('Esc never loses typing', () => {
  it('Esc with changed text keeps it, with the version it was based on; unchanged text keeps nothing', () => {
    expect(discardedBy({ segmentId: 11, draft: '由CFO王征介紹', version: 7 }, 3, segments)).toEqual({ documentId: 3, segmentId: 11, draft: '由CFO王征介紹', version: 7 });
    expect(discardedBy({ segmentId: 11, draft: '由CFO王震介紹', version: 7 }, 3, segments)).toBeNull();
    expect(discardedBy(null, 3, segments)).toBeNull();
    expect(discardedBy({ segmentId: 11, draft: '新' }, null, segments)).toBeNull();
  });

  it('a discarded correction is restored in its own document, while its segment is there and its text is not already that', () => {
    const gone = { documentId: 3, segmentId: 11, draft: '由CFO王征介紹', version: 7 };
    expect(restoreIndex(gone, 3, segments)).toBe(1);
    expect(restoreIndex(gone, 4, segments)).toBeNull();
    expect(restoreIndex(gone, 3, segments.filter((s) => s.id !== 11))).toBeNull();
    expect(restoreIndex(gone, 3, [{ id: 11, text: '由CFO王征介紹' }])).toBeNull();
    expect(restoreIndex(null, 3, segments)).toBeNull();
    // someone changed the segment since: it is still offered (saving it then meets the conflict view)
    expect(restoreIndex(gone, 3, [{ id: 11, text: '由財務長王震介紹' }])).toBe(0);
  });
});

describe('Esc in the English editor keeps changed typing', () => {
  it('keeps a draft that differs from the English as saved, with the version it was typed on', () => {
    expect(discardedEnglish(3, 14, 'new words', 'old words', 7)).toEqual({ documentId: 3, segmentId: 14, draft: 'new words', version: 7 });
  });
  it('keeps nothing when the draft is the saved English, or no document is open', () => {
    expect(discardedEnglish(3, 14, 'same', 'same', 7)).toBeNull();
    expect(discardedEnglish(null, 14, 'new', 'old', 7)).toBeNull();
  });
});

describe('parseDiscardedEdit (the discarded correction kept in local storage)', () => {
  it('reads back what was kept, with or without a version', () => {
    const kept = { documentId: 3, segmentId: 14, draft: '營收成長', version: 7 };
    expect(parseDiscardedEdit(JSON.stringify(kept))).toEqual(kept);
    expect(parseDiscardedEdit(JSON.stringify({ documentId: 3, segmentId: 14, draft: '' }))).toEqual({ documentId: 3, segmentId: 14, draft: '', version: null });
  });
  it('is null for nothing or anything malformed', () => {
    for (const raw of [null, '', 'not json', '42', 'null', '{"documentId":3,"segmentId":14}', '{"documentId":0,"segmentId":14,"draft":"x"}', '{"documentId":3,"segmentId":14,"draft":"x","version":"7"}'])
      expect(parseDiscardedEdit(raw)).toBeNull();
  });
});
