import { describe, expect, it } from 'vitest';
import { CLAUSE_REACH, claimQuantities, clauseAt, timeRefs } from './quantities';

const one = (text: string) => {
  const qs = claimQuantities(text);
  expect(qs, text).toHaveLength(1);
  return qs[0];
};

describe('claimQuantities: normalisation', () => {
  it.each([
    ['收入爲11.8億', 'amount', 1_180_000_000, undefined],
    ['收入3萬元', 'amount', 30_000, undefined],
    ['營收約2兆', 'amount', 2_000_000_000_000, undefined],
    ['市值500萬億', 'number', 5e14, undefined],
    ['佔比百分之三十五', 'percent', 35, undefined],
    ['佔比35%', 'percent', 35, undefined],
    ['提高了3個百分點', 'percentage-points', 3, undefined],
    ['毛利率在40到45之間', 'percent', 40, 45],
    ['佔據20%到30%計算量', 'percent', 20, 30],
    ['一共40–45個', 'count', 40, 45],
    ['上線45000個', 'count', 45000, undefined],
    ['總算力突破了12000P,', 'compute', 12000, undefined],
    ['規模提高了一倍', 'multiple', 2, undefined],
    ['可以再翻一番', 'multiple', 2, undefined],
    ['需求以10倍的數量級擴充', 'multiple', 10, undefined],
    ['大概落後1-2年', 'duration', 1, 2],
  ])('%s → %s %d', (text, kind, value, high) => {
    const q = one(text);
    expect(q.kind).toBe(kind);
    expect(q.value).toBe(value);
    expect(q.high).toBe(high);
  });

  it('records a stated currency, and assumes CNY for revenue', () => {
    expect(one('收入爲3.8億人民幣')).toMatchObject({ currency: 'CNY', currencyStated: true, raw: '3.8億人民幣' });
    expect(one('收入爲5億港元')).toMatchObject({ currency: 'HKD', currencyStated: true });
    // the currency written next to each number: 100億港元(合12.8億美元) is HKD, then USD
    expect(claimQuantities('收入爲100億港元(合12.8億美元)').map((q) => [q.raw, q.currency])).toEqual([['100億港元', 'HKD'], ['12.8億美元', 'USD']]);
    expect(claimQuantities('售價爲1000美元(約7800港元)').map((q) => [q.kind, q.value, q.currency])).toEqual([['amount', 1000, 'USD'], ['amount', 7800, 'HKD']]);
    expect(claimQuantities('收入爲人民幣3.8億').map((q) => q.currency)).toEqual(['CNY']);
    expect(one('融資2億美元')).toMatchObject({ currency: 'USD', currencyStated: true });
    expect(one('利潤爲1.2億元')).toMatchObject({ currency: 'CNY', currencyStated: true });
    expect(one('去年收入爲11.8億')).toMatchObject({ currency: 'CNY', currencyStated: false });
  });

  it('reads TWD and the currency of 元港幣, and 美元5.8億元 as USD (a bare 元 names no currency)', () => {
    expect(claimQuantities('淨利新臺幣12.7億元').map((q) => [q.raw, q.currency])).toEqual([['12.7億元', 'TWD']]);
    expect(claimQuantities('收入120億元港幣').map((q) => [q.raw, q.currency])).toEqual([['120億元港幣', 'HKD']]);
    expect(claimQuantities('約合美元5.8億元').map((q) => q.currency)).toEqual(['USD']);
  });

  it('reads 3萬8,650 as one number', () => {
    expect(claimQuantities('人均所得3萬8,650美元').map((q) => [q.raw, q.value, q.currency])).toEqual([['3萬8,650美元', 38650, 'USD']]);
  });

  it('reads 翻了三倍 as ambiguous (×3, ×4, ×8)', () => {
    const q = one('收入翻了三倍');
    expect(q).toMatchObject({ kind: 'multiple', value: 3, alts: [4, 8], role: 'change', direction: 'up' });
    expect(q.note).toMatch(/ambiguous/);
  });

  it('gives roles: change with direction, share, from', () => {
    const qs = claimQuantities('收入爲18.4億,按年下降41%,佔總收入比例從22年的82%下降到54%。');
    expect(qs.map((q) => [q.value, q.role, q.direction])).toEqual([
      [1_840_000_000, 'level', undefined],
      [41, 'change', 'down'],
      [82, 'from', undefined],
      [54, 'share', undefined],
    ]);
  });

  it('skips stock codes, versions, names and time references', () => {
    expect(claimQuantities('商湯科技(00020)召開業績交流會')).toEqual([]);
    expect(claimQuantities('在人工智能2.0時代')).toEqual([]);
    expect(claimQuantities('在3D領域的積累')).toEqual([]);
    expect(claimQuantities('2023年實施了產業佈局')).toEqual([]);
    expect(claimQuantities('在24年,我們也會')).toEqual([]);
  });

  it('marks approximations and reads 一半 and 3/4', () => {
    expect(one('增長在一倍左右')).toMatchObject({ value: 2, approx: true });
    expect(one('比例會達到一半左右')).toMatchObject({ kind: 'percent', value: 50, approx: true });
    expect(one('佔到接近3/4')).toMatchObject({ kind: 'percent', value: 75, approx: true });
  });
});

