import { describe, expect, it } from 'vitest';
import { clip, fitColumns, fitFor, formatTable, width } from './format';

describe('fitting tables to the terminal (cli/format.ts)', () => {
  it('counts CJK characters as two columns and cuts by display width with an ellipsis', () => {
    expect(width('王征abc')).toBe(7);
    expect(clip('王征表示業績', 7)).toBe('王征表…');
    expect(width(clip('王征表示業績', 7))).toBeLessThanOrEqual(7);
    expect(clip('short', 7)).toBe('short');
  });
  it('fits to a terminal only when stdout is one and --wide is not given', () => {
    expect(fitFor(true, 120, false)).toBe(120);
    expect(fitFor(true, undefined, false)).toBe(80);
    expect(fitFor(true, 120, true)).toBe('full');
    expect(fitFor(false, 120, false)).toBe('full');
  });
  it('cuts the widest columns to one cap so that each line fits', () => {
    expect(fitColumns([3, 10, 40], 100)).toEqual([3, 10, 40]);
    expect(fitColumns([3, 10, 40, 30], 50)).toEqual([3, 10, 15, 15]);
    const rows = [[1, 'error', '王震說算力收入增長了百分之三十，比去年同期多出許多'.repeat(3), 'The name 王震 differs from 王征 in segment 9 and in the glossary entry']];
    const fitted = formatTable(['#', 'SEVERITY', 'TEXT', 'MESSAGE'], rows, 48, 60);
    for (const line of fitted.trimEnd().split('\n')) expect(width(line)).toBeLessThanOrEqual(60);
    expect(fitted).toContain('…');
    const full = formatTable(['#', 'SEVERITY', 'TEXT', 'MESSAGE'], rows, 48, 'full');
    expect(full).toContain(rows[0][3]);
    expect(full).toContain(rows[0][2]);
    expect(full).not.toContain('…');
  });
});
