/**
 * Claim candidates: sentences of a document that state a checkable quantity, with a type,
 * their normalised quantities and time references, and the claimant when clear (a name
 * before 表示/稱/指出 in the sentence or earlier in its paragraph, else the speaker of the
 * turn). Pure; no knowledge of any particular document.
 */
import { claimQuantities, timeRefs, type ClaimQuantity, type Currency, type TimeRef } from './quantities';
import { documentYuan } from './currency';
import { resolveClaimants, type ClaimantSource } from './claimant';

export { reportedClaimant, handover, resolveClaimants } from './claimant';

import type { ClaimType } from './types';

export { CLAIM_TYPES, type ClaimType } from './types';

export interface ClaimSegment {
  id: number;
  text: string;
  speaker?: string | null;
  turn?: number | null;
  paragraph?: number | null;
  furniture?: string | null;
}

export interface ClaimCandidate {
  segmentId: number;
  start: number;
  end: number;
  text: string;
  type: ClaimType;
  /** every type that applies, the primary one first */
  types: ClaimType[];
  quantities: ClaimQuantity[];
  times: TimeRef[];
  claimant: string | null;
  claimantSource: ClaimantSource | null;
  /** the claimant's title when the text writes one (a hand-over to CFO …) */
  claimantRole: string | null;
  /** what the figures are about, when the sentence names it (a business line, a product) */
  subject: string | null;
  /** the measure (收入, 毛利率, 算力, GPU …) */
  metric: string | null;
}

// 將近/将近 is “nearly” (現金餘額將近100億: a balance now, not a forecast)
const FORECAST = /預計|预计|預期|预期|預測|预测|目標|目标|將(?!近)|将(?!近)|有望|展望|計劃|计划|未來|未来|應該會|应该会|估計|估计/;
const CHANGE = /上升|下降|增長|增长|提高|提升|突破|達到|达到|增加|減少|减少|翻|擴充|扩充|擴大|扩大|上漲|上涨|下跌|CAGR|增速|降低/;
const SHARE = /佔|占|比例|比重|份額|份额|一半|率/;
const COMPARE = /首批|首個|首个|第[一二三四五六七八九十\d](?![\d、,，一二三四]*季)|領先|领先|最[大高低多少快]|之一|高於|高于|低於|低于|落後|落后|超過|超过|相較|相较|多於|少於|排名/;
export const METRICS = ['總收入', '总收入', '收入', '營收', '营收', '毛利率', '毛利', '利潤', '利润', '虧損', '亏损', '現金流', '现金流', '算力', 'GPU', '計算量', '计算量', '增速', '需求', '成本', '客戶', '客户'];

function subjectOf(text: string, q: ClaimQuantity | undefined, metric: string | null): string | null {
  if (!q) return null;
  const breaks = /[。．！？!?；;，,：:]/;
  const clauses: string[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || breaks.test(text[i])) {
      clauses.push(text.slice(s, i));
      if (i >= q.start) break;
      s = i + 1;
    }
  }
  const clean = (c: string) => {
    let t = c.replace(/^.*?(?:表示|稱|称|指出|公告|公佈|公布|宣佈|宣布)/, '');
    if (metric && t.includes(metric)) t = t.slice(0, t.indexOf(metric));
    t = t.replace(/^(?:關於|关于|在|而|但|其中|當中|当中|同時|同时)/, '');
    t = t.replace(/(?:去年|今年|明年|全年|上半年|下半年|\d{2,4}年(?:初|底)?|的|之|業務|业务|按年)+$/g, '');
    t = t.split(/(?:持續|持续|穩步|稳步|大概|是|爲|为|在|將|将|有|已|的)/)[0];
    t = t.replace(/業務$|业务$/, '');
    return /^(?:我們|我们|公司|集團|集团|這塊|这块|該|该)?$/.test(t) || t.length < 2 || /\d/.test(t) ? '' : t;
  };
  for (let k = clauses.length - 1; k >= 0; k--) {
    const sub = clean(clauses[k]);
    if (sub) return sub;
  }
  return null;
}

