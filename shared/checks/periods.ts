/**
 * period-label: a comparison label (同比/環比, 年增/季增/月增, 按年/按季/按月) that cannot be
 * what the writer meant.
 *
 *  - repeated: one label twice in a row with two different values and nothing between them
 *    but a comma or a conjunction — 年增7.2%，年增5.4% — where the second is probably the
 *    partner label (季增). A sentence repeating one label for two metrics (營收年增10%，淨利年增5%)
 *    has a metric between the two and is left alone;
 *  - contradicts: a label next to a phrase naming another period (較去年同期季增: 去年同期 is a
 *    year-on-year comparison);
 *  - period: a label that does not fit the figure's own period, the nearest period named before
 *    it in the sentence: a full-year or year-to-date figure is not compared with the previous
 *    month or quarter (全年營收…月增), a quarter's figure not with the previous month, a month's
 *    not with the previous quarter.
 */
import { findingMessage } from '../finding-messages';
import type { Analysis } from './analysis';
import type { Finding } from './types';
import { addTo, partitionPoint } from './collect';

/** the period a label compares with; 環比 is 'the previous period', whichever it is */
type Span = 'year' | 'quarter' | 'month' | 'previous';

interface Label {
  /** the period compared with */
  span: Span;
  /** the same comparison against the other periods, in the same wording */
  partners: Partial<Record<Span, string>>;
}

const LABELS: Record<string, Label> = {
  同比: { span: 'year', partners: { quarter: '環比', month: '環比' } },
  環比: { span: 'previous', partners: { year: '同比' } },
  年增: { span: 'year', partners: { quarter: '季增', month: '月增' } },
  季增: { span: 'quarter', partners: { year: '年增', month: '月增' } },
  月增: { span: 'month', partners: { year: '年增', quarter: '季增' } },
  年減: { span: 'year', partners: { quarter: '季減', month: '月減' } },
  季減: { span: 'quarter', partners: { year: '年減', month: '月減' } },
  月減: { span: 'month', partners: { year: '年減', quarter: '季減' } },
  按年: { span: 'year', partners: { quarter: '按季', month: '按月' } },
  按季: { span: 'quarter', partners: { year: '按年', month: '按月' } },
  按月: { span: 'month', partners: { year: '按年', quarter: '按季' } },
  年成長: { span: 'year', partners: { quarter: '季成長', month: '月成長' } },
  季成長: { span: 'quarter', partners: { year: '年成長', month: '月成長' } },
  月成長: { span: 'month', partners: { year: '年成長', quarter: '季成長' } },
  年衰退: { span: 'year', partners: { quarter: '季衰退', month: '月衰退' } },
  季衰退: { span: 'quarter', partners: { year: '年衰退', month: '月衰退' } },
  月衰退: { span: 'month', partners: { year: '年衰退', quarter: '季衰退' } },
  // the English abbreviations Taiwan's financial press writes inside Chinese text (營收YoY +12%)
  YoY: { span: 'year', partners: { quarter: 'QoQ', month: 'MoM' } },
  QoQ: { span: 'quarter', partners: { year: 'YoY', month: 'MoM' } },
  MoM: { span: 'month', partners: { year: 'YoY', quarter: 'QoQ' } },
};
// longest first: 年成長 before 年增 would not matter (no overlap), but keep the alternation deterministic
const LABEL_RE = new RegExp(Object.keys(LABELS).sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The value a label introduces: 年增7.2%, 同比增長10.2%, 年增率為1.72%, 季減3個百分點, 按年跌5%,
 * 季增則為5.4%, 同比大增約12% — a few words (no punctuation, no digits) then the value.
 */
const VALUE_AFTER = /^[^\d\s，,。；;、：:！？()（）「」]{0,5}?\s*(?:([+\-−]?\d[\d,]*(?:\.\d+)?)\s*(%|％|個百分點|个百分点)|([一二兩两三四五六七八九]|[1-9])(成))/;
/** Nothing but a separator or a conjunction between the first value and the second label. */
const CONNECTOR_ONLY = /^[\s，,、；;]*(?:[及和與与並并而且則则亦也]|以及)?[\s，,、]*$/;

/**
 * Phrases naming the period compared with, right before a label (較去年同期季增), or before the base figure
 * they name and then the label (較去年同期的57.9萬人次按月增加: `BASE`).
 */
// (built from regular expression literals, not templates: the CLI bundle keeps only those in ASCII, scripts/ascii-js.mjs)
const BASE = /(?:的?\s*[\d０-９][\d,.．０-９]*\s*[萬万億亿千百]?[\p{Script=Han}A-Za-z%％]{0,4})?/u.source;
const COMPARED_TAIL = /(?:相比|比較|比较)?[，,]?$/u.source;
const comparedWith = (phrase: RegExp) => new RegExp(phrase.source + BASE + COMPARED_TAIL, 'u');
const COMPARED_WITH: [RegExp, Span][] = [
  [comparedWith(/(?:較|与|與|和|比|對)(?:去年|上年|前一年|上一年度?|(?:\d{4}|1[01]\d)\s*年)同期/u), 'year'],
  // a year compared with as a whole, with or without its figure (較2024年的3,813.2百萬港元, 較上年度); not a date in it
  // (較去年底, 較2024年第三季, 較2024年12月)
  [comparedWith(/(?:較|与|與|和|比|對)(?:去年|上年|前年|上一年|(?:\d{4}|1[01]\d)\s*年)度?(?![底初中末同第上下前首\d０-９一二三四五六七八九十])/u), 'year'],
  [comparedWith(/(?:較|与|與|和|比|對)(?:上|前)一?(?:季|季度)/u), 'quarter'],
  [comparedWith(/(?:較|与|與|和|比|對)(?:上|前)一?個?月/u), 'month'],
];

/**
 * A comparison heading its clause, then a comma (與對上一季比較，…; 與上月相比，…): the period the sentence's
 * figures are compared with, for the first label after it. Hong Kong's statistics write 對上一季, 對上一個月.
 */
// (built from regular expression literals, not templates: the CLI bundle keeps only those in ASCII)
const HEADING_COMPARED: [RegExp, Span][] = [
  [/(?:與|与|和|較|较|比)(?:對上|对上|上|前)一?(?:季|季度)(?:相比|比較|比较)[，,]/gu, 'quarter'],
  [/(?:與|与|和|較|较|比)(?:對上|对上|上|前)一?個?月(?:相比|比較|比较)[，,]/gu, 'month'],
];

/** The comparison heading the text before a label (`HEADING_COMPARED`), when no label nor figure stands between them. */
function headingComparison(before: string): { span: Span; phrase: string } | null {
  let best: { at: number; end: number; span: Span } | null = null;
  for (const [re, span] of HEADING_COMPARED) {
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) if (!best || m.index > best.at) best = { at: m.index, end: m.index + m[0].length, span };
  }
  if (!best) return null;
  // the first figure after it: no label and no figure between (與上月相比，出口增加5%，按年則上升12% compares twice)
  const rest = before.slice(best.end);
  LABEL_RE.lastIndex = 0;
  if (LABEL_RE.test(rest) || /[\d０-９]/.test(rest)) return null;
  return { span: best.span, phrase: before.slice(best.at, best.end - 1) };
}