describe('timeRefs', () => {
  it.each([
    ['2023年上線', [2023, 2023], undefined],
    ['相較於23年初', [2023, 2023], 'start'],
    ['在24年', [2024, 2024], undefined],
    ['23-28年收入', [2023, 2028], undefined],
    ['從22到23收入', [2022, 2023], undefined],
  ])('%s', (text, years, part) => {
    const [t] = timeRefs(text);
    expect(t.years).toEqual(years);
    expect(t.part).toBe(part);
  });
  it('relative years, and no years out of ranges of values', () => {
    expect(timeRefs('去年收入').map((t) => t.relative)).toEqual([-1]);
    expect(timeRefs('毛利率在40到45之間')).toEqual([]);
    expect(timeRefs('佔據20%到30%')).toEqual([]);
  });
});

describe('claimQuantities: dates, footnote markers, a magnitude across a space', () => {
  it('reads 12 億元 as one amount and skips the date and the footnote marker', () => {
    const qs = claimQuantities('公司於2024年5月16日表示，全年收入達到12 億元1。');
    expect(qs.map((q) => [q.raw, q.kind, q.value])).toEqual([['12 億元', 'amount', 12e8]]);
  });
});

describe('clauseAt', () => {
  it('reaches from the previous clause break to the next', () => {
    const t = '營收增長12%，淨利潤為3億元；毛利率下降';
    expect(t.slice(clauseAt(t, t.indexOf('3億')).start, clauseAt(t, t.indexOf('3億')).end)).toBe('淨利潤為3億元');
    expect(clauseAt(t, 0)).toEqual({ start: 0, end: t.indexOf('，') });
    expect(t.slice(clauseAt(t, t.length - 1).start)).toBe('毛利率下降');
  });

  it('the comma of digit groups and the colon of a time hold one number: no break there', () => {
    const t = '業務員達9,842名,較去年底的9,427元增加415名，15:58公布';
    const at = (s: string) => t.slice(clauseAt(t, t.indexOf(s)).start, clauseAt(t, t.indexOf(s)).end);
    expect(at('415名')).toBe('較去年底的9,427元增加415名');
    expect(at('9,842')).toBe('業務員達9,842名');
    expect(at('58公布')).toBe('15:58公布');
  });

  it('reaches at most CLAUSE_REACH each way in a run with no break (a table pasted as one line)', () => {
    const run = Array.from({ length: 2000 }, (_, i) => `第${i}項${i % 90}億元`).join('、');
    const pos = run.indexOf('第1000項');
    const c = clauseAt(run, pos);
    expect(c).toEqual({ start: pos - CLAUSE_REACH, end: pos + CLAUSE_REACH });
    // near the ends of the text the text's ends bound it
    expect(clauseAt(run, 5)).toEqual({ start: 0, end: 5 + CLAUSE_REACH });
  });
});
