import { describe, expect, it } from 'vitest';
import { makeAnchor, mapPosition, reanchor } from './anchor';
import { charDiff } from './diff';

// Small deterministic PRNG so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const ALPHABET = ['商', '湯', '科', '技', '王', '征', '震', '徵', '，', '。', 'A', 'I', '1', '8', '𠼤', ' '];

function randomText(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

describe('mapPosition', () => {
  it('moves positions through insertions and deletions', () => {
    const parts = charDiff('abcdef', 'aXbcf');
    expect(mapPosition(parts, 0)).toBe(0);
    expect(mapPosition(parts, 1)).toBe(2); // after the insertion of X
    expect(mapPosition(parts, 3)).toBe(4); // 'd' deleted: its position goes to the deletion point
    expect(mapPosition(parts, 6)).toBe(5);
  });
  it('advances by text length, not token count, for astral characters', () => {
    const parts = charDiff('𠼤王震', '𠼤王征');
    expect(mapPosition(parts, 2)).toBe(2);
    expect(mapPosition(parts, 4, 'end')).toBe(4);
  });
});

describe('reanchor', () => {
  it('keeps an anchor whose text moved', () => {
    const old = '交由CFO王震介紹';
    const a = makeAnchor(old, 5, 7);
    const r = reanchor(a, old, '首先，' + old);
    expect(r).toMatchObject({ exact: '王震', orphaned: false, start: 8, end: 10 });
  });
  it('follows a correction inside the quote when most of it survives', () => {
    const old = '交由CFO王震介紹生成式AI';
    const a = makeAnchor(old, 5, 9); // 王震介紹
    const r = reanchor(a, old, old.replace('王震', '王征'));
    expect(r).toMatchObject({ exact: '王征介紹', orphaned: false });
  });
  it('orphans an anchor whose text was deleted, keeping the quote', () => {
    const old = '甲乙丙。王震介紹。丁戊';
    const a = makeAnchor(old, 4, 8);
    const r = reanchor(a, old, '甲乙丙。丁戊');
    expect(r.orphaned).toBe(true);
    expect(r.exact).toBe('王震介紹');
  });

  it('random edits: a surviving anchor always points at text equal to its quote, and never splits a surrogate pair', () => {
    const r = rng(42);
    for (let trial = 0; trial < 400; trial++) {
      let text = randomText(r, 5 + Math.floor(r() * 40));
      const s = Math.floor(r() * text.length);
      const e = Math.min(text.length, s + 1 + Math.floor(r() * 6));
      let anchor = { ...makeAnchor(text, s, e), orphaned: false };
      for (let step = 0; step < 5; step++) {
        const at = Math.floor(r() * (text.length + 1));
        const del = Math.floor(r() * 4);
        const ins = randomText(r, Math.floor(r() * 4));
        let next = text.slice(0, at) + ins + text.slice(at + del);
        // keep strings well-formed: drop lone surrogates created by cutting a pair
        next = next.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
        if (anchor.orphaned) break;
        anchor = reanchor(anchor, text, next);
        text = next;
        expect(anchor.start).toBeGreaterThanOrEqual(0);
        expect(anchor.end).toBeLessThanOrEqual(text.length);
        if (!anchor.orphaned) {
          expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
          const c = text.charCodeAt(anchor.start);
          expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
        }
      }
    }
  });
});
