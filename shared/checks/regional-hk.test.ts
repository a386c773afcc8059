import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { HONG_KONG_EITHER, HONG_KONG_FORMS } from './data/hongKongForms';
import { getConverter } from '../text/convert';
import { segmentText } from '../text/segment';
import { HANT, applyAll, byRule, places, segs } from './testkit';

const RULE = 'hong-kong-standard';
const run = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: [RULE] }), RULE);
/** The project's house style set to the standard forms (house-style.ts): 公佈/宣佈 as before the setting. */
const runMinistry = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: [RULE], standardForms: 'ministry' }), RULE);
const found = (...texts: string[]) => run(...texts).map((x) => [x.text, places(x).length, x.fixes[0].replacement]);

describe('hong-kong-standard', () => {
  it('reports OpenCC’s 應占 in a Hong Kong document, one group over every place, fix all', () => {
    const segments = segs('海鮮酒家集團今日公布中期業績，收益為港幣12.4億元，按年增長5%。', '股東應占溢利為港幣8,600萬元，非控股權益應占虧損為港幣120萬元。');
    const f = byRule(runChecks(segments, { ...HANT, rules: [RULE] }), RULE);
    expect(f.map((x) => [x.text, places(x).length, x.fixes[0].replacement])).toEqual([['應占', 2, '應佔']]);
    expect(f[0].severity).toBe('warning');
    expect(f[0].messageData.key).toBe('hong-kong-standard.many');
    expect(applyAll(segments, f[0])[1]).toBe('股東應佔溢利為港幣8,600萬元，非控股權益應佔虧損為港幣120萬元。');
  });

  it('reports a shop’s 鋪 (鋪位, 店鋪, 商鋪, 鋪租) and leaves the verb 鋪 (鋪設, 鋪路, 鋪墊) alone', () => {
    expect(found('屯門商場的鋪位續租租金按年下跌3%，以港元計，店鋪數目減至84間。', '管理層為轉型鋪路，並重新鋪設地台，為明年的商鋪招租鋪墊；香港的鋪租仍然偏高。')).toEqual([
      ['鋪位', 1, '舖位'],
      ['店鋪', 1, '店舖'],
      ['商鋪', 1, '商舖'],
      ['鋪租', 1, '舖租'],
    ]);
    expect(run('集團在香港的分店重新鋪設地台，為擴張鋪路，成本以港元計。')).toEqual([]);
    expect(run('電訊商在香港沿街鋪設光纖，落葉遍地鋪滿，成本以港元計。')).toEqual([]);
  });

  it('reports 占 in other words where OpenCC keeps it (占人口, 占上半年), one group for the character', () => {
    expect(found('香港長者占人口的比例升至兩成，恒生指數上月下跌。', '本港出口占上半年總額的四成，以港元計。')).toEqual([['占', 2, '佔']]);
  });

  it('leaves 占 in divination words, transliterations and a person’s name; 出口占 is no 口占', () => {
    expect(run('香港的占卜及占星服務店舖外，恒生指數報價以港元計。', '電影《占士邦》在香港重映，拜占庭展覽亦開幕，門票以港元計。')).toEqual([]);
    expect(run('行政總裁陳占強表示，香港業務收入以港元計，按年增長4%。')).toEqual([]);
  });

  it('gives a writer’s 公佈 and 宣佈 as information only (the press writes 公布, 宣布; filings keep 佈), and not 佈局 or 分佈', () => {
    // a writer's text, no converter's output: 麵 and 綫 where OpenCC writes 麪 and 線
    const f = runMinistry('集團今日公佈中期業績，董事會欣然宣佈派發特別股息，收益以港元計。', '香港分店的分佈及內地佈局維持不變，旗下麵店業務佔七成，綫上銷售上升。');
    expect(f.map((x) => [x.text, x.severity, x.fixes[0].replacement, x.messageData.key])).toEqual([
      ['公佈', 'info', '公布', 'hong-kong-standard.both'],
      ['宣佈', 'info', '宣布', 'hong-kong-standard.both'],
    ]);
  });

  it('gives 公佈 and 宣佈 as warnings where the document is a converter’s output throughout (every 布 of 公布 became 佈)', () => {
    const source = ['集團今日公布中期業績，董事會宣布派發特別股息，收益以港元計。', '香港分店的分佈及內地佈局維持不變，這裡的業務著重零售，恒生指數上升。'];
    const converted = source.map((t) => getConverter('s2hk').convert(getConverter('t2s').convert(t)));
    const f = runMinistry(...converted);
    expect(f.map((x) => [x.text, x.severity, x.fixes[0].replacement, x.messageData.key])).toEqual([
      ['公佈', 'warning', '公布', 'hong-kong-standard.converted'],
      ['宣佈', 'warning', '宣布', 'hong-kong-standard.converted'],
    ]);
  });

  it('gives a listed company’s filing its 宣佈 and 公佈 as information only, converter’s output or not (董事會欣然宣佈)', () => {
    const source = ['董事會（「董事會」）欣然宣佈本公司截至二零二五年六月三十日止六個月之中期業績，收益以港元計。', '董事會宣佈派發中期股息每股8港仙。', '承董事會命，主席謹啓。本公告刊載於聯交所網站。'];
    const converted = source.map((t) => getConverter('s2hk').convert(getConverter('t2s').convert(t)));
    const f = runMinistry(...converted);
    expect(f.map((x) => [x.text, x.severity])).toEqual([['宣佈', 'info']]);
    // a news report quoting one formula is no filing: the warning stays
    const news = ['集團今日公布中期業績，董事會宣布派發特別股息，收益以港元計。', '公司在本公告發出後股價上升，恒生指數上升。'].map((t) => getConverter('s2hk').convert(getConverter('t2s').convert(t)));
    expect(runMinistry(...news).map((x) => [x.text, x.severity])).toEqual([
      ['公佈', 'warning'],
      ['宣佈', 'warning'],
    ]);
  });

  it('is quiet on Hong Kong’s own forms (應佔, 佔, 舖, 公布)', () => {
    expect(run('集團今日公布業績，股東應佔溢利為港幣3億元，香港業務佔七成，商場舖位及店舖的舖租按年下跌。')).toEqual([]);
  });

  it('does not run in a Taiwan document: 占 and 鋪 are Taiwan’s standard', () => {
    const tw = ['百貨公司今天公布營收，年增6%，以新台幣計，化妝品占營收三成，應占比重上升。', '台北店鋪與商鋪的鋪位租金也上漲。'];
    expect(run(...tw)).toEqual([]);
    // nor does taiwan-standard report them there
    expect(byRule(runChecks(segs(...tw), { ...HANT, rules: ['taiwan-standard'] }), 'taiwan-standard')).toEqual([]);
    // a Taiwan writer's 店舖 is no converter's doing either: neither rule reports it
    const tw2 = ['百貨公司今天公布營收，年增6%，以新台幣計。', '台北店舖租金上漲，化妝品占三成。'];
    expect(byRule(runChecks(segs(...tw2), { ...HANT, rules: ['taiwan-standard', RULE] }), RULE)).toEqual([]);
    expect(byRule(runChecks(segs(...tw2), { ...HANT, rules: ['taiwan-standard', RULE] }), 'taiwan-standard')).toEqual([]);
  });

  it('reports the week written 週 (上週五, 周末, 黃金週, 週期) and flats counted in 夥 (2,846夥, 入夥), leaving 週年 alone', () => {
    expect(found('瑞峰地產上半年售出2,846夥，股份代號1687，以港元計，平均每夥約591萬港元，預計約1,050夥於下半年入夥。', '上週五股價收市升2%，黃金週期間訪港旅客增加，股東週年大會將於下月舉行。')).toEqual([
      ['夥', 3, '伙'],
      ['入夥', 1, '入伙'],
      ['上週', 1, '上周'],
      ['黃金週', 1, '黃金周'],
    ]);
    expect(run('瑞峰地產上半年售出2,846伙，股份代號1687，以港元計，夥伴銀行提供按揭。', '上周五股價收市升2%，黃金周期間訪港旅客增加，股東週年大會將於下月舉行。')).toEqual([]);
    // and the turnover of money and stock: 周轉
    expect(found('集團在香港的應收賬款為412.2百萬港元，股份代號1687。', '應收賬款週轉天數為87天，較去年縮短。').map((x) => x[0])).toEqual(['週轉']);
    expect(run('集團在香港的應收賬款為412.2百萬港元，股份代號1687。', '應收賬款周轉天數為87天，較去年縮短。')).toEqual([]);
  });

  it('does not run in a mainland document or one too short to tell', () => {
    expect(run('公司股東應占淨利潤為人民幣3億元，同比增長4%，店鋪增至120家。')).toEqual([]);
    expect(run('店鋪應占多少？')).toEqual([]);
  });

  it("lists only words every OpenCC target writes from Hong Kong's form (the converter is the oracle)", () => {
    const t2s = getConverter('t2s');
    const writes = (opencc: string, hk: string) => (['s2t', 's2tw', 's2hk', 's2twp'] as const).every((c) => getConverter(c).convert(t2s.convert(hk)) === opencc);
    expect([...HONG_KONG_FORMS, ...HONG_KONG_EITHER].filter(([opencc, hk]) => !writes(opencc, hk))).toEqual([]);
  });

  // eval/clean-dev's Hong Kong texts (correct writing, several writers): no hong-kong-standard warning on them
  const CLEAN = ['02', '15', '22', '27', '32', '36', '37', '42', '43', '44', '47', '49', '51', '60', '63', '65', '68', '69', '70', '72', '73'];
  const dir = join(__dirname, '../../eval/clean-dev');
  const files = readdirSync(dir).filter((f) => CLEAN.includes(f.slice(0, 2)));
  it('has the Hong Kong clean texts it names', () => expect(files.length).toBe(CLEAN.length));
  it.each(files)('eval/clean-dev/%s: no hong-kong-standard warning on correct Hong Kong text', (file) => {
    const segments = segmentText(readFileSync(join(dir, file), 'utf8')).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0 }));
    expect(byRule(runChecks(segments, HANT), RULE).filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
  });

  it('finds every word of a clean Hong Kong text that OpenCC’s round trip changed to its form', () => {
    const t2s = getConverter('t2s');
    const s2hk = getConverter('s2hk');
    const text = readFileSync(join(dir, files.find((f) => f.startsWith('69'))!), 'utf8');
    const converted = s2hk.convert(t2s.convert(text));
    const segments = segmentText(converted).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0 }));
    const f = byRule(runChecks(segments, { ...HANT, standardForms: 'ministry' }), RULE);
    // OpenCC's output throughout: its 公佈 is a warning too (with the standard forms as the house style)
    expect(f.filter((x) => x.severity === 'warning').map((x) => x.text).sort()).toEqual(['公佈', '商鋪', '店鋪', '街鋪', '鋪位', '鋪租']);
    expect(f.filter((x) => x.severity === 'info').map((x) => x.text)).toEqual([]);
  });
});
