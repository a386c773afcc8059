import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { HANS, HANT, byRule, segs } from './testkit';
import type { CheckContext, CheckSegment, GlossaryEntry } from './types';

const glossary: GlossaryEntry[] = [
  { term: '商湯科技', variants: ['商汤科技', '商湯科枝'], type: 'organisation', english: 'SenseTime' },
  { term: '日日新', variants: ['日日薪'], type: 'product', english: 'SenseNova', note: 'the model family' },
  { term: '大裝置', variants: [], type: 'term', english: 'SenseCore' },
];
const ctx: CheckContext = { ...HANT, glossary };

describe('glossary-forbidden', () => {
  it('flags a ruled-out variant and fixes it to the term', () => {
    const t = '商湯科枝召開業績會,日日薪模型發佈。';
    const f = byRule(runChecks(segs(t), ctx), 'glossary-forbidden');
    expect(f.map((x) => [x.text, x.severity, x.fixes[0].replacement])).toEqual([
      ['商湯科枝', 'error', '商湯科技'],
      ['日日薪', 'error', '日日新'],
    ]);
    expect(f[1].message).toContain('the model family');
  });

  it('does not flag the term itself, nor the term written in the other script', () => {
    expect(byRule(runChecks(segs('商湯科技召開業績會。'), ctx), 'glossary-forbidden')).toEqual([]);
    expect(byRule(runChecks(segs('商汤科技召开业绩会。'), { ...HANS, glossary }), 'glossary-forbidden')).toEqual([]);
  });

  it('does nothing without a glossary', () => {
    expect(byRule(runChecks(segs('商湯科枝召開業績會。'), HANT), 'glossary-forbidden')).toEqual([]);
  });
});

describe('glossary-english', () => {
  const seg = (text: string, english: string | null): CheckSegment[] => [{ id: 1, text, furniture: null, speaker: null, english }];

  it('flags a term whose English form is missing from the English rendering', () => {
    const f = byRule(runChecks(seg('商湯科技召開業績會。', 'Shangtang Technology held a results meeting.'), ctx), 'glossary-english');
    expect(f.map((x) => [x.text, x.severity])).toEqual([['商湯科技', 'warning']]);
    expect(f[0].message).toContain('SenseTime');
  });

  it('is quiet when the English form is used (any case), or when there is no English', () => {
    expect(byRule(runChecks(seg('商湯科技的大裝置。', 'SENSETIME’s SenseCore.'), ctx), 'glossary-english')).toEqual([]);
    expect(byRule(runChecks(seg('商湯科技召開業績會。', null), ctx), 'glossary-english')).toEqual([]);
  });
});
