import { describe, expect, it } from 'vitest';
import * as L from './operation-labels';

describe('operation label builders', () => {
  it('keep the English labels exactly as before (CLI output, stored labels)', () => {
    const cases: [L.OperationLabel, string][] = [
      [L.editSegmentLabel(3), 'Edit segment 3'],
      [L.statusLabel([4], 'approved'), 'Mark segment 4 approved'],
      [L.statusLabel([4, 5, 6], 'approved'), 'Mark 3 segments approved'],
      [L.furnitureLabel(2, true), 'Mark segment 2 as furniture'],
      [L.furnitureLabel(2, false), 'Unmark segment 2 as furniture'],
      [L.splitLabel(7), 'Split segment 7'],
      [L.mergeLabel(7), 'Merge segments 7 and 8'],
      [L.revertLabel(5, null), 'Revert segment 5 to the machine text'],
      [L.revertLabel(5, 42), 'Revert segment 5 to revision 42'],
      [L.fixLabel('doubled', 1, 9), 'Fix doubled in segment 9'],
      [L.fixLabel('doubled', 4, 9), 'Fix 4 × doubled'],
      [L.dismissLabel('stray-space'), 'Dismiss stray-space'],
      [L.addClaimLabel(2), 'Add claim in segment 2'],
      [L.editClaimLabel(11, ['type', 'status'], 2), 'Edit claim 11 (type, status) in segment 2'],
      [L.deleteClaimLabel(11, 2), 'Delete claim 11 in segment 2'],
      [L.claimCandidateLabel(true, 2), 'Reject claim candidate in segment 2'],
      [L.claimCandidateLabel(false, 2), 'Restore claim candidate in segment 2'],
      [L.xliffImportLabel(1), 'Import XLIFF (1 segment)'],
      [L.xliffImportLabel(0), 'Import XLIFF (0 segments)'],
      [L.xliffImportLabel(12), 'Import XLIFF (12 segments)'],
      [L.applyGlossaryLabel(1), 'Apply glossary to 1 segment'],
      [L.applyGlossaryLabel(4), 'Apply glossary to 4 segments'],
      [L.mtSegmentLabel(1), 'Machine-translate segment 1'],
      [L.mtSegmentsLabel(5), 'Machine-translate 5 segments'],
      [L.editEnglishLabel(6), 'Edit English of segment 6'],
      [L.englishStatusLabel([6], 'approved'), 'Mark English of segment 6 approved'],
      [L.englishStatusLabel([6, 7], 'edited'), 'Mark English of 2 segments edited'],
      [L.alignLabel('english', 'merge', undefined, 3), 'Align English: merge at segment 3'],
      [L.alignLabel('source', 'shift', 'up', 3), 'Align source: shift up at segment 3'],
      [L.alignLabel('english', 'split', undefined, 3), 'Align English: split at segment 3'],
      [L.replaceLabel('王震', '王征'), 'Replace “王震” with “王征”'],
      [L.replaceLabel('a'.repeat(40), 'b'), `Replace “${'a'.repeat(29)}…” with “b”`],
      [L.propagateLabel(2, 1), 'Apply the correction of segment 2 to 1 repetition'],
      [L.propagateLabel(2, 3), 'Apply the correction of segment 2 to 3 repetitions'],
    ];
    for (const [label, text] of cases) {
      expect(label.text).toBe(text);
      expect(L.OPERATION_LABEL_KEYS).toContain(label.key);
    }
    expect(L.alignLabel('source', 'shift', 'down', 1).key).toBe('align.source.shift.down');
    expect(L.replaceLabel('王震', '王征').params).toEqual({ find: '王震', replace: '王征' });
  });

  it('undo/redo wrap the target label, with or without a key', () => {
    const target = L.editSegmentLabel(3);
    const u = L.replayLabel('undo', { label: target.text, structured: target });
    expect(u).toEqual({ key: 'undo', params: { label: 'Edit segment 3' }, of: { key: 'segment.edit', params: { n: 3 } }, text: 'Undo Edit segment 3' });
    const old = L.replayLabel('redo', { label: 'Something from before', structured: null });
    expect(old).toEqual({ key: 'redo', params: { label: 'Something from before' }, text: 'Redo Something from before' });
  });

  it('round-trips through the stored JSON; older or unreadable data is null (show the English text)', () => {
    for (const l of [L.editClaimLabel(1, ['text'], 2), L.replayLabel('undo', { label: 'x', structured: L.splitLabel(4) })]) {
      const { text: _text, ...ref } = l;
      expect(L.parseOperationLabel(L.serializeOperationLabel(l))).toEqual(ref);
    }
    expect(L.parseOperationLabel(null)).toBeNull();
    expect(L.parseOperationLabel(undefined)).toBeNull();
    expect(L.parseOperationLabel('')).toBeNull();
    expect(L.parseOperationLabel('{not json')).toBeNull();
    expect(L.parseOperationLabel('{"key":1,"params":{}}')).toBeNull();
    expect(L.parseOperationLabel('{"key":"segment.edit","params":{"n":{"x":1}}}')).toBeNull();
    expect(L.parseOperationLabel('{"key":"undo","params":{"label":"x"},"of":{"key":"segment.edit"}}')).toBeNull();
  });
});