/** The period a label's sentence says it is compared with (`COMPARED_WITH` right before it, else `headingComparison`), with the message key and the phrase it quotes. */
function comparedBefore(before: string): { span: Span; phrase: string; key: 'period-label.contradicts' | 'period-label.contradicts.heading' } | null {
  const named = COMPARED_WITH.find(([re]) => re.test(before));
  if (named) return { span: named[1], phrase: comparedPhrase(before.match(named[0])![0]), key: 'period-label.contradicts' };
  const headed = headingComparison(before);
  return headed && { ...headed, key: 'period-label.contradicts.heading' };
}

/** The comparison phrase as the message quotes it: without the base figure after it (較去年同期的57.9萬人次 → 較去年同期). */
const comparedPhrase = (matched: string) => matched.replace(/[，,]$/, '').replace(/(同期|季度?|個?月|年度?)(?:的|\s*[\d０-９]).*$/u, '$1');

/** The kind of period a figure is for. */
type FigurePeriod = 'cumulative' | 'quarter' | 'month' | 'holiday';

/** A figure's own period, named before the label: the nearest of these wins. */
const FIGURE_PERIODS: [RegExp, FigurePeriod][] = [
  // a range of months (1至10月, 1-2月) and 今年以來 are year to date; 截至…止六個月 is a half year (Hong Kong)
  [/全年|全年度|(?:\d{4}|[本今去上該该整止])年度|財政年度|财政年度|會計年度|会计年度|上半年|下半年|前[一二三四1-4１-４]季|[前首][一二三四五六七八九十\d]{1,3}個?月|累計|累计|(?:1[0-2]|[1-9]|[一二三四五六七八九十])\s*(?:至|到|[-~～－])\s*(?:1[0-2]|[1-9]|[一二三四五六七八九十]|十[一二])月|今年以來|今年以来|年初至今|止(?:六|九|十二|6|9|12)個月/g, 'cumulative'],
  // a year right before the metric it is the period of (2024年收入, 113年出口, 2025年全年營收): a year's figure;
  // not a year before a date or a quarter (2024年11月, 2024年第三季: those come after it and are nearer)
  [/(?<![\d])(?:\d{4}|1[01]\d)\s*年(?=(?:全年|度)?(?:合併|合并|綜合|综合)?(?:營收|营收|營業收入|营业收入|收入|收益|營業額|营业额|銷售額|销售额|淨利|净利|純益|纯益|盈利|溢利|利潤|利润|出口|進口|进口|出貨|出货|銷量|销量))/g, 'cumulative'],
  // 去年, 今年 before a metric a few words on and its level (去年機器人銷量約1.25萬台, 今年整體營收達; not 去年同期,
  // 去年底: a comparison, a date; not a change told with no level, 去年淨利息收入按季下跌: a quarter within the year);
  // two years listed (2023年及2024年分別…): each figure a year's
  [/(?:去年|今年|明年|上年|前年|上一年)(?![同底初中末度])(?=[\u4e00-\u9fff]{0,8}?(?:營收|营收|收入|收益|營業額|营业额|銷售額|销售额|銷貨價值|销货价值|淨利|净利|純益|纯益|盈利|溢利|利潤|利润|賺|赚|出口|進口|进口|出貨|出货|銷量|销量|交付量|交車量|交车量)[^，,。；;]{0,12}?[\d一二兩两三四五六七八九]成?)|(?<![\d])\d{4}\s*年(?:及|和|與|与|、)\d{4}\s*年/g, 'cumulative'],
  // a forecast for a year, whatever it forecasts (央行預測今年CPI年增率為2.16%, 預估明年經濟成長率): a year's figure
  [/(?<=(?:預測|预测|預估|预估|預期|预期|預計|预计|估計|估计|上修|下修|調升|调升|調降|调降)[\u4e00-\u9fff]{0,2})(?:今年|明年|全年|(?<![\d])\d{4}\s*年)(?![同底初中末度第\d０-９一二三四五六七八九十上下前首])/g, 'cumulative'],
  // a holiday, whose figures are compared with the same holiday a year before (春節連假期間, 黃金周, 假期內, 春節9天);
  // not what it causes, what follows it or a month it falls in (受春節因素影響, 春節後, 連假過後, 春節前備貨, 2月因春節假期工作天數減少)
  [/(?<!由於|由于|[因受逢])(?<![節节慶庆誕诞秋午明旦])(?:(?:春節|春节|農曆新年|农历新年|新春|過年|过年|國慶|国庆|聖誕|圣诞|中秋|端午|清明|復活節|复活节|元旦)?(?:連假|连假|長假|长假|假期|黃金周|黄金周|黃金週|黄金週)(?:期間|期间|內|内)?|(?:春節|春节|農曆新年|农历新年|新春|國慶|国庆|聖誕|圣诞)(?:期間|期间|檔期|档期|[\d一二三四五六七八九十]{1,2}天))(?![後后前結结過过效因影])/g, 'holiday'],
  [/第[一二三四1-4１-４]季|[Qq][1-4１-４]|單季|单季|本季|該季|止(?:三|3)個月/g, 'quarter'],
  // a month named in a sentence is as often a date (比8月的預測數) as the figure's period: only
  // an explicit single-month figure counts, or a month right before the metric it is the period
  // of (9月營收, 6月份合併營收; not 前9月營收 or 1至9月營收, which are cumulative)
  [/單月|单月|本月|當月|当月|(?<![前首至到\-~～－\d])(?:1[0-2]|[1-9]|[一二三四五六七八九十]|十[一二])月份?(?=(?:合併|合并|單月|单月)?(?:營收|营收|營業收入|营业收入|收入|出貨|出货|銷售|销售|銷量|销量|交車|交车|訂單|订单))/g, 'month'],
  // a month heading its clause, or after its year, before a noun (10月消費者物價指數, 113年11月出口): the figure's month;
  // not a date (11月7日, 10月底, 8月起) nor a month compared with (較9月, 比8月)
  // (in digits or in Chinese numerals, 三月輸往亞洲的出口貨值, 十一月零售額, 二〇二五年九月珠寶…; not 三月份的 …, 一月至三月,
  // nor a date in Chinese numerals, 二零二五年三月三十一日)
  [/(?:(?<=^|[，,；;：:。\s])|(?<=\d{2,4}年)|(?<=[〇零○一二三四五六七八九]{4}年))(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?(?=[\u4e00-\u9fff])(?![底中起止間间時时日號号旬份的至到內内以一二三四五六七八九十廿卅]|初(?!年度))/g, 'month'],
];
const UNFIT: Record<FigurePeriod, Span[]> = { cumulative: ['quarter', 'month', 'previous'], quarter: ['month'], month: ['quarter'], holiday: ['quarter', 'month', 'previous'] };

/** The labels that fit a figure of period `own`, as `L`'s partners: a year's (and a holiday's, compared with the same holiday a year before) only the year's; a quarter's or a month's also its own. */
function labelsFitting(own: FigurePeriod, L: Label): string[] {
  const want = own === 'cumulative' || own === 'holiday' ? [L.partners.year] : own === 'quarter' ? [L.partners.year, L.partners.quarter] : [L.partners.year, L.partners.month];
  return want.filter((w): w is string => !!w);
}

const PERIOD_WORD_BEFORE = /[去今明前上本該该每全半同近當当首末單单第\d０-９一二三四五六七八九十]/;

/** What ends a sentence here (。！？!?；;\n), as UTF-16 code units. */
const SENTENCE_END_CODES = new Set([...'。！？!?；;\n'].map((c) => c.charCodeAt(0)));

/** How far back a label's sentence context reaches: a run-on text (a 100,000-character segment
 * with no full stop) would otherwise make every label rescan the whole text before it. */
const MAX_CONTEXT = 300;

function sentenceStart(text: string, k: number): number {
  const floor = Math.max(0, k - MAX_CONTEXT);
  let i = k - 1;
  // compared as code units: no one-character string made at every position walked
  while (i >= floor && !SENTENCE_END_CODES.has(text.charCodeAt(i))) i--;
  return i + 1;
}

/** Where the sentence holding k ends (after its 。！？, or a bounded distance on). */
function sentenceEnd(text: string, k: number): number {
  const ceiling = Math.min(text.length, k + MAX_CONTEXT);
  let i = k;
  while (i < ceiling && !SENTENCE_END_CODES.has(text.charCodeAt(i))) i++;
  return i;
}

function nearestFigurePeriod(before: string): FigurePeriod | null {
  let best: { at: number; kind: FigurePeriod } | null = null;
  for (const [re, kind] of FIGURE_PERIODS) {
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at) best = { at: end, kind };
    }
  }
  return best?.kind ?? null;
}

