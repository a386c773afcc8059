import { describe, expect, it } from 'vitest';
import { readersByDocument, shortNames } from './presence';

describe('presence', () => {
  it('groups readers by document, each name once, sorted', () => {
    const m = readersByDocument([
      { reviewer: 'Bo', documentId: 2, since: '' },
      { reviewer: 'Ann', documentId: 2, since: '' },
      { reviewer: 'Bo', documentId: 2, since: '' },
      { reviewer: 'Cy', documentId: 3, since: '' },
      { reviewer: 'Dee', documentId: null, since: '' },
    ]);
    expect([...m]).toEqual([
      [2, ['Ann', 'Bo']],
      [3, ['Cy']],
    ]);
  });

  it("leaves out the window's own reviewer (its other windows, and this tab before a reload)", () => {
    const entries = [
      { reviewer: 'root', documentId: 2, since: '' },
      { reviewer: 'root', documentId: 3, since: '' },
      { reviewer: 'Ann', documentId: 2, since: '' },
    ];
    expect([...readersByDocument(entries, 'root')]).toEqual([[2, ['Ann']]]);
    expect([...readersByDocument(entries, 'Ann')]).toEqual([
      [2, ['root']],
      [3, ['root']],
    ]);
    // before the window knows its name (boot), nobody is left out
    expect(readersByDocument(entries).get(2)).toEqual(['Ann', 'root']);
  });

  it('shortens long lists', () => {
    expect(shortNames(['A', 'B', 'C'])).toBe('A, B, C');
    expect(shortNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C +2');
  });
});
