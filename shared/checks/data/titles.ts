/**
 * Role titles, honorifics and speech verbs that mark a person's name in Chinese news and
 * transcripts. Written in Traditional (OpenCC standard); the checks match them on the
 * Simplified form of the text, so Taiwan/Hong Kong variants and Simplified documents match too.
 * General vocabulary, not taken from any document.
 */

/** A role a title names. `unique`: a company has one holder at a time (one CEO, one CFO). */
export interface RoleDef {
  id: string;
  label: string;
  unique: boolean;
}

export const ROLES: readonly RoleDef[] = [
  { id: 'ceo', label: 'CEO', unique: true },
  { id: 'cfo', label: 'CFO', unique: true },
  { id: 'coo', label: 'COO', unique: true },
  { id: 'cto', label: 'CTO', unique: true },
  { id: 'cio', label: 'CIO', unique: true },
  { id: 'cmo', label: 'CMO', unique: true },
  { id: 'chair', label: 'chair', unique: true },
  { id: 'vice-chair', label: 'vice-chair', unique: false },
  { id: 'president', label: 'president', unique: true },
  { id: 'vice-president', label: 'vice-president', unique: false },
  { id: 'general-manager', label: 'general manager', unique: true },
  { id: 'board-secretary', label: 'board secretary', unique: true },
  { id: 'founder', label: 'founder', unique: false },
  { id: 'executive-director', label: 'executive director', unique: false },
  { id: 'director', label: 'director', unique: false },
  { id: 'chief-scientist', label: 'chief scientist', unique: true },
  { id: 'chief-economist', label: 'chief economist', unique: true },
  { id: 'spokesperson', label: 'spokesperson', unique: false },
  { id: 'other', label: 'title', unique: false },
];

/**
 * Titles written before a name (`首席財務官王某`), longest first is not required: matching
 * picks the longest at each position. `role` links synonyms (CFO = 首席財務官 = 財務總監).
 */
export const TITLES_BEFORE: readonly { text: string; role: string }[] = [
  { text: 'CEO', role: 'ceo' },
  { text: '首席執行官', role: 'ceo' },
  { text: '行政總裁', role: 'ceo' },
  { text: '執行長', role: 'ceo' },
  { text: '首席執行長', role: 'ceo' },
  { text: 'CFO', role: 'cfo' },
  { text: '首席財務官', role: 'cfo' },
  { text: '財務總監', role: 'cfo' },
  { text: '首席財務總監', role: 'cfo' },
  { text: '財務長', role: 'cfo' },
  { text: 'COO', role: 'coo' },
  { text: '首席運營官', role: 'coo' },
  { text: '首席營運官', role: 'coo' },
  { text: '營運長', role: 'coo' },
  { text: 'CTO', role: 'cto' },
  { text: '首席技術官', role: 'cto' },
  { text: '技術長', role: 'cto' },
  { text: 'CIO', role: 'cio' },
  { text: '首席信息官', role: 'cio' },
  { text: '首席資訊官', role: 'cio' },
  { text: 'CMO', role: 'cmo' },
  { text: '首席市場官', role: 'cmo' },
  { text: '首席營銷官', role: 'cmo' },
  { text: '董事長', role: 'chair' },
  { text: '董事會主席', role: 'chair' },
  { text: '主席', role: 'chair' },
  { text: '副董事長', role: 'vice-chair' },
  { text: '副主席', role: 'vice-chair' },
  { text: '總裁', role: 'president' },
  { text: '副總裁', role: 'vice-president' },
  { text: '高級副總裁', role: 'vice-president' },
  { text: '總經理', role: 'general-manager' },
  { text: '副總經理', role: 'other' },
  { text: '董事總經理', role: 'other' },
  { text: '董事會秘書', role: 'board-secretary' },
  { text: '董秘', role: 'board-secretary' },
  { text: '公司秘書', role: 'board-secretary' },
  { text: '創始人', role: 'founder' },
  { text: '聯合創始人', role: 'founder' },
  { text: '創辦人', role: 'founder' },
  { text: '執行董事', role: 'executive-director' },
  { text: '非執行董事', role: 'director' },
  { text: '獨立非執行董事', role: 'director' },
  { text: '獨立董事', role: 'director' },
  { text: '董事', role: 'director' },
  { text: '首席科學家', role: 'chief-scientist' },
  { text: '首席經濟學家', role: 'chief-economist' },
  { text: '發言人', role: 'spokesperson' },
  { text: '新聞發言人', role: 'spokesperson' },
  { text: '總監', role: 'other' },
  { text: '經理', role: 'other' },
  { text: '分析師', role: 'other' },
  // Hong Kong's word for an analyst; strategists, economists and the like quoted in market reports
  { text: '分析員', role: 'other' },
  { text: '策略師', role: 'other' },
  { text: '經濟學家', role: 'other' },
  { text: '經濟師', role: 'other' },
  { text: '投資長', role: 'other' },
  { text: '交易員', role: 'other' },
  { text: '研究員', role: 'other' },
  { text: '教授', role: 'other' },
  { text: '博士', role: 'other' },
  { text: '院士', role: 'other' },
  { text: '行長', role: 'other' },
  { text: '部長', role: 'other' },
  { text: '主任', role: 'other' },
  { text: '秘書長', role: 'other' },
  { text: '總理', role: 'other' },
  { text: '總統', role: 'other' },
  { text: '市長', role: 'other' },
  { text: '記者', role: 'other' },
  { text: '合夥人', role: 'other' },
  { text: '負責人', role: 'other' },
  // public office (statistics, regulators, ministries)
  { text: '處長', role: 'other' },
  { text: '副處長', role: 'other' },
  { text: '局長', role: 'other' },
  { text: '副局長', role: 'other' },
  { text: '署長', role: 'other' },
  { text: '司長', role: 'other' },
  { text: '院長', role: 'other' },
  { text: '主任委員', role: 'other' },
  { text: '主委', role: 'other' },
  { text: '副主委', role: 'other' },
  { text: '協理', role: 'other' },
  // associations, councils and the professions
  { text: '理事長', role: 'other' },
  { text: '會長', role: 'other' },
  { text: '議員', role: 'other' },
  { text: '律師', role: 'other' },
  { text: '會計師', role: 'other' },
  // the courts, legislatures and local government (法官, 立委, 縣長), and the newsroom (編輯, 主播)
  { text: '法官', role: 'other' },
  { text: '大法官', role: 'other' },
  { text: '裁判官', role: 'other' },
  { text: '檢察官', role: 'other' },
  { text: '檢察長', role: 'other' },
  { text: '庭長', role: 'other' },
  { text: '立委', role: 'other' },
  { text: '立法委員', role: 'other' },
  { text: '議長', role: 'other' },
  { text: '縣長', role: 'other' },
  { text: '次長', role: 'other' },
  { text: '校長', role: 'other' },
  { text: '總幹事', role: 'other' },
  { text: '參事', role: 'other' },
  { text: '科長', role: 'other' },
  { text: '組長', role: 'other' },
  { text: '廠長', role: 'other' },
  { text: '顧問', role: 'other' },
  { text: '統計師', role: 'other' },
  { text: '監事', role: 'other' },
  // a listed company's shareholders named as such (大股東, 控股股東; never 股東 alone: 股東應佔溢利)
  { text: '大股東', role: 'other' },
  { text: '控股股東', role: 'other' },
  { text: '編輯', role: 'other' },
  { text: '總編輯', role: 'other' },
  { text: '主播', role: 'other' },
];