/** Where each FIGURE_PERIODS pattern's matches in `text` end, in order (one list per pattern). */
function figurePeriodEnds(text: string): number[][] {
  return FIGURE_PERIODS.map(([re]) => {
    const ends: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
    return ends;
  });
}

/**
 * `nearestFigurePeriod(text.slice(0, limit))` from the text's `figurePeriodEnds`: the kind of the
 * period named last before `limit` (the last match of each pattern ending by then; an earlier
 * pattern wins a tie). Read once per segment, not once per label: a run-on segment with thousands
 * of labels would rescan its whole beginning for each.
 */
function figurePeriodBefore(ends: number[][], limit: number): FigurePeriod | null {
  let best: { at: number; kind: FigurePeriod } | null = null;
  for (let r = 0; r < ends.length; r++) {
    const list = ends[r];
    // the last end at or before limit (binary search)
    const lo = partitionPoint(list.length, (i) => list[i] <= limit);
    if (lo > 0 && (!best || list[lo - 1] > best.at)) best = { at: list[lo - 1], kind: FIGURE_PERIODS[r][1] };
  }
  return best?.kind ?? null;
}

function finding(a: Analysis, k: number, label: string, want: string[], msg: ReturnType<typeof findingMessage>): Finding {
  return {
    rule: 'period-label',
    severity: 'warning',
    segmentId: a.seg.id,
    start: k,
    end: k + label.length,
    text: label,
    ...msg,
    fixes: [...new Set(want)].map((w) => ({ start: k, end: k + label.length, replacement: w })),
    related: [],
  };
}

