import { describe, expect, it } from 'vitest';
import { progressLine, progressOn } from './progress';
import { width } from './format';

describe('progress bar (cli/progress.ts)', () => {
  it('fills in proportion and fits the width', () => {
    expect(progressLine('checking', 0, 4, 80)).toMatch(/^checking \[-+\] 0\/4$/);
    expect(progressLine('checking', 4, 4, 80)).toMatch(/^checking \[#+\] 4\/4$/);
    const half = progressLine('checking', 5, 10, 80);
    expect(half.split('#').length - 1).toBe(half.split('-').length - 1);
    const long = progressLine('checking 商湯集團二零二三年全年業績電話會議紀錄全文'.repeat(2), 1, 3, 50);
    expect(width(long)).toBeLessThanOrEqual(49);
    expect(long).toContain('…');
  });
  it('writes only to a terminal', () => {
    const out: string[] = [];
    const piped = progressOn({ isTTY: false, write: (s) => out.push(s) });
    piped.update('x', 1, 2);
    piped.end();
    expect(out).toEqual([]);
    const tty = progressOn({ isTTY: true, columns: 60, write: (s) => out.push(s) });
    tty.update('x', 1, 2);
    tty.end();
    expect(out[0]).toMatch(/^\rx \[#+-+\] 1\/2\x1b\[K$/);
    expect(out[1]).toBe('\r\x1b[K');
  });
});
