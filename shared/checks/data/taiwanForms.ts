/**
 * Words whose Taiwan standard form (Ministry of Education, 國語辭典; the form Taiwan's
 * government and press write) differs from the one OpenCC's Simplified→Traditional phrase
 * table writes for every target (s2t, s2tw, s2twp, s2hk): [OpenCC's form, Taiwan's form].
 * Hand-written general knowledge, each pair checked against opencc-js (s2t of the Simplified
 * form gives the first). A converted Taiwan text carries the first; a writer's the second.
 */
export const TAIWAN_FORMS: readonly (readonly [string, string])[] = [
  // 布: 佈 is a variant of 布 in every sense (公布, 分布, 布局)
  ['公佈', '公布'], ['發佈', '發布'], ['宣佈', '宣布'], ['分佈', '分布'], ['散佈', '散布'], ['遍佈', '遍布'],
  ['佈局', '布局'], ['頒佈', '頒布'], ['密佈', '密布'], ['佈告', '布告'], ['佈置', '布置'], ['擺佈', '擺布'],
  ['佈署', '布署'], ['佈陣', '布陣'], ['佈滿', '布滿'], ['廣佈', '廣布'],
  // 畫: a plan is 計畫
  ['計劃', '計畫'],
  // 拚: to strive
  ['拼命', '拚命'], ['打拼', '打拚'], ['拼搏', '拚搏'], ['拼經濟', '拚經濟'], ['力拼', '力拚'], ['拼業績', '拚業績'], ['拼戰', '拚戰'],
  // 回, 升, 沖, 颱, 雇, 家具 (佔: TAIWAN_CONVERTED_CHARACTERS — the standard 占比 and the common 佔比 are both written in Taiwan's press)
  ['迴流', '回流'], ['拉昇', '拉升'],
  ['衝抵', '沖抵'], ['當衝', '當沖'], ['強臺', '強颱'], ['秋臺', '秋颱'], ['臺風', '颱風'], ['台風', '颱風'], ['僱主', '雇主'], ['僱員', '雇員'], ['傢俱', '家具'],
  ['強台', '強颱'], ['秋台', '秋颱'], ['準駁', '准駁'],
  // 折: to convert (折合 an amount into another currency); OpenCC's phrase writes the folding 摺
  ['摺合', '折合'],
  // 夥: a partner (夥伴), where OpenCC's longer phrases keep 伙 (its own 伙伴 writes 夥伴)
  ['合作伙伴', '合作夥伴'], ['貿易伙伴', '貿易夥伴'], ['戰略伙伴', '戰略夥伴'],
  // 週: the week (全週, 週增 a week-on-week change), which OpenCC leaves as 周 in these words
  ['全周', '全週'], ['逐周', '逐週'], ['周增', '週增'], ['周減', '週減'], ['周息', '週息'],
];

/**
 * Characters Taiwan's standard writes in one form in every word, where OpenCC's phrase table
 * writes another in many (佈 is a variant of 布 in Taiwan's standard: 佈線, 佈設 as well as the
 * words above): reported wherever no listed word covers them. [OpenCC's, Taiwan's].
 */
export const TAIWAN_CHARACTERS: readonly (readonly [string, string])[] = [['佈', '布']];

/**
 * Characters whose Taiwan standard form (the Ministry of Education's: 占 in every sense, 佔 its
 * variant; 拚 to strive, which Simplified and OpenCC write 拼 as 'to piece together') the government
 * and most of the press write, while many writers keep OpenCC's form:
 * reported only in a document that reads as a converter's output throughout (there every 占 became
 * 佔, whatever the writer wrote); in a writer's own text the form is the house style's choice.
 */
export const TAIWAN_CONVERTED_CHARACTERS: readonly (readonly [string, string])[] = [['佔', '占'], ['拼', '拚']];

/**
 * Words that keep OpenCC's form in Taiwan too, covering their characters in a converter's output:
 * 拼 'to piece together' (拼圖, 拼音, 拼湊 …), where Taiwan writes 拚 only for 'to strive, to risk'
 * (拚經濟, 拚年增, 拚展店: OpenCC writes 拼 for both).
 */
export const TAIWAN_CONVERTED_KEEP: readonly string[] = [
  '拼圖', '拼音', '拼湊', '拼接', '拼裝', '拼盤', '拼寫', '拼貼', '拼字', '拼法', '拼板', '拼版', '拼布', '拼花', '拼合',
  '拼車', '拼單', '拼團', '拼桌', '拼購', '拼多多', '拼綴', '拼讀', '拼縫', '拼色', '拼成', '拼起', '拼出',
];

/**
 * Character pairs [OpenCC's, the other] where Taiwan writes, or accepts, the other form in
 * words OpenCC's phrase table or usage notes give with OpenCC's: 公布, 回流, 拉升, 週邊, 槓桿.
 * Text with the other form is not contradicting anything there.
 */
export const TAIWAN_ACCEPTED: readonly (readonly [string, string])[] = [
  ['佈', '布'], ['劃', '畫'], ['拼', '拚'], ['迴', '回'], ['昇', '升'], ['佔', '占'], ['衝', '沖'], ['臺', '颱'], ['僱', '雇'],
  ['傢', '家'], ['俱', '具'], ['周', '週'], ['杠', '槓'],
];

/**
 * Words Taiwan writes in both forms where OpenCC's phrase table writes the first: the Ministry of
 * Education's dictionary gives 周轉 (to turn over funds), the press writes 週轉 as often. Text with
 * the second form is not contradicting OpenCC's phrase; nor is the first reported (not a TAIWAN_FORMS pair).
 */
export const TAIWAN_EITHER: readonly (readonly [string, string])[] = [['週轉', '周轉'], ['週轉金', '周轉金']];
