/**
 * Analyses carried between runs (analysis.ts `AnalysisCarry`, `Analysis` `from`): a run that takes
 * over an earlier run's analyses of unchanged segments finds exactly what a run without them
 * finds; what a segment memoised is shared only for the same segment, text, rendering, script,
 * variant and glossary; a document's evidence built from a run's analyses answers as one built
 * from the segments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Analysis, AnalysisCarry } from './analysis';
import { DocumentEvidence, checkSegment, runChecks } from './index';
import { documentMentions } from './entities';
import { HANT, segs } from './testkit';
import type { CheckContext, CheckSegment } from './types';

const sample = readFileSync(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url), 'utf8');
/** The bundled sample, one segment per line, and sentences of our own for the rules the sample lacks (names, senses, regions, figures). */
const doc: CheckSegment[] = [
  ...segs(
    '董事長王徵表示，公司今年營收創新高。',
    '市場對王徵的規劃反應熱烈。',
    '美髮品牌洗髮精與護髮乳銷售成長，頭髮造型系列亦增加，染髮服務帶動門市來客。',
    '明年將推出新款發品並擴大通路。',
    '本期毛利為48.2億元,季增6.3%，出貨量年增12.4%，毛利率持平。',
    '董事長說,出貨量季增12.4%，主要受新品帶動。',
    '客戶貸款9,820億港元，客戶存款13,540億港元，其中定期存款15,200億港元。',
    '員工人數為1,250萬元。',
  ),
  ...sample
    .split('\n')
    .filter((l) => l.trim())
    .map((text, i) => ({ id: 100 + i, text, furniture: null, speaker: null, paragraph: i })),
];
const json = (v: unknown) => JSON.stringify(v);

describe('a run with analyses carried from an earlier one', () => {
  it('finds what a run without them finds, run after run and after edits', () => {
    const plain = json(runChecks(doc, HANT));
    const first = new AnalysisCarry();
    expect(json(runChecks(doc, HANT, first))).toBe(plain);
    // every analysis taken over, with what the first run memoised (and what its rules did with it)
    const second = new AnalysisCarry(first);
    expect(json(runChecks(doc, HANT, second))).toBe(plain);
    expect(json(runChecks(doc, HANT, new AnalysisCarry(second)))).toBe(plain);
    // edited segments (a name, a figure, a sense) are analysed afresh, the others taken over
    const edited = doc.map((s) => (s.id === 2 ? { ...s, text: '市場對王震的規劃反應熱烈。' } : s.id === 7 ? { ...s, text: '客戶貸款982億港元。' } : s.id === 3 ? { ...s, text: '洗髮精銷售成長。' } : s));
    expect(json(runChecks(edited, HANT, new AnalysisCarry(second)))).toBe(json(runChecks(edited, HANT)));
    // a rule subset
    const ctx: CheckContext = { ...HANT, rules: ['entity-consistency', 'conversion-ambiguity'] };
    expect(json(runChecks(doc, ctx, new AnalysisCarry(second)))).toBe(json(runChecks(doc, ctx)));
  });

  it('takes over an analysis of the same segment, text and rendering only', () => {
    const carry = new AnalysisCarry();
    runChecks(doc, HANT, carry);
    const s = doc[1];
    expect(carry.analysisOf(s)).toBeDefined();
    expect(carry.analysisOf({ ...s, text: `${s.text}。` })).toBeUndefined();
    expect(carry.analysisOf({ ...s, rendering: '市场对王征的规划反应热烈。' })).toBeUndefined();
    expect(carry.analysisOf({ ...s, id: 999 })).toBeUndefined();
  });

  it('gives the mentions a run without carried analyses gives, also when a run changed its own', () => {
    const fresh = () => doc.map((s) => new Analysis(s, HANT));
    const expected = json(documentMentions(fresh(), HANT.glossary));
    const first = doc.map((s) => new Analysis(s, HANT));
    const mentions = documentMentions(first, HANT.glossary);
    expect(json(mentions)).toBe(expected);
    // a caller changes what it got (entity rules add roles, project checks the document)
    for (const m of mentions) {
      m.roles.push('CEO');
      m.documentId = 7;
      m.titles?.push('x');
    }
    expect(json(documentMentions(doc.map((s, i) => new Analysis(s, HANT, first[i])), HANT.glossary))).toBe(expected);
  });
});

