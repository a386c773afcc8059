import { describe, expect, it } from 'vitest';
import { describeImplausible, implausibleText, junkKind } from './plausible';

describe('junkKind', () => {
  it('names unassigned, noncharacter, private-use, rare CJK-extension and control code points', () => {
    expect(junkKind('\u0a00')).toBe('unassigned'); // Gurmukhi block, never assigned
    expect(junkKind('\ufffe')).toBe('unassigned'); // a noncharacter
    expect(junkKind('\ue000')).toBe('private-use');
    expect(junkKind('\u{f0000}')).toBe('private-use');
    expect(junkKind('\u3400')).toBe('rare-cjk'); // Extension A
    expect(junkKind('𠮷')).toBe('rare-cjk'); // Extension B
    expect(junkKind('\u0001')).toBe('control');
    expect(junkKind('\u0085')).toBe('control'); // C1
  });

  it('leaves text characters, whitespace controls and common Han alone', () => {
    for (const ch of ['a', '中', '國', '，', '。', '\t', '\n', '\r', '\f', 'ā', 'é', '1', '😀']) expect(junkKind(ch)).toBeNull();
  });
});

describe('implausibleText', () => {
  it('accepts Chinese text, English text, pinyin, and Chinese with a few rare characters', () => {
    expect(implausibleText('商湯科技業績交流會\n上線GPU達45000個，生成式AI業務為重點發展方向。\n')).toBeNull();
    expect(implausibleText('SenseTime reported revenue of 3.4 billion yuan.')).toBeNull();
    expect(implausibleText('Wǒ ài nǐ, Zhōngguó.')).toBeNull();
    expect(implausibleText('“𠮷野家”的“𠮷”字不在GBK里。')).toBeNull();
    expect(implausibleText('中')).toBeNull();
    expect(implausibleText('日本語のテキストです。')).toBeNull(); // Japanese has Han
  });

  it('leaves empty and invisible-only texts to the empty-file check', () => {
    expect(implausibleText('')).toBeNull();
    expect(implausibleText(' \n\u200b\u3000')).toBeNull();
  });

  it('refuses a text that is mostly private-use, unassigned or rare-extension code points', () => {
    const f = implausibleText('\ue000\ue001\u0a00\u3400a\n');
    expect(f).toMatchObject({ reason: 'junk', judged: 5, letters: 1, junk: { 'private-use': 2, unassigned: 1, 'rare-cjk': 1, control: 0 } });
    expect(f!.examples).toEqual(['U+E000', 'U+E001', 'U+0A00', 'U+3400']);
    expect(describeImplausible(f!)).toBe('4 of its 5 visible characters are unassigned, private-use or rare CJK-extension code points (U+E000, U+E001, U+0A00, U+3400)');
  });

  it('refuses a text that is mostly control characters', () => {
    const f = implausibleText('\u0001\u0002\u0003ab');
    expect(f).toMatchObject({ reason: 'junk', junk: { control: 3 } });
    expect(describeImplausible(f!)).toMatch(/^3 of its 5 visible characters are control code points/);
    expect(describeImplausible(implausibleText('\ue000')!)).toBe('its only visible character is a private-use code point (U+E000)');
  });

  it('half junk is not "mostly": exactly at the threshold the text stands', () => {
    expect(implausibleText('\ue000中')).toBeNull();
    expect(implausibleText('\ue000\ue001中')).not.toBeNull();
  });

  it('refuses a text with no Han ideograph and no Latin letter, naming what it has', () => {
    const f = implausibleText('Привет мир');
    expect(f).toMatchObject({ reason: 'no-letters', judged: 9, letters: 0 });
    expect(describeImplausible(f!)).toBe('none of its 9 visible characters is a Chinese character or a Latin letter ("П", "р", "и", "в", "е", …)');
    expect(implausibleText('2023 45,000 11.8')).toMatchObject({ reason: 'no-letters' });
    expect(implausibleText('안녕하세요')).toMatchObject({ reason: 'no-letters' });
    expect(describeImplausible(implausibleText('5')!)).toBe('its only visible character is neither a Chinese character nor a Latin letter ("5")');
    // one letter is enough
    expect(implausibleText('2023 年')).toBeNull();
    expect(implausibleText('2023 Q1')).toBeNull();
  });
});
