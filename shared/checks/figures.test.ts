import { describe, expect, it } from 'vitest';
import { runChecks, runProjectFigureCheck } from './index';
import { shiftDecimal, significantDigits } from './figures';
import { HANT, byRule, places, segs } from './testkit';
import type { CheckSegment, RuleId } from './types';

// Every sentence here is written for these tests (fictional companies and figures).
const run = (rule: RuleId, ...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: [rule] }), rule);
const scale = (...texts: string[]) => run('number-scale', ...texts);
const unit = (...texts: string[]) => run('number-unit', ...texts);

describe('helpers', () => {
  it('shifts a decimal point and keeps the writing', () => {
    expect(shiftDecimal('41,500', -3)).toBe('41.5');
    expect(shiftDecimal('1.523', 2)).toBe('152.3');
    expect(shiftDecimal('4.18', 2)).toBe('418');
    expect(shiftDecimal('3.15', 3)).toBe('3,150');
    expect(shiftDecimal('0.7', -1)).toBe('0.07');
    expect(significantDigits('12,400億')).toBe('124');
    expect(significantDigits('0.65%')).toBe('65');
  });
});

describe('number-scale: an amount and its conversion', () => {
  it('flags an implied rate outside the band, with both readings as fixes', () => {
    const [f] = scale('本季淨利新臺幣45.6億元，約合美元14.2億元。');
    expect(f).toMatchObject({ severity: 'warning', text: '45.6億元' });
    expect(f.messageData.key).toBe('number.scale.rate');
    expect(places(f).map((p) => p.fixes)).toEqual([['456'], ['1.42']]);
  });

  it('a rate outside the band by less than a power of ten is said so, with no 萬/億 fix', () => {
    const [f] = scale('營收74億港元（約合9.25億美元）。');
    expect(f.messageData.key).toBe('number.scale.rate-near');
    expect(f.message).not.toMatch(/factor of 1\b/);
    expect(places(f).map((p) => p.fixes)).toEqual([[], []]);
  });

  it('reads the currency wherever it stands (元港幣 is HKD)', () => {
    expect(scale('營收120億元港幣（約合1.54億美元）。')).toHaveLength(1);
    expect(scale('營收120億元港幣（約合15.4億美元）。')).toEqual([]);
  });

  it('is quiet on plausible rates and on amounts that are not conversions', () => {
    expect(scale('本季淨利新臺幣45.6億元，約合美元1.42億元。')).toEqual([]);
    expect(scale('營收120億港元（約合15.4億美元），淨利人民幣8.8億元（約合1.2億美元）。')).toEqual([]);
    expect(scale('全年平均薪資為2萬4,300美元，約合新台幣77.8萬元。')).toEqual([]);
    expect(scale('海外營收新臺幣45.6億元，美國子公司營收3.2億美元。')).toEqual([]);
  });
});

describe('number-scale: parts and wholes', () => {
  it('flags a part (其中) larger than its whole', () => {
    const [f] = scale('海外營收達新臺幣18.4億元，佔比四成；其中北美市場貢獻新臺幣92億元。');
    expect(f).toMatchObject({ text: '92億元', fixes: [{ replacement: '9.2' }] });
    expect(f.related[0].text).toBe('18.4億元');
    expect(scale('海外營收達新臺幣18.4億元，佔比四成；其中北美市場貢獻新臺幣9.2億元。')).toEqual([]);
    // the segmenter splits at ；: the sentence goes on in the next segment
    expect(scale('海外營收達新臺幣18.4億元，佔比四成；', '其中北美市場貢獻新臺幣92億元。').map((f) => [f.segmentId, f.text])).toEqual([[2, '92億元']]);
    expect(scale('海外營收達新臺幣18.4億元。', '其中北美市場貢獻新臺幣92億元。')).toEqual([]);
  });

  it('still finds a part larger than its whole after a run of figures with no clause or sentence end (a table pasted as one line)', () => {
    const run = Array.from({ length: 1500 }, (_, i) => `第${i + 1}項${(i % 9) + 1}.${i % 10}億元`).join('、');
    const found = scale(`${run}、海外營收達新臺幣18.4億元，佔比四成；其中北美市場貢獻新臺幣92億元。`);
    expect(found.map((f) => [f.text, f.related[0]?.text])).toEqual([['92億元', '18.4億元']]);
  });

  it('an amount per share is no whole of a total, nor a total of a per-share part', () => {
    expect(scale('公司全年每股盈餘3.12元，其中第四季稅後淨利12.4億元，占全年約四成。')).toEqual([]);
    expect(scale('全年稅後淨利31.5億元，其中第四季每股盈餘1.2元。')).toEqual([]);
    // per share against per share is compared
    expect(scale('全年每股盈餘8.42元，其中第四季每股盈餘12.31元。').map((f) => f.text)).toEqual(['12.31元']);
  });

  it('does not compare a part in another currency with a whole in 元 (no rate is read for it)', () => {
    expect(scale('亞洲營收4.1億元，其中韓國市場營收約71億韓元。')).toEqual([]);
    // one card for the place: part over whole, and the same digits restated ten times apart (merge.ts)
    const [f] = scale('亞洲營收4.1億元，其中南韓市場營收約41億元。');
    expect(f.messageData.key).toBe('place.reasons');
    expect((f.messageData.params.reasons as { key: string }[]).map((r) => r.key)).toEqual(['number.scale.part-over-whole', 'number.scale.restated']);
  });

  it('flags a share whose implied whole is a power of ten from the stated one', () => {
    const [f] = scale('本季合併營收為新臺幣356.0億元。', '零售事業營收2.136億元，佔總營收的60%。');
    expect(f).toMatchObject({ text: '2.136億元', fixes: [{ replacement: '213.6' }] });
    expect(f.messageData.key).toBe('number.scale.share-total');
    expect(scale('本季合併營收為新臺幣356.0億元。', '零售事業營收213.6億元，佔總營收的60%。')).toEqual([]);
    // no stated whole: nothing to compare with
    expect(scale('零售事業營收2.136億元，佔總營收的60%。')).toEqual([]);
  });
});