interface LabelUse {
  k: number;
  label: string;
  /** end of the value the label introduces, -1 without one */
  valueEnd: number;
  /** that value as written (7.2%), '' without one */
  value: string;
}

/** The comparison labels of a text, each with the value it introduces. */
function labelsIn(text: string): LabelUse[] {
  const found: LabelUse[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    // 去年增加, 上季增加, 第三季增, 2024年增長: the 年/季/月 ends a period word, not a label
    if (PERIOD_WORD_BEFORE.test(text[m.index - 1] ?? '') && /^[年季月]/.test(m[0])) continue;
    // YoY inside a Latin word or sentence is English, not a label of this text
    if (/^[A-Z]/.test(m[0]) && /[A-Za-z]/.test(text[m.index - 1] ?? '')) continue;
    const v = VALUE_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 16));
    // (a tenth as Chinese writes it, 約一成, 逾三成, is a value too)
    found.push({ k: m.index, label: m[0], valueEnd: v ? m.index + m[0].length + v[0].length : -1, value: v ? (v[1] !== undefined ? v[1] + v[2] : v[3] + v[4]) : '' });
  }
  return found;
}

/**
 * Document scope: one value with a decimal (18.4%) stated with labels of two different
 * periods (年增18.4% here, 季增18.4% there) — a coincidence is unlikely, a swapped label is
 * not. One finding per value: the later, or the minority, label first; fixes to the other.
 */
