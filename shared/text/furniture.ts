// Page-furniture classification: lines that an aggregator page adds around the article
// (share buttons, byline, disclaimers, translation notes, comment prompts). Pure.
// Rules are data (FURNITURE_RULES); add a phrase or a rule there to extend.

/** What kind of furniture (not body text) a paragraph is; segment.ts re-exports it. */
export type FurnitureKind =
  | 'share'
  | 'byline'
  | 'disclaimer'
  | 'translation-note'
  | 'comment-prompt'
  | 'duplicate'
  | 'manual';

export interface FurnitureContext {
  index: number; // paragraph index
  count: number; // number of paragraphs in the document
}

export interface FurnitureRule {
  kind: FurnitureKind;
  test: RegExp | ((paragraph: string, context: FurnitureContext) => boolean);
  maxLength?: number; // skip the rule on longer paragraphs (furniture is short)
}

// Simplified counterparts of the Traditional characters used in the phrases below:
// phrases are written once in Traditional and bothScripts() makes them match either.
const T2S: Record<string, string> = {
  譯: '译', 內: '内', 軟: '软', 體: '体', 評: '评', 論: '论', 發: '发', 僅: '仅', 資: '资',
  訊: '讯', 構: '构', 與: '与', 關: '关', 風: '风', 險: '险', 聲: '声', 責: '责', 點: '点',
  贊: '赞', 讚: '赞', 轉: '转', 複: '复', 製: '制', 鏈: '链', 開: '开', 載: '载', 說: '说',
  參: '参', 議: '议', 謹: '谨', 場: '场', 經: '经', 來: '来', 處: '处', 編: '编', 輯: '辑',
  為: '为', 暫: '暂', 無: '无', 寫: '写', 麼: '么', 機: '机', 搶: '抢', 許: '许', 舉: '举',
  報: '报', 號: '号', 們: '们', 權: '权',
};

function bothScripts(source: string): string {
  return [...source].map((c) => (T2S[c] && T2S[c] !== c ? `[${c}${T2S[c]}]` : c)).join('');
}

const rx = (source: string, flags = 'u') => new RegExp(bothScripts(source), flags);

// ---- dates (shared with metadata.ts) ----

export interface DateMatch {
  index: number; // start of the date in the paragraph
  end: number; // end of the date, including an immediately following time
  iso: string; // YYYY-MM-DD, or --MM-DD when the year is not given
}

// Each pattern captures named groups y (optional), m, d. Full forms first.
const DATE_PATTERNS: RegExp[] = [
  /(?<!\d)(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日號号]?/gu,
  /(?<![\d/.-])(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d/.-])/gu,
  /(?<![\d/])(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})(?![\d/])/gu,
  /(?<!\d)(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日號号]/gu,
  /(?<![\d/.-])(?<m>\d{1,2})[-/](?<d>\d{1,2})(?![\d/.-])/gu,
];
const TIME = /(?<![\d:])(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/u;
const TIME_AFTER_DATE = /^\s*(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/u;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first plausible calendar date in the text (month 1–12, day 1–31). */
export function findDate(text: string): DateMatch | null {
  for (const pattern of DATE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const g = m.groups!;
      const month = Number(g.m);
      const day = Number(g.d);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      let end = m.index + m[0].length;
      const time = TIME_AFTER_DATE.exec(text.slice(end));
      if (time) end += time[0].length;
      const md = `${pad(month)}-${pad(day)}`;
      return { index: m.index, end, iso: g.y ? `${g.y}-${md}` : `--${md}` };
    }
  }
  return null;
}

// ---- bylines ----

const BYLINE_SEPARATORS = /[·•|｜丨]/u;
const SOURCE_LABEL = rx('^(?:來源|出處|作者|編輯|責任編輯|撰文)\\s*[:：]');

/** Short line with a date/time and a publisher, e.g. `智通財經 · 03/28 15:58`. */
function isByline(p: string, { index, count }: FurnitureContext): boolean {
  if (/[。！？；!?;]/u.test(p)) return false;
  if (SOURCE_LABEL.test(p)) return true;
  // Date bylines sit at the top or bottom of a page, never in the middle of the body.
  if (index >= 10 && index < count - 5) return false;
  const date = findDate(p);
  const time = TIME.exec(p);
  if (!date && !time) return false;
  let rest = p;
  if (date) rest = rest.slice(0, date.index) + rest.slice(date.end);
  rest = rest.replace(new RegExp(TIME.source, 'gu'), '');
  if (!/[\p{L}\p{N}]/u.test(rest)) return true; // a bare dateline
  // A publisher next to the date: demand a separator or a time so that a heading
  // such as `2024年3月28日業績會要點` is not taken for a byline.
  return BYLINE_SEPARATORS.test(p) || time !== null;
}

// ---- rules ----

const SHARE_TOKENS = [
  'share_log', 'share', 'like', '分享', '分享到', '分享至', '收藏', '點贊', '讚', '贊', '轉發',
  '複製鏈接', '打開APP', '下載APP', '微信', '微博', '朋友圈', '舉報', '字號',
].map(bothScripts).join('|');

const COMMENT_PROMPTS = [
  '搶先評論', '發表評論', '查看更多評論', '查看全部評論', '全部評論', '寫評論', '評論', '暫無評論',
  '說點什麼', '發表你的看法',
].join('|');

export const FURNITURE_RULES: FurnitureRule[] = [
  {
    kind: 'share',
    // One or more chrome tokens on their own line, optionally with counts: `分享 收藏 12`.
    test: new RegExp(`^(?:(?:${SHARE_TOKENS})(?:\\s*\\d+)?[\\s|｜·•/]*)+$`, 'iu'),
    maxLength: 40,
  },
  { kind: 'comment-prompt', test: rx(`^(?:${COMMENT_PROMPTS})\\s*(?:[(（]?\\d+[)）]?)?$`), maxLength: 20 },
  { kind: 'translation-note', test: rx('譯文內容由第三(?:人|方)(?:軟體|軟件)翻譯'), maxLength: 80 },
  { kind: 'translation-note', test: rx('^本文由.{0,30}翻譯'), maxLength: 80 },
  { kind: 'translation-note', test: rx('^(?:以上|本文)(?:內容)?(?:為|由|經)(?:機器|AI)翻譯'), maxLength: 80 },
  { kind: 'disclaimer', test: rx('以上內容.{0,10}(?:僅用作資訊或教育之目的|僅供參考)') },
  { kind: 'disclaimer', test: rx('不構成.{0,30}投資建議') },
  { kind: 'disclaimer', test: rx('^[【\\[]?(?:免責聲明|風險提示)') },
  { kind: 'disclaimer', test: rx('(?:市場有風險|投資有風險)[，,、\\s]*(?:投資|入市)需謹慎') },
  { kind: 'disclaimer', test: rx('^本文(?:僅代表作者|不代表)') },
  { kind: 'disclaimer', test: rx('未經.{0,10}(?:授權|許可).{0,10}(?:禁止|不得)轉載') },
  { kind: 'byline', test: isByline, maxLength: 60 },
];

export function classifyFurniture(paragraph: string, context: FurnitureContext): FurnitureKind | null {
  const p = paragraph.trim();
  if (!p) return null;
  for (const rule of FURNITURE_RULES) {
    if (rule.maxLength !== undefined && p.length > rule.maxLength) continue;
    const hit = typeof rule.test === 'function' ? rule.test(p, context) : rule.test.test(p);
    if (hit) return rule.kind;
  }
  return null;
}
