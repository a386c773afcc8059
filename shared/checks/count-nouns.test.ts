import { describe, expect, it } from 'vitest';
import { countHeadOf, moneyHeadOf } from './count-nouns';
import { runChecks, runProjectFigureCheck } from './index';
import { HANT, byRule, segs } from './testkit';

// Every sentence here is written for these tests (fictional companies and figures).
const unit = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: ['number-unit'] }), 'number-unit');
const flagged = (...texts: string[]) => unit(...texts).map((f) => [f.segmentId, f.text, f.fixes.map((x) => x.replacement).join('/')]);

describe('countHeadOf: a count noun by the head of the metric, ICU as witness', () => {
  it('reads agents, organisations, sites, machines, vehicles and things counted by their head', () => {
    expect(countHeadOf('公司目前共有分公司42家、营业员')).toMatchObject({ word: '营业员', people: true });
    expect(countHeadOf('理财专员')).toMatchObject({ people: true });
    expect(countHeadOf('其中品牌旗舰店')).toMatchObject({ word: '旗舰店', people: false });
    expect(countHeadOf('合作经销商')).toMatchObject({ word: '经销商', people: false });
    expect(countHeadOf('累计建置5G基地台')).toMatchObject({ word: '基地台', units: '台座部' });
    expect(countHeadOf('本季配送包裹')).toMatchObject({ word: '包裹', people: false });
    expect(countHeadOf('本月入境旅客')).toMatchObject({ word: '旅客', people: true });
    expect(countHeadOf('合作商家')).toMatchObject({ word: '商家', units: '家名人位' });
    expect(countHeadOf('理财顾问')).toMatchObject({ word: '顾问', people: true });
  });

  it('leaves alone money heads, verbs and their objects, and words that count nothing', () => {
    for (const label of ['用户收入', '会员消费', '客户存款', '电动车补助', '投入建厂', '今年开店', '期内载客', '电商平台', '政府出台', '外资法人', '个人', '今年股价高点', '全家', '其他国家'])
      expect([label, countHeadOf(label)]).toEqual([label, null]);
    // the people as recipients of an amount
    expect(countHeadOf('发放予员工')).toBeNull();
    expect(countHeadOf('退还用户')).toBeNull();
  });

  it('names the money a metric ends in', () => {
    expect(moneyHeadOf('第三季营收')).toBe('营收');
    expect(moneyHeadOf('合并净利')).toBe('净利');
    expect(moneyHeadOf('中低收入')).toBeNull();
    expect(moneyHeadOf('营业员')).toBeNull();
  });
});

