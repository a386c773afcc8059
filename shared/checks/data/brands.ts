/**
 * Company names (shared/checks/brand-names.ts). General data, not from any document.
 *
 * Words that follow a company's name and say its trade or legal form (宏梁開發, 匯升醫療控股,
 * 升泰交通集團): the names of listed companies in Taiwan and Hong Kong are a short name and one
 * of these.
 */
export const BRAND_SUFFIXES: readonly string[] = [
  '有限公司', '股份', '公司', '集團', '控股', '企業', '實業', '國際', '投資', '資本', '金控', '金融', '銀行', '證券', '保險', '人壽',
  '產險', '投信', '創投', '科技', '生技', '生醫', '醫療', '醫藥', '製藥', '藥業', '電子', '電機', '精機', '精密', '機械', '工業',
  '光電', '半導體', '通訊', '電信', '建設', '建築', '營造', '開發', '地產', '置業', '物業', '食品', '餐飲', '超市', '百貨', '零售',
  '物流', '航運', '海運', '交通', '運輸', '航空', '能源', '電力', '化學', '化工', '材料', '塑膠', '紡織', '鋼鐵', '水泥', '工程',
  '貿易', '資產', '基金', '汽車', '傳媒', '娛樂', '酒店', '飯店', '珠寶', '鐘錶', '電動', '生活', '發展', '投顧', '顧問', '管理',
  '資訊', '數位', '網路', '網絡', '生物', '環保', '觀光', '旅遊', '健康', '文化', '教育', '農業',
];

/** A stock code right after a name (雲升（6791）, 宏匯(1234)): a listed company's. */
export const STOCK_CODE = '[（(](?:股份代號|股票代號|代號)?[:：]?\\s*\\d{4,5}';

/**
 * Traditional characters that names write where a converter writes another form of the same
 * Simplified character (its default): 昇 (升: 昇陽, 鍾昇), 樑 (梁: 國樑), 杰 (杰 → 傑 by default),
 * 采 (采 → 採), 穀 (谷), 岳 (岳 → 嶽), 郁 (郁 → 鬱), 筑 (筑 → 築). A name holding the converter's
 * form of one of them may be either. Not the forms names rarely take (丰, 云, 髮, 彙: a name with 豐,
 * 雲, 發 or 匯 is as written), nor 鐘 (a name's 鍾 is its founder's surname), nor Hong Kong's 滙 for 匯
 * (one character's two variants, variant-mixing's business).
 */
export const BRAND_FORMS: ReadonlySet<string> = new Set(Array.from('昇樑杰采穀岳郁筑'));