export function periodValueFindings(analyses: Analysis[]): Finding[] {
  return sameValueFindings(analyses.map((a) => ({ a })), false);
}

/**
 * Project scope: the same across the documents of a project (年增18.4% in the release,
 * 季增18.4% in the news write-up); only conflicts that span two documents (the rest is
 * each document's own finding). Locations carry their documentId.
 */
export function projectPeriodValueFindings(docs: { documentId: number; analyses: Analysis[] }[]): Finding[] {
  return sameValueFindings(
    docs.flatMap((d) => d.analyses.map((a) => ({ a, documentId: d.documentId }))),
    true,
  );
}

/**
 * The metric a label is about: the two characters before it in its clause (Simplified), a
 * comparison phrase (較去年同期, 與上季相比) skipped — 營收年增12% and 營收季增12% are one metric.
 */
function metricBefore(a: Analysis, k: number): string | null {
  const before = a.s.slice(sentenceStart(a.text, k), k).replace(/(?:[较与和比对])?(?:去年同期|上年同期|上季|上月|前一年|上一季|上个月)?(?:相比)?[，,\s]*$/, '');
  const m = /[\u4e00-\u9fff]{2}$/.exec(before);
  return m ? m[0] : null;
}

function sameValueFindings(parts: { a: Analysis; documentId?: number }[], acrossDocuments: boolean): Finding[] {
  const byValue = new Map<string, { a: Analysis; u: LabelUse; documentId?: number }[]>();
  for (const { a, documentId } of parts) {
    for (const u of labelsIn(a.text)) {
      if (!u.value) continue;
      // a value with a decimal is rarely a coincidence; a whole number only for the same metric
      const metric = u.value.includes('.') ? '' : metricBefore(a, u.k);
      if (metric === null) continue;
      const key = `${u.value.replace(/,/g, '')}|${metric}`;
      addTo(byValue, key, { a, u, documentId });
    }
  }
  const out: Finding[] = [];
  for (const uses of byValue.values()) {
    const spans = new Map<Span, typeof uses>();
    for (const x of uses) {
      const sp = LABELS[x.u.label].span;
      addTo(spans, sp, x);
    }
    if (spans.size !== 2) continue;
    if (acrossDocuments) {
      const [x, y] = [...spans.values()].map((l) => new Set(l.map((e) => e.documentId)));
      // some pair of the two labels must lie in different documents
      if ([...x].every((d) => y.size === 1 && y.has(d))) continue;
    }
    // the minority (on a tie the later) is the suspect
    // in part order (documents, then segments, then position)
    const order = (e: { a: Analysis; u: LabelUse }) => parts.findIndex((p) => p.a === e.a) * 1e6 + e.u.k;
    const [major, minor] = [...spans.values()].sort((x, y) => y.length - x.length || order(x[0]) - order(y[0]));
    const other = major[0].u.label;
    const loc = ({ a, u, documentId }: { a: Analysis; u: LabelUse; documentId?: number }) => ({
      ...(documentId === undefined ? {} : { documentId }),
      segmentId: a.seg.id,
      start: u.k,
      end: u.k + u.label.length,
      text: u.label,
      fixes: u.label === other ? [] : [{ start: u.k, end: u.k + u.label.length, replacement: other }],
    });
    const [first, ...rest] = [...minor, ...major].map(loc);
    out.push({
      rule: 'period-label',
      severity: 'warning',
      ...first,
      ...findingMessage('period-label.same-value', { value: minor[0].u.value, label: minor[0].u.label, other }),
      group: `period-label:${minor[0].u.value}:${minor[0].u.label}>${other}`,
      related: rest,
    });
  }
  return out;
}

/** Period phrases of an English rendering (YoY, quarter on quarter, from a month earlier …). */
const ENGLISH_PERIODS: [RegExp, Exclude<Span, 'previous'>][] = [
  [/\b(?:YoY|y\/y|year[- ](?:on|over)[- ]year|from a year (?:earlier|ago|before)|(?:compared )?(?:with|to|from|over) the same (?:period|quarter|month) (?:of |in )?(?:last|the previous|the prior|a) year)\b/gi, 'year'],
  [/\b(?:QoQ|q\/q|quarter[- ](?:on|over)[- ]quarter|sequential(?:ly)?|from the (?:previous|prior|preceding|last) quarter|from a quarter (?:earlier|ago|before))\b/gi, 'quarter'],
  [/\b(?:MoM|m\/m|month[- ](?:on|over)[- ]month|from the (?:previous|prior|preceding|last) month|from a month (?:earlier|ago|before))\b/gi, 'month'],
];