describe('number-unit: metrics nothing else in the project counts', () => {
  it('flags a currency on a counted noun of any class', () => {
    expect(flagged('截至年底，公司共有營業員1,820元。')).toEqual([[1, '元', '人/名/位']]);
    expect(flagged('本季新設品牌旗艦店36元。')).toEqual([[1, '元', '家/間/個/座/所']]);
    expect(flagged('合作經銷商達412元。')).toEqual([[1, '元', '家/間/個/座/所']]);
    expect(flagged('今年累計建置5G基地台1.86萬元。', '伺服器主機台總數達1,200元。')).toEqual([[1, '元', '座/個/處/所'], [2, '元', '台/座/部']]);
    expect(flagged('本季配送包裹1.12億元。')).toEqual([[1, '元', '件/個/台']]);
    expect(flagged('集團旗下便利超市共355元。', '年底前再接收油輪6元。')).toEqual([[1, '元', '家/間/個/座/所'], [2, '元', '艘']]);
    expect(unit('集團旗下便利超市共355家。', '年底前再接收油輪6艘。', '便利超市營收為48億元。')).toEqual([]);
  });

  it('flags a person unit on a counted thing that is no person', () => {
    expect(flagged('平台賣家共8.6萬家，其中品牌旗艦店為2,140人。')).toEqual([[1, '人', '家/間/個/座/所']]);
    expect(flagged('本季配送包裹1.12億人，年增17.5%。')).toEqual([[1, '人', '件/個/台']]);
  });

  it('flags a person unit on a money metric (營收12億人)', () => {
    const [f] = unit('第三季營收為新台幣236.4億人，年增4.8%。');
    expect(f).toMatchObject({ text: '人', fixes: [{ replacement: '元' }] });
    expect(f.messageData.key).toBe('number.unit.amount');
    expect(flagged('稅後淨利31.2億名，每股盈餘0.97元。')).toEqual([[1, '名', '元']]);
  });

  it('is quiet on the right units, on amounts and on breakdowns of money', () => {
    expect(unit('截至年底，公司共有營業員1,820名、理財專員326位。', '本季新設品牌旗艦店36家，合作經銷商達412家。', '今年累計建置5G基地台1.86萬座，本季配送包裹1.12億件。')).toEqual([]);
    // money after the counted noun, or the noun as the one who receives it
    expect(unit('本季用戶收入為48.6億元。', '會員消費達93.5億元。', '公司發放予員工的獎金為12億元。', '公司退還用戶8,600萬元。')).toEqual([]);
    // a breakdown of an amount by channel: the items are amounts
    expect(unit('營收按通路區分，直營店86.2億元、加盟店41.5億元、經銷商12.3億元。')).toEqual([]);
    // verbs and their objects, rates per thing, money heads with people
    expect(unit('公司今年投入建廠120億元。', '客運收益率為每收費乘客千米0.62港元。', '營收12億人民幣，位居同業第三。', '員工1,200人，營收12億元。')).toEqual([]);
  });

  it('is quiet on correct amounts about agents, firms, sites and vehicles', () => {
    expect(
      unit(
        '本月平均客單價為659元，來客數為2,318萬人次。',
        '公司向供應商採購原料約12億元，支付經銷商佣金3.1億元。',
        '補貼經銷商促銷費用共2.4億元，發放予營業員的獎金為8,600萬元。',
        '消費者平均每次消費420元，旅客運輸收入為86.2億元。',
        '加油站營收為48億元，收費站通行費收入12.6億元。',
        '全家便利商店的店數為4,200家，國家補助約3億元。',
        '電動車補助每輛最高10萬元，新車平均售價為150萬元。',
        '每位乘客平均票價為2,380元，航班準點率為88%。',
      ),
    ).toEqual([]);
  });

  it('a figure is no evidence for its own unit (a person unit learnt from itself)', () => {
    // 旗艦店 counted in 家 elsewhere: 人 is wrong; counted only by this figure: the head decides
    expect(flagged('本季新設旗艦店12家。', '旗艦店總數達2,140人。')).toEqual([[2, '人', '家/間/個/座/所']]);
    expect(flagged('旗艦店總數達2,140人。')).toEqual([[1, '人', '家/間/個/座/所']]);
    // with other figures of the metric, a person unit among them is one of its units (individual sellers are people)
    expect(unit('平台賣家共8.6萬家，其中個人賣家3.2萬人。')).toEqual([]);
    expect(unit('活躍賣家8.6萬人，新進駐賣家6,300人。')).toEqual([]);
  });

  it('a money word before the last mention of the counted noun is its modifier (會員方案付費會員)', () => {
    expect(flagged('會員方案付費會員為186萬元，會費收入為2.2億元。')).toEqual([[1, '元', '戶/家/名/人']]);
    expect(unit('會員方案付費會員為186萬人，會費收入為2.2億元。')).toEqual([]);
  });

  it('the last item of a list is a clause of its own (新開門市9家、關閉2元)', () => {
    expect(flagged('本月新開門市9家、關閉2元。')).toEqual([[1, '元', '家']]);
    expect(unit('本月新開門市9家、關閉2家。')).toEqual([]);
  });

  it('across a project, only what the document itself does not report', () => {
    // the document's own check finds 旗艦店 … 人 by the noun; the project check adds no second finding
    expect(flagged('旗艦店總數達2,140人。')).toEqual([[1, '人', '家/間/個/座/所']]);
    const docs = [
      { documentId: 1, segments: segs('本季新設旗艦店12家。') },
      { documentId: 2, segments: segs('旗艦店總數達2,140人。') },
    ];
    expect(byRule(runProjectFigureCheck(docs, HANT), 'number-unit')).toEqual([]);
  });
});

describe('number-unit: 人次 written 元次', () => {
  it('flags a currency that broke a compound measure word, and nothing that goes on after an amount', () => {
    expect(flagged('期內共載客162.3萬元次，按年上升12.4%。')).toEqual([[1, '元', '人']]);
    expect(unit('期內共載客162.3萬人次，按年上升12.4%。', '股價收在58元，次高為56元。', '每股配息2元次於去年。')).toEqual([]);
  });
});
