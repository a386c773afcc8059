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

  it('a label against the period compared with, its base figure between them (較去年同期的57.9萬人次按月增加)', () => {
    expect(labels('跨境巴士接載41.6萬人次，較去年同期的35.2萬人次按月增長18.1%。')).toEqual([['按月', ['按年']]]);
    expect(labels('營收較上季的12.3億元年增5%。')).toEqual([['年增', ['季增']]]);
    const f = run('跨境巴士接載41.6萬人次，較去年同期的35.2萬人次按月增長18.1%。');
    expect((f[0].messageData!.params as { period: string }).period).toBe('較去年同期');
    // the base figure compared with in its own period's words, and another clause after the base, are quiet
    expect(run('跨境巴士接載41.6萬人次，較去年同期的35.2萬人次按年增長18.1%。', '營收較上季的12.3億元季增5%。', '較去年同期的35.2萬人次增加6.4萬人次，其中本月按月增長3%。')).toEqual([]);
  });

  it('a comparison heading its sentence governs its first figure (與對上一季比較，…按年上升 → 按季)', () => {
    expect(labels('經季節性調整後，二〇二五年第三季與對上一季比較，零售業總銷貨價值的臨時估計按年上升1.6%，銷貨數量則按季上升1.1%。')).toEqual([['按年', ['按季']]]);
    expect(labels('與上月相比，出口按年上升12%。')).toEqual([['按年', ['按月']]]);
    expect(run('與上月相比，出口按年上升12%。')[0].messageData).toEqual({ key: 'period-label.contradicts.heading', params: { label: '按年', period: '與上月相比', want: '按月' } });
    // its own words, or a second comparison after a first figure, are quiet
    expect(run('與對上一季比較，零售業總銷貨價值按季上升1.6%。', '與上月相比，出口增加5%，按年則上升12%。')).toEqual([]);
  });

  it('a month after a year in Chinese numerals (二〇二五年九月) is the figure\'s month', () => {
    expect(labels('按零售商類別分析，二〇二五年九月珠寶首飾的銷貨價值為45.2億港元，佔總銷貨價值的14.2%，按季上升9.8%。')).toEqual([['按季', ['按年', '按月']]]);
    expect(run('二〇二五年九月珠寶首飾的銷貨價值為45.2億港元，按年上升9.8%。')).toEqual([]);
  });

  it('a holiday is compared with the same holiday a year before (春節連假期間, 黃金周期間, 假期內)', () => {
    expect(labels('連假期間外籍遊客消費月增27%，以日本遊客為主。')).toEqual([['月增', ['年增']]]);
    expect(labels('今年假期內總行車里程約182萬公里，按季增加約兩成。')).toEqual([['按季', ['按年']]]);
    expect(labels('今年春節連假自1月25日至2月2日共9天，來客數1148萬人次，季增16.2%。')).toEqual([['季增', ['年增']]]);
    expect(run('集團於黃金周期間實施假日票價，票務收入按季增加15.4%。')[0].messageData!.key).toBe('period-label.period.holiday');
    // what a holiday causes, what follows it, a month it falls in: quiet
    expect(
      run('2月因春節假期工作天數減少，營收月減15%。', '2月適逢春節假期，營收月減10%。', '受春節因素影響，營收月減20%。', '連假過後，營收月減5%。', '春節後首月營收月減5%。', '今年春節連假共9天，1月營收月增16.2%。', '連假期間外籍遊客消費年增27%。'),
    ).toEqual([]);
  });

  it('a forecast for a year is a year\'s figure, whatever it forecasts (央行預測今年CPI季增率)', () => {
    expect(labels('通膨方面，央行預測今年CPI季增率為2.16%，核心CPI年增率1.88%。')).toEqual([['季增', ['年增']]]);
    // its own words, or a quarter of that year named after it, are quiet
    expect(run('通膨方面，央行預測今年CPI年增率為2.16%。', '公司預計今年第四季營收季增5%。', '預計2026年第一季營收季增3%。', '預估今年底存款餘額月增1%。')).toEqual([]);
  });

  it('a whole year compared with, named by its number, with its figure or not (較2024年的3,813.2百萬港元按季增長)', () => {
    expect(labels('本集團收益為4,286.0百萬港元，較2024年的3,813.2百萬港元按季增長12.4%。')).toEqual([['按季', ['按年']]]);
    expect(labels('營收較2024年同期的5億元按月增長12.4%。')).toEqual([['按月', ['按年']]]);
    const f = run('本集團收益為4,286.0百萬港元，較2024年的3,813.2百萬港元按季增長12.4%。');
    expect((f[0].messageData!.params as { period: string }).period).toBe('較2024年');
    // its own words, a date in the year (年底, a quarter, a month) are quiet
    expect(run('較2024年的3,813.2百萬港元按年增長12.4%。', '存款餘額較去年底的5億元季增3%。', '營收較2024年第三季的5億元按季增長12%。', '營收較2024年12月的5億元按月增長2%。')).toEqual([]);
  });

  it('a year right before its metric is the figure\'s period (2024年收入); a month or a quarter after the year is nearer', () => {
    expect(labels('公司2024年收入為人民幣6.82億元，按月增長42.7%。')).toEqual([['按月', ['按年']]]);
    expect(labels('113年出口總值為4,754億美元，月增1.2%。')).toEqual([['月增', ['年增']]]);
    expect(run('公司2024年收入為人民幣6.82億元，按年增長42.7%。')).toEqual([]);
    expect(run('2024年11月營收為12.3億元，月增4.1%。', '2024年第三季營收為35.2億元，季增6.2%。', '113年11月出口總值為421億美元，月增1.2%。')).toEqual([]);
    // a year that is no figure's period (2024年底, 2024年起) stays what it was: a date
    expect(run('截至2024年底，會員人數達420萬名，按月增加約35萬名。')).toEqual([]);
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
    // last year's figure a few words before its metric, and two years listed, are years' figures
    expect(labels('集團去年機器人銷量約1.25萬台，按季增長逾三成。')).toEqual([['按季', ['按年']]]);
    expect(labels('收入分別約為12.46億元、15.83億元及19.92億元，2023年及2024年分別按月增長27.0%及25.8%。')).toEqual([['按月', ['按年']]]);
    // not a comparison with last year, nor a date
    expect(run('本季銷量較去年同期銷量增加，按季增長8%。', '第三季營收較去年底營收水準回升，季增5%。')).toEqual([]);
    // a change in tenths (約一成, 逾三成) is a value as a percentage is; next year's figure stated is a year's
    expect(labels('上半年旗艦商場人流按季增加約一成。')).toEqual([['按季', ['按年']]]);
    expect(labels('預期明年零售業總銷貨價值約3,400億港元，按月增長約3%至5%。')).toEqual([['按月', ['按年']]]);
    expect(run('上半年旗艦商場人流按年增加約一成。')).toEqual([]);
    // a label naming a kind of figure, no figure of its own, compares nothing of the sentence's period
    expect(run('三月單月的升幅為11.0%，讀者宜參考經季節性調整的按季數字。')).toEqual([]);
    expect(labels('三月單月的升幅為11.0%，按季上升2.8%。')).toEqual([['按季', ['按年', '按月']]]);
    expect(labels('三月單月的出口升幅為11.0%，按季比較，升幅為2.8%。')).toEqual([['按季', ['按年', '按月']]]);
    // a month right before the label is its figure's period, whatever quarter the sentence named before
    expect(run('部分客戶在第三季提前拉貨，10月月減屬於正常的季節性回落。', '第三季營收創高，9月份月增5.2%。')).toEqual([]);
    expect(labels('第三季門市客流量達210萬人次，單日月增4%。')).toEqual([['月增', ['年增', '季增']]]);
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

// Forms found missing on seeded mutations of our own clean texts (npm run eval:mutate), widened as forms.
describe('period-label: the period stated in the clause, the paragraph or the heading', () => {
  const para = (paragraph: number, text: string, id: number) => ({ id, text, furniture: null, speaker: null, paragraph });
  const doc = (...p: [number, string][]) => byRule(runChecks(p.map(([n, t], i) => para(n, t, i + 1)), { ...HANT, rules: ['period-label'] }), 'period-label');

  it('two comparisons of one figure with one period: either may be the swapped one, both places shown', () => {
    const [f] = run('第三季合併營收78.9億元，年增9.6%，年增6.2%。');
    expect([f.text, f.start, f.related.map((r) => r.start)]).toEqual(['年增', 21, [14]]);
    expect(f.related[0].fixes.map((x) => x.replacement)).toEqual(['季增', '月增']);
    // one period both up and down
    expect(labels('合併營收新台幣18.9億元，季增24.3%，季減3.1%。')).toEqual([['季減', ['年減', '月減']]]);
    expect(run('合併營收新台幣18.9億元，年增24.3%，季減3.1%。')).toEqual([]);
  });

  it('a range of months is year to date, and a month heading its clause or after its year is the figure’s month', () => {
    expect(labels('113年1至2月出口金額為689.1億美元，月增10.4%。')).toEqual([['月增', ['年增']]]);
    expect(labels('10月消費者物價指數（CPI）為108.35，季增1.84%。')).toEqual([['季增', ['年增', '月增']]]);
    expect(labels('2025年11月壽險業初年度保費收入為298.6億元，月增4.2%，季減7.5%。')).toEqual([['季減', ['年減', '月減']]]);
    expect(labels('鮮食銷售量本月達3,400萬份，季增9%。')).toEqual([['季增', ['年增', '月增']]]);
    // a month in Chinese numerals heading its clause (Hong Kong's statistics write 三月, 十一月)
    expect(labels('按地區分析，三月輸往亞洲的整體出口貨值按季上升13.4%。')).toEqual([['按季', ['按年', '按月']]]);
    expect(labels('十一月零售業總銷貨價值按季下跌2%。')).toEqual([['按季', ['按年', '按月']]]);
    expect(run('三月輸往亞洲的整體出口貨值按年上升13.4%。', '三月份的出口貨值按月上升2%。')).toEqual([]);
    // a month as a date, an end of month or a month compared with is no figure's period
    expect(run('公司於9月宣布，第三季營收季增5%。', '截至10月底，存款餘額季增3%。', '營收較9月增加，第三季營收季增5%。', '行政院今（11月7日）發布，物價指數季增1.2%。')).toEqual([]);
  });

  it('a date in Chinese numerals is no month: a heading with one (截至二零二五年三月三十一日止年度全年業績公告) is a year\'s', () => {
    expect(doc([1, '豐昇超市集團截至二零二五年三月三十一日止年度全年業績公告'], [2, '網上銷售額為13.98億港元，按月增長22.5%。']).map((f) => f.text)).toEqual(['按月']);
  });

  it('a clause naming no period takes the one named last before it in the paragraph', () => {
    expect(doc([1, '累計前三季營收432.8億元，年增10.6%；'], [1, '稅後淨利69.7億元，季增7.2%。']).map((f) => [f.segmentId, f.text])).toEqual([[2, '季增']]);
    expect(doc([1, '第三季營收156.2億元，季增8.4%；'], [1, '稅後淨利24.6億元，季增15.0%。'])).toEqual([]);
    // a new paragraph starts afresh
    expect(doc([1, '累計前三季營收432.8億元，年增10.6%。'], [2, '稅後淨利24.6億元，季增15.0%。'])).toEqual([]);
  });

  it('in a run-on segment (thousands of labels, no full stop) each label still takes the period named last before it', () => {
    const run = Array.from({ length: 1500 }, (_, i) => `第${i}區營收${i % 9}億元`).join('、');
    const found = doc([1, `累計前三季營收432.8億元，年增10.6%；${run}，稅後淨利69.7億元，季增7.2%；第三季毛利率28%，季增1.1個百分點`]);
    expect(found.map((f) => f.text)).toEqual(['季增']);
  });

  it('and else the heading’s period (a half-year, an interim report)', () => {
    const heading = (h: string, body: string) => doc([0, h], [1, body]).map((f) => f.text);
    expect(heading('恒峰銀行上半年股東應得溢利按年升9%', '淨利息收入為142.6億港元，按季下跌3.5%。')).toEqual(['按季']);
    expect(heading('港灣置業公布2025年中期業績　基礎盈利按年增長6%', '期內收入為85.6億港元，按季增長4.2%。')).toEqual(['按季']);
    expect(heading('恒峰銀行上半年股東應得溢利按年升9%', '淨利息收入為142.6億港元，按年下跌3.5%。')).toEqual([]);
    // an interim profit, last year's earnings, a year ended on a date: the heading's figures are the half's or the year's
    expect(heading('蜜果茶飲中期純利增27.5%　門店淨增1756家', '期內平均客單價約為人民幣14.2元，按季下降約6%。')).toEqual(['按季']);
    expect(heading('德隆銀行去年賺68.42億元增9.6%　末期息0.88元', '期內淨利息收入142.8億港元，按季增加3.4%。')).toEqual(['按季']);
    expect(labels('銀行公布截至2025年12月31日止年度業績，經營收入總額為193.8億港元，按季增加5.6%。')).toEqual([['按季', ['按年']]]);
    // a heading naming two kinds of period gives none, and a sentence naming its own year is its own
    expect(heading('晶華光電第三季營收年增12%　前三季每股盈餘5.61元', '稅後淨利24.6億元，季增15.0%。')).toEqual([]);
    expect(heading('恒峰銀行上半年股東應得溢利按年升9%', '去年淨利息收入按季下跌3.5%。')).toEqual([]);
    // a heading's month (not a date), 同期 for the period just named, a count right after the label
    expect(heading('保險業11月保費收入統計', '同期產險業簽單保費收入為189.4億元，季增6.1%。')).toEqual(['季增']);
    expect(heading('保險業11月保費收入統計', '同期產險業簽單保費收入為189.4億元，年增6.1%。')).toEqual([]);
    expect(heading('澳栢零售公布2024/25財政年度全年業績', '會員人數達420萬名，按月增加約35萬名。')).toEqual(['按月']);
    expect(heading('董事會11月28日通過配息案', '營收為189.4億元，季增6.1%。')).toEqual([]);
    // a heading naming a month's figure (10月初年度保費: 初年度 is first-year, not 月初) and a cumulative one gives none
    expect(heading('富盛人壽10月初年度保費年增18.6%　前10月累計達1,286億元', '富盛人壽稅後純益為42.3億元，月增12.1%。')).toEqual([]);
    // …while a heading naming only the cumulative period (前10月, 1至10月, 首10月), or a date early in a month, still gives it
    expect(heading('富盛人壽前10月累計初年度保費達1,286億元', '富盛人壽稅後純益為42.3億元，月增12.1%。')).toEqual(['月增']);
    expect(heading('澳門首10月博彩毛收入按年升21.6%', '貴賓廳毛收入為42.3億澳門元，按月上升12.1%。')).toEqual(['按月']);
    expect(heading('富盛人壽10月初公布前10月累計保費', '稅後純益為42.3億元，月增12.1%。')).toEqual(['月增']);
  });
});

