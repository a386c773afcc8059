import { describe, expect, it } from 'vitest';
import { isSurnameCodeS, isSurnameS, SURNAMES } from './surnames';

describe('isSurnameCodeS', () => {
  it('answers as isSurnameS for every UTF-16 code unit, at any position of a text', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isSurnameCodeS(`甲${ch}乙`, 1) !== isSurnameS(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('finds the Simplified surnames and not other characters', () => {
    expect(SURNAMES.length).toBeGreaterThan(100);
    for (const { s } of SURNAMES) expect(isSurnameCodeS(s, 0)).toBe(true);
    expect(isSurnameCodeS('张三', 0)).toBe(true);
    expect(isSurnameCodeS('張三', 0)).toBe(false); // Traditional form: the lookups are on the Simplified text
    expect(isSurnameCodeS('的', 0)).toBe(false);
    expect(isSurnameCodeS('', 0)).toBe(false);
  });
});
