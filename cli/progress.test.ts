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

describe('progress bar: many small steps', () => {
  it('draws a frame per whole percent and the last one, not one per step', () => {
    const out: string[] = [];
    const tty = progressOn({ isTTY: true, columns: 80, write: (s) => out.push(s) });
    for (let i = 0; i <= 10000; i++) tty.update('storing', i, 10000);
    expect(out.length).toBe(101);
    expect(out[0]).toMatch(/ 0\/10000\x1b\[K$/);
    expect(out[out.length - 1]).toMatch(/\[#+\] 10000\/10000\x1b\[K$/);
    tty.update('converting', 0, 10000); // a new stage draws at once
    expect(out[out.length - 1]).toMatch(/^\rconverting \[-+\] 0\/10000/);
  });
});
