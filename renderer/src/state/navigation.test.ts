import { describe, expect, it } from 'vitest';
import { nextInOrder, previousInOrder, stepInOrder } from './navigation';
import { filterRows, NO_FILTER } from './filters';
import type { Segment } from '../../../shared/domain/schemas';

describe('stepInOrder', () => {
  it('moves by rows, clamped, without a filter', () => {
    expect(stepInOrder(null, 5, 2, 1)).toBe(3);
    expect(stepInOrder(null, 5, 4, 1)).toBe(4);
    expect(stepInOrder(null, 5, 0, -1)).toBe(0);
  });
  it('moves among the shown rows only, also from a hidden row', () => {
    const order = [1, 3, 5, 6];
    expect(stepInOrder(order, 8, 1, 1)).toBe(3);
    expect(stepInOrder(order, 8, 3, -1)).toBe(1);
    expect(stepInOrder(order, 8, 4, 1)).toBe(5); // 4 is hidden: the next shown row after it
    expect(stepInOrder(order, 8, 4, -1)).toBe(3);
    expect(stepInOrder(order, 8, 6, 1)).toBe(6);
    expect(stepInOrder([], 8, 2, 1)).toBe(2);
  });
});

describe('nextInOrder', () => {
  it('finds the next matching shown row after the current one, wrapping, never the current one', () => {
    const pred = (i: number) => i % 2 === 0;
    expect(nextInOrder(null, 6, 2, pred)).toBe(4);
    expect(nextInOrder(null, 6, 4, pred)).toBe(0);
    expect(nextInOrder([1, 2, 3], 6, 2, pred)).toBe(-1);
    expect(nextInOrder([0, 3, 4], 6, 3, pred)).toBe(4);
  });
});

describe('filterRows', () => {
  const seg = (id: number, text: string, status: Segment['status'], machineText = text): Segment => ({
    id,
    documentId: 1,
    index: id - 1,
    paragraph: 0,
    machineText,
    text,
    sep: '',
    start: 0,
    end: 0,
    rendering: text.replace('徵', '征'),
    renderingMap: null,
    status,
    furniture: null,
    speaker: null,
    turn: null,
    updatedAt: '',
  });
  const segs = [seg(1, '王徵說', 'unreviewed'), seg(2, 'GPU', 'approved'), seg(3, '改過', 'edited', '原文'), seg(4, '其他', 'unreviewed')];
  it('returns null without filters, and the indices that pass otherwise', () => {
    expect(filterRows(segs, NO_FILTER, new Set())).toBeNull();
    expect(filterRows(segs, { ...NO_FILTER, status: 'unreviewed' }, new Set())).toEqual([0, 3]);
    expect(filterRows(segs, { ...NO_FILTER, changed: true }, new Set())).toEqual([2]);
    expect(filterRows(segs, { ...NO_FILTER, annotated: true }, new Set([4]))).toEqual([3]);
    expect(filterRows(segs, { ...NO_FILTER, text: 'gpu' }, new Set())).toEqual([1]);
    expect(filterRows(segs, { ...NO_FILTER, text: '王征' }, new Set())).toEqual([0]); // matches the rendering
    // rows with open findings (issue 17), with the other filters
    expect(filterRows(segs, { ...NO_FILTER, findings: true }, new Set(), new Map([[1, {}], [3, {}]]))).toEqual([0, 2]);
    expect(filterRows(segs, { ...NO_FILTER, findings: true, status: 'edited' }, new Set(), new Set([1, 3]))).toEqual([2]);
    expect(filterRows(segs, { ...NO_FILTER, findings: true }, new Set())).toEqual([]);
  });
});

describe('previousInOrder', () => {
  it('finds the last matching row before the current one, wrapping around, among the shown rows', () => {
    const has = new Set([1, 4, 7]);
    expect(previousInOrder(null, 10, 5, (i) => has.has(i))).toBe(4);
    expect(previousInOrder(null, 10, 4, (i) => has.has(i))).toBe(1);
    expect(previousInOrder(null, 10, 1, (i) => has.has(i))).toBe(7); // wraps
    expect(previousInOrder([0, 2, 4, 6], 10, 5, (i) => has.has(i))).toBe(4);
    expect(previousInOrder([0, 2, 6], 10, 5, (i) => has.has(i))).toBe(-1);
    expect(previousInOrder(null, 10, 4, (i) => i === 4)).toBe(-1); // the current row itself does not count
  });
});
