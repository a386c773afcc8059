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
});
