import { describe, expect, it } from 'vitest';
import { projectHouseStyle, runChecks } from './index';
import { houseStyleOf, housePairOf, pairCount, styleFor, writerEvidence, type HouseStyle } from './house-style';
import { getConverter } from '../text/convert';
import { HANT, byRule, places, segs } from './testkit';
import type { CheckContext, RuleId } from './types';

/** A writer's text through Simplified and back: what a converter hands the reviewer. */
const convert = (config: 's2tw' | 's2hk', ...texts: string[]) => texts.map((t) => getConverter(config).convert(getConverter('t2s').convert(t)));
const run = (rule: RuleId, texts: string[], house: Pick<CheckContext, 'standardForms' | 'houseStyle'> = {}) =>
  byRule(runChecks(segs(...texts), { ...HANT, rules: [rule], ...house }), rule).map((f) => [f.text, f.severity, f.fixes[0].replacement, f.messageData.key, places(f).length]);

// Taiwan: a results release written with the Ministry's 占 and 拚, and 公布 / 計畫 (which no house style keeps otherwise)
const TW = ['電動機車廠今天公布上月營收新台幣18.6億元，年增9%，換電站營收占比升至三成。', '總經理說，下半年拚海外市場，計畫在高雄增設產線，電池業務占營收約15%。'];
const TW_CONVERTED = convert('s2tw', ...TW);
// Hong Kong: an interim release written with the press's 公布 / 宣布
const HK = ['連鎖藥房集團今日公布中期業績，收益為港幣9.2億元，按年增長6%。', '董事會宣布派發中期股息每股港幣8仙，旗下香港門市收入以港元計。'];
const HK_CONVERTED = convert('s2hk', ...HK);

describe('house style: which forms it decides', () => {
  it('decides 佔/占 and 拼/拚 in Taiwan, 公佈/宣佈 in Hong Kong, and nothing else', () => {
    expect(housePairOf('tw', '佔', '占')).toBe('tw-佔');
    expect(housePairOf('tw', '拼', '拚')).toBe('tw-拼');
    expect(housePairOf('tw', '拼經濟', '拚經濟')).toBe('tw-拼');
    expect(housePairOf('hk', '公佈', '公布')).toBe('hk-佈');
    expect(housePairOf('hk', '宣佈', '宣布')).toBe('hk-佈');
    // Taiwan's government and press write 公布: a converter's 公佈 stays a warning whatever the house style
    expect(housePairOf('tw', '公佈', '公布')).toBeUndefined();
    expect(housePairOf('tw', '計劃', '計畫')).toBeUndefined();
    expect(housePairOf('hk', '應占', '應佔')).toBeUndefined();
    expect(housePairOf('hk', '佈局', '布局')).toBeUndefined();
  });

  it('takes the setting first, the project’s documents only while it is unset', () => {
    let asked = 0;
    const house = (): HouseStyle => (asked++, { 'tw-佔': 'press' });
    expect(styleFor('tw-佔', 'ministry', house)).toBe('ministry');
    expect(styleFor('tw-佔', 'press', house)).toBe('press');
    expect(asked).toBe(0);
    expect(styleFor('tw-佔', 'unset', house)).toBe('press');
    expect(styleFor('tw-拼', undefined, house)).toBe('unset');
    expect(styleFor('tw-拼', 'unset', undefined)).toBe('unset');
  });
});