describe('what an analysis shares with a later one', () => {
  const seg: CheckSegment = { id: 1, text: '董事長王徵表示，營收增長。', furniture: null, speaker: null, paragraph: 0 };
  const glossary = [{ term: '王徵', variants: [], type: 'person' as const }];
  const shares = (from: Analysis, seg2: CheckSegment, ctx: CheckContext) => {
    const mine = {};
    return new Analysis(seg2, ctx, from).memo('probe', () => mine) !== mine;
  };

  it('is its memos, for the same segment, text, rendering, script, variant and glossary', () => {
    const a = new Analysis(seg, HANT);
    a.memo('probe', () => ({}));
    expect(shares(a, { ...seg }, { ...HANT })).toBe(true);
    expect(shares(a, { ...seg, text: '董事長王震表示，營收增長。' }, HANT)).toBe(false);
    expect(shares(a, { ...seg, id: 2 }, HANT)).toBe(false);
    expect(shares(a, { ...seg, rendering: '董事长王征表示，营收增长。' }, HANT)).toBe(false);
    expect(shares(a, seg, { ...HANT, variant: 'tw' })).toBe(false);
    expect(shares(a, seg, { ...HANT, script: 'hans' })).toBe(false);
    expect(shares(a, seg, { ...HANT, glossary })).toBe(false);
    // an equal glossary in another array (each run reads the glossary afresh)
    const g = new Analysis(seg, { ...HANT, glossary });
    g.memo('probe', () => ({}));
    expect(shares(g, seg, { ...HANT, glossary: glossary.map((e) => ({ ...e })) })).toBe(true);
    expect(shares(g, seg, HANT)).toBe(false);
  });

  it('is computed once for both, whichever asks first', () => {
    const a = new Analysis(seg, HANT);
    const b = new Analysis(seg, HANT, a);
    let n = 0;
    expect(b.memo('k', () => ++n)).toBe(1);
    expect(a.memo('k', () => ++n)).toBe(1);
    expect(b.s).toBe(a.s);
    // an undefined value is a value
    expect(a.memo('u', () => (n++, undefined))).toBeUndefined();
    expect(b.memo('u', () => (n++, 1))).toBeUndefined();
    expect(n).toBe(2);
  });
});

describe('a document’s evidence built from a run’s analyses', () => {
  it('re-checks every segment as one built from the segments does, and holds exactly the run’s segments', () => {
    const carry = new AnalysisCarry();
    runChecks(doc, HANT, carry);
    const fromRun = new DocumentEvidence(doc, HANT, carry);
    const fromSegments = new DocumentEvidence(doc, HANT);
    for (const s of doc) expect(json(checkSegment(s, HANT, fromRun.forSegment(s.id))), s.text).toBe(json(checkSegment(s, HANT, fromSegments.forSegment(s.id))));
    expect(fromRun.holds(doc)).toBe(true);
    // a run reading the senses of an evidence holding its segments (a re-run over unchanged text) finds what a run reading its own finds
    const plain = json(runChecks(doc, HANT));
    expect(json(runChecks(doc, HANT, new AnalysisCarry(fromRun, fromRun.senses)))).toBe(plain);
    expect(json(runChecks(doc, HANT, new AnalysisCarry(fromSegments, fromSegments.senses)))).toBe(plain);
    // the case is there: the document's 髮 against a lone 發 (one sense per discourse)
    expect(fromRun.senses.sibling('发', '發')?.form).toBe('髮');
    expect(fromRun.holds(doc.slice(1))).toBe(false);
    expect(fromRun.holds([doc[1], doc[0], ...doc.slice(2)])).toBe(false);
    expect(fromRun.holds(doc.map((s) => (s.id === 3 ? { ...s, text: '洗髮精銷售成長。' } : s)))).toBe(false);
    expect(fromRun.holds(doc.map((s) => (s.id === 3 ? { ...s, rendering: '洗发精销售成长。' } : s)))).toBe(false);
  });
});
