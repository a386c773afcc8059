/**
 * Is the metric right before a figure a count or an amount, told from the noun itself (issue 14
 * §2 "Units")? Pure. The word lists of `figures.ts` (員工, 門市, 交車量 …) and the metrics a
 * project counts elsewhere with a measure word cover what they name; this reads any other metric
 * by its class:
 *
 * - the head (last morpheme) of the metric names an agent (…員, …者, …客, …戶, …師, …人), a unit
 *   of organisation or a site (…商, …店, …站, …廠, …館, 超市), a machine (…台 after a word: 基地台), a
 *   vehicle or ship (…車, …輛, …船, …輪) or a thing or event counted (…件, …筆數, …次, …人次, …包裹, …裝置);
 * - ICU's dictionary (made apart from these rules) is the witness that the metric is a word: the
 *   head closes an ICU word of two or more characters (旅客, 旗艦店, 加油站), or stands as a suffix
 *   after one (營業|員, 供應|商, 充電|站). A head after single characters only (開|店, 建|廠, 載|客)
 *   is a verb and its object as often as a noun, and is left alone;
 * - the head is the metric's last word, so a money word after a counted noun is the head
 *   (用戶收入, 會員消費, 客戶存款: amounts); a head that is money (營收, 收入, 金額, 成本, 淨利, 資產 …)
 *   makes the metric an amount, and a person unit on it is wrong (營收12億人);
 * - a verb of giving before the noun makes the people recipients of an amount (發放予員工12億元), and
 *   an item of a list of amounts is a breakdown of money (直營店12億元、加盟店8億元: see `figures.ts`).
 *
 * Labels are Simplified (as `Figure.label`), so are the tables.
 */
import { icuWords } from './analysis';

/** What a counted head takes: its measure words (Simplified) and whether a person unit (人/名/位) is right. */
export interface CountHead {
  /** the metric's last word, as ICU reads it (营业员, 旗舰店) */
  word: string;
  units: string;
  people: boolean;
}

interface HeadClass {
  head: RegExp;
  units: string;
  people: boolean;
  /** the word must be at least this long (台: 基地台, not 平台 or 出台) */
  minWord?: number;
  /** the head must stand as a suffix after a word of two or more characters */
  suffixOnly?: boolean;
}

// Classes of counted things by the head morpheme of their noun; never words of a particular text.
const HEADS: HeadClass[] = [
  // agents: people by what they do or are (營業員, 理財專員, 消費者, 旅客, 訂戶, 分析師, 投資人)
  { head: /(?:员|者|客|师|顾问|司机|医生|护士)$/, units: '人名位', people: true },
  // …家: a firm or a person by their trade (商家, 店家, 廠家, 專家): counted, in 家 or in people
  { head: /家$/, units: '家名人位', people: true },
  { head: /户$/, units: '户家名人', people: true },
  { head: /人$/, units: '人名位', people: true, minWord: 3 },
  // merchants (經銷商, 加盟商, 供應商): firms, or the people who run them (加盟商6,930名), as 商家 is
  { head: /商$/, units: '家名位个', people: true },
  // organisations and sites (旗艦店, 加油站, 晶圓廠, 營業所, 美術館)
  { head: /(?:店|站|厂|馆|超市|卖场)$/, units: '家间个座所', people: false },
  { head: /所$/, units: '家间个座所', people: false, suffixOnly: true },
  // machines: …台 after a word (基地|台, 機台 as ICU splits it is a single character)
  { head: /台$/, units: '台座部', people: false, suffixOnly: true },
  // vehicles and things counted (電動車, 車輛, 案件, 包裹, 連網裝置)
  { head: /(?:车|辆)$/, units: '辆台', people: false },
  { head: /(?:船|轮)$/, units: '艘', people: false },
  { head: /(?:案件|包裹|装置)$/, units: '件个台', people: false },
  // points of a network where goods, people or planes are served (據點, 取貨點, 航點), not any 點 (觀點, 重點, 百分點)
  { head: /(?:据|网|取货|收货|自提|服务|营业|销售|配送|充电|航|站)点$/, units: '个处座', people: false },
  // events held (說明會, 研討會, 講座, 場次)
  { head: /(?:说明会|研讨会|讲座|论坛|活动|场次)$/, units: '场次个', people: false },
  // a team or unit of people (開發團隊, 專案小組): counted in 個/支, its size in people is also right
  { head: /(?:团队|小组|部门)$/, units: '个支', people: true },
  { head: /(?:笔数|人次|次)$/, units: '笔次', people: false },
];

