import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { segmentText } from '../text/segment';
import { getConverter } from '../text/convert';
import { checkSegment, RULES, runChecks, type CheckSegment, type Finding } from './index';
import { HANT, segs } from './testkit';

const ALL_RULES = [
  'entity-consistency', 'conversion-ambiguity', 'simplified-in-traditional', 'variant-mixing', 'number-format', 'number-mismatch',
  'glossary-forbidden', 'glossary-english', 'halfwidth-punctuation', 'unbalanced-brackets', 'doubled', 'stray-space',
  'source-divergence', 'english-empty',
  'repeated-sentence', 'period-label', 'taiwan-standard', 'hong-kong-standard',   'number-scale', 'number-unit',
];

const messy = [
  '交由CFO李震介紹後續的增長預期,收入爲3,5億元。',
  '剛才李徵介紹的現金外,我們我們還有這个資產。',
  '他說:「公司的客 戶很多,爲此努力。',
  '這是為了明天,也是爲了集團。',
];

describe('the checks API', () => {
  it('lists every rule once, with a title, a scope and a description', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...ALL_RULES].sort());
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(20);
      expect(['segment', 'document', 'project']).toContain(r.scope);
    }
  });

  it('finds something for most rules on a messy text, with well-formed findings', () => {
    const segments = segs(...messy);
    const findings = runChecks(segments, HANT);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ['entity-consistency', 'conversion-ambiguity', 'simplified-in-traditional', 'variant-mixing', 'number-format', 'halfwidth-punctuation', 'unbalanced-brackets', 'doubled', 'stray-space']) {
      expect(rules.has(r as Finding['rule']), r).toBe(true);
    }
    const text = new Map(segments.map((s) => [s.id, s.text]));
    for (const f of findings) {
      expect(f.message.length, f.rule).toBeGreaterThan(20);
      for (const loc of [f, ...f.related]) {
        const t = text.get(loc.segmentId)!;
        expect(t.slice(loc.start, loc.end), f.rule).toBe(loc.text);
        for (const x of loc.fixes) expect(x.start >= 0 && x.end <= t.length && x.start <= x.end, f.rule).toBe(true);
      }
    }
  });

  it('is deterministic: the same findings and group keys on a re-run', () => {
    const a = runChecks(segs(...messy), HANT);
    const b = runChecks(segs(...messy), HANT);
    expect(b).toEqual(a);
  });

  it('skips furniture segments', () => {
    const s: CheckSegment[] = segs('以上內容僅用作資訊,不構成投資建議。', '正文,內容。');
    s[0].furniture = 'disclaimer';
    const f = runChecks(s, HANT);
    expect(f.every((x) => x.segmentId === 2 && x.related.every((r) => r.segmentId === 2))).toBe(true);
    expect(checkSegment(s[0], HANT)).toEqual([]);
  });

  it('runs only the requested rules', () => {
    const f = runChecks(segs(...messy), { ...HANT, rules: ['doubled'] });
    expect(new Set(f.map((x) => x.rule))).toEqual(new Set(['doubled']));
  });

  it('checkSegment runs the segment-scope rules only', () => {
    const segScope = new Set(RULES.filter((r) => r.scope === 'segment').map((r) => r.id));
    const f = checkSegment({ id: 9, text: messy[1], furniture: null, speaker: null }, HANT);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(segScope.has(x.rule) || x.rule === 'number-mismatch', x.rule).toBe(true);
    expect(f.every((x) => x.segmentId === 9)).toBe(true);
  });

  it('sorts findings by segment and position', () => {
    const f = runChecks(segs(...messy), HANT);
    const order = f.map((x) => x.segmentId * 1000 + x.start);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });
});

/** Honest detection: rule code holds no names or strings taken from the sample. */
describe('honest detection', () => {
  it('has no sample strings in the rule code or its data', () => {
    const dir = new URL('./', import.meta.url);
    const dataDir = new URL('./data/', import.meta.url);
    const files = [
      ...readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testkit.ts').map((f) => new URL(f, dir)),
      ...readdirSync(dataDir).filter((f) => f.endsWith('.ts')).map((f) => new URL(f, dataDir)),
    ];
    const sampleStrings = ['王震', '王徵', '王征', '徐立', '徐冰', '商湯', '商汤', '公有云', '私有云', '云端', '布好', '絕影', '日日新', '湯老師', '交由CFO'];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const s of sampleStrings) expect(src.includes(s), `${f.pathname.split('/').pop()} contains ${s}`).toBe(false);
    }
  });
});

describe('a 1 MB document', () => {
  // The time is measured in `npm run bench` (never asserted here); this only holds that the rules
  // run to the end on a large document, with and without the Simplified rendering supplied.
  it('checks a 1 MB document (the sample repeated) with and without the rendering', () => {
    const one = readFileSync(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url), 'utf8');
    const text = Array.from({ length: 75 }, () => one).join('\n\n');
    const t2s = getConverter('t2s');
    const segments: CheckSegment[] = segmentText(text, { fold: (s) => t2s.convert(s) }).segments.map((s, i) => ({
      id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph,
    }));
    const withRendering = segments.map((s) => ({ ...s, rendering: t2s.convert(s.text) }));
    const plain = runChecks(segments, HANT);
    expect(plain.length).toBeGreaterThan(0);
    expect(runChecks(withRendering, HANT).length).toBe(plain.length);
  }, 180_000);
});
