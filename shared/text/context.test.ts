import { describe, expect, it } from 'vitest';
import { contextAround } from './context';

describe('contextAround', () => {
  it('gives the characters either side, so two equal quotes in one segment differ', () => {
    const t = '一個是公有云,一個是私有云。';
    const a = contextAround(t, t.indexOf('云'), t.indexOf('云') + 1, 3);
    const b = contextAround(t, t.lastIndexOf('云'), t.lastIndexOf('云') + 1, 3);
    expect(a).toEqual({ before: '是公有', after: ',一個' });
    expect(b).toEqual({ before: '是私有', after: '。' });
  });

  it('counts code points: an astral character is one and is never cut in half', () => {
    const t = '𠀋𠀋𠀋X𠀋𠀋';
    const i = t.indexOf('X');
    expect(contextAround(t, i, i + 1, 2)).toEqual({ before: '𠀋𠀋', after: '𠀋𠀋' });
  });

  it('clamps offsets outside the text and folds whitespace', () => {
    expect(contextAround('ab\n\ncd', 3, 99, 5)).toEqual({ before: 'ab ', after: '' });
    expect(contextAround('', 0, 0)).toEqual({ before: '', after: '' });
  });

  it('reads only a window around the span, with the result of reading the whole text (astral characters, cuts inside a pair, every offset)', () => {
    // the whole-text reading the window must agree with
    const whole = (text: string, start: number, end: number, width: number) => {
      const s = Math.max(0, Math.min(start, text.length));
      const e = Math.max(s, Math.min(end, text.length));
      const fold = (x: string) => x.replace(/\s+/g, ' ');
      return { before: fold(Array.from(text.slice(0, s)).slice(-width).join('')), after: fold(Array.from(text.slice(e)).slice(0, width).join('')) };
    };
    // lone halves of a pair too (a text cut inside one)
    const pieces = ['𠀋', '雲', 'a', ' ', '\n', '𡃁', '，', '\ud840', '\udc0b'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 40; n++) {
      let t = '';
      for (let k = next() % 24; k > 0; k--) t += pieces[next() % pieces.length];
      for (const width of [1, 2, 3, 4, 6]) {
        for (let start = 0; start <= t.length + 1; start++) {
          for (const end of [start, start + 1, start + 2, start + 5]) expect(contextAround(t, start, end, width)).toEqual(whole(t, start, end, width));
        }
      }
    }
    // a long text: the context is the few characters either side
    const long = '𠀋'.repeat(5000) + '云' + '𠀋'.repeat(5000);
    expect(contextAround(long, 10000, 10001)).toEqual({ before: '𠀋𠀋𠀋𠀋', after: '𠀋𠀋𠀋𠀋' });
  });
});

describe('contextAround: a number the window cuts is quoted whole', () => {
  it('runs the end on to the end of the number, with its per cent sign (上升1.|5% → 上升1.5%)', () => {
    const t = '臨時估計按年上升1.5%，高於預期。';
    const k = t.indexOf('上升');
    expect(contextAround(t, k - 2, k, 3).after).toBe('上升1.5%');
    expect(contextAround(t, k - 2, k, 4).after).toBe('上升1.5%');
  });

  it('runs the start back to the start of the number (1,2|34萬 → 1,234萬)', () => {
    const t = '用戶數達1,234萬戶';
    const k = t.indexOf('萬戶');
    expect(contextAround(t, k, k + 2, 2).before).toBe('1,234');
    expect(contextAround(t, k, k + 2, 4).before).toBe('1,234');
    expect(contextAround(t, k, k + 2, 6).before).toBe('達1,234');
  });

  it("leaves a window that ends at a number's edge or at a full stop after it as it was", () => {
    const t = '營收12億元。毛利率3.5%';
    expect(contextAround(t, 0, 2, 2).after).toBe('12');
    expect(contextAround(t, 0, 2, 3).after).toBe('12億');
    expect(contextAround('增加5.', 0, 2, 2).after).toBe('5.');
    expect(contextAround(t, t.indexOf('毛'), t.indexOf('毛') + 1, 4).after).toBe('利率3.5%');
  });

  it('starts no quote with the per cent sign of a number before it (12|%增 → 12%增)', () => {
    expect(contextAround('營收12%增加了', 6, 7, 2).before).toBe('12%增');
  });

  it('reads full-width figures as numbers too (．５％ → １２．５％)', () => {
    const t = '增加至１２．５％，但營收';
    expect(contextAround(t, 8, 9, 3).before).toBe('１２．５％');
    expect(contextAround(t, 0, 3, 3).after).toBe('１２．５％');
  });
});
