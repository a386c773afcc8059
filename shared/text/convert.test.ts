import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { getConverter, type ConversionConfig } from './convert';
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