/** Titles that do not follow a bare surname as a form of address (於記者會, 於董事會, 經理人): */
export const NOT_AFTER_SURNAME: ReadonlySet<string> = new Set(['記者', '分析師', '研究員', '合夥人', '負責人', '董事', '經理', '主任', '總理', '總統', '博士', '院士', '統計師', '監事', '大股東', '控股股東', '編輯', '總編輯', '主播', '顧問', '參事']);

/** Words joining two titles held by one person: 董事長兼首席執行官. */
export const TITLE_JOINERS: readonly string[] = ['兼', '及', '和', '、', '暨'];

/**
 * Honorifics and titles written after a name (王某先生, 李某教授). Role titles after a name
 * (王總裁, 李主席) are left out: they mostly follow a bare surname or an organisation.
 */
export const TITLES_AFTER: readonly { text: string; role: string | null }[] = [
  { text: '先生', role: null },
  { text: '女士', role: null },
  { text: '小姐', role: null },
  { text: '老師', role: null },
  { text: '教授', role: 'other' },
  { text: '博士', role: 'other' },
  { text: '院士', role: 'other' },
  { text: '律師', role: 'other' },
  { text: '醫生', role: 'other' },
];

/** Verbs that follow a speaker's name: 王某表示, 李某指出. */
export const SPEECH_VERBS: readonly string[] = [
  '表示', '稱', '指出', '介紹', '說', '說道', '認爲', '透露', '強調', '補充', '回應', '回答',
  '提到', '談到', '提及', '解釋', '坦言', '直言', '預計', '預期', '相信', '宣佈', '宣布', '告訴',
  '寫道', '總結', '分享', '提醒', '建議', '承認', '否認', '坦承', '重申', '呼籲', '指', '說明',
  '介绍', '發言', '致辭', '答', '問', '談及', '披露', '稱讚', '感謝',
];

/** One- or two-character adverbs allowed between a name and its verb: 王某還稱, 李某也表示. */
export const VERB_ADVERBS: readonly string[] = [
  '還', '也', '亦', '則', '又', '曾', '再', '更', '均', '都', '即', '便', '就', '並', '卻', '隨後', '進一步', '同時', '此前', '早前', '當時', '最後', '首先', '接着', '隨即', '補充',
];

/**
 * Characters that practically never occur in a given name (particles, pronouns, prepositions):
 * they end a name candidate. Also used to pick a one- or two-character given name. Not 裏:
 * its Simplified form 里 is common in names (沈里安).
 */
export const NOT_IN_GIVEN_NAME = new Set(
  Array.from('的了是在和與及也都就還又而並但或被把將從對於爲為之其這那我你他她它們個等說稱表指介提談認透回答問向給讓到跟所以即便則曾再更均卻已會要該很最不沒着著過去後前呢嗎吧啊呀'),
);

/** Organisation suffixes, to tell 某某科技 from a person and to qualify a role with its company. */
export const ORG_SUFFIXES: readonly string[] = [
  '公司', '集團', '科技', '銀行', '證券', '基金', '控股', '股份', '有限公司', '研究院', '大學', '學院', '醫院',
  '保險', '資本', '投資', '汽車', '電子', '網絡', '傳媒', '實業', '國際', '財經', '研究所', '協會', '委員會',
];

/** Characters that end institution words (董事會, 管理層, 研究院), never a given name. */
export const NOT_NAME_END = new Set(Array.from('會会院層层部組组局所處处廳厅司團团隊队界署委辦办室科系處業业'));
