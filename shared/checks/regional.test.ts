import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { markerCounts, taiwanAccepts, writtenFor, writtenForTaiwan } from './regional';
import { TAIWAN_EITHER, TAIWAN_FORMS } from './data/taiwanForms';
import { getConverter } from '../text/convert';
import { HANT, applyAll, byRule, places, segs } from './testkit';

const run = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: ['taiwan-standard'] }), 'taiwan-standard');
/** The project's house style set to the Ministry of Education's forms (house-style.ts): 佔 and 拼 as before the setting. */
const runMinistry = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: ['taiwan-standard'], standardForms: 'ministry' }), 'taiwan-standard');

describe('taiwan-standard', () => {
  it('reports weeks counted in 周 after a figure (24周 → 24週), leaving 周年 and 四周 alone', () => {
    const f = run('主計總處今天公布失業統計，失業者平均失業週數約為24周，較上月增加0.3周，年增0.1個百分點，以新台幣計。', '公司成立30周年，廠區四周設有綠帶。');
    expect(f.filter((x) => x.text === '周').map((x) => [x.text, x.related.length + 1, x.fixes[0].replacement])).toEqual([['周', 2, '週']]);
    expect(run('主計總處今天公布失業統計，失業週數約為24週，年增0.1個百分點，以新台幣計。', '公司成立30周年，廠區四周設有綠帶。').filter((x) => x.text === '周')).toEqual([]);
  });

  it('reads a document written for Taiwan from its vocabulary', () => {
    expect(writtenForTaiwan(['經濟部今天公佈外銷訂單，金額年增4%，以新台幣計價。'])).toBe(true);
    expect(writtenForTaiwan(['集團今天公佈業績，收入按年增長4%，以港元計價，恒生指數上升。'])).toBe(false);
    expect(writtenForTaiwan(['今天天氣很好。'])).toBe(false);
  });

  it('does not read Hong Kong’s 按年增長 / 按季增加 as Taiwan’s 年增 / 季增', () => {
    const hk = ['股東應佔溢利為52.6億港元，按年增長11.4%；新業務價值按年增長18.2%。', '年化新保費按年增長11.9%，按季增加3%，按月增加1%，香港業務佔六成。'];
    expect(markerCounts(hk).tw).toBe(0);
    expect(writtenFor(hk)).toBe('hk');
    // Taiwan's own labels still count
    expect(markerCounts(['營收年增11.4%，季增3%，月增1%。']).tw).toBe(4);
  });

  it('reads a Hong Kong text that names no currency nor 香港 by its courts, statistics office and districts', () => {
    expect(writtenFor(['高等法院原訟法庭法官上周三頒下判詞，裁定前主席須退還款項。', '公司昨日復牌後高開。'])).toBe('hk');
    expect(writtenFor(['政府統計處今日發表的數字顯示，三月的整體出口貨值上升11%。', '將軍澳及屯門兩個項目落成入伙。'])).toBe('hk');
    // not names read inside other words (其中環保, 重新界定)
    expect(writtenFor(['報告期內，公司營業收入同比增長12%，其中環保業務收入18億元。', '公司將重新界定業務範圍。'])).toBe(null);
  });

  it('reads a Taiwan text by its ministries, statistics and counties, where it names 香港 beside the mainland', () => {
    const tw = ['經濟部今日公布10月外銷訂單金額，其中中國大陸及香港佔24%。', '經濟部統計處長指出，對香港接單增加4%。', '經濟部預估11月外銷訂單介於500億至520億美元。'];
    expect(writtenFor(tw)).toBe('tw');
    expect(writtenFor(['宏梁花蓮廠已完成改建，彰化及屏東兩個工地亦已動工。'])).toBe('tw');
    // the mainland's own ministries are none of these
    expect(writtenFor(['財政部及商務部聯合發布通知，香港及澳門企業同樣適用。', '香港特區政府表示歡迎。'])).toBe('hk');
  });

  it('leaves a form another word runs into from the left (受僱|員工 is no 僱員)', () => {
    const f = (t: string) => byRule(runChecks(segs('勞動部今（12）日公布統計，新台幣計算，台北。', t), { ...HANT, rules: ['taiwan-standard'] }), 'taiwan-standard').map((x) => x.text);
    expect(f('工業及服務業受僱員工人數826.4萬人，年增0.6萬人。')).toEqual([]);
    expect(f('公司僱員人數年增3%。')).toEqual(['僱員']);
  });

  it("reports OpenCC's form of a word in a Taiwan document, one group per word with fix all", () => {
    const segments = segs('北部某餐飲集團今天公佈上月營收，年增6%，以新台幣計。', '集團也公佈展店計劃，將在南部佈局。');
    const f = byRule(runChecks(segments, { ...HANT, rules: ['taiwan-standard'] }), 'taiwan-standard');
    expect(f.map((x) => [x.text, places(x).length, x.fixes[0].replacement])).toEqual([
      ['公佈', 2, '公布'],
      ['計劃', 1, '計畫'],
      ['佈局', 1, '布局'],
    ]);
    expect(applyAll(segments, f[0])[1]).toBe('集團也公布展店計劃，將在南部佈局。');
    expect(f[0].messageData.key).toBe('taiwan-standard.many');
  });

  it('reports 佔 for the standard 占 only where the document is a converter’s output throughout', () => {
    // a Taiwan writer's text with 占, through Simplified and back: every 占 came out 佔
    const source = ['晶片大廠今天公布第三季營收新台幣1,250億元，年增12%，其中先進製程占營收比重升至六成。', '法說會上財務長表示，海外客戶占比將持續提高，研發費用占營收約8%。'];
    const converted = source.map((t) => getConverter('s2tw').convert(getConverter('t2s').convert(t)));
    expect(converted.join('')).not.toContain('占');
    const f = runMinistry(...converted).filter((x) => x.text === '佔');
    expect(f.map((x) => [places(x).length, x.fixes[0].replacement, x.messageData.key])).toEqual([[3, '占', 'taiwan-standard.converted']]);
    // a writer's own 佔 in a text that is no converter's output (台 and 裡, not s2tw's 臺 and 裏 … in a few places): the house style's choice
    const written = ['晶片大廠今天公布第三季營收新台幣1,250億元，年增12%，其中先進製程佔營收比重升至六成。', '法說會上財務長表示，這裡的海外客戶佔比將持續提高，台灣廠的研發費用佔營收約8%，台中新廠明年量產。'];
    expect(runMinistry(...written).filter((x) => x.text === '佔')).toEqual([]);
    // a Hong Kong document keeps its 佔
    expect(run('股東應佔溢利為52.6億港元，按年增長11.4%，香港業務佔六成，恒生指數上升。').filter((x) => x.text === '佔')).toEqual([]);
  });

  it('reports 拼 for Taiwan’s 拚 (to strive) in a converter’s output, not in 拼圖, 拼音 (to piece together)', () => {
    const source = ['零售通路今年營收拚年增兩成，下半年拚展店180家，以新台幣計。', '董事長說，全台門市的版圖拼圖已大致完成，並推出拼音點餐服務。'];
    const converted = source.map((t) => getConverter('s2tw').convert(getConverter('t2s').convert(t)));
    const f = runMinistry(...converted).filter((x) => x.text === '拼');
    expect(f.map((x) => [places(x).length, x.fixes[0].replacement])).toEqual([[2, '拚']]);
    expect(places(f[0]).map((p) => converted[0].slice(p.start, p.start + 3))).toEqual(['拼年增', '拼展店']);
  });

  it('reports 佈 in any other word too (佈線), one group for the character', () => {
    const f = run('北部某餐飲集團今天公佈上月營收，年增6%，以新台幣計，門市完成網路佈線。');
    expect(f.map((x) => [x.text, places(x).length, x.fixes[0].replacement])).toEqual([
      ['公佈', 1, '公布'],
      ['佈', 1, '布'],
    ]);
  });

  it("is quiet on Taiwan's own forms and on documents for Hong Kong or the mainland", () => {
    expect(run('北部某餐飲集團今天公布上月營收，年增6%，以新台幣計，並宣布展店計畫。')).toEqual([]);
    expect(run('集團今天公佈業績，收入按年增長4%，以港元計，並宣佈擴展計劃。')).toEqual([]);
    expect(run('公司公佈業績，營業收入人民幣12億元，同比增長4%。')).toEqual([]);
  });

  it("lists only words an OpenCC target really writes from Taiwan's form (the converter is the oracle)", () => {
    const t2s = getConverter('t2s');
    // 颱風 comes back wrong after 上 (OpenCC matches 上台 'go on stage': 加上臺風)
    const before = (tw: string) => (tw === '颱風' ? '加上' : '');
    const writes = (opencc: string, tw: string) =>
      (['s2t', 's2tw', 's2hk', 's2twp'] as const).some((c) => getConverter(c).convert(t2s.convert(before(tw) + tw)) === before(tw) + opencc);
    expect(TAIWAN_FORMS.filter(([opencc, tw]) => !writes(opencc, tw))).toEqual([]);
    expect(TAIWAN_EITHER.filter(([opencc, tw]) => !writes(opencc, tw))).toEqual([]);
  });

  it('reports 全周 (the week) and 強台 (a typhoon) as Taiwan writes them', () => {
    const f = run('新台幣兌美元全周升值，年增2%，台股周增3%。', '氣象局說強台接近。');
    expect(f.map((x) => [x.text, x.fixes[0].replacement])).toEqual([
      ['全周', '全週'],
      ['周增', '週增'],
      ['強台', '強颱'],
    ]);
  });

  it('reports OpenCC’s 合作伙伴 where Taiwan writes 夥伴, as its own 伙伴 → 夥伴 does', () => {
    const f = run('公司與策略夥伴簽約，並與合作伙伴共同開發新藥，年增5%，以新台幣計。');
    expect(f.map((x) => [x.text, x.fixes[0].replacement])).toEqual([['合作伙伴', '合作夥伴']]);
  });

  it('reports OpenCC’s folding 摺合 for the 折合 of a conversion into another currency', () => {
    const f = run('保費收入約摺合新台幣61億元，年增4%。');
    expect(f.map((x) => [x.text, x.fixes[0].replacement])).toEqual([['摺合', '折合']]);
  });

  it("knows which of OpenCC's forms Taiwan writes otherwise", () => {
    expect(taiwanAccepts('佈', '布')).toBe(true);
    expect(taiwanAccepts('布', '佈')).toBe(false);
  });
});
