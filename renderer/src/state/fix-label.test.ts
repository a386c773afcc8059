import { describe, expect, it } from 'vitest';
import { fixLabel } from './fix-label';

const at = (text: string, start: number) => ({ text, start, end: start + text.length });

describe('fixLabel', () => {
  it('a word-sized fix shows its replacement alone', () => {
    expect(fixLabel(at('設置', 5), { start: 5, end: 7, replacement: '設備' })).toEqual({ kind: 'to', to: '設備' });
  });

  it('a one-character fix names the character it replaces', () => {
    expect(fixLabel(at('覆', 10), { start: 10, end: 11, replacement: '復' })).toEqual({ kind: 'change', from: '覆', to: '復' });
  });

  it('inside a longer quote, the character under the fix', () => {
    expect(fixLabel(at('範雲徵', 3), { start: 5, end: 6, replacement: '征' })).toEqual({ kind: 'change', from: '徵', to: '征' });
  });

  it('a deletion of one character names it', () => {
    expect(fixLabel(at('的', 6), { start: 6, end: 7, replacement: '' })).toEqual({ kind: 'change', from: '的', to: '' });
  });

  it('a fix outside the quote, or one that changes nothing it can name, shows its replacement alone', () => {
    expect(fixLabel(at('徵', 3), { start: 1, end: 2, replacement: '范' })).toEqual({ kind: 'to', to: '范' });
    expect(fixLabel(at('，', 3), { start: 3, end: 5, replacement: '，' })).toEqual({ kind: 'to', to: '，' });
  });
});