describe('number-scale: components above their total', () => {
  it('flags a component of a breakdown larger than the total of its period', () => {
    const total = '本季合併營收為新臺幣212.0億元，年增8%。';
    const [f] = scale(total, '按產品區分，本季記憶體營收84.8億元，佔總營收的40%；邏輯晶片營收931億元；其他營收34.1億元。');
    expect(f).toMatchObject({ text: '931億元', fixes: [{ replacement: '93.1' }] });
    expect(f.related.map((r) => r.text)).toEqual(['212.0億元']);
    expect(scale(total, '按產品區分，本季記憶體營收84.8億元，佔總營收的40%；邏輯晶片營收93.1億元；其他營收34.1億元。')).toEqual([]);
    expect(scale(total, '按產品區分，本季記憶體營收84.8億元，佔總營收的40%；', '邏輯晶片營收931億元；', '其他營收34.1億元。').map((f) => [f.segmentId, f.text])).toEqual([[3, '931億元']]);
    // not a breakdown: no comparison
    expect(scale(total, '去年記憶體營收84.8億元，邏輯晶片營收931億元。')).toEqual([]);
  });
});

describe('number-scale: one figure restated at another scale', () => {
  it('flags the same words and digits a power of ten apart', () => {
    const [f] = scale('全年稅後淨利新臺幣23.7億元，年增12%。', '董事長表示，全年稅後淨利237億元，創新高。');
    expect(f).toMatchObject({ segmentId: 2, text: '237億元', fixes: [{ replacement: '23.7' }] });
    expect(f.related.map((r) => r.text)).toEqual(['23.7億元']);
  });

  it('is quiet on other metrics, other digits and percentages', () => {
    expect(scale('全年稅後淨利新臺幣23.7億元。', '第一季營收237億元。')).toEqual([]);
    expect(scale('全年稅後淨利新臺幣23.7億元。', '全年稅後淨利25.1億元。')).toEqual([]);
    expect(scale('毛利率年增1.5%。', '營業利益率年增15%。')).toEqual([]);
    // two named periods that differ are two figures; an amount in another currency is not in 元
    expect(scale('第一季營收12.5億元，年增8%。', '全年營收125億元，創新高。')).toEqual([]);
    expect(scale('第一季營收12.5億元。', '營收1,250億日圓（約合美元8.3億元）。')).toEqual([]);
    expect(scale('第一季營收12.5億元。', '董事長說，第一季營收125億元。')).toHaveLength(1);
    // a part (其中) of the whole before it in its sentence is no restatement of it, ten times smaller or not
    expect(scale('本公司擬透過全球發售120,000,000股H股，其中香港公開發售12,000,000股H股，佔全球發售股份總數的10%。')).toEqual([]);
    expect(scale('本公司擬透過全球發售120,000,000股H股。', '香港公開發售12,000,000股H股。')).toHaveLength(1);
  });

  it('across the documents of a project (the project check)', () => {
    const docs = [
      { documentId: 7, segments: segs('每股盈餘新臺幣5.32元，優於預期。') },
      { documentId: 8, segments: segs('公司每股盈餘53.2元，法人看好。') },
      { documentId: 9, segments: segs('每股盈餘新臺幣5.32元。') },
    ];
    const found = runProjectFigureCheck(docs, HANT);
    expect(found.map((f) => [f.rule, f.documentId, f.text])).toEqual([['number-scale', 8, '53.2元']]);
    expect(found[0].related.map((r) => r.documentId)).toEqual([7, 9]);
    // a document's own pairs are the document check's
    expect(runProjectFigureCheck([{ documentId: 1, segments: segs('每股盈餘5.32元。', '每股盈餘53.2元。') }], HANT)).toEqual([]);
  });
});

