import { describe, expect, it } from 'vitest';
import { englishParts } from './moves';

const A = 'Recently, SenseTime (00020) held a results call.';
const B = 'Chairman and CEO Xu Li said the company grew.';
const C = 'Revenue rose.';
const row = (aligned: string, text = aligned) => ({ aligned, text });

describe('englishParts', () => {
  it('a sentence shifted to the row below is a move in both rows, not a deletion and an insertion', () => {
    const r4 = row(A, '');
    const r5 = row(B, `${A} ${B}`);
    expect(englishParts(r4, null, r5)).toEqual([{ op: 'moved-out', text: A, to: 'down' }]);
    expect(englishParts(r5, r4, row(C))).toEqual([
      { op: 'moved-in', text: `${A} `, from: 'up' },
      { op: 'equal', text: B },
    ]);
  });
  it('a join of the next row onto this one (merge) is a move up', () => {
    const r4 = row(A, `${A} ${B}`);
    const r5 = row(B, '');
    expect(englishParts(r4, null, r5)).toEqual([
      { op: 'equal', text: A },
      { op: 'moved-in', text: ` ${B}`, from: 'down' },
    ]);
    expect(englishParts(r5, r4, null)).toEqual([{ op: 'moved-out', text: B, to: 'up' }]);
  });
  it('an edit stays an edit: the text is nowhere else, or too short to call a move', () => {
    const edited = row(A, 'Recently, SenseTime (00020) held its annual results call.');
    const ops = englishParts(edited, row(C), row(B)).map((p) => p.op);
    expect(ops).toContain('delete');
    expect(ops).toContain('insert');
    expect(ops.filter((o) => o.startsWith('moved'))).toEqual([]);
    // "the" deleted here and inserted in the next row: a word edit in each
    const r1 = row('He said the results were good.', 'He said results were good.');
    const r2 = row('Revenue rose sharply.', 'Revenue rose the sharply.');
    expect(englishParts(r1, null, r2).some((p) => p.op === 'moved-out')).toBe(false);
  });
  it('text the neighbour already had as aligned did not move there', () => {
    const r4 = row(A, '');
    const r5 = row(`${A} ${B}`); // aligned so from the start
    expect(englishParts(r4, null, r5)).toEqual([{ op: 'delete', text: A }]);
  });
  it('unchanged rows are one equal part', () => {
    expect(englishParts(row(A), null, null)).toEqual([{ op: 'equal', text: A }]);
  });
});