describe('taiwan-standard under the house style', () => {
  it('ministry: the converter’s 佔 and 拼 are warnings, as before the setting', () => {
    expect(run('taiwan-standard', TW_CONVERTED, { standardForms: 'ministry' })).toEqual([
      ['公佈', 'warning', '公布', 'taiwan-standard.one', 1],
      ['佔', 'warning', '占', 'taiwan-standard.converted', 2],
      ['拼', 'warning', '拚', 'taiwan-standard.converted', 1],
      ['計劃', 'warning', '計畫', 'taiwan-standard.one', 1],
    ]);
  });

  it('press: neither 佔 nor 拼 is reported; 公佈 and 計劃 still are', () => {
    const withOthers = convert('s2tw', '電動機車廠今天公布上月營收新台幣18.6億元，年增9%，換電站營收占比升至三成，並拚年底轉虧為盈。', '總經理說，公司計畫在高雄增設產線，電池業務占營收約15%。');
    const found = run('taiwan-standard', withOthers, { standardForms: 'press' });
    expect(found.map((f) => f[0])).toEqual(['公佈', '計劃']);
    expect(found.every((f) => f[1] === 'warning')).toBe(true);
  });

  it('unset: 佔 and 拼 are information, the card naming the setting', () => {
    const found = run('taiwan-standard', TW_CONVERTED);
    // 公佈 and 計劃 are no house style's: warnings as ever
    expect(found.map((f) => [f[0], f[1], f[3]])).toEqual([
      ['公佈', 'warning', 'taiwan-standard.one'],
      ['佔', 'info', 'taiwan-standard.house'],
      ['拼', 'info', 'taiwan-standard.house'],
      ['計劃', 'warning', 'taiwan-standard.one'],
    ]);
    const f = byRule(runChecks(segs(...TW_CONVERTED), { ...HANT, rules: ['taiwan-standard'] }), 'taiwan-standard').find((x) => x.text === '佔')!;
    expect(f.message).toContain('Standard forms');
    expect(f.message).toContain("project's settings");
  });

  it('unset: follows what the project’s documents show, asking only when a form is found', () => {
    expect(run('taiwan-standard', TW_CONVERTED, { standardForms: 'unset', houseStyle: () => ({ 'tw-佔': 'ministry', 'tw-拼': 'press' }) }).map((f) => [f[0], f[1], f[3]])).toEqual([
      ['公佈', 'warning', 'taiwan-standard.one'],
      ['佔', 'warning', 'taiwan-standard.converted'],
      ['計劃', 'warning', 'taiwan-standard.one'],
    ]);
    let asked = 0;
    expect(run('taiwan-standard', convert('s2tw', '電動機車廠今天公布上月營收新台幣18.6億元，年增9%，換電站營收升至三成。'), { houseStyle: () => (asked++, {}) }).map((f) => f[0])).toEqual(['公佈']);
    expect(asked).toBe(0);
  });

  it('a 拼 word (拼經濟, 打拼) in a writer’s own text: a warning with the standard forms, nothing with the press’s, information unset', () => {
    const written = ['縣府今天公布觀光數據，台中與高雄的旅客人次年增一成，縣長說明年要拼經濟。', '這裡的業者也在打拼，餐飲營收以新台幣計算。'];
    expect(run('taiwan-standard', written, { standardForms: 'ministry' }).map((f) => [f[0], f[1]])).toEqual([
      ['拼經濟', 'warning'],
      ['打拼', 'warning'],
    ]);
    expect(run('taiwan-standard', written, { standardForms: 'press' })).toEqual([]);
    expect(run('taiwan-standard', written).map((f) => [f[0], f[1], f[3]])).toEqual([
      ['拼經濟', 'info', 'taiwan-standard.house'],
      ['打拼', 'info', 'taiwan-standard.house'],
    ]);
  });
});

