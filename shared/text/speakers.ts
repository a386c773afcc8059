// Speaker-turn detection: does a paragraph open with a speaker label such as `Q:`, `答：`,
// `徐立：` or `分析師 John Smith:`? Pure; segment.ts carries the turn over later paragraphs.

export interface TurnLabel {
  label: string; // 'Q', 'A', '問', '答', or the speaker's name (role word dropped when a name follows)
  bodyStart: number; // offset in the paragraph just after the label, colon and following spaces
}

const COLON = '\\s*[:：]\\s*';

// Role words that may stand alone as a label or precede a name (longest first).
const ROLES = [
  '董事會秘書', '董事会秘书', '首席執行官', '首席执行官', '首席財務官', '首席财务官', '首席技術官',
  '首席技术官', '副總裁', '副总裁', '總經理', '总经理', '執行董事', '执行董事', '主持人', '分析師',
  '分析师', '提問者', '提问者', '投資者', '投资者', '發言人', '发言人', '董事長', '董事长', '管理層',
  '管理层', '嘉賓', '嘉宾', '記者', '记者', '總裁', '总裁', '主席', '董秘', 'CEO', 'CFO', 'COO', 'CTO',
];
const ROLE = `(?:${ROLES.join('|')})`;

const QA = new RegExp(`^\\s*([QA問答问])${COLON}`, 'u');
const ROLE_ONLY = new RegExp(`^\\s*(${ROLE})${COLON}`, 'u');
const HAN_NAME = new RegExp(`^\\s*(?:${ROLE}\\s*[·・]?\\s*)?(\\p{Script=Han}{2,4})${COLON}`, 'u');
const LATIN_NAME = new RegExp(`^\\s*(?:${ROLE}\\s*)?([A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,2})${COLON}`, 'u');
// `徐立表示：` introduces reported speech inside narration; it is not a transcript label.
const SPEECH_VERB = /(?:表示|指出|稱|称|說|说|認為|认为|強調|强调|介紹|介绍|回應|回应|透露|坦言|提到|補充|补充|回答|道)$/u;

// Words that look like a short label but head a list, a section or a note, not a speech.
const NOT_A_SPEAKER = new Set([
  '首先', '其次', '然後', '然后', '最後', '最后', '另外', '此外', '其中', '其一', '其二', '包括', '如下',
  '總結', '总结', '總之', '总之', '結論', '结论', '注意', '備註', '备注', '說明', '说明', '例如', '比如',
  '問題', '问题', '回答', '答案', '重點', '重点', '要點', '要点', '摘要', '標題', '标题', '來源', '来源',
  '編者按', '编者按', '附註', '附注', '原因', '方法', '結果', '结果', '建議', '建议', '背景', '觀點',
  '观点', '目前', '今年', '去年', '明年', '提示', '風險提示', '风险提示', '免責聲明', '免责声明',
  '核心觀點', '核心观点', '投資要點', '投资要点', '事件', '點評', '点评', '評論', '评论', '導語', '导语',
  '前言', '總體', '总体', '整體', '整体', '具體', '具体', '主要', '特別', '特别', '時間', '时间', '地點',
  '地点', '題目', '题目', '簡介', '简介', '公告', '鏈接', '链接', '網址', '网址', '作者', '編輯', '编辑',
  '責任編輯', '责任编辑', '數據', '数据', '資料', '资料', '定義', '定义', '舉例', '举例', '補充', '补充',
  'Note', 'Notes', 'Source', 'Sources', 'Update', 'Updated', 'Summary', 'Tip', 'Tips', 'Warning',
  'Example', 'Examples', 'Question', 'Answer', 'Re', 'Fw', 'Fwd', 'Subject', 'Date', 'From', 'To', 'Cc',
  'Tags', 'Keywords', 'Disclaimer', 'Editor', "Editor's Note", 'Photo', 'Image', 'Read More', 'See',
  'Also', 'Step', 'Title', 'Abstract', 'Background', 'Conclusion', 'Introduction', 'Reference',
]);

function acceptable(label: string): boolean {
  if (NOT_A_SPEAKER.has(label)) return false;
  // Ordinals and enumerations: 第一, 一是, 二是 …
  if (/^第|^[一二三四五六七八九十]+是$/u.test(label)) return false;
  return !SPEECH_VERB.test(label) && label.length <= 30;
}

export function detectTurnLabel(paragraph: string): TurnLabel | null {
  const qa = QA.exec(paragraph);
  if (qa) return { label: qa[1], bodyStart: qa[0].length };
  for (const re of [HAN_NAME, LATIN_NAME, ROLE_ONLY]) {
    const m = re.exec(paragraph);
    if (!m) continue;
    // `記者問：`, `徐立答：` — the name is the speaker, 問/答 only marks the turn type.
    const label = m[1].length >= 3 ? m[1].replace(/[問问答]$/u, '') : m[1];
    if (acceptable(label)) return { label, bodyStart: m[0].length };
  }
  return null;
}