/**
 * The period the English rendering gives a value (7.2% … year on year): the period phrase
 * after the value and before the next number, else one ending right before it. Null when the
 * English does not state the value, or states it with two different periods.
 */
export function englishPeriodOf(english: string, value: string): { span: Exclude<Span, 'previous'>; phrase: string } | null {
  const num = value.replace(/[%％]|個百分點|个百分点/g, '').replace(/,/g, '');
  const phrases: { at: number; end: number; span: Exclude<Span, 'previous'>; phrase: string }[] = [];
  for (const [re, span] of ENGLISH_PERIODS) for (const m of english.matchAll(re)) phrases.push({ at: m.index, end: m.index + m[0].length, span, phrase: m[0] });
  if (!phrases.length) return null;
  const numbers = [...english.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => ({ at: m.index, end: m.index + m[0].length, n: m[0].replace(/,/g, '') }));
  const found = new Map<Exclude<Span, 'previous'>, string>();
  numbers.forEach((x, i) => {
    if (x.n !== num.replace(/^[+\-−]/, '') || !/^\s*(?:%|per ?cent|percentage points?|pp)/i.test(english.slice(x.end))) return;
    const next = numbers[i + 1]?.at ?? english.length;
    const after = phrases.find((p) => p.at >= x.end && p.at < next && p.at - x.end <= 40);
    const before = phrases.filter((p) => p.end <= x.at && x.at - p.end <= 12).pop();
    const p = after ?? before;
    if (p) found.set(p.span, p.phrase);
  });
  if (found.size !== 1) return null;
  const [[span, phrase]] = [...found];
  return { span, phrase };
}

/** A clause's own figure: an amount with a magnitude or a currency (251.4億元, 10.4兆元, 9.46億). */
const AMOUNT = /\d[\d,]*(?:\.\d+)?\s*(?:[萬万億亿兆千百]|元|美元|港元|港幣|日圓|歐元)/;
/** A period named between two clauses (the second figure is another period's: 累計, 前9月, 全年, 第三季, 9月). */
const PERIOD_BETWEEN = /全年|年度|上半年|下半年|前[一二三四五六七八九十\d]{1,3}個?[季月]|累計|累计|今年以來|年初至今|第[一二三四1-4１-４]季|[Qq][1-4１-４]|單季|单季|單月|单月|本季|本月|當月|当月|[一二三四五六七八九十\d]{1,2}月(?!底|初|中)/;
/** Where a run of parallel clauses ends: a full stop or a line break (a semicolon joins them). */
const CLAUSES_END = /[。！？!?\n]/;

/**
 * mixed: in one sentence of parallel clauses, each a metric with its own figure and a labelled
 * change (營收251.4億元，年增5.4%，稅後淨利9.46億元，季增8.5%), the labels of two periods
 * where no other period is named between them: one label against two or more of the other is
 * probably a swapped one (one against one is a writer's choice as often: 營收…環比，淨利…同比). Two
 * labels on one figure (營收年增72.5%，季增18.3%) have no figure between them and are left
 * alone, as are clauses that name their own period (9月…月增；累計前9月…年增).
 */
function mixedLabelFindings(a: Analysis, found: LabelUse[]): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  let run: LabelUse[] = [];
  const flush = () => {
    // one label against two or more takes three labels at least: fewer make no finding (no grouping made)
    if (run.length < 3) {
      run = [];
      return;
    }
    const bySpan = new Map<Span, LabelUse[]>();
    for (const u of run) addTo(bySpan, LABELS[u.label].span, u);
    const groups = [...bySpan.values()].sort((p, q) => q.length - p.length);
    // one label against two or more of another: a writer may compare two clauses differently
    // (營收…環比增長15.7%，淨利…同比增長18.5%), so one against one says nothing
    if (groups.length === 2 && groups[0].length >= 2 && groups[1].length === 1) {
      const [u] = groups[1];
      const other = groups[0][0].label;
      out.push({
        rule: 'period-label',
        severity: 'warning',
        segmentId: a.seg.id,
        start: u.k,
        end: u.k + u.label.length,
        text: u.label,
        ...findingMessage('period-label.mixed', { label: u.label, other }),
        fixes: [{ start: u.k, end: u.k + u.label.length, replacement: other }],
        related: [],
      });
    }
    run = [];
  };
  for (const f of found) {
    const p = run[run.length - 1];
    const family = (u: LabelUse) => u.label === f.label || Object.values(LABELS[f.label].partners).includes(u.label);
    const joins =
      p &&
      f.valueEnd > 0 &&
      family(p) &&
      !CLAUSES_END.test(text.slice(p.k, f.k)) &&
      // a figure of its own between (a new clause), and no period named for it
      AMOUNT.test(text.slice(p.valueEnd, f.k)) &&
      !PERIOD_BETWEEN.test(text.slice(p.valueEnd, f.k));
    if (!joins) {
      flush();
      // a clause's label: its own figure before it in the sentence
      if (f.valueEnd > 0 && AMOUNT.test(text.slice(sentenceStart(text, f.k), f.k))) run = [f];
      continue;
    }
    run.push(f);
  }
  flush();
  return out;
}

