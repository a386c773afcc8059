import { describe, expect, it } from 'vitest';
import { runChecks, checkSegment } from './index';
import { chineseNumeral, chineseQuantities, englishQuantities } from './numbers';
import { HANS, HANT, byRule, segs } from './testkit';
import type { CheckSegment } from './types';

const fmt = (text: string) => byRule(runChecks(segs(text), { ...HANT, rules: ['number-format'] }), 'number-format');
const summary = (text: string) => fmt(text).map((f) => [f.text, f.severity, f.fixes[0]?.replacement ?? null]);

describe('number-format', () => {
  it('flags digit groups not in threes', () => {
    expect(summary('收入爲12,34,567元。')).toEqual([['12,34,567', 'error', '1,234,567']]);
    expect(summary('員工1,2345人。')).toEqual([['1,2345', 'error', '12,345']]);
    expect(summary('共1234,567股。')).toEqual([['1234,567', 'error', '1,234,567']]);
  });

  it('flags a decimal comma', () => {
    expect(summary('收入爲3,5億元。')).toEqual([['3,5', 'error', '3.5']]);
    expect(summary('增長了12,5%。')).toEqual([['12,5', 'error', '12.5']]);
    expect(summary('價格爲1.234,5元。')).toEqual([['1.234,5', 'error', '1234.5']]);
  });

  it('flags five or more digits before 萬/億', () => {
    expect(summary('投資12000萬元。')).toEqual([['12000萬', 'warning', '1.2億']]);
    expect(summary('市值50000億。')).toEqual([['50000億', 'warning', '5萬億']]);
  });

  it('flags absurdly long digit runs given as quantities, and mixed-width digits', () => {
    expect(summary('收入爲45000000000000000元。').map((x) => x[1])).toEqual(['warning']);
    expect(summary('共１2個。')).toEqual([['１2', 'warning', '12']]);
  });

  it('is quiet on a correct control text with many numbers', () => {
    const control = [
      '公司2023年收入爲1,234.5萬元,按年增長12.5%,毛利率達到45%。',
      '員工人數3,200人,較2022年增加1.5%;每股派息0.35元,派息率30%。',
      '第3季度收入爲5.6億,佔全年的27%,較上季上升3個百分點,百分之五十來自海外。',
      '截至2023.12.31,現金及等價物爲128.3億元,市值約1.2萬億港元。',
      '股票代碼(00020),電話21234567,會議於15:58開始,見圖3。',
      '增長強勁1。算力突破了12000P,未來1-2年翻一番,23-28年複合增長50%,大概佔到3/4。',
      '分別爲3,5,8個;2022,2023兩年;GPT4和A100芯片;2.0時代。',
    ];
    const f = runChecks(segs(...control), { ...HANT, rules: ['number-format', 'number-mismatch'] });
    expect(f).toEqual([]);
  });
});

describe('quantities', () => {
  it('normalises Chinese magnitudes and percentages', () => {
    expect(chineseQuantities('收入爲11.8億,上升200%,佔3個百分點,百分之五十。').map((q) => [q.value, q.kind])).toEqual([
      [1.18e9, 'num'],
      [200, 'pct'],
      [3, 'pp'],
      [50, 'pct'],
    ]);
    expect(chineseNumeral('三十五')).toBe(35);
    expect(chineseNumeral('十二點五')).toBe(12.5);
  });

  it('skips footnote markers, exhibit numbers and ordinals', () => {
    expect(chineseQuantities('增長強勁1。見圖3,第2季度,附註5').map((q) => q.raw)).toEqual([]);
    expect(englishQuantities('See Exhibit 3 and Figure 4; in Q3 the GPT4 model').map((q) => q.raw)).toEqual([]);
  });

  it('reads English numbers', () => {
    expect(englishQuantities('RMB1.18 billion, up 200% year on year, 3 percentage points, three times, 45,000 GPUs').map((q) => [q.value, q.kind])).toEqual([
      [1.18e9, 'num'],
      [200, 'pct'],
      [3, 'pp'],
      [3, 'num'],
      [45000, 'num'],
    ]);
  });
});

