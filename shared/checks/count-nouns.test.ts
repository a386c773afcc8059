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
    expect(countHeadOf('合作经销商')).toMatchObject({ word: '经销商', people: true });
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
    expect(flagged('合作經銷商達412元。')).toEqual([[1, '元', '家/名/位/個']]);
    // merchants are firms or the people who run them: a person unit is no miscount (加盟商數目為6,930名)
    expect(flagged('加盟商數目為6,930名，較去年底增加312名。', '合作經銷商達412家。')).toEqual([]);
    expect(flagged('今年累計建置5G基地台1.86萬元。', '伺服器主機台總數達1,200元。')).toEqual([[1, '元', '座/個/處/所'], [2, '元', '台/座/部']]);
    expect(flagged('本季配送包裹1.12億元。')).toEqual([[1, '元', '件/個/台']]);
    expect(flagged('集團旗下便利超市共355元。', '年底前再接收油輪6元。')).toEqual([[1, '元', '家/間/個/座/所'], [2, '元', '艘']]);
    expect(unit('集團旗下便利超市共355家。', '年底前再接收油輪6艘。', '便利超市營收為48億元。')).toEqual([]);
  });

  it('flags a person unit on a counted thing that is no person', () => {
    expect(flagged('平台賣家共8.6萬家，其中品牌旗艦店為2,140人。')).toEqual([[1, '人', '家/間/個/座/所']]);
    expect(flagged('本季配送包裹1.12億人，年增17.5%。')).toEqual([[1, '人', '件/個/台']]);
    // places to park or lie after the figure; seats and rooms take their size in people (3萬人座位, 4人房間), a parking space its rent
    expect(flagged('台南安平Outlet擁有4200人停車位。', '醫院共有600人病床。')).toEqual([
      [1, '人', '個/張'],
      [2, '人', '個/張'],
    ]);
    expect(unit('可容納3萬人座位的體育館。', '酒店新增120間4人房間。', '月租4,200元車位。')).toEqual([]);
    // a figure before 的 sizes what follows: a 30,000-person stadium is one stadium
    expect(unit('可容納3萬人的體育館。', '興建一座可容納1,200人的會議中心。')).toEqual([]);
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

describe('number-unit: classes the unit rule missed (issue 14, session 8)', () => {
  it('a currency or a person unit right before a counted noun: sites, homes and fund units, routes, contracts traded, spans of time', () => {
    expect(flagged('集團目前在全台經營23元醫院。', '旗下共有47人診所。')).toEqual([[1, '元', '家/間/個/座/所'], [2, '人', '家/間/個/座/所']]);
    expect(flagged('本期共推出860元單位，已售出約七成。', '每次申購為500人受益權單位。')).toEqual([[1, '元', '個/套'], [2, '人', '個/套']]);
    expect(flagged('今年將開闢9元航點。', '公司在東南亞共有34元門店及6元超市。')).toEqual([[1, '元', '個/條'], [2, '元', '家/間/個/座'], [2, '元', '家/間/個/座/所']]);
    expect(flagged('小型期貨本月成交約18.2萬元合約。')).toEqual([[1, '元', '張/口/份']]);
    expect(flagged('在手訂單約當2.6元季度的出貨。')).toEqual([[1, '元', '個']]);
    expect(flagged('產品銷往超過40元國家。', '本季新聘1,260元員工。', '本季新簽約26元企業。')).toEqual([[1, '元', '個'], [2, '元', '名/位'], [3, '元', '家/個']]);
  });

  it('centres a firm runs and licences granted, counted after a small amount or a person unit (session 11)', () => {
    expect(flagged('集團在九龍及新界共有14元客戶服務中心。', '公司今年共取得9元版號。', '旗下已取得6人牌照。')).toEqual([
      [1, '元', '個/間/座/家/所/處'],
      [2, '元', '個/張/項'],
      [3, '人', '個/張/項'],
    ]);
    // a centre's size in people, a centre or a licence priced in large amounts, money spent on one
    expect(
      unit('公司將設立300人研發中心。', '集團投入5億元物流中心，明年啟用。', '公司以1.2億元取得電信牌照。', '集團斥資8億元興建物流中心。', '公司支付2,000萬元許可費用。'),
    ).toEqual([]);
  });

  it('but not an amount that prices or sizes the noun after it', () => {
    expect(
      unit(
        '公司本季取得18億元訂單，交期至明年。',
        '集團向銀行申請6億元貸款，用於擴建產線。',
        '公司春節發放每人600元紅包。',
        '募資金額約9億人民幣。',
        '公司成立5人小組處理客訴，另有200人團隊負責維運。',
        '集團斥資42億元興建醫院，預計2028年完工。',
        '公司以3.4億美元收購荷蘭軸承廠。',
        '本案為300億元市場，競爭激烈。',
        '公司簽訂一份7億元合約，為期三年。',
        '業者計畫推出10元商店。',
        '公司提撥2億元員工獎金。',
        '今年營收目標為200億元企業規模。',
        '公司捐贈600萬元予偏鄉學校。',
        // people after an amount as the modifier of what it pays for
        '公司提供8,000元員工購屋補助，每年投入1,200萬元員工訓練。',
      ),
    ).toEqual([]);
    // a contract after 元 is money outside trading: 簽訂8億元合約
    expect(unit('公司與當地電力公司簽訂8億元合約。')).toEqual([]);
  });

  it('items of one list are counted alike (北部地區…, 南部地區…; 上漲…, 下跌…, 持平…)', () => {
    expect(flagged('按區域區分，北部地區核定212家，中部地區140家，南部地區96元，東部地區21家。')).toEqual([[1, '元', '家']]);
    expect(flagged('核定件數以製造業最多，計205家；批發零售業118人；餐飲住宿業64家。')).toEqual([[1, '人', '家']]);
    expect(flagged('北部有醫院7家、中部5家、南部4元、東部2家。')).toEqual([[1, '元', '家']]);
    expect(flagged('上漲家數為588元，下跌301元，持平96家。').map((f) => f[1])).toEqual(['元', '元']);
    // one document with a list of amounts and a list of counts under the same words: each list keeps its own
    expect(unit('北部地區營收12億元，中部地區8億元，南部地區6億元。', '北部地區門市45家，中部地區30家，南部地區營收5億元。', '北部地區核定212家，中部地區140家，南部地區96家。')).toEqual([]);
    // one counted item is no evidence in a sentence with other amounts
    expect(unit('製造業補助金額1.4億元，服務業0.6億元，農業130家。')).toEqual([]);
  });

  it('a part (其中) of a counted whole, and a whole whose first part is counted', () => {
    expect(flagged('集團員工3.12萬名，其中飛行員2,460元、維修技師4,180名。')).toEqual([[1, '元', '人/名/位']]);
    expect(flagged('本季共出貨24.8萬元，其中電動機車9.6萬輛。')).toEqual([[1, '元', '輛']]);
    expect(unit('集團員工3.12萬名，其中飛行員2,460名。', '門市共320家，其中直營店營收12億元。', '全年營收120億元，其中門市營收86億元。', '第一季投入3億元，其中興建2座充電站。', '基金共有受益人12.8萬人，其中散戶持有86億元。')).toEqual([]);
  });

  it('a level counted like the change after it, a change like the level before it, and the metric named before a change in its clause', () => {
    expect(flagged('第三季檢測機台出貨146元，較上季增加12台。')).toEqual([[1, '元', '台']]);
    expect(flagged('平台本季新增賣家5,400元，累計達7.9萬家。')).toEqual([[1, '元', '家']]);
    // both ends in a wrong unit: the change is counted like the level the rule found
    expect(flagged('截至9月底，員工人數為41,230元，較去年底增加1,960元。').map((f) => f[1])).toEqual(['元', '元']);
    expect(flagged('公司員工人數較去年底增加1,960元。', '付費會員較上季淨增42萬元。')).toEqual([[1, '元', '人/名'], [2, '元', '戶/家/名/人']]);
    expect(flagged('融券餘額減少3,120元至26萬5,400張。')).toEqual([[1, '元', '張']]);
    expect(unit('本季營收12億元，較上季增加3億元。', '出貨金額12億元，較上季增加1.2億元。', '年度預算為12億元，較上年度增加5,000萬元。', '融資餘額增加18.6億元至3,421億元。')).toEqual([]);
  });

  it('a figure whose amount the next clause states is a count; a clause that only has a number goes on counting', () => {
    expect(flagged('本月新承作房貸計1萬8,240元，金額為1,512億元。')).toEqual([[1, '元', '戶/件/筆']]);
    expect(flagged('集團在台北經營46間麵館，在新北及桃園共有19元。')).toEqual([[1, '元', '間']]);
    expect(unit('本月新承作房貸計1萬8,240戶，金額為1,512億元。', '集團在台北經營46間麵館，在新北及桃園共有19間。')).toEqual([]);
    // a clause with words of its own before 共有 is no such clause
    expect(unit('期內新增分店12間，另有翻新工程開支合共有2.4億港元。', '香港分行共58間，在內地共有12間，存款按年增加5%至4,200億港元。')).toEqual([]);
  });

  it('accounts counted in 戶 elsewhere take no person unit; a field names the figure after its colon', () => {
    expect(flagged('行動用戶數為1,126萬戶，其中5G用戶為538萬戶。', '光纖寬頻用戶為172萬人。')).toEqual([[2, '人', '戶']]);
    expect(flagged('數位帳戶戶數達286萬人。')).toEqual([[1, '人', '戶']]);
    expect(unit('行動用戶數為1,126萬戶。', '月活躍用戶為4,320萬人，付費用戶為298萬名。', '開戶數為312萬戶，開戶人數為286萬人。')).toEqual([]);
    expect(unit('企業客戶3,200家，個人客戶500萬人。')).toEqual([]);
    // an abbreviation after the counted noun names a metric of its own (ARPU, GMV): an amount
    expect(unit('用戶數1,126萬戶，用戶ARPU為472元。')).toEqual([]);
    expect(flagged('基金規模：新台幣1,240.6億元\n受益人數：918,452元')).toEqual([[1, '元', '人/名']]);
  });

  it('a limit, an order quantity and a small traded volume are counts', () => {
    expect(flagged('本次預定買回股數上限為12,000元。', '本季訂單量為3,920萬元。', '股價收在88.4元，成交量為7,215元。')).toEqual([[1, '元', '股/張'], [2, '元', '筆/件'], [3, '元', '張/股']]);
    expect(unit('本季訂單金額為3,920萬元。', '大盤成交量為4,520億元。', '本次預定買回股數上限為12,000張。')).toEqual([]);
  });

  it("Taiwan's short-selling balance is in lots, elsewhere it may be money", () => {
    expect(flagged('融資餘額為新台幣312億元，融券餘額為2.1萬元。')).toEqual([[1, '元', '張']]);
    expect(unit('融資餘額為新台幣312億元，融券餘額為2.1萬張。')).toEqual([]);
    // a mainland text states the short-selling balance in money
    expect(unit('滬市融資餘額為人民幣8,600億元，人民幣計價的融券餘額為62億元。')).toEqual([]);
  });
});