export function periodLabelFindings(a: Analysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  const found = labelsIn(text);
  const mixed = mixedLabelFindings(a, found);
  const inMixed = new Set(mixed.map((f) => f.start));
  out.push(...mixed);
  const english = a.seg.english?.trim() ? a.seg.english : null;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if (inMixed.has(f.k)) continue;
    const L = LABELS[f.label];
    const partners = Object.values(L.partners);
    // repeated: 年增7.2%，年增5.4% — or one period both up and down (季增7.2%，季減5.4%): two comparisons of
    // one figure with one period. Either may be the swapped one (the second more often): both places are shown.
    const p = found[i - 1];
    if (p && LABELS[p.label].span === L.span && p.valueEnd > 0 && f.valueEnd > 0 && (p.label !== f.label || p.value !== f.value) && CONNECTOR_ONLY.test(text.slice(p.valueEnd, f.k))) {
      const first = finding(a, p.k, p.label, Object.values(LABELS[p.label].partners), findingMessage('period-label.repeated', { label: f.label, first: p.value, second: f.value, partners: partners.join('/') }));
      out.push({ ...finding(a, f.k, f.label, partners, findingMessage('period-label.repeated', { label: p.label === f.label ? f.label : `${p.label}/${f.label}`, first: p.value, second: f.value, partners: partners.join('/') })), related: [{ segmentId: a.seg.id, start: first.start, end: first.end, text: first.text, fixes: first.fixes }] });
      continue;
    }
    // the English rendering gives the value another period (季增5.4% vs up 5.4% year on year)
    const en = english && f.value ? englishPeriodOf(english, f.value) : null;
    if (en && (L.span === 'previous' ? en.span === 'year' : L.span !== en.span)) {
      const want = L.partners[en.span];
      if (want) {
        out.push(finding(a, f.k, f.label, [want], findingMessage('period-label.english', { label: f.label, value: f.value, phrase: en.phrase, want })));
        continue;
      }
    }
    const start = sentenceStart(text, f.k);
    const before = text.slice(start, f.k);
    // contradicts the period compared with: right before it (較去年同期季增), else heading its sentence with no other
    // label between (與對上一季比較，…的臨時估計按年上升); a label with a period compared with is judged by it alone
    const compared = comparedBefore(before);
    if (compared) {
      const want = compared.span !== L.span && !(L.span === 'previous' && compared.span !== 'year') ? L.partners[compared.span] : undefined;
      if (want) out.push(finding(a, f.k, f.label, [want], findingMessage(compared.key, { label: f.label, period: compared.phrase, want })));
      continue;
    }
    // period: 全年營收…月增 — not of a label naming a kind of figure with no figure after it in its sentence
    // (參考經季節性調整的按季數字。: nothing of the sentence is compared by it; 按季比較，升幅為2.8% is)
    const after = f.k + f.label.length;
    const kindOnly = f.valueEnd < 0 && FIGURE_KIND_AFTER.test(text.slice(after, after + 4)) && !/[\d０-９]/.test(text.slice(after, sentenceEnd(text, f.k)));
    // (a month right before the label is its figure's: 10月月減 after 第三季提前拉貨)
    const own = kindOnly ? null : MONTH_RIGHT_BEFORE.test(before) ? 'month' : nearestFigurePeriod(before);
    if (own && UNFIT[own].includes(L.span)) {
      const wants = labelsFitting(own, L);
      out.push(finding(a, f.k, f.label, wants, findingMessage(`period-label.period.${own}`, { label: f.label, want: wants.join('/') })));
    }
  }
  return out;
}

/** Periods a sentence may name that are not a figure's own kind (a year, last year's period, a month's end): no inference then. */
// (同期 alone, 同期產險業…, is the period just named: no other period)
const OTHER_PERIOD = /去年|今年|明年|上年|前年|上季|上月|年底|月底|季底|年初|\d{2,4}\s*年|[上下]旬/;

