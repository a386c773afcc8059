import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getConverter, type ConversionConfig } from '../text/convert';
import { cachedConverterCount, glossaryConverter, glossaryPhrases, glossaryPhrasesFor, type GlossaryTerms } from './conversion';

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const suite = JSON.parse(readFileSync(new URL('../../tests/fixtures/opencc/testcases.json', import.meta.url), 'utf8')) as { cases: Case[] };
const cases = suite.cases.flatMap((c) => Object.entries(c.expected).map(([cfg, exp]) => ({ id: c.id, cfg: cfg as ConversionConfig, input: c.input, exp })));

const WANG: GlossaryTerms = { term: '王征', variants: ['王震', '王徵'] };
// A realistic termbase: people, organisations, products and terms from financial news.
const TERMBASE: GlossaryTerms[] = [
  WANG,
  { term: '徐立', variants: ['徐力'] },
  { term: '商湯科技', variants: ['商汤科技', '商湯集團'] },
  { term: '日日新', variants: ['日日新大模型'] },
  { term: '鍾南山', variants: ['鐘南山', '钟南山'] },
  { term: '生成式人工智能', variants: ['生成式人工智慧'] },
  { term: '算力', variants: [] },
  { term: '香港交易所', variants: ['港交所'] },
];

describe('glossary phrases for conversion', () => {
  it('maps term and variants to their OpenCC rendering for a Traditional document', () => {
    expect(glossaryPhrases('hant', 't', [WANG]).sort()).toEqual([
      ['王征', '王征'],
      ['王徵', '王征'],
      ['王震', '王震'],
    ]);
    expect(new Map(glossaryPhrases('hant', 't', TERMBASE)).get('鍾南山')).toBe(getConverter('t2s').convert('鍾南山'));
  });

  it('protects the canonical term in the Traditional rendering of a Simplified document', () => {
    expect(getConverter('s2t').convert('王征')).toBe('王徵'); // what OpenCC alone does
    const phrases = glossaryPhrases('hans', 't', [WANG]);
    expect(phrases).toContainEqual(['王征', '王征']);
    for (const v of ['t', 'tw', 'hk'] as const) {
      expect(glossaryConverter('hans', v, [WANG]).convert('首席财务官王征介绍')).toContain('王征介');
    }
    // A name whose Traditional form OpenCC cannot know: 钟南山 → the confirmed 鍾南山.
    expect(glossaryConverter('hans', 't', TERMBASE).convert('钟南山院士')).toBe('鍾南山院士');
    expect(glossaryConverter('hans', 'tw', TERMBASE).convert('钟南山院士')).toBe('鍾南山院士');
  });

  it('keeps the Simplified rendering of a Traditional document exactly as OpenCC where no name occurs', () => {
    const conv = glossaryConverter('hant', 't', TERMBASE);
    const text = '商湯科技的王震介紹了生成式人工智能，算力與香港交易所。';
    expect(conv.convert(text)).toBe('商汤科技的王震介绍了生成式人工智能，算力与香港交易所。');
    expect(conv.convertAligned(text).text).toBe(conv.convert(text));
  });

  it('caches one converter per distinct glossary and config', () => {
    const a = glossaryConverter('hant', 't', [WANG]);
    const n = cachedConverterCount();
    expect(glossaryConverter('hant', 't', [{ term: '王征', variants: ['王震', '王徵'] }])).toBe(a);
    expect(cachedConverterCount()).toBe(n);
    expect(glossaryConverter('hant', 't', [])).toBe(getConverter('t2s'));
    expect(glossaryConverter('hant', 'tw', [WANG])).not.toBe(a);
  });
});

describe('OpenCC’s suite with glossary entries added', () => {
  // A realistic termbase plus terms that occur in the suite's own sentences as whole words.
  // (A term that straddles two words of a sentence, like 口吃 in 胃口吃飯, does change
  // segmentation there: that is what confirming it means.)
  const entries: GlossaryTerms[] = [...TERMBASE, { term: '郭台銘', variants: ['郭臺銘'] }];
  for (const w of ['龍應台', '楊甦棣', '愛麗舍宮', '乾闥婆', '控制台', '李彥宏', '黃宏', '貝多芬', '鰂魚涌', '恒生指數', '喬治亞州', '帛琉', '背包', '沙河涌', '虛偽', '波浪']) {
    entries.push({ term: w, variants: [] });
  }

  it('fails no case that bare opencc-js passes (only the 3 t2s cases it misses by design)', () => {
    const bareFailing = cases.filter((c) => getConverter(c.cfg).convert(c.input) !== c.exp);
    expect(bareFailing.map((c) => c.cfg)).toEqual(['t2s', 't2s', 't2s']);
    const failing: string[] = [];
    let checked = 0;
    const converters = new Map<ConversionConfig, ReturnType<typeof getConverter>>();
    for (const c of cases) {
      if (bareFailing.includes(c)) continue;
      let conv = converters.get(c.cfg);
      if (!conv) {
        const phrases = glossaryPhrasesFor(c.cfg, entries);
        expect(phrases.length).toBeGreaterThan(entries.length);
        conv = getConverter(c.cfg, phrases);
        converters.set(c.cfg, conv);
      }
      const out = conv.convert(c.input);
      if (out !== c.exp) failing.push(`${c.id} ${c.cfg}: ${out} ≠ ${c.exp}`);
      if (conv.convertAligned(c.input).text !== out) failing.push(`${c.id} ${c.cfg}: aligned differs`);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
    // …and the entries do occur in the suite's sentences (the test exercises them).
    const exercised = cases.filter((c) => glossaryPhrasesFor(c.cfg, entries).some(([from]) => c.input.includes(from)));
    expect(exercised.length).toBeGreaterThan(20);
    expect(failing).toEqual([]);
  });

  it('a confirmed term wins over OpenCC’s regional phrases (by design: it is protected)', () => {
    // s2twp localises 算法 to 演算法 and 英伟达 to 輝達; a term confirmed as 算法 / 英偉達 stays.
    expect(getConverter('s2twp').convert('排序算法')).toBe('排序演算法');
    expect(getConverter('s2twp', glossaryPhrasesFor('s2twp', [{ term: '算法', variants: [] }])).convert('排序算法')).toBe('排序算法');
    expect(getConverter('s2twp', glossaryPhrasesFor('s2twp', [{ term: '英偉達', variants: [] }])).convert('英伟达')).toBe('英偉達');
  });
});