describe('number-mismatch', () => {
  const seg = (text: string, extra: Partial<CheckSegment>): CheckSegment => ({ id: 1, text, furniture: null, speaker: null, ...extra });
  const mismatch = (s: CheckSegment) => checkSegment(s, HANT).filter((f) => f.rule === 'number-mismatch');

  it('accepts an English rendering with the same numbers in another notation', () => {
    expect(mismatch(seg('生成式AI去年收入爲11.8億,按年上升200%,佔總收入比例提升到35%。', { english: 'Generative AI revenue last year was RMB1.18 billion, up 200% year on year, rising to 35% of total revenue.' }))).toEqual([]);
    expect(mismatch(seg('上線的GPU數量達到了45000個,增長三倍。', { english: 'The number of GPUs online reached 45,000, up three times.' }))).toEqual([]);
    expect(mismatch(seg('毛利率上升3個百分點至百分之五十。', { english: 'Gross margin rose 3 percentage points to 50%.' }))).toEqual([]);
    expect(mismatch(seg('收入爲11.8億。', { english: 'Revenue was RMB1.2 billion.' }))).toEqual([]); // rounded in translation
    expect(mismatch(seg('收入增長強勁1。', { english: 'Revenue grew strongly.' }))).toEqual([]); // footnote marker
    expect(mismatch(seg('在24年,我們會持續投入。', { english: 'In 2024 we will keep investing.' }))).toEqual([]);
  });

  it('flags a number that differs from the English', () => {
    const f = mismatch(seg('去年收入爲11.8億,按年上升200%。', { english: 'Revenue was RMB12.8 billion last year, up 200%.' }));
    expect(f.map((x) => [x.text, x.severity])).toEqual([['11.8億', 'warning']]);
    expect(f[0].message).toContain('12.8 billion');
    expect(f[0].fixes).toEqual([]);
  });

  it('flags numbers missing on either side', () => {
    const f = mismatch(seg('收入爲11.8億,上升200%,利潤3億。', { english: 'Revenue was RMB1.18 billion.' }));
    expect(f.map((x) => x.text)).toEqual(['200%', '3億']);
    const g = mismatch(seg('收入爲11.8億。', { english: 'Revenue was RMB1.18 billion, up 200%.' }));
    expect(g.map((x) => x.message)).toEqual(['The English has 200%, which is missing here.']);
  });

  it('compares with the original source and fixes the digits from it', () => {
    const f = mismatch(seg('收入爲11.8億元。', { source: '收入为12.8亿元。' }));
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['11.8億', '12.8']]);
    expect(mismatch(seg('收入爲11.8億元。', { source: '收入为11.8亿元。' }))).toEqual([]);
  });

  it('flags one quantity stated twice with different values in a document', () => {
    const f = byRule(runChecks(segs('集團去年全年收入爲11.8億元。', '其他內容。', '集團去年全年收入爲12.8億元。'), HANT), 'number-mismatch');
    expect(f).toHaveLength(1);
    expect([f[0].segmentId, f[0].text, f[0].related[0].segmentId, f[0].related[0].text]).toEqual([3, '12.8億', 1, '11.8億']);
  });

  it('reads the clause before a number past a figure’s grouping comma (5,000張 is one clause)', () => {
    const texts = ['第一次於3月買回5,000張，平均每股買回價格為142.85元。', '第二次於6月買回6,000張，平均每股買回價格為168.30元。'];
    expect(byRule(runChecks(segs(...texts), HANT), 'number-mismatch')).toEqual([]);
    // the same clause restated with another value is still reported
    const wrong = byRule(runChecks(segs(texts[0], '其他內容。', '第一次於3月買回5,000張，平均每股買回價格為152.85元。'), HANT), 'number-mismatch');
    expect(wrong.map((f) => [f.segmentId, f.text])).toEqual([[3, '152.85']]);
  });

  it('reads the clause before a number in the segment before when the sentence was split at its semicolon', () => {
    const texts = [
      '截至11月底止十一個月，合約銷售金額約人民幣1,246.8億元，按年下跌8.3%；',
      '合約銷售面積約758.2萬平方米。',
      '其中，11月份單月合約銷售金額約人民幣118.5億元，按月上升12.4%；',
      '合約銷售面積約69.3萬平方米。',
    ];
    expect(byRule(runChecks(segs(...texts), HANT), 'number-mismatch')).toEqual([]);
    // the same sentence restated with another value is still reported, and a new sentence starts its own context
    const wrong = byRule(runChecks(segs(texts[0], texts[1], '其他內容。', texts[0], '合約銷售面積約768.2萬平方米。'), HANT), 'number-mismatch');
    expect(wrong.map((f) => [f.segmentId, f.text])).toEqual([[5, '768.2萬']]);
    const restated = byRule(runChecks(segs('集團的合約銷售面積約758.2萬平方米。', '其他內容。', '集團的合約銷售面積約768.2萬平方米。'), HANT), 'number-mismatch');
    expect(restated.map((f) => f.text)).toEqual(['768.2萬']);
  });

  it('does not confuse different subjects with the same wording', () => {
    const texts = ['生成式AI去年收入爲11.8億,按年上升200%。', '傳統AI業務去年收入爲18.4億,按年下降41%。', '絕影汽車持續穩步發展,去年收入爲3.8億人民幣,按年上升31%。'];
    expect(byRule(runChecks(segs(...texts), HANT), 'number-mismatch')).toEqual([]);
  });

  it('works on Simplified documents', () => {
    expect(byRule(runChecks(segs('收入为3,5亿元。'), HANS), 'number-format').map((f) => f.fixes[0].replacement)).toEqual(['3.5']);
  });
});