/** A month right before a label (10月月減, 9月份月增): the period of the label's figure. */
const MONTH_RIGHT_BEFORE = /(?<![\d年至到\-~～－])(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?$/;

/** Nouns of figures right after a label (按季數字, 按年比較, 年增統計): the label names a kind of figure. */
const FIGURE_KIND_AFTER = /^(?:的)?(?:數字|数字|數據|数据|資料|资料|統計|统计|比較|比较|計算|计算|基礎|基础|基準|基准)/;

/** A figure a few words after a label (增加約35萬名, 減少2,105張). */
const COUNT_AFTER = /^[增減减加少長长升降跌漲涨]{1,2}[約约近逾達达了]?\d/;

/**
 * The period a document's heading gives its figures: a short first line (no full stop, a paragraph
 * of its own) that names periods of one kind only (上半年…, 第三季…, 11月營收…; 中期業績 is a half year).
 */
function headingPeriod(analyses: Analysis[]): FigurePeriod | null {
  const [h, next] = analyses;
  if (!h || !next || h.seg.paragraph === next.seg.paragraph || /[。！？!?]/.test(h.text) || h.text.length > 60) return null;
  const kinds = new Set<string>();
  for (const [re, kind] of FIGURE_PERIODS) {
    re.lastIndex = 0;
    if (re.test(h.text)) kinds.add(kind);
  }
  if (/中期(?:業績|业绩|報告|报告|純利|纯利|盈利|溢利|收入|收益|虧損|亏损)|半年(?:業績|业绩|報)/.test(h.text)) kinds.add('cumulative');
  // a heading's month is the period of its figures (保險業11月保費收入統計), unless it is a date or
  // the end of a cumulative period (前10月, 1至10月, 首10月); a heading naming a month and a cumulative
  // period (10月初年度保費年增18.6%　前10月累計…) gives its figures no one period
  if (/(?<![\d至到\-~～－前首])(?:1[0-2]|[1-9])月(?![\d０-９底中起止日號号旬的以]|初(?!年度))/.test(h.text)) kinds.add('month');
  return kinds.size === 1 ? ([...kinds][0] as FigurePeriod) : null;
}

/**
 * period (in context): a label whose sentence names no period of its own is judged against the
 * period named last before it in the same paragraph (累計前三季營收…年增10.6%；稅後淨利…季增7.2% —
 * the clause after the semicolon is still the nine months'), else the heading's (上半年股東應得溢利
 * …；淨利息收入為142.6億港元，按季下跌3.5%). A sentence naming a year, last year's period or a
 * month's end is left alone, as is the heading itself. `skip`: places other period-label findings hold.
 */
export function contextPeriodFindings(analyses: Analysis[], skip: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  const heading = headingPeriod(analyses);
  // the periods named in each segment, read only when a label needs them (most segments have no label)
  const named = new Map<number, ReturnType<typeof nearestFigurePeriod>>();
  const periodOf = (i: number) => {
    if (!named.has(i)) named.set(i, nearestFigurePeriod(analyses[i].text));
    return named.get(i)!;
  };
  analyses.forEach((a, idx) => {
    if (idx === 0 && heading) return;
    const text = a.text;
    LABEL_RE.lastIndex = 0;
    if (!LABEL_RE.test(text)) return;
    LABEL_RE.lastIndex = 0;
    let ends: number[][] | null = null;
    for (const f of labelsIn(text)) {
      // a label with its value: a percentage, or a count or amount right after it (按月增加約35萬名)
      if ((f.valueEnd < 0 && !COUNT_AFTER.test(text.slice(f.k + f.label.length, f.k + f.label.length + 8))) || skip.has(`${a.seg.id}|${f.k}`)) continue;
      const start = sentenceStart(text, f.k);
      const before = text.slice(start, f.k);
      if (nearestFigurePeriod(before) || OTHER_PERIOD.test(before) || COMPARED_WITH.some(([re]) => re.test(before))) continue;
      // the period named last before it: earlier in this segment, else in the paragraph's earlier segments
      ends ??= figurePeriodEnds(text);
      let own = figurePeriodBefore(ends, start);
      for (let j = idx - 1; !own && j >= 0 && analyses[j].seg.paragraph === a.seg.paragraph && !(j === 0 && heading); j--) own = periodOf(j);
      own ??= heading;
      const L = LABELS[f.label];
      if (!own || !UNFIT[own].includes(L.span)) continue;
      const want = labelsFitting(own, L);
      out.push(finding(a, f.k, f.label, want, findingMessage(`period-label.period.${own}`, { label: f.label, want: want.join('/') })));
    }
  });
  return out;
}