describe('hong-kong-standard under the house style', () => {
  it('ministry: the converter’s 公佈/宣佈 are warnings; press: not reported; unset: the standard’s, as Hong Kong’s press writes, unless the project shows its style', () => {
    expect(run('hong-kong-standard', HK_CONVERTED, { standardForms: 'ministry' }).map((f) => [f[0], f[1], f[3]])).toEqual([
      ['公佈', 'warning', 'hong-kong-standard.converted'],
      ['宣佈', 'warning', 'hong-kong-standard.converted'],
    ]);
    expect(run('hong-kong-standard', HK_CONVERTED, { standardForms: 'press' })).toEqual([]);
    // unset, nothing shown by the project: Hong Kong's government and press write 公布/宣布 (house-style.ts WITHOUT_EVIDENCE)
    expect(run('hong-kong-standard', HK_CONVERTED).map((f) => [f[0], f[1], f[3]])).toEqual([
      ['公佈', 'warning', 'hong-kong-standard.converted'],
      ['宣佈', 'warning', 'hong-kong-standard.converted'],
    ]);
    // the project's writers keeping 佈 decide it (press), and so does their writing 布 (ministry)
    expect(styleFor('hk-佈', 'unset', () => ({ 'hk-佈': 'press' }))).toBe('press');
    expect(styleFor('hk-佈', undefined, () => ({}))).toBe('ministry');
    expect(styleFor('tw-佔', undefined, () => ({}))).toBe('unset');
  });

  it('press leaves the forms Hong Kong writes one way alone: 應占 is still reported', () => {
    const text = ['集團今日公布全年業績，股東應占溢利為港幣3.4億元，按年增長8%。', '香港零售業務以港元計，恒生指數上升。'];
    expect(run('hong-kong-standard', text, { standardForms: 'press' }).map((f) => [f[0], f[1]])).toEqual([['應占', 'warning']]);
  });
});

describe('the house style the project’s documents show', () => {
  it('counts a pair’s forms, leaving out the words whose character is another sense', () => {
    expect(pairCount('tw-佔', ['營收占比三成，外銷佔六成，另有占卜店。'])).toEqual({ press: 1, standard: 1 });
    expect(pairCount('tw-拼', ['拼經濟，拚年增，拼圖完成，拼音點餐。'])).toEqual({ press: 1, standard: 1 });
    expect(pairCount('hk-佈', ['今日公佈業績，董事會宣佈派息，另宣布回購，分佈不變。'])).toEqual({ press: 2, standard: 1 });
  });

  it('takes a form written at least twice and nine times in ten, in its own region', () => {
    expect(houseStyleOf([writerEvidence('tw', ['營收佔比三成，外銷佔六成。'])])).toEqual({ 'tw-佔': 'press' });
    expect(houseStyleOf([writerEvidence('tw', ['營收占比三成，外銷占六成。', '研發占營收8%。'])])).toEqual({ 'tw-佔': 'ministry' });
    // one place is no style; two forms mixed is none either
    expect(houseStyleOf([writerEvidence('tw', ['營收佔比三成。'])])).toEqual({});
    expect(houseStyleOf([writerEvidence('tw', ['營收佔比三成，外銷占六成。'])])).toEqual({});
    // Hong Kong's 佔 is its standard, no evidence for Taiwan's pair
    expect(houseStyleOf([writerEvidence('hk', ['香港業務佔六成，內地佔四成。'])])).toEqual({});
    expect(houseStyleOf([writerEvidence('hk', ['今日公佈業績，董事會宣佈派息。'])])).toEqual({ 'hk-佈': 'press' });
  });

  it('reads writers’ documents only: a converter’s output is no evidence', () => {
    const writer = ['電子廠今天公布營收新台幣52億元，年增8%，這裡的車用佔比升至兩成。', '台中廠明年量產，伺服器業務佔營收約三成。'];
    const doc = (texts: string[]) => ({ segments: segs(...texts), ctx: HANT });
    expect(projectHouseStyle([doc(writer)])).toEqual({ 'tw-佔': 'press' });
    // the same text through the converter: every 占 would be 佔 whatever the writer wrote
    expect(projectHouseStyle([doc(convert('s2tw', ...TW))])).toEqual({});
    // a document without a region (a mainland text) says nothing
    expect(projectHouseStyle([doc(['公司營業收入人民幣12億元，同比增長4%，海外佔比兩成，國內佔八成。'])])).toEqual({});
  });
});