describe('what is not a quantity (dates, footnote markers) and a magnitude across a space', () => {
  const values = (t: string) => chineseQuantities(t).map((q) => q.value);
  const seg = (text: string, extra: Partial<CheckSegment>): CheckSegment => ({ id: 1, text, furniture: null, speaker: null, ...extra });
  const mismatch = (s: CheckSegment) => checkSegment(s, HANT).filter((f) => f.rule === 'number-mismatch');

  it('skips the month and day of a full date, in every common writing', () => {
    expect(values('公司於2024年5月16日公佈業績，收入為12億元。')).toEqual([2024, 12e8]);
    expect(values('會議定在7月3號舉行，預計有40家機構出席。')).toEqual([40]);
    expect(values('截至2024-05-16，累計簽約客戶達到900家。')).toEqual([900]);
    expect(values('截至2024/5/16，累計簽約客戶達到900家。')).toEqual([900]);
    expect(values('2023年11月，員工人數為350人。')).toEqual([2023, 350]);
    // a duration or a month alone is not a full date
    expect(values('本季度為期3個月，增長8%。')).toEqual([3, 8]);
    expect(englishQuantities('On May 16, 2024 revenue rose 12% to 1.2 billion; by 3 June it was flat.').map((q) => q.raw)).toEqual(['2024', '12%', '1.2 billion']);
  });

  it('no number alarm for a date rendered in English', () => {
    const s = seg('公司於2024年5月16日公佈季度業績，收入為12億元。', { english: 'On May 16, 2024, the company reported quarterly revenue of 1.2 billion yuan.' });
    expect(mismatch(s)).toEqual([]);
    // …while a real difference next to the date is still reported
    const wrong = seg('公司於2024年5月16日公佈季度業績，收入為13億元。', { english: 'On May 16, 2024, the company reported quarterly revenue of 1.2 billion yuan.' });
    expect(mismatch(wrong).map((f) => f.text)).toEqual(['13億']);
  });

  it('skips a digit glued to a word as a footnote marker, before a comma, a full stop or a space', () => {
    expect(values('經調整淨利潤1，較去年增長20%。')).toEqual([20]);
    expect(values('本公司擁有的專利2 已於去年獲批。')).toEqual([]);
    expect(values('集團營運穩健」3。')).toEqual([]);
    // a number after a word that introduces one is a value
    expect(values('收入為12，較去年增長。')).toEqual([12]);
    expect(values('分店數目達8，較去年多出一家。')).toEqual([8]);
    expect(values('客戶增加3 萬。')).toEqual([3e4]);
    // also before the word that introduces the metric's value: no number alarm against the English
    expect(values('2024年度合併營收2為新台幣486.7億元，配息率1約68%。')).toEqual([2024, 486.7e8, 68]);
    expect(mismatch(seg('合併營收2為新台幣486.7億元。', { english: 'Consolidated revenue was NT$48.67 billion.' }))).toEqual([]);
    // a value after its word is still a value (比率為2為 is no footnote; 門市2家 neither)
    expect(values('門市數為2，員工約5人。')).toEqual([2, 5]);
  });

  it('gives a magnitude across a space to its number (12 萬)', () => {
    expect(chineseQuantities('用戶數達到12 萬，較去年增加3 萬。').map((q) => [q.raw, q.value])).toEqual([['12 萬', 12e4], ['3 萬', 3e4]]);
    expect(mismatch(seg('活躍用戶達到12 萬。', { english: 'Active users reached 120,000.' }))).toEqual([]);
  });
});
