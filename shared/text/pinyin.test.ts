import { describe, expect, it } from 'vitest';
import { markPinyin } from './pinyin';

describe('markPinyin', () => {
  it('marks pinyin tones', () => {
    expect(markPinyin('Zhong1 guo2')).toBe('Zhōng guó');
    expect(markPinyin('shou3 xi2 zhi2 xing2 guan1')).toBe('shǒu xí zhí xíng guān');
    expect(markPinyin('lu:4 hou4 de5')).toBe('lǜ hòu de');
    expect(markPinyin('san1 C')).toBe('sān C');
  });
});