/** Words ending in a head morpheme that do not name a counted thing (平台 a platform, 出台 a verb, 法人 investors as a class, 停车 a verb). */
const NOT_COUNTED = /(?:大家|自家|独家|全家|人家|老家|回家|搬家|在家|居家|住家|国家|庄家|东家|平台|舞台|出台|上台|下台|倒台|后台|前台|柜台|阳台|电台|讲台|国人|华人|个人|本人|他人|众人|夫人|主人|法人|自然人|人均|每人|路人|乘车|停车|塞车|刹车|下车|上车|开车|试车|动员|债权人|所有人)$/;

/** A verb of giving before the noun: the people or firms receive the amount (發放予員工…, 退還用戶…, 補助經銷商…). */
const RECIPIENT = /(?:给予|发放|补贴|补助|奖励|回馈|支付|付给|赔偿|赔付|退还|退给|借给|贷给|拨付|拨给)[\u4e00-\u9fff]{0,8}$/;

/** Does a verb of giving stand before a label's last word (退還用戶, 發放予員工)? Then the figure is money given, not a count. */
export const givenTo = (label: string) => RECIPIENT.test(label);

/** Words after a counted noun that still name its count (旗艦店總數, 來客數, 包裹數量). */
const COUNT_TAIL = /(?:总数|数量|总量|数目|数|量)$/;

/** A metric that is money by its head (營收, 收入, 金額, 成本, 淨利, 資產 …): an amount, never counted in people. */
const MONEY_HEAD = /(?:营收|营业收入|(?<![低高]|中低)收入|营业额|销售额|成交额|成交值|交易额|交易金额|金额|净利润?|利润|毛利|营业利益|盈余|成本|费用|支出|资产|负债|市值|存款|贷款|余额|股本|资本额|产值|总值|预算|售价|股价|单价|现金|投资额|资本支出|保费|收益)$/;

/** The head of a metric (its last ICU word), with ICU's dictionary as witness that it is a word. */
function lastWord(label: string): { word: string; suffix: boolean } | null {
  const tail = label.slice(-10);
  const words = icuWords(tail);
  if (!words.length) return null;
  const [s, e] = words[words.length - 1];
  if (e !== tail.length) return null;
  const word = tail.slice(s, e);
  if (word.length >= 2) return { word, suffix: false };
  // a one-character head: a suffix after a word of two or more characters (营业|员, 供应|商, 基地|台)
  if (words.length < 2) return null;
  const [ps, pe] = words[words.length - 2];
  if (pe - ps < 2 || !/^[\u4e00-\u9fff]+$/.test(tail.slice(ps, pe))) return null;
  return { word: tail.slice(ps, e), suffix: true };
}

/**
 * The counted head of a metric (a Simplified label ending where its figure begins), or none: 营业员
 * (people), 旗舰店 (shops), 基地台 (machines). None when a money word follows the head (the label
 * ends in it, so it is not the head), when the head is a verb's object, or a recipient of money.
 */
export function countHeadOf(label: string): CountHead | null {
  const m = /[\u4e00-\u9fff]+$/.exec(label);
  if (!m) return null;
  const noun = m[0].replace(COUNT_TAIL, '');
  if (MONEY_HEAD.test(noun) || NOT_COUNTED.test(noun)) return null;
  // the heads match at the end of the word, which ends the noun: a noun no head ends is asked of ICU for nothing
  if (!HEADS.some((c) => c.head.test(noun))) return null;
  const w = lastWord(noun);
  if (!w) return null;
  const cls = HEADS.find((c) => c.head.test(w.word));
  if (!cls) return null;
  if (cls.suffixOnly && !w.suffix) return null;
  if (cls.minWord && w.word.length < cls.minWord) return null;
  if (givenTo(label.slice(0, label.length - (m[0].length - noun.length) - w.word.length))) return null;
  return { word: w.word, units: cls.units, people: cls.people };
}

/** The money word a metric ends in (营收, 净利, 成本 …), if any: its figure is an amount. */
export function moneyHeadOf(label: string): string | null {
  return MONEY_HEAD.exec(label)?.[0] ?? null;
}

