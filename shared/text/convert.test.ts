import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { Trie, type DictGroup } from 'opencc-js/core';
import { configs as presetConfigs } from 'opencc-js/preset';
import { dictionaryTrie, getConverter, type ConversionConfig } from './convert';
import { s2tTrie } from '../checks/analysis';
import { mapBackward, mapForward } from './offsetMap';

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const suite = JSON.parse(readFileSync(new URL('../../tests/fixtures/opencc/testcases.json', import.meta.url), 'utf8')) as { cases: Case[] };

// opencc-js's own converters, for configs it exposes as from/to locale pairs.
const LOCALES: Partial<Record<string, { from: string; to: string }>> = {
  s2t: { from: 'cn', to: 't' },
  t2s: { from: 't', to: 'cn' },
  s2tw: { from: 'cn', to: 'tw' },
  tw2s: { from: 'tw', to: 'cn' },
  s2hk: { from: 'cn', to: 'hk' },
  hk2s: { from: 'hk', to: 'cn' },
  s2twp: { from: 'cn', to: 'twp' },
  tw2sp: { from: 'twp', to: 'cn' },
  t2tw: { from: 't', to: 'tw' },
  t2hk: { from: 't', to: 'hk' },
  tw2t: { from: 'tw', to: 't' },
  hk2t: { from: 'hk', to: 't' },
};

describe('conversion matches opencc-js and OpenCC’s suite', () => {
  const cases = suite.cases.flatMap((c) => Object.entries(c.expected).map(([cfg, exp]) => ({ id: c.id, cfg: cfg as ConversionConfig, input: c.input, exp })));
  it('has the suite', () => expect(cases.length).toBeGreaterThan(500));

  it('produces exactly what opencc-js produces, aligned or not', () => {
    const bare = new Map<string, (s: string) => string>();
    for (const c of cases) {
      const loc = LOCALES[c.cfg];
      if (loc && !bare.has(c.cfg)) bare.set(c.cfg, OpenCC.Converter(loc as never));
      const conv = getConverter(c.cfg);
      const out = conv.convert(c.input);
      expect(conv.convertAligned(c.input).text, `${c.id} ${c.cfg}`).toBe(out);
      if (loc) expect(out, `${c.id} ${c.cfg}`).toBe(bare.get(c.cfg)!(c.input));
    }
  });

  it('passes OpenCC’s suite except the 3 t2s cases bare opencc-js 1.4.2 misses by design', () => {
    const failing = cases.filter((c) => getConverter(c.cfg).convert(c.input) !== c.exp);
    expect(failing.map((c) => c.cfg)).toEqual(['t2s', 't2s', 't2s']);
  });

  it('converts the sample’s names the way OpenCC does (the over-conversion we flag later)', () => {
    expect(getConverter('s2t').convert('王征')).toBe('王徵');
    expect(getConverter('t2s').convert('王徵')).toBe('王征');
  });

  it('extra phrases protect a confirmed name in every stage', () => {
    expect(getConverter('s2t', [['王征', '王征']]).convert('首席財務官王征介紹')).toContain('王征');
    expect(getConverter('s2tw', [['王征', '王征']]).convert('王征介绍')).toBe('王征介紹');
  });
});

