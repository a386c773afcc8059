import { describe, expect, it } from 'vitest';
import { detectScript, detectVariant, differingChars } from './script';

/** The definition: code point arrays compared position by position, plus the length difference. */
function reference(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = Math.abs(x.length - y.length);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n;
}

describe('script detection', () => {
  it('differingChars counts code points, astral characters and lone surrogates included', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['頭髮', '头发'],
      ['頭髮', '頭髮'],
      ['𠼤甲乙', '𠼤甲'],
      ['甲𠼤', '甲乙丙'],
      ['\ud800甲', '\ud800乙'],
      ['a\udc00', 'a'],
      ['發展𠮷', '发展'],
    ];
    for (const [a, b] of cases) {
      expect(differingChars(a, b), `${a} / ${b}`).toBe(reference(a, b));
      expect(differingChars(b, a), `${b} / ${a}`).toBe(reference(b, a));
    }
  });

  it('tells the scripts and the Traditional standards apart', () => {
    expect(detectScript('這個頭髮很長，我們會議後再說。')).toBe('hant');
    expect(detectScript('这个头发很长，我们会议后再说。')).toBe('hans');
    expect(detectVariant('爲了這個問題，大家都着急。')).toBe('t');
    expect(detectVariant('為了這個問題，大家都著急。')).toBe('tw');
  });
});
