import { describe, expect, it } from 'vitest';
import { checkSegment, runChecks, type CheckSegment } from './index';
import { byRule, HANT } from './testkit';

function seg(text: string, extra: Partial<CheckSegment>): CheckSegment {
  return { id: 1, text, furniture: null, speaker: null, paragraph: 0, ...extra };
}

describe('source-divergence', () => {
  // The machine output changed a name (王征 → 王震, a mishearing) and a number (3.8 → 3.6).
  const source = '首席财务官王征表示，绝影汽车去年收入为3.8亿人民币，按年上升31%。';
  const output = '首席財務官王震表示，絕影汽車去年收入爲3.6億人民幣，按年上升31%。';

  it('reports each difference beyond script conversion, with the source reading in Traditional as the fix', () => {
    const f = byRule(checkSegment(seg(output, { source }), HANT), 'source-divergence');
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([
      ['震', '征'], // in a name: 征 kept as written, not OpenCC's 徵
      ['3.6', '3.8'], // the whole number
    ]);
    expect(f[0].severity).toBe('warning');
    expect(f[0].fixes.map((x) => x.replacement)).toContain('徵'); // the converter's reading offered second
    expect(output.slice(f[0].start, f[0].end)).toBe('震');
    expect(f[0].message).toMatch(/source has 征/);
  });

  it('is silent when the text is the source in Traditional (爲/為, punctuation width)', () => {
    expect(byRule(checkSegment(seg('首席財務官王征表示，絕影汽車去年收入爲3.8億人民幣,按年上升31%。', { source }), HANT), 'source-divergence')).toEqual([]);
    expect(byRule(checkSegment(seg(output, {}), HANT), 'source-divergence')).toEqual([]);
  });

  it('reports a row that barely matches its source once, as a probable misalignment', () => {
    const f = byRule(checkSegment(seg(output, { source: '展望2024年，集团有三大战略目标。' }), HANT), 'source-divergence');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(f[0].message).toMatch(/alignment/);
  });

  it('runs in the document checks, and number-mismatch sees the same changed number', () => {
    const findings = runChecks([seg(output, { source })], HANT);
    expect(byRule(findings, 'source-divergence')).toHaveLength(2);
    expect(byRule(findings, 'number-mismatch').map((x) => x.text)).toEqual(['3.6億']);
  });
});

describe('English checks', () => {
  it('numbers: 11.8億 = 1.18 billion agrees; a different figure is a mismatch', () => {
    const ok = runChecks([seg('生成式AI去年收入爲11.8億，按年上升200%。', { english: 'Generative AI revenue was 1.18 billion last year, up 200%.' })], HANT);
    expect(byRule(ok, 'number-mismatch')).toEqual([]);
    const bad = runChecks([seg('生成式AI去年收入爲11.8億，按年上升200%。', { english: 'Generative AI revenue was 1.8 billion last year, up 200%.' })], HANT);
    expect(byRule(bad, 'number-mismatch').length).toBeGreaterThan(0);
  });

  it('glossary terms whose English form is missing', () => {
    const ctx = { ...HANT, glossary: [{ term: '商湯科技', variants: [], type: 'organisation' as const, english: 'SenseTime' }] };
    expect(byRule(runChecks([seg('商湯科技召開業績交流會。', { english: 'The company held a results call.' })], ctx), 'glossary-english')).toHaveLength(1);
    expect(byRule(runChecks([seg('商湯科技召開業績交流會。', { english: 'SenseTime held a results call.' })], ctx), 'glossary-english')).toHaveLength(0);
  });

  it('empty English segments are info findings when the document has English', () => {
    const f = byRule(runChecks([seg('商湯科技召開業績交流會。', { english: '' })], HANT), 'english-empty');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    expect(byRule(runChecks([seg('商湯科技召開業績交流會。', { english: null })], HANT), 'english-empty')).toEqual([]);
  });

  it('a document’s rows without English are one grouped finding, not one per row', () => {
    const doc = [
      { ...seg('董事會宣布派發末期股息。', { english: 'The board declared a final dividend.' }), id: 1 },
      { ...seg('股息將於七月派付。', { english: '' }), id: 2 },
      { ...seg('股東週年大會將於六月舉行。', { english: '  ' }), id: 3 },
      { ...seg('會議地點另行通知。', { english: '' }), id: 4 },
    ];
    const f = byRule(runChecks(doc, HANT), 'english-empty');
    expect(f).toHaveLength(1);
    expect([f[0].segmentId, ...f[0].related.map((r) => r.segmentId)]).toEqual([2, 3, 4]);
    expect(f[0].message).toMatch(/^3 segments have no English/);
    // checkSegment gives the same group key, so a re-checked row joins the document's group
    expect(checkSegment(doc[1], HANT).find((x) => x.rule === 'english-empty')?.group).toBe(f[0].group);
  });
});