/**
 * The noun counted right after a figure's unit (98間醫院, 1,182個單位, 12.8萬張合約, 1.4個季度, 4個航點)
 * by its class: organisations and sites, property and fund units, routes, contracts traded, spans of
 * time. A currency or a person unit there is a count's measure word gone wrong (98元醫院, 1,000人受益權單位).
 * Money-attributive uses stay amounts: priced things are in no class (5萬元電動車, 10億元訂單, 100元紅包),
 * a contract after 元 is a count only where trading is counted (成交, 未平倉), a team after 人 is its size
 * (3人小組: no class), and the noun must end where the phrase does (5億元醫院擴建 is money for a project).
 */
const PEOPLE_NOUN_AFTER = /(?:员工|职员|职工|雇员|人员|干部|董事|独立董事|监事|股东|客户|用户|会员|旅客|乘客|学生|患者|病患|医师|医生|牙医|护理师|护士|教师|老师|司机|车长|机师|工程师|研究员|业务员|志工)$/;
interface AfterClass {
  noun: RegExp;
  units: string;
  /** a person unit before the noun is wrong too (98人醫院); not for time (人天, 人月 are measure words) */
  person: boolean;
  /** the words before the figure must say so (成交約12.8萬張合約) */
  label?: RegExp;
  /** a currency before the noun is wrong only under this value: a firm may be a 100億元企業, never a 38元企業 (0: a currency is never wrong, a rent or an income: 月租4,200元車位) */
  below?: number;
}
const AFTER: AfterClass[] = [
  { noun: /(?:医院|诊所|银行|分行|门市|门店|分店|店铺|据点|网点|取货点|站点|超市|卖场|工厂|分公司|[\u4e00-\u9fff]{2}所)$/, units: '家间个座所', person: true },
  { noun: /(?:学校|商场|酒店|旅馆|饭店)$/, units: '家间个座所', person: false },
  // centres a firm runs (客戶服務中心, 物流中心, 研發中心): counted, or priced only in large amounts (5億元物流中心);
  // after 人 a centre's size (300人研發中心)
  { noun: /[\u4e00-\u9fff]{2}中心$/, units: '个间座家所处', person: false, below: 1e4 },
  // licences and permits granted (版號, 牌照, 執照, 許可證): counted; a licence is priced only in large amounts (1億元牌照)
  { noun: /(?:版号|牌照|执照|许可证|许可)$/, units: '个张项', person: true, below: 1e4 },
  // a shop of a kind (麵店, 藥妝店, 旗艦店), not a shop by its price (10元商店)
  { noun: /^(?!.*商店$).*[\u4e00-\u9fff]店$/, units: '家间个', person: true },
  // people by what they are or do (新聘1,200名員工, 5位獨立董事); after 人 the figure is a count too, so only a currency is wrong
  { noun: PEOPLE_NOUN_AFTER, units: '名位', person: false },
  // firms and brands: priced only in large amounts (百億元企業), a small one is a count gone wrong (與38家企業簽約)
  { noun: /(?:企业|公司|机构|厂商|品牌|供应商|经销商)$/, units: '家个', person: false, below: 1e4 },
  // countries, cities and provinces a company serves (銷往30個國家); not markets (千億元市場 is a market's size)
  { noun: /(?:国家|城市|省份|省市)$/, units: '个', person: true },
  { noun: /(?:单位|套房)$/, units: '个套', person: true },
  // places to park or lie (4,200個停車位, 600張病床): never counted in people; a price or a rent (月租4,200元車位) is money.
  // (not seats and rooms: 3萬人座位, 4人房 are their size)
  { noun: /(?:停车位|车位|床位|病床)$/, units: '个张', person: true, below: 0 },
  { noun: /(?:航线|路线|航点|航次|班次|架次)$/, units: '个条', person: true },
  { noun: /航班$/, units: '个', person: true },
  // households reached (嘉惠約140萬戶家庭): never in people; money before them is as often their income (月入8,000元家庭)
  { noun: /(?:家庭|家户|住户)$/, units: '户个', person: true, below: 0 },
  { noun: /(?:合约|契约)$/, units: '张口份', person: true, label: /(?:成交|未平仓|持仓|交投)[量额]?(?:约|达|为)?$/ },
  { noun: /^(?:季度|个月|个季度)$/, units: '个', person: false },
];

