import { describe, expect, it } from 'vitest';
import { mapBackward, mapForward, mapFromBoundaries } from './offsetMap';

describe('offset maps', () => {
  const map = mapFromBoundaries(Int32Array.from([0, 1, -1, 2, 3, 5])); // chunk [1,3)→[1,2) and [4,5)→[3,5)
  it('keeps only chunks whose lengths differ', () => {
    expect(map).toEqual([
      { s: 1, sl: 2, d: 1, dl: 1 },
      { s: 4, sl: 1, d: 3, dl: 2 },
    ]);
  });
  it('maps forward and back, snapping inside chunks', () => {
    expect(mapForward(map, 0)).toBe(0);
    expect(mapForward(map, 1)).toBe(1);
    expect(mapForward(map, 2, 'start')).toBe(1);
    expect(mapForward(map, 2, 'end')).toBe(2);
    expect(mapForward(map, 3)).toBe(2);
    expect(mapForward(map, 5)).toBe(5);
    expect(mapBackward(map, 4, 'start')).toBe(4);
    expect(mapBackward(map, 5)).toBe(5);
    expect(mapBackward(map, 2)).toBe(3);
  });
  it('identity when null', () => {
    expect(mapForward(null, 7)).toBe(7);
    expect(mapFromBoundaries(Int32Array.from([0, 1, 2]))).toBeNull();
  });
});
