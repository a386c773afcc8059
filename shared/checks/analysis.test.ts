import { describe, expect, it } from 'vitest';
import { hanScriptCount, icuBoundaries, icuWordIn, icuWords } from './analysis';

describe('icuWordIn', () => {
  // what the word rules computed before: every ICU word of the window, then the one holding k
  const viaWords = (s: string, lo: number, hi: number, k: number): [number, number] => {
    const a = Math.max(0, lo);
    const words = icuWords(s.slice(a, Math.min(s.length, hi))).map(([x, y]) => [x + a, y + a] as [number, number]);
    return words.find(([x, y]) => x <= k && k < y) ?? [k, k + 1];
  };

  it('gives the ICU word holding k in the window, as offsets of the text, as listing the words does', () => {
    const t = '公司董事長王震表示，公有雲業務收入同比增長48.6%，發佈會上宣佈新一代晶片，頭髮護理品牌亦有布局。';
    for (let k = 0; k < t.length; k++) {
      for (const [lo, hi] of [[k - 4, k + 5], [k - 3, k + 3], [k - 6, k + 7], [0, t.length]]) expect(icuWordIn(t, lo, hi, k)).toEqual(viaWords(t, lo, hi, k));
    }
    const k = t.indexOf('董');
    expect(icuWordIn(t, k - 4, k + 5, k)).toEqual([k, k + 3]); // 董事長
  });

  it('falls back to the character itself where k is outside the window or the text', () => {
    expect(icuWordIn('公有雲業務', 2, 4, 4)).toEqual([4, 5]);
    expect(icuWordIn('公有雲', 0, 3, 3)).toEqual([3, 4]);
    expect(icuWordIn('公有雲業務', 3, 5, 1)).toEqual([1, 2]);
  });
});

describe('icuBoundaries', () => {
  // what the name rules computed before: every word's start and end in the window, as a set
  const viaSet = (s: string, a: number, b: number) => {
    const lo = Math.max(0, a);
    const set = new Set<number>();
    for (const [ws, we] of icuWords(s.slice(lo, Math.min(s.length, b)))) set.add(ws + lo).add(we + lo);
    return set;
  };

  it('says where ICU puts a boundary in the window as the set of every word\'s ends does, at every position in and around it', () => {
    const t = '董事長王震表示，副總裁余承東與財務總監陳曉紅出席發佈會。CEO Li說 明年增長。';
    for (let a = -3; a < t.length + 2; a += 2) {
      for (const w of [0, 1, 5, 9, 14]) {
        const set = viaSet(t, a, a + w);
        const b = icuBoundaries(t, a, a + w);
        for (let p = a - 2; p <= a + w + 2; p++) expect(b.has(p)).toBe(set.has(p));
      }
    }
    const k = t.indexOf('王震');
    expect(icuBoundaries(t, k - 3, k + 6).has(k)).toBe(true);
  });
});

describe('hanScriptCount', () => {
  const viaMatch = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
  it('counts what matching Unicode’s Han script counts: ideographs of every block, 々〆〇, astral ones; not kana, punctuation or lone surrogates', () => {
    for (const s of ['', '營收12億元', '々〆〇〡⺀⼀', 'かなカナ、。，abc', '𠀀𪜀𫝀x𠮷', '\ud840', '\ud840a\udc00', '一\ud840', '  公司 董事長 王震表示：「收入增長」'])
      expect(hanScriptCount(s)).toBe(viaMatch(s));
  });
  it('stops counting at atMost', () => {
    expect(hanScriptCount('一二三四五六七八', 6)).toBe(6);
    expect(hanScriptCount('一二三', 6)).toBe(3);
  });
});