/** The measure named first in the text (the longer word when two start at one place). */
export function firstMetric(text: string): string | null {
  let best: { m: string; at: number } | null = null;
  for (const m of METRICS) {
    const at = text.indexOf(m);
    if (at >= 0 && (!best || at < best.at || (at === best.at && m.length > best.m.length))) best = { m, at };
  }
  return best?.m ?? null;
}

/** The subject and measure of a sentence's first quantity (for cross-checks of stored claims). */
export function describeClaim(text: string, quantities: readonly ClaimQuantity[]): { subject: string | null; metric: string | null } {
  const metric = firstMetric(text);
  return { subject: subjectOf(text, quantities[0], metric), metric };
}

/** Rates that are growth, not shares: 成長率, 增率, 年增率 … (their 率 says nothing about a share). */
const GROWTH_RATES = /成長率|成长率|增長率|增长率|年增率|增率|折成年率|上漲率|上涨率/g;
/** A ratio between two quantities: 所得差距6.15倍, 倍數 (a share/ratio claim). */
const RATIO = /差距|倍數|倍数|比值|比率/;

export function typesOf(text: string, qs: readonly ClaimQuantity[]): ClaimType[] {
  const out: ClaimType[] = [];
  const noGrowthRates = text.replace(GROWTH_RATES, '');
  if (FORECAST.test(text)) out.push('forecast');
  if (qs.some((q) => q.role === 'change') || (CHANGE.test(text) && qs.some((q) => q.kind === 'multiple' || q.kind === 'percent'))) out.push('change');
  if (qs.some((q) => q.role === 'share') || (SHARE.test(noGrowthRates) && qs.some((q) => q.kind === 'percent')) || (RATIO.test(text) && qs.some((q) => q.kind === 'multiple'))) out.push('share');
  if (COMPARE.test(text)) out.push('comparison');
  if (qs.some((q) => q.kind === 'amount' || q.kind === 'count' || q.kind === 'compute')) out.push('figure');
  if (!out.length) out.push('fact');
  return out;
}

/** A numbered section heading (一、112年上半年GDP; (三)所得分配): a title, not a claim, unless it states a figure as a sentence. */
const SECTION_HEADING = /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+[章節节部])[^。！？!?；;，,]{0,30}$/;

export interface DetectOptions {
  /** the currency a bare 元 means (documentYuan of the segments when absent) */
  yuan?: Currency;
  /** the region the document is written for (tw: a Taiwan text's 元 is NT$) */
  variant?: string | null;
}

/**
 * Claim candidates of a document's segments, in order. Furniture and section headings are
 * skipped, and so is a segment whose numbers are all dates, times, ordinals or footnote
 * markers (claimQuantities reads none of them as quantities).
 */
export function detectClaimCandidates(segments: readonly ClaimSegment[], opts: DetectOptions = {}): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  const claimants = resolveClaimants(segments);
  const yuan = opts.yuan ?? documentYuan(segments.map((s) => s.text), opts.variant);
  segments.forEach((seg, i) => {
    if (seg.furniture || SECTION_HEADING.test(seg.text)) return;
    const quantities = claimQuantities(seg.text, undefined, { yuan });
    if (!quantities.length) return;
    const trimmedStart = seg.text.length - seg.text.trimStart().length;
    const trimmedEnd = seg.text.trimEnd().length;
    const text = seg.text.slice(trimmedStart, trimmedEnd);
    const types = typesOf(text, quantities);
    const metric = firstMetric(seg.text);
    const who = claimants[i];
    out.push({
      segmentId: seg.id,
      start: trimmedStart,
      end: trimmedEnd,
      text,
      type: types[0],
      types,
      quantities,
      times: timeRefs(seg.text),
      claimant: who.claimant,
      claimantSource: who.source,
      claimantRole: who.role,
      subject: subjectOf(seg.text, quantities[0], metric),
      metric,
    });
  });
  return out;
}
