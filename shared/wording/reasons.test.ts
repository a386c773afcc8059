import { describe, expect, it } from 'vitest';
import { reasonWords } from './reasons';

describe('revision reasons in words', () => {
  it('a check fix names its rule in the UI language, never the stored id', () => {
    expect(reasonWords('zh-Hant', 'fix:entity-consistency')).toBe('檢查修正：人名寫法不一致');
    expect(reasonWords('en', 'fix:entity-consistency')).toBe('check fix: Name spelled inconsistently');
    // a rule the tables lack keeps its id after the words
    expect(reasonWords('zh-Hant', 'fix:some-future-rule')).toBe('檢查修正：some-future-rule');
  });

  it('the other reasons as before: the table, else as stored', () => {
    expect(reasonWords('zh-Hant', 'replace')).toBe('尋找與取代');
    expect(reasonWords('en', 'manual')).toBe('manual edit');
    expect(reasonWords('zh-Hant', 'my own words')).toBe('my own words');
  });
});