describe('offset maps', () => {
  it('is null when lengths agree everywhere', () => {
    expect(getConverter('t2s').convertAligned('商湯科技業績交流會').map).toBeNull();
  });

  it('maps positions across length-changing conversions and astral characters', () => {
    // 𠼤 is astral (2 units); the normalization stage maps CJK compatibility ideographs.
    const src = '甲𠼤乙';
    const r = getConverter('t2s').convertAligned(src);
    expect(r.text.length).toBe(src.length);
    // A phrase whose conversion changes length: find one in the dictionaries via the suite.
    let found = false;
    for (const c of suite.cases) {
      for (const cfg of Object.keys(c.expected) as ConversionConfig[]) {
        const a = getConverter(cfg).convertAligned(c.input);
        if (!a.map) continue;
        found = true;
        // end maps to end, start to start, monotone in between
        expect(mapForward(a.map, 0)).toBe(0);
        expect(mapForward(a.map, c.input.length)).toBe(a.text.length);
        expect(mapBackward(a.map, a.text.length)).toBe(c.input.length);
        let prev = 0;
        for (let i = 0; i <= c.input.length; i++) {
          const m = mapForward(a.map, i);
          expect(m).toBeGreaterThanOrEqual(prev);
          prev = m;
        }
        // Text outside the chunks lines up one to one.
        let shift = 0;
        let from = 0;
        for (const ch of a.map) {
          for (let i = from; i < ch.s; i++) expect(mapForward(a.map, i)).toBe(i + shift);
          shift += ch.dl - ch.sl;
          from = ch.s + ch.sl;
        }
      }
    }
    expect(found).toBe(true);
  });
});

describe('dictionaries are loaded once (memory)', () => {
  const PRESETS = presetConfigs as unknown as Record<string, { normalizationChain: DictGroup[]; segmentation?: DictGroup; conversionChain: DictGroup[] }>;

  it('every converter and the checks share one trie per dictionary group', () => {
    // The presets hold the s2t group as distinct arrays of the same strings; one trie of it is ~20 MB.
    const s2t = dictionaryTrie(PRESETS.s2t.conversionChain[0]);
    for (const cfg of ['s2tw', 's2twp', 's2hk', 's2hkp']) expect(dictionaryTrie(PRESETS[cfg].conversionChain[0]), cfg).toBe(s2t);
    expect(s2tTrie()).toBe(s2t);
  });

  it('the regional converters segment with the s2t trie instead of a second trie of the same phrases', async () => {
    vi.resetModules();
    const fresh = await import('./convert');
    fresh.getConverter('s2t').convert('头发');
    const afterS2t = fresh.dictionaryTrieCount(); // normalization + the s2t group
    for (const cfg of ['s2tw', 's2twp', 's2hk', 's2hkp'] as const) fresh.getConverter(cfg).convert('头发');
    // only the four regional groups (tw, twp, hk, hkp) are new; [STPhrases, regional phrases] is not built
    expect(fresh.dictionaryTrieCount() - afterS2t).toBe(4);
  });

  it('extra phrases on top of the shared trie convert as one trie with them loaded last', () => {
    // longer than a dictionary phrase, equal to one, shorter than one, and a new one
    const extra: [string, string][] = [['王征', '王征'], ['头发', '頭髮X'], ['干部队', '幹部隊Y'], ['干', '榦']];
    // The reference: opencc-js tries with the whole dictionary copied and the extras loaded last
    // (what each glossary converter used to build), chained as opencc-js's Converter does.
    const merged = (g: DictGroup | undefined, withExtra = true) => {
      const t = new Trie();
      if (g) t.loadDictGroup(g);
      if (withExtra) for (const [k, v] of extra) t.addWord(k, v);
      return t;
    };
    const reference = (cfg: string, text: string) => {
      const p = PRESETS[cfg];
      let s = p.normalizationChain.reduce((acc, g) => merged(g, false).convert(acc), text); // normalization ignores extras
      s = merged(p.segmentation).segment(s).map((piece) => p.conversionChain.reduce((acc, g) => merged(g).convert(acc), piece)).join('');
      return s;
    };
    const text = '首席财务官王征介绍头发干部队干部干净的情况，干部们说头发很长。';
    for (const cfg of ['s2t', 's2tw', 's2twp'] as const) {
      const expected = reference(cfg, text);
      expect(expected).toContain('頭髮X幹部隊Y');
      expect(getConverter(cfg, extra).convert(text), cfg).toBe(expected);
      expect(getConverter(cfg, extra).convertAligned(text).text, cfg).toBe(expected);
    }
    // where a dictionary phrase segments the text, the longer phrase beats the shorter extra one
    expect(reference('s2tw', text)).toContain('幹部乾淨');
    // the shared trie itself is left as it was
    expect(getConverter('s2t').convert('头发')).toBe('頭髮');
  });
});