describe('number-unit', () => {
  it('flags a count carrying a currency or a person unit its noun cannot take', () => {
    expect(unit('截至年底，員工人數為2,450元。').map((f) => [f.text, f.fixes.map((x) => x.replacement)])).toEqual([['元', ['人', '名']]]);
    expect(unit('全台門市總數達1,180元。').map((f) => f.fixes[0].replacement)).toEqual(['家']);
    expect(unit('寒流期間約有45人分店提早打烊。').map((f) => f.text)).toEqual(['人']);
    expect(unit('該股成交量達3.2萬人。').map((f) => f.text)).toEqual(['人']);
    expect(unit('付費會員85萬戶，較上季增加約3萬元。').map((f) => f.fixes[0].replacement)).toEqual(['戶']);
    expect(unit('全年交車量達4.6萬人。', '累計取得專利1,280元。', '今年新增充電站320元。').map((f) => [f.segmentId, f.fixes[0].replacement])).toEqual([[1, '輛'], [2, '件'], [3, '座']]);
    expect(unit('旗艦手機出貨量達850萬人。').map((f) => f.text)).toEqual(['人']);
    // a parenthesis between the metric and its figure, and beds, seats and rooms
    expect(unit('月活躍用戶數（MAU）達4,800萬元。', '醫院床位數達2,400元。', '飯店客房數達1,200人。').map((f) => [f.segmentId, f.text])).toEqual([[1, '元'], [2, '元'], [3, '人']]);
    expect(unit('月活躍用戶數（MAU）達4,800萬人。', '醫院床位數達2,400床。', '營收（不含稅）達48億元。')).toEqual([]);
    // a change takes the unit of the count right before it: a person count, or a counted noun
    expect(unit('訂閱戶達64萬戶，較上月增加2萬人。').map((f) => f.fixes[0].replacement)).toEqual(['戶']);
    expect(unit('志工人數為3,100人，較去年增加420萬元。').map((f) => f.fixes[0].replacement)).toEqual(['人']);
    expect(unit('受訪的52家上市公司中，已有17人調高全年財測。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['人', '家']]);
  });

  it('knows count metrics by class and by form: volumes of goods, organisations right before the number, 「…數」', () => {
    expect(unit('本季交付量達3.4萬元。').map((f) => f.fixes.map((x) => x.replacement))).toEqual([['輛', '台']]); // the measure words as a Traditional text writes them, once
    expect(unit('旗下連鎖診所達86元。').map((f) => f.text)).toEqual(['元']);
    // 「…數」 is the number of something: never 元; whether it counts people the form does not tell (買家數), so 人 is left alone
    expect(unit('上架遊戲數達85元。', '上架遊戲數達85人。', '簽約志工數達420人。', '回購的賣家數達3.2萬人。').map((f) => [f.segmentId, f.text])).toEqual([[1, '元']]);
    expect(unit('簽約志工數達420元。').map((f) => f.fixes.map((x) => x.replacement))).toEqual([['人', '名']]);
    // 數 as an adverb (全數, 悉數: in full) names no count: the amount is money
    expect(unit('法官裁定公司可向前主席追討全數3.12億元。', '有關款項已悉數2,460萬元撥備。')).toEqual([]);
  });

  it('reads a clause that only names another subject after an amount as that amount\'s metric for it', () => {
    // 約78元 is an average ticket; the next clause leaves 客單價 out: 215元 is the bakery's ticket, not its store count
    const stores = '旗下門市共458家，包括晴川茶坊326家、麥香餅舖132家。';
    expect(unit(stores, '晴川茶坊平均客單價約78元，麥香餅舖約215元，均較去年提高。')).toEqual([]);
    expect(unit(stores, '晴川茶坊營收約2.7億元，麥香餅舖則為1.5億元。')).toEqual([]);
    // the subject counted elsewhere, with no amount before it to lend a metric: still a count in the wrong unit
    expect(unit(stores, '年底前麥香餅舖約140元。').map((f) => [f.segmentId, f.fixes[0].replacement])).toEqual([[2, '家']]);
    // a clause naming a count metric of its own (門市) is no elided amount
    expect(unit(stores, '晴川茶坊營收約2.7億元，門市約330元。').map((f) => [f.segmentId, f.text])).toEqual([[2, '元']]);
    // after a count, not an amount: the subject is counted like the figure before it
    expect(unit(stores, '晴川茶坊年底約330家，麥香餅舖約140元。').map((f) => [f.segmentId, f.text])).toEqual([[2, '元']]);
  });

  it('learns a count metric from its measure word elsewhere in the document or the project', () => {
    expect(unit('本季新開設體驗館12座。', '年底前體驗館總數達30元。').map((f) => [f.segmentId, f.fixes.map((x) => x.replacement)])).toEqual([[2, ['座']]]);
    // 量/數 after the noun name the same metric: 維修量 … 件, 維修 … 元
    expect(unit('本月售後維修量達1.8萬件。', '上月售後維修1.6萬元。').map((f) => [f.segmentId, f.text])).toEqual([[2, '元']]);
    const docs = [
      { documentId: 1, segments: segs('本季交付無人機1,200台。') },
      { documentId: 2, segments: segs('年底前無人機總數達3,000元。') },
    ];
    expect(byRule(runProjectFigureCheck(docs, HANT), 'number-unit').map((f) => [f.documentId, f.text])).toEqual([[2, '元']]);
  });

  it('is quiet on amounts about an organisation or an average, and on verbs learnt as nothing', () => {
    expect(
      unit(
        '其餘子公司合計2.3億元，醫院營收12億元。',
        '每戶可支配所得平均數為98.6萬元，中位數為86.1萬元。',
        '營收增加3億元，門市增加12家。',
        '本季新開設體驗館12座，體驗館裝修費用1.2億元。',
      ),
    ).toEqual([]);
    // a large amount before a doer in 者 sizes what they do, a small one is a count gone wrong
    expect(unit('首購族申辦800萬元房貸者，可享利率減碼。', '繳納5萬元保證金者，始得參與競標。')).toEqual([]);
    expect(unit('二期臨床試驗共收治212元受試者。').map((f) => f.text)).toEqual(['元']);
    // a trade is stated in shares and in money alike; 合共 (in total) names no metric
    expect(unit('基石投資者同意認購合共2.10億美元可購買的H股。', '基石投資者將認購合共45,882,000股H股。', '其中，甲資本認購6,000萬美元（13,109,200股），乙基金認購13,109,200股。')).toEqual([]);
  });

  it('is quiet on amounts about a count noun and on right units', () => {
    expect(
      unit(
        '員工薪資總額達12億元。',
        '員工人數為2,450人，會員人數達120萬人。',
        '大盤成交量達4,500億元。',
        '企業客戶貢獻營收15億元。',
        '全台門市總數達1,180家，門市價格為每杯55元。',
        '每位用戶平均貢獻營收320元。',
        '52家上市公司中，有17家調高財測，員工共3,400人。',
        '公司發放員工旅遊補助每人1萬元，員工持股信託每月提撥2,000元。',
        '截至6月底，開戶數達320萬戶，客戶資產規模1.2兆元。',
        '旗艦手機出貨量達850萬台，出貨金額約新臺幣1,200億元；在手訂單達500億元。',
        '今年充電站投資20億元，專利授權金收入3.2億元。',
        // the nearest count before a change is its level: 名 after 名, whatever counts came earlier
        '共設有分館27間，讀者證持有人數達64萬名，較上年增加約5萬名。',
      ),
    ).toEqual([]);
  });

  it('flags the same figure with two units, in a document and across a project', () => {
    expect(unit('活躍用戶達640萬戶。', '執行長說，活躍用戶達640萬人。').map((f) => [f.segmentId, f.text])).toEqual([[2, '人']]);
    const found = runProjectFigureCheck(
      [
        { documentId: 1, segments: segs('活躍用戶達640萬戶。') },
        { documentId: 2, segments: segs('活躍用戶達640萬人。') },
      ],
      HANT,
    );
    expect(found.map((f) => [f.rule, f.documentId, f.text, f.fixes[0].replacement])).toEqual([['number-unit', 2, '人', '戶']]);
  });
});

describe('number-format: every reading, ranked by evidence', () => {
  const fmt = (...s: CheckSegment[]) => byRule(runChecks(s, { ...HANT, rules: ['number-format'] }), 'number-format');
  const seg = (id: number, text: string, english?: string): CheckSegment => ({ id, text, furniture: null, speaker: null, english });

  it('offers both readings of a comma before 萬/億, the decimal one first without evidence', () => {
    const [f] = fmt(seg(1, '訂閱營收爲35,60萬元。'));
    expect(f.fixes.map((x) => x.replacement)).toEqual(['35.60', '3,560']);
    expect(f.messageData.key).toBe('number.readings');
  });

  it('puts the reading the English states first', () => {
    const [f] = fmt(seg(1, '訂閱營收爲35,60萬元。', 'Subscription revenue was 35.6 million.'));
    expect(f.fixes.map((x) => x.replacement)).toEqual(['3,560', '35.60']);
    expect(f.messageData.key).toBe('number.readings.evidence');
    expect(f.message).toContain('the English text');
  });

  it('puts the reading another figure of the document states first, also at a smaller scale', () => {
    const [f] = fmt(seg(1, '全年淨利爲新臺幣174,000億元。'), seg(2, '執行長指出，全年淨利17.4億元，年增5%。'));
    expect(f.fixes[0].replacement).toBe('17.4億');
    expect(f.message).toContain('elsewhere in this document');
    const [g] = fmt(seg(1, '全年淨利爲新臺幣174,000億元。'));
    expect(g.fixes.map((x) => x.replacement)).toEqual(['17.4萬億']);
  });
});

// Classes of misreading found on clean texts of our own (eval/clean-dev 14–29), each fixed as a class.
describe('no number alarm on correct text: the classes of misreading', () => {
  it('a net flow (買超, 賣超, 淨流入) is no bound on its parts: they have both signs', () => {
    expect(scale('三大法人合計賣超新台幣98.4億元，其中外資賣超新台幣112.7億元，投信則連續第五日買超。')).toEqual([]);
    expect(scale('南向資金全日淨流入52.3億港元，其中經港股通（滬）淨流入61.8億港元。')).toEqual([]);
    // a part of a gross total is still bounded by it
    expect(scale('公司營收98.4億元，其中外銷收入112.7億元。').map((f) => f.text)).toEqual(['112.7億元']);
  });

  it('a balance (結餘) is money, also after a count noun (現金及銀行結餘約4.6億港元)', () => {
    expect(unit('截至9月底，集團持有現金及銀行結餘約4.6億港元，並無銀行借貸。')).toEqual([]);
    expect(unit('本港參與計劃的銀行共12元。').map((f) => f.text)).toEqual(['元']);
  });

  it('a noun counted in its own clause (與兩間銀行, 3家本地銀行) is not the metric of the amount after it', () => {
    expect(unit('集團上周已與兩間銀行簽訂合共60億港元的綠色貸款。')).toEqual([]);
    expect(unit('公司與3家本地銀行簽訂聯貸合約，總額達120億元。')).toEqual([]);
    // the noun with no count of its own, or counted in another clause, is still a count
    expect(unit('本港參與計劃的銀行共12元。').map((f) => f.text)).toEqual(['元']);
    expect(unit('本港共有兩間銀行參與計劃，參與的銀行共12元。').map((f) => f.text)).toEqual(['元']);
    // a person unit after a counted noun is still a wrong count; 數位 (digital) is no count
    expect(unit('本行在香港設有142間分行及8人理財中心。').map((f) => f.text)).toEqual(['人']);
    expect(unit('本行在香港設有142間分行及8元理財中心。').map((f) => f.text)).toEqual(['元']);
    expect(unit('數位帳戶戶數達310萬元。').map((f) => f.text)).toEqual(['元']);
  });

  it('reads a bare 元 in the document’s currency (a Taiwan release: NT$, not CNY)', () => {
    // Minguo years make it a Taiwan text: 100萬元 ≈ 3.2萬 US dollars is 31 NT$ per US$
    const tw = ['主計總處112年國民所得統計：平均每人GDP為100萬6,537元（約合3萬2,339美元）。', '113年經濟成長率預測為3.43%。'];
    expect(scale(...tw)).toEqual([]);
    // the same amount in a text that names 人民幣 is CNY, and 31 CNY per US$ is off
    expect(scale('收入人民幣3億元。', '平均每人收入為100萬6,537元（約合3萬2,339美元）。').map((f) => f.messageData.key)).toEqual(['number.scale.rate']);
  });

  it('an amount per counted thing is money (平均每戶貸款866萬元), and a money noun counted in 戶 is an amount too', () => {
    expect(unit('10月新承作購屋貸款計2萬1,436戶，金額為1,856億元，平均每戶貸款約866萬元。')).toEqual([]);
    expect(unit('本月新承作購屋貸款計2萬1,436戶。', '新承作購屋貸款1,856億元。')).toEqual([]);
    expect(unit('每名付費用戶平均月收入為198.7元。', '平均每人持有2.8張保單。')).toEqual([]);
    // without 每, a household count in 元 is still wrong
    expect(unit('數位帳戶戶數達310萬戶。', '住戶數達12萬元。').map((f) => f.text)).toEqual(['元']);
  });

  it('a change whose clause names a money metric of its own is an amount, not the count before it', () => {
    expect(unit('本月交車1,200輛，營收增加3億元。', '門市共120家，租金支出增加3億元。')).toEqual([]);
    expect(unit('本月交車1,200輛，較上月增加3億元。').map((f) => f.text)).toEqual(['元']);
  });

  it('five digits before 億 next to another amount of that order in the sentence, or in a Hong Kong document, is Hong Kong usage: shown as info', () => {
    const run1 = (...t: string[]) => byRule(runChecks(segs(...t), { ...HANT, rules: ['number-format'] }), 'number-format').map((f) => f.severity);
    expect(run1('截至6月底，客戶貸款為9,820億港元，客戶存款為13,540億港元，貸存比率為72.5%。')).toEqual(['info']);
    // among small amounts it is the misplaced point of 1.24億 (a warning)
    expect(run1('外資買超118.3億元，投信買超35.2億元，自營商賣超12,400億元。')).toEqual(['warning']);
    // and where the document states the same digits at a smaller scale
    expect(run1('客戶貸款為9,820億港元，客戶存款為13,540億港元。', '其中存款1.354億港元來自新客戶。')).toEqual(['warning']);
    // a document written for Hong Kong writes trillions so anywhere: info there too (whichever rules run), unless the same evidence
    const hk = ['政府統計處今日發表的數字顯示，首季商品整體出口貨值為13,205億元，按年上升9.6%。', '三月的進口貨值為4,838億元，較一年前上升9.9%，特區政府發言人表示，本港的轉口貿易回升。'];
    expect(run1(...hk)).toEqual(['info']);
    expect(byRule(runChecks(segs(...hk), HANT), 'number-format').map((f) => f.severity)).toEqual(['info']);
    // worded as the way such amounts are written, not as the warning's question
    expect(byRule(runChecks(segs(...hk), HANT), 'number-format')[0].messageData!.key).toBe('number.digits-before-magnitude.large');
    expect(run1(...hk, '其中轉口貨值1.3205億元。')).toEqual(['warning']);
    // or far above the document's typical amount (profit 350 times revenue): a misplaced point still
    expect(run1('集團在香港的收入為35.2億港元，按年增長5%。', '股東應佔溢利為12,400億港元，本港業務表現理想。')).toEqual(['warning']);
    // elsewhere, alone among smaller amounts, still a warning
    expect(run1('首季商品整體出口貨值為13,205億元，按年上升9.6%。', '三月的進口貨值為4,838萬元。')).toEqual(['warning']);
  });
});

describe('number-unit: forms a word list misses', () => {
  it('a clause that is only a verb of a counted set takes the count before it', () => {
    expect(unit('本月新增門市42家，關閉12元。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '家']]);
    expect(unit('上市股票上漲家數為612家，下跌286元，持平103家。').map((f) => f.text)).toEqual(['元']);
    expect(unit('本月新增門市42家，關閉12家。', '上漲612家，下跌286家，持平103家。')).toEqual([]);
  });

  it('an item of an enumeration whose names share no last character (馬來西亞52元、美國38家、日本20家) takes the count of the others', () => {
    expect(unit('海外門市154家，分布於馬來西亞52元、美國38家、日本20家。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '家']]);
    expect(unit('門市共508間；按地區劃分，香港436人、澳門38間、大灣區34間。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['人', '間']]);
    // a total in money before the counts, a money name, a person noun, one other item only, the items in two units: no finding
    expect(
      unit(
        '業績52億元、門市38家、分店20家。',
        '營收52億元、門市38家、分店20家。',
        '員工120人、門市38家、分店20家。',
        '本月出貨包括複合加工機132台、CNC車床76元。',
        '海外門市分布於馬來西亞52家、美國38家、日本20家。',
        '旗下有酒店3家、餐廳12間、員工520人。',
      ),
    ).toEqual([]);
  });

  it('the base of a comparison takes the unit of the change after it (較去年底的9,427元增加415名)', () => {
    expect(unit('壽險業務員人數達9,842名，較去年底的9,427元增加415名。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '名']]);
    expect(unit('會員人數達386萬名，較上年度的342萬元增加44萬名，按年增長12.9%。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '名']]);
    expect(unit('壽險業務員人數達9,842名，較去年底的9,427名增加415名。', '營收112億元，較上年度的98億元增加14億元。')).toEqual([]);
  });

  it('a labour force, manpower, the people of a trade and monthly active users are counts (每月 is a period, not 每 a thing)', () => {
    expect(unit('9月勞動力為1,209.6萬元，勞動力參與率59.2%。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '人']]);
    expect(unit('公司稱，車長人手仍短缺約180元，去年已向車長加薪。').map((f) => f.text)).toEqual(['元']);
    expect(unit('有限度註冊及內部培訓計劃聘請23元牙醫，並與大學合作。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '名']]);
    expect(unit('應用程式的每月活躍用戶約128萬元，按年增加21%。').map((f) => f.text)).toEqual(['元']);
    // their money is money: a cost, a fee, pay, spending per month or per household
    expect(unit('勞動力成本上升3億元。', '車長薪酬增加5,000元。', '牙醫收費約800元。', '每月用戶平均收入為300元。', '每月每戶平均消費3,200元。', '城市人口消費力達300億元。')).toEqual([]);
  });

  it('a target revised (580萬戶上修至600萬元) is one metric at both ends, with no 由 before the first; flights and households are counted', () => {
    expect(unit('公司將全年新增用戶目標由年初設定的580萬戶上修至600萬元。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '戶']]);
    expect(unit('華翔航空11月共飛航5,318元航班，較去年同期增加。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '個']]);
    expect(unit('預計可嘉惠約140萬人家庭。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['人', '戶']]);
    // money revised is money; money before a household is as often its income
    expect(unit('營收目標由500億元上修至520億元。', '月入8,000元家庭可申請。', '全年新增用戶目標由580萬戶上修至600萬戶。')).toEqual([]);
  });

  it('the two ends of a change are one metric (由6.5萬元上調至6.8萬輛)', () => {
    expect(unit('公司將全年交車目標由6.5萬元上調至6.8萬輛。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '輛']]);
    expect(unit('集團員工總數將由4,200元增加至約5,300人。').map((f) => f.text)).toEqual(['元']);
    expect(unit('公司將全年交車目標由6.5萬輛上調至6.8萬輛。', '預算由6.5億元上調至6.8億元。')).toEqual([]);
    // the end of the change against its start before it
    expect(unit('研發團隊人數將由約6,800人增至約7,500元。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '人']]);
    expect(unit('研發團隊人數將由約6,800人增至約7,500人。', '研發開支由約6,800萬元增至約7,500萬元。')).toEqual([]);
  });

  it('the same metric for another period, a share’s size in brackets, a volume after its change, capacity and delivery targets are counts', () => {
    expect(unit('5月交付23,630輛，去年同月為21,450元。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '輛']]);
    expect(unit('首五個月累計交付114,240輛，較去年同期的82,600元增加38.4%。').map((f) => f.text)).toEqual(['元']);
    expect(unit('全港約有290萬個住宅賬戶，當中約31%（約90萬元）毋須繳費。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '個']]);
    expect(unit('股價收在512元，成交量放大至1.2萬元。').map((f) => f.text)).toEqual(['元']);
    expect(unit('擴產後預計新增年產能約1.8萬元。', '馳原今年全年交付目標為32萬元。').map((f) => f.segmentId)).toEqual([1, 2]);
    expect(unit('月產能將由目前的18萬台提升至30萬元。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['元', '台']]);
    // correct text: the same forms in their own units, and money beside them
    expect(
      unit(
        '5月交付23,630輛，去年同月為21,450輛。',
        '5月收入為23.6億元，去年同月為21.4億元。',
        '全港約有290萬個住宅賬戶，當中約31%（約90萬個）毋須繳費。',
        '水費收入約31%（約10.6億元）用於維修。',
        '股價收在512元，成交量放大至1.2萬張。',
        '擴充產能投資約18億元。',
        '月產能將由目前的18萬台提升至30萬台。',
      ),
    ).toEqual([]);
  });

  it('a figure of a longer period after 其中 is no part of the whole (前三季…其中約六成…，全年…預估95億元)', () => {
    expect(scale('前三季資本支出68.7億元，其中約六成投入5G基地台及核心網路，全年資本支出預估介於95億元至100億元。')).toEqual([]);
    // a part of the same or a shorter period still is one
    expect(scale('全年營收68.7億元，其中第四季營收95億元。').map((f) => f.text)).toEqual(['95億元']);
    expect(scale('前三季資本支出68.7億元，其中5G基地台95億元。').map((f) => f.text)).toEqual(['95億元']);
  });

  it('what an organisation earns (銀行去年賺68.42億元) is money, not a count of organisations', () => {
    expect(unit('德隆銀行去年賺68.42億元增9.6%　末期息0.88元', '德隆銀行旗下分行共有58家。')).toEqual([]);
  });

  it('an amount that sizes the shares it buys, past a conversion in brackets, is money (認購5,800萬美元的發售股份)', () => {
    const t = '基石投資者合共認購5,800萬美元（約4.55億港元）的發售股份。按發售價計算，基石投資者將合共認購約2,251.1萬股H股。';
    expect(unit(t)).toEqual([]);
  });

  it('a range is checked like one figure, with the label before its first end', () => {
    expect(unit('第四季出貨量預估為120萬至150萬元。').map((f) => f.text)).toEqual(['元']);
    expect(unit('第四季出貨量預估為120萬至150萬台，資本支出預估約80億元。')).toEqual([]);
  });

  it('knows vehicles, people by what they do (…者) and companies right before the number, and nouns counted after it', () => {
    expect(unit('其中油電混合車2,204元。', '失業者計9.3萬元。', '全體壽險公司共22元。').map((f) => [f.segmentId, f.text])).toEqual([[1, '元'], [2, '元'], [3, '元']]);
    expect(unit('今年將開設約20元新店。', '平均每人持有2.8元保單。').map((f) => f.text)).toEqual(['元', '元']);
    expect(unit('其中油電混合車2,204輛。', '失業者計9.3萬人。', '全體壽險公司共22家。', '電動車補助2萬元。', '今年將開設約20家新店。')).toEqual([]);
  });
});

// Classes of misreading found on clean texts of our own (eval/clean-dev 52–63, session 8), each fixed as a class.
describe('no number alarm on correct text: conversions, policies, lines of business, parts of a count', () => {
  it('a whole followed by its conversion in brackets is the whole of a 其中, not the conversion', () => {
    expect(scale('本季營收為人民幣2,340億元（約325億美元），年增9%；其中廣告營收為人民幣1,120億元。')).toEqual([]);
    expect(scale('全年營收新台幣864億元（約合美元27億元），其中外銷收入新台幣512億元。')).toEqual([]);
    // a part larger than the converted whole is still flagged, against the whole itself
    const [f] = scale('本季營收為人民幣2,340億元（約325億美元），年增9%；其中廣告營收為人民幣11,200億元。');
    expect(f).toMatchObject({ text: '11,200億元' });
    expect(f.related[0].text).toBe('2,340億元');
    // a conversion that is the last amount without a bracket is not skipped: an amount of its own
    expect(scale('海外營收為32億美元，其中歐洲市場營收為45億美元。').map((x) => x.text)).toEqual(['45億美元']);
  });

  it('an amount before 保單 is what one policy is worth (投保300萬元保單), not a count of policies', () => {
    expect(unit('去年購買保額300萬元保單的客戶增加一成。', '高資產客戶多投保200萬港元保單。')).toEqual([]);
    // a tiny amount or a person unit before 保單 is still a miscounted policy
    expect(unit('本月共售出18元保單。').map((x) => x.text)).toEqual(['元']);
    expect(unit('本月共售出18萬人保單。').map((x) => x.text)).toEqual(['人']);
  });

  it('a counted noun naming a line of business (旅客業務, 會員市場) carries money', () => {
    expect(unit('本季旅客業務為26.4億港元。', '會員市場全年約為9.8億元。')).toEqual([]);
    // the noun itself in a currency is still a wrong count
    expect(unit('本季旅客為26.4萬港元。').map((x) => x.text)).toEqual(['港元']);
  });

  it('a part (其中) in the person unit of the count it is part of is counted like it', () => {
    expect(unit('集團員工共3.2萬人，其中海外工廠約5,400人。')).toEqual([]);
    // another unit than the whole's, or a whole in another unit, is still a wrong count
    expect(unit('集團員工共3.2萬人，其中海外工廠約5,400元。').map((x) => x.text)).toEqual(['元']);
    expect(unit('集團門市共420家，其中海外據點約56人。').map((x) => x.text)).toEqual(['人']);
    expect(unit('海外據點約56人。').map((x) => x.text)).toEqual(['人']);
  });
});
