/**
 * Words Hong Kong writes in another form than the one OpenCC's Simplified→Traditional tables
 * write for every target (s2t, s2tw, s2twp and s2hk alike — HKVariants does not touch them):
 * [OpenCC's form, Hong Kong's form]. Hand-written general knowledge, each pair checked against
 * opencc-js (the test converts Hong Kong's form to Simplified and back). Sources: Hong Kong's
 * listed companies' filings and press (股東應佔溢利, 本公司擁有人應佔; 店舖, 商舖, 舖位, 舖租 in
 * 東方日報, 香港經濟日報 and the Rating and Valuation Department's retail rents), the Education
 * Bureau's 香港小學學習字詞表 (佔 for occupy). Not listed: what OpenCC's HKVariants already writes in
 * Hong Kong's form (着, 裏, 衞, 啓, 麪, 説, 户), and pairs Hong Kong writes both ways (佈局/布局,
 * 分佈/分布, 週年/周年, 線/綫, 計劃; 公佈/宣佈: HONG_KONG_EITHER).
 */
export const HONG_KONG_FORMS: readonly (readonly [string, string])[] = [
  // 佔 (occupy, a share of): OpenCC's phrase 应占 writes 應占 (股東應占溢利, 非控股權益應占)
  ['應占', '應佔'], ['稍占上風', '稍佔上風'],
  // 舖: a shop, Hong Kong's noun; OpenCC writes 鋪 for every 铺 (the verb 鋪設, 鋪路, 鋪墊 stays 鋪)
  ['店鋪', '店舖'], ['商鋪', '商舖'], ['鋪位', '舖位'], ['鋪租', '舖租'], ['地鋪', '地舖'], ['街鋪', '街舖'], ['旺鋪', '旺舖'],
  ['鋪頭', '舖頭'], ['鋪面', '舖面'], ['鋪價', '舖價'],
  ['當鋪', '當舖'], ['金鋪', '金舖'], ['藥鋪', '藥舖'], ['米鋪', '米舖'],
  // the week: Hong Kong's government and press write 周 (上周五, 周末, 每周, 黃金周, 減息周期); OpenCC writes 週
  // in each of these words (週年, the annual general meeting's 股東週年大會 in filings, is left alone)
  ['週末', '周末'], ['每週', '每周'], ['上週', '上周'], ['本週', '本周'], ['下週', '下周'], ['黃金週', '黃金周'], ['週期', '周期'],
  // and the turnover of money and stock (資金周轉, 存貨周轉天數): Hong Kong's 周轉, Taiwan's 週轉 (both in Taiwan's dictionary)
  ['週轉', '周轉'],
  ['週一', '周一'], ['週二', '周二'], ['週三', '周三'], ['週四', '周四'], ['週五', '周五'], ['週六', '周六'], ['週日', '周日'],
  // a home taking its owners in: 入伙 (and a flat counted, 2,846伙: hongKongFlatFindings)
  ['入夥', '入伙'],
];

/**
 * Words Hong Kong writes both ways, where the press and the government's releases mostly write the
 * second and OpenCC always the first: 公布, 宣布 (東方日報, 星島日報: 差估署昨日公布, 預算案宣布), while
 * listed companies' filings keep 公佈, 宣佈 (業績公佈, 董事會欣然宣佈). Reported as information only
 * (`hong-kong-standard.both`): the house style decides. 佈局, 分佈 are common in both forms: not listed.
 */
export const HONG_KONG_EITHER: readonly (readonly [string, string])[] = [['公佈', '公布'], ['宣佈', '宣布']];

/**
 * Characters Hong Kong writes in one form wherever the sense is the one in question, where OpenCC's
 * phrase table writes another in several words: 佔 (occupy, a share) — OpenCC keeps 占 in 应占, 占人
 * (佔人口 comes out 占人口), 占上 (佔上半年 → 占上半年), 占房 (佔房地產 → 占房地產) and more. Reported
 * wherever no listed word covers it and it is not in a person's name. [OpenCC's, Hong Kong's].
 */
export const HONG_KONG_CHARACTERS: readonly (readonly [string, string])[] = [['占', '佔']];

/**
 * Words that keep the character as written in Hong Kong too: divination (占卜, 占星 …), the
 * transliterations 占士 (James) and 拜占庭, the old kingdom 占城; 打地鋪 (to sleep on the floor) and the
 * verb 鋪 after 街 or 地 (沿街鋪設, 遍地鋪滿), 鋪頭蓋臉.
 */
export const HONG_KONG_KEEP: readonly string[] = [
  '占卜', '占星', '占卦', '占夢', '占課', '占筮', '占算', '占候', '占驗', '占斷', '占吉', '占凶',
  '占士', '拜占庭', '占城', '打地鋪', '街鋪設', '地鋪設', '街鋪開', '地鋪開', '地鋪滿', '鋪頭蓋臉',
];
