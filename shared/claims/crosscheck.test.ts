import { describe, expect, it } from 'vitest';
import { crossCheckClaims, shareWhole, type CrossCheckClaim } from './crosscheck';
import { detectClaimCandidates } from './detect';

function claims(...texts: (string | [string, string])[]): CrossCheckClaim[] {
  return detectClaimCandidates(texts.map((t, i) => (typeof t === 'string' ? { id: i + 1, text: t, paragraph: i } : { id: i + 1, text: t[0], speaker: t[1], paragraph: i }))).map((c) => ({ ...c, ref: c.segmentId }));
}
const SEGMENTS = [
  '生成式AI去年收入爲11.8億,按年上升200%,佔總收入比例提升到35%。',
  '傳統AI業務去年收入爲18.4億,按年下降41%,佔總收入比例從22年的82%下降到54%。',
  '絕影汽車持續穩步發展,去年收入爲3.8億人民幣,按年上升31%,佔總收入的比例爲11%。',
];

describe('crossCheckClaims', () => {
  it('shares of one total add up to 100% (35 + 54 + 11)', () => {
    expect(shareWhole(SEGMENTS[0])).toBe('總收入');
    const f = crossCheckClaims(claims(...SEGMENTS)).find((x) => x.kind === 'shares-total')!;
    expect(f).toMatchObject({ severity: 'info', sum: 100, refs: [1, 2, 3] });
  });
  it('flags shares over 100%', () => {
    const f = crossCheckClaims(claims(SEGMENTS[0], SEGMENTS[1], SEGMENTS[2].replace('11%', '21%'))).find((x) => x.kind === 'shares-total')!;
    expect(f).toMatchObject({ severity: 'warning', sum: 110 });
  });
  it('implied totals agree within rounding, and each implied figure is reported', () => {
    const f = crossCheckClaims(claims(...SEGMENTS)).find((x) => x.kind === 'implied-total')!;
    expect(f.severity).toBe('info');
    expect(f.implied!.map((i) => Math.round(i.value / 1e6))).toEqual([3371, 3407, 3455]);
    expect(f.message).toMatch(/33\.71億/);
  });
  it('implied totals that disagree are a warning', () => {
    const f = crossCheckClaims(claims(SEGMENTS[0], SEGMENTS[1].replace('18.4億', '28.4億'))).find((x) => x.kind === 'implied-total')!;
    expect(f.severity).toBe('warning');
  });
  it('flags 翻了三倍 as ambiguous against 按年上升200%', () => {
    const f = crossCheckClaims(claims(SEGMENTS[0], ['關於生成式AI大概的財務預期,我們從22到23收入翻了三倍。', 'A'])).filter((x) => x.kind.startsWith('growth'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'growth-ambiguity', refs: [1, 2] });
    expect(f[0].message).toMatch(/only if 翻了三倍 means ×3/);
  });
  it('growth stated two ways for one period is a contradiction; other subjects are not compared', () => {
    const f = crossCheckClaims(claims('生成式AI在2023年收入按年上升200%。', '生成式AI在2023年收入按年上升50%。', '傳統AI在2023年收入按年上升10%。'));
    expect(f.filter((x) => x.kind === 'growth-contradiction').map((x) => x.refs)).toEqual([[1, 2]]);
    expect(crossCheckClaims(claims('生成式AI在2023年收入按年上升100%。', '生成式AI在2023年收入翻了一番。')).filter((x) => x.kind.startsWith('growth'))).toEqual([]);
  });
  it('a part larger than its whole', () => {
    const f = crossCheckClaims(claims('集團總收入爲30億。', '生成式AI收入爲31億,佔總收入比例爲35%。'));
    expect(f.find((x) => x.kind === 'part-exceeds-whole')?.refs).toEqual([2, 1]);
    expect(crossCheckClaims(claims('集團總收入爲30億。', '生成式AI收入爲11億,佔總收入比例爲35%。')).some((x) => x.kind === 'part-exceeds-whole')).toBe(false);
    expect(crossCheckClaims(claims('生成式AI收入爲11億,佔總收入比例爲135%。')).some((x) => x.kind === 'part-exceeds-whole')).toBe(true);
  });
  it('the same metric stated twice with different values', () => {
    const f = crossCheckClaims(claims('生成式AI去年收入爲11.8億。', '生成式AI去年收入爲12.8億。'));
    expect(f.filter((x) => x.kind === 'conflicting-values').map((x) => x.refs)).toEqual([[1, 2]]);
    expect(crossCheckClaims(claims('生成式AI去年收入爲11.8億。', '生成式AI去年收入爲11.8億。')).filter((x) => x.kind === 'conflicting-values')).toEqual([]);
  });
  it('the exchange rate implied by an amount in two currencies, against a plausible band', () => {
    const ok = crossCheckClaims(claims('公司去年收入爲100億港元(合12.8億美元),按年增長5%。')).filter((x) => x.kind === 'exchange-rate');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ severity: 'info', refs: [1], rate: { base: 'HKD', quote: 'USD', value: 7.8125 } });
    expect(ok[0].message).toMatch(/7\.81 HKD per USD.*within the plausible 7\.7–7\.9/);
    const bad = crossCheckClaims(claims('募資78億港元(合12億美元)。')).find((x) => x.kind === 'exchange-rate')!;
    expect(bad).toMatchObject({ severity: 'warning', rate: { base: 'HKD', quote: 'USD', value: 6.5 } });
    expect(bad.message).toMatch(/outside the plausible/);
    // the smaller unit first: USD stated first still reads as HKD per USD; CNY against USD
    expect(crossCheckClaims(claims('售價爲1000美元(約7800港元)。')).find((x) => x.kind === 'exchange-rate')).toMatchObject({ severity: 'info', rate: { base: 'HKD', quote: 'USD' } });
    expect(crossCheckClaims(claims('淨利潤達到52.3億元人民幣(約合7.3億美元)。')).find((x) => x.kind === 'exchange-rate')).toMatchObject({ severity: 'info', rate: { base: 'CNY', quote: 'USD' } });
    expect(crossCheckClaims(claims('淨利潤達到52.3億元人民幣(約合3.3億美元)。')).find((x) => x.kind === 'exchange-rate')?.severity).toBe('warning');
    // two amounts that are not one amount restated are not compared
    expect(crossCheckClaims(claims('收入爲100億港元,成本爲12億美元。')).some((x) => x.kind === 'exchange-rate')).toBe(false);
    expect(crossCheckClaims(claims('收入爲100億港元(合100億港元)。')).some((x) => x.kind === 'exchange-rate')).toBe(false);
  });

  it('TWD, with 約合 and the currency after it', () => {
    expect(crossCheckClaims(claims('資本支出新台幣64億元，約合美元2億元。')).find((x) => x.kind === 'exchange-rate')).toMatchObject({ severity: 'info', rate: { base: 'TWD', quote: 'USD', value: 32 } });
    expect(crossCheckClaims(claims('資本支出新台幣640億元，約合美元2億元。')).find((x) => x.kind === 'exchange-rate')?.severity).toBe('warning');
  });
});
