/** The generator's building blocks: alignment, figures, misheard names, seeded draws. */
import { describe, expect, it } from 'vitest';
import { diffHunks, offsetMapper } from './align';
import { figureIn, malformedOptions, shiftDecimal } from './numbers';
import { homophone, mishear } from './people';
import { rng } from './random';
import { pinyin } from 'pinyin-pro';

describe('alignment', () => {
  it('splits a one-to-one conversion into single characters and maps offsets through a length change', () => {
    const a = '范志松為了公布';
    const b = '範志松爲了公佈';
    expect(diffHunks(a, b).map((h) => [h.aStart, h.aEnd, h.bStart, h.bEnd])).toEqual([
      [0, 1, 0, 1],
      [3, 4, 3, 4],
      [6, 7, 6, 7],
    ]);
    const grown = diffHunks('甲乙丙丁', '甲乙乙乙丙丁');
    const map = offsetMapper(grown);
    expect(map(0)).toBe(0);
    expect(map(3)).toBe(5);
    expect(map(4, true)).toBe(6);
  });
});

describe('figures', () => {
  it('finds the figure, its magnitude and unit in a metric quote', () => {
    expect(figureIn('付費用戶1,250萬戶', 10)).toMatchObject({ start: 14, end: 20, digits: '1,250', magnitude: '萬', unit: '戶', unitStart: 20 });
    expect(figureIn('年增12.3%', 0)).toMatchObject({ digits: '12.3', magnitude: '', unit: '%' });
  });
  it('makes the malformed renderings the classes describe', () => {
    expect(malformedOptions(figureIn('3,560萬元', 0)!)).toEqual([
      { kind: 'comma-shift', text: '35,60萬' },
      { kind: 'digit-groups', text: '35,600,000萬' },
    ]);
    expect(malformedOptions(figureIn('12.5億', 0)!).map((o) => o.text)).toEqual(['12,5億', '125,000億']);
    expect(malformedOptions(figureIn('4,800名', 0)!)).toEqual([]);
  });
  it('shifts the decimal point for scale errors, grouping digits as the texts do', () => {
    expect([shiftDecimal('48.6', 1), shiftDecimal('48.6', -1), shiftDecimal('3,560', 3), shiftDecimal('6.35', 2)]).toEqual(['486', '4.86', '3,560,000', '635']);
  });
});

describe('misheard names', () => {
  it('a homophone has the same syllable and is another character', () => {
    const r = rng('t');
    for (const c of ['征', '華', '雲']) {
      const h = homophone(c, r)!;
      expect(h).not.toBe(c);
      expect(pinyin(h, { toneType: 'none' })).toBe(pinyin(c, { toneType: 'none' }));
    }
  });
  it('every kind changes the name and keeps it plausible', () => {
    const r = rng('names');
    const kinds = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const m = mishear('余振華', r)!;
      kinds.add(m.kind);
      expect(m.wrong).not.toBe('余振華');
      expect([...m.wrong].length).toBeGreaterThanOrEqual(2);
    }
    expect(kinds).toEqual(new Set(['homophone', 'drop-surname', 'invert', 'length']));
  });
  it('seeded draws repeat', () => {
    const a = rng('s');
    const b = rng('s');
    expect([a.next(), a.int(100), a.pick(['x', 'y', 'z'])]).toEqual([b.next(), b.int(100), b.pick(['x', 'y', 'z'])]);
  });
});

describe('corrected sample', () => {
  it('has every gold error fixed: no 王震/王徵, clouds as 雲, full-width punctuation', async () => {
    const { correctedSample } = await import('./sample');
    const { PACKAGE_ROOT } = await import('../../core/context');
    const { text } = correctedSample(PACKAGE_ROOT);
    expect(text).not.toMatch(/王震|王徵|公有云|私有云/);
    expect(text).toContain('交由CFO王征介紹');
    expect(text).toContain('商湯科技（00020）業績交流會：');
  });
});