/** Words in 者 that name no one counted (或者, 前者, 兩者, 甚者). */
const NOT_AGENT_ZHE = /(?:或者|再者|前者|后者|两者|二者|三者|四者|甚者|笔者|来者|仁者|智者|长者)$/;

/** Heads of people after a figure (not 家: 10億元商家 may be a firm's size; not 團隊/小組: their size is in people). */
const HEADS_AFTER_PEOPLE = /(?:员|者|师|顾问|司机|医生|护士|户|人)$/;
const PEOPLE_UNITS = '名位';
/** Heads of sites after a figure (加油站, 營業所, 超市); not shops priced (10元商店) nor firms (億元供應商). */
const SITE_HEAD = /(?:站|厂|馆|超市|卖场|所)$/;

/** A verb of spending or building right after an amount (以2.1億美元收購…廠, 斥資50億元興建醫院): what follows is its object, not a count. */
const SPEND_ON = /^(?:收购|并购|投资|兴建|建设|建置|购买|买下|购入|购置|入股|取得|设立|成立|开设|新设|新建|用于|用以|打造|支付|扩建|改建|兴办|经营|承接|标下|得标|买进|卖出|出售|转让|收|买|建|设|投|购|在|于|向|给|为|作|供|与|和|及|将|把|从|用|以|进行|推动|协助|补助|支持|予|捐赠|捐|赠|拨|赞助|奖励|回馈)/;

/** Where the noun after a figure ends a phrase: punctuation, the end, a conjunction or a particle (98間醫院及…, 1.4個季度的營收). */
// (or an adverb opening the predicate: 38元試驗中心共收治…, 120元員工已到職)
const PHRASE_END = /^(?:$|[^\u4e00-\u9fff]|[及和与或的中内共已均皆都也亦仍将])/;
/** A measure word of one thing before the figure (興建一座50億元醫院, 這份5億元合約): the figure is its price. */
const ONE_THING = /[一两这该此每][座家间个份张笔项台辆所]$/;

/** The counted noun right after a unit (Simplified text from the unit's end; `label` the words before the figure). */
export function countedNounAfter(after: string, label: string, person: boolean, value = 0): { noun: string; units: string } | null {
  const run = /^[\u4e00-\u9fff]{1,10}/.exec(after)?.[0];
  if (!run || ONE_THING.test(label) || SPEND_ON.test(run)) return null;
  const words = icuWords(run);
  let end = 0;
  for (let k = 0; k < Math.min(4, words.length); k++) {
    const [s, e] = words[k];
    // the figure sizes what follows 的 (可容納3萬人的體育館): no noun it counts runs past it
    if (s !== end || run[s] === '的') break;
    end = e;
    const noun = run.slice(0, e);
    const rest = after.slice(e);
    // the noun ends the phrase: a noun going on is a modifier of what follows (1,000萬元員工訓練, 5,000元員工購屋補助)
    if (!PHRASE_END.test(rest)) continue;
    const c = AFTER.find((x) => x.noun.test(noun) && (!person || x.person) && (!x.label || x.label.test(label)) && (person || x.below === undefined || value < x.below));
    if (c) return { noun, units: c.units };
    // any other noun whose head names people (分析師, 業者, 發言人) or a site (加油站, 營業所) by its class,
    // ICU as witness: people after a currency only (3人小組, 300人團隊 are sizes), sites after either
    const h = noun.length >= 2 ? countHeadOf(noun) : null;
    if (h && h.people && !person && HEADS_AFTER_PEOPLE.test(h.word)) return { noun, units: PEOPLE_UNITS };
    // a doer named by what they do and 者 (受試者, 房貸者, 申請者), words ICU may not know: people after a small amount
    // of money (212元受試者); a large one sizes what they do (申辦800萬元房貸者, 繳納5萬元保證金者)
    if (!person && value < 1e4 && /^[\u4e00-\u9fff]{2,3}者$/.test(noun) && !NOT_AGENT_ZHE.test(noun)) return { noun, units: PEOPLE_UNITS };
    if (h && !h.people && SITE_HEAD.test(h.word)) return { noun, units: h.units };
  }
  return null;
}
