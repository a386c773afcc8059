import { describe, expect, it } from 'vitest';
import { getConverter } from '../text/convert';
import { applyRules, compileRules, type ScopedTerms } from './apply';
import { firstConflict, glossaryConflict } from './validate';

const t2s = (s: string) => getConverter('t2s').convert(s);
const WANG: ScopedTerms = { term: '王征', variants: ['王震', '王徵'], scope: 'project' };

describe('applying a glossary to text', () => {
  it('replaces every variant with the term and counts replacements', () => {
    const c = compileRules([WANG], 'hant', t2s);
    const r = applyRules('交由CFO王震介紹；剛才王徵介紹的現金；王征說', c);
    expect(r.text).toBe('交由CFO王征介紹；剛才王征介紹的現金；王征說');
    expect(r.replacements).toEqual([
      { from: '王震', to: '王征', count: 1 },
      { from: '王徵', to: '王征', count: 1 },
    ]);
    expect(applyRules(r.text, c)).toEqual({ text: r.text, replacements: [] });
  });

  it('never touches a term, even when a variant is part of it (leftmost-longest)', () => {
    const c = compileRules([{ term: '商湯科技', variants: ['商湯', '商汤科技'], scope: 'project' }], 'hant', t2s);
    expect(applyRules('商湯科技與商湯集團、商汤科技', c).text).toBe('商湯科技與商湯科技集團、商湯科技');
  });

  it('uses Simplified forms for a Simplified document (and skips variants that fold into the term)', () => {
    const c = compileRules([WANG], 'hans', t2s);
    expect([...c.rules]).toEqual([['王震', '王征']]);
    expect(applyRules('王震和王征', c).text).toBe('王征和王征');
  });

  it('lets document entries override project entries', () => {
    // In this document 王徵 is a different, real person: its own entry protects the name.
    const doc: ScopedTerms = { term: '王徵', variants: [], scope: 'document' };
    const c = compileRules([WANG, doc], 'hant', t2s);
    expect(applyRules('王震與王徵', c).text).toBe('王征與王徵');
    // A document rule for a form replaces the project's.
    const doc2: ScopedTerms = { term: '王正', variants: ['王震'], scope: 'document' };
    expect(applyRules('王震', compileRules([WANG, doc2], 'hant', t2s)).text).toBe('王正');
  });

  it('handles astral characters and an empty glossary', () => {
    const c = compileRules([{ term: '𠼤乙', variants: ['𠼤甲'], scope: 'document' }], 'hant', t2s);
    expect(applyRules('x𠼤甲y', c).text).toBe('x𠼤乙y');
    expect(applyRules('abc', compileRules([], 'hant', t2s))).toEqual({ text: 'abc', replacements: [] });
  });
});

describe('conflicts in a whole list (imports)', () => {
  it('finds the same conflicts as the pairwise check, in one pass', () => {
    const list = [
      { term: '王征', variants: ['王震', '王徵'] },
      { term: '徐立', variants: ['徐力'] },
    ];
    expect(firstConflict(list)).toBeNull();
    const cases = [
      { term: '王征', variants: [] },
      { term: '王震', variants: [] },
      { term: '王正', variants: ['王征'] },
      { term: '王正', variants: ['徐力'] },
    ];
    for (const c of cases) {
      const r = firstConflict([...list, c]);
      expect(r?.index).toBe(2);
      expect(r?.message).toEqual(glossaryConflict(c, list));
    }
    // a large termbase is checked quickly
    const big = Array.from({ length: 20_000 }, (_, i) => ({ term: `詞${i}`, variants: [`錯${i}`, `誤${i}`] }));
    const t0 = Date.now();
    expect(firstConflict(big)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
