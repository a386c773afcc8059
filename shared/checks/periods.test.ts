import { describe, expect, it } from 'vitest';
import { runChecks, runProjectPeriodCheck } from './index';
import { englishPeriodOf } from './periods';
import { HANT, byRule, segs } from './testkit';

const run = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: ['period-label'] }), 'period-label');
const labels = (...texts: string[]) => run(...texts).map((f) => [f.text, f.fixes.map((x) => x.replacement)]);

describe('period-label', () => {
  it('one label twice in a row with two values: the second is probably its partner', () => {
    expect(labels('本季出貨量為320萬台，年增12.4%，年增3.1%；毛利率持平。')).toEqual([['年增', ['季增', '月增']]]);
    expect(labels('上個月新訂單金額為9.8億元，同比增長4.2%，同比增長1.5%。')).toEqual([['同比', ['環比']]]);
    expect(labels('期內租金收入按年上升6%，按年上升2%。')).toEqual([['按年', ['按季', '按月']]]);
  });

  it('one label for two metrics, or the same value twice, is correct', () => {
    expect(run('營收同比增長10%，淨利同比增長5%。')).toEqual([]);
    expect(run('本季出貨量年增12.4%，平均售價年增3.1%。')).toEqual([]);
    expect(run('營收年增8%，年增8%的幅度符合預期。')).toEqual([]);
    expect(run('出貨量年增12.4%，季增3.1%。')).toEqual([]);
  });

  it('parallel clauses, each a figure and its change: one label against two or more of the other, with no period named between', () => {
    const t = '本月營收52.3億元，月增4.1%，毛利12.8億元，月增2.2%，營業利益6.1億元，年增3.5%。';
    const f = run(t);
    expect(f.map((x) => [x.text, x.start, x.fixes.map((y) => y.replacement)])).toEqual([['年增', t.lastIndexOf('年增'), ['月增']]]);
    expect(f[0].messageData.key).toBe('period-label.mixed');
    // a semicolon joins the clauses of one sentence
    expect(labels('第三季營收為48.6億元，季增6.2%；毛利為15.1億元，季增4.8%；稅後淨利為6.35億元，年增3.1%。')).toEqual([['年增', ['季增']]]);
  });

  it('parallel clauses compared differently on purpose, or naming their own period, are left alone', () => {
    // one against one: a writer reports revenue on the quarter and profit on the year
    expect(run('第三季單季營業收入118.4億元，環比增長15.7%，歸母淨利潤17.9億元，同比增長18.5%。')).toEqual([]);
    // the last clause is another period's figure
    expect(run('9月營收50.2億元，月增5.1%，毛利12.4億元，月增3.3%；累計前9月營收400.8億元，年增10.2%。')).toEqual([]);
    expect(run('第三季營收48.6億元，季增6.2%，毛利15.1億元，季增4.8%，全年營收180.2億元，年增9.9%。')).toEqual([]);
    // two labels on one figure
    expect(run('第三季營收486.2億元，年增72.5%，季增18.3%，毛利率42.1%，淨利142.6億元，年增80.1%。')).toEqual([]);
  });

  it('more label forms and values a few words after the label', () => {
    expect(labels('本季用電量年成長6.1%，年成長2.4%。')).toEqual([['年成長', ['季成長', '月成長']]]);
    expect(labels('期內客運量按年跌4%，按年跌1.5%。')).toEqual([['按年', ['按季', '按月']]]);
    expect(labels('本季車用晶片營收YoY +18%，YoY +6%。')).toEqual([['YoY', ['QoQ', 'MoM']]]);
    expect(labels('今年全年裝機量約1.2萬台，季增則為4.2%。')).toEqual([['季增', ['年增']]]);
    expect(run('本季車用晶片營收YoY +18%，QoQ +6%。', '本季用電量年成長6.1%，季成長2.4%。')).toEqual([]);
  });

  it('a label against the period the English gives its value', () => {
    const en = (zh: string, english: string) => byRule(runChecks([{ ...segs(zh)[0], english }], { ...HANT, rules: ['period-label'] }), 'period-label');
    const [f] = en('本季資料中心營收季增9.4%。', 'Data-centre revenue rose 9.4% year on year this quarter.');
    expect(f).toMatchObject({ text: '季增', fixes: [{ replacement: '年增' }] });
    expect(f.messageData.key).toBe('period-label.english');
    expect(en('本季資料中心營收同比增長9.4%。', 'Data-centre revenue grew 9.4% QoQ.').map((x) => x.fixes[0].replacement)).toEqual(['環比']);
    // the same period, or a value the English does not give a period, is quiet
    expect(en('本季資料中心營收季增9.4%。', 'Data-centre revenue rose 9.4% from the previous quarter.')).toEqual([]);
    expect(en('本季資料中心營收季增9.4%。', 'Data-centre revenue rose 9.4%, and 3.1% year on year.')).toEqual([]);
    expect(englishPeriodOf('Sales rose 12.5% YoY and 3.2% QoQ.', '3.2%')).toMatchObject({ span: 'quarter' });
    expect(englishPeriodOf('Sales rose 12.5% YoY and 3.2% QoQ.', '12.5%')).toMatchObject({ span: 'year' });
    expect(englishPeriodOf('Sales rose 12.5%.', '12.5%')).toBeNull();
  });

  it('a label against the period named right before it', () => {
    expect(labels('第二季獲利較去年同期季增7.5%。')).toEqual([['季增', ['年增']]]);
    expect(run('第二季獲利較去年同期年增7.5%，較上季季增2%。')).toEqual([]);
  });

  it('年度 names a period only with a year or a determiner: 初年度保費 is a product word', () => {
    expect(run('本月團體險初年度保費為12.4億元，月增3.8%，年減1.2%。')).toEqual([]);
    expect(labels('2025年度團體險保費為112.4億元，月增3.8%。')).toEqual([['月增', ['年增']]]);
  });

  it("a label that does not fit the figure's own period", () => {
    expect(labels('今年全年營業額達新台幣55億元，月增9.2%。')).toEqual([['月增', ['年增']]]);
    expect(labels('第三季門市客流量達210萬人次，月增4%。')).toEqual([['月增', ['年增', '季增']]]);
    expect(run('第三季門市客流量達210萬人次，季增4%，其中9月單月月增1%。')).toEqual([]);
    // a month right before its metric is the figure's period (9月營收), after a quarter or a half-year named earlier
    expect(run('華采電子第三季營收創新高　9月營收月增12%', '第二季營收52.3億元，年增13.2%，6月營收17.5億元，月增3.2%。', '上半年營收98.7億元，6月份合併營收17.5億元，月增3.2%。')).toEqual([]);
    expect(labels('9月營收28.6億元，季增12.1%。')).toEqual([['季增', ['年增', '月增']]]);
    // not a cumulative figure's months
    expect(labels('累計前9月營收215.4億元，月增5.7%。', '累計1至9月營收215.4億元，月增5.7%。')).toEqual([['月增', ['年增']], ['月增', ['年增']]]);
    // 去年增加, 上季增, 第三季增: the 年/季 ends a period word
    expect(run('前三季營收較去年增加一成，較上季增加兩成。')).toEqual([]);
  });

  it('one value with a decimal under labels of two periods, in a document and across a project', () => {
    const f = run('本季出貨量年增12.4%，毛利率持平。', '董事長說，出貨量季增12.4%，主要受新品帶動。');
    expect(f.map((x) => [x.segmentId, x.text, x.fixes[0].replacement, x.related.length])).toEqual([[2, '季增', '年增', 1]]);
    expect(f[0].messageData.key).toBe('period-label.same-value');
    // the same label twice, or values without a decimal, are no conflict
    expect(run('本季出貨量年增12.4%。', '董事長說，出貨量年增12.4%。')).toEqual([]);
    expect(run('本季出貨量年增12%。', '另一產品線季增12%。')).toEqual([]);
    // a whole number only for the same metric (the words before the label)
    expect(run('本季出貨量年增12%。', '董事長說，出貨量季增12%。').map((x) => [x.segmentId, x.text])).toEqual([[2, '季增']]);
    expect(run('本季出貨量年增12%。', '董事長說，出貨量較上季季增12%。').map((x) => [x.segmentId, x.text])).toEqual([[2, '季增']]);
    const docs = [
      { documentId: 7, segments: segs('本季出貨量年增12.4%，毛利率持平。') },
      { documentId: 8, segments: segs('出貨量季增12.4%，主要受新品帶動。') },
    ];
    const p = runProjectPeriodCheck(docs, HANT);
    expect(p.map((x) => [x.documentId, x.text, x.related.map((r) => r.documentId)])).toEqual([[8, '季增', [7]]]);
    // within one document only: left to the document's own check
    expect(runProjectPeriodCheck([{ documentId: 7, segments: segs('出貨量年增12.4%。', '出貨量季增12.4%。') }, { documentId: 8, segments: segs('營收年增3%。') }], HANT)).toEqual([]);
  });
});
