/**
 * Figures checked against each other inside `check` (no claims needed): scale errors and
 * count units. Pure. Quantities come from the claims parser (`shared/claims/quantities.ts`:
 * 萬/億/兆, 3萬8,650, currencies wherever they stand) and the claims cross-checks
 * (`shared/claims/crosscheck.ts`: the exchange rate an amount in two currencies implies).
 *
 * number-scale — a figure off by ×10 to ×1000:
 *   - an amount and its conversion into another currency whose implied rate is outside a wide
 *     plausible band (USD_BANDS);
 *   - a part (其中 …) larger than the amount it is part of;
 *   - an amount with its share of a whole (佔總營收63.8%) whose implied whole is a power of ten
 *     away from the whole the document states, none matching;
 *   - in a breakdown (按…區分), a component above the total of its period;
 *   - the same figure (same words before it, same digits) at a power of ten apart, in one
 *     document or (project scope) in two documents.
 * number-unit — a count metric (員工, 客戶數, 門市, 成交量, 航次 …) carrying a currency or a
 *   person unit its noun cannot take; or the same figure stated with two different units.
 *
 * Only amounts and counts are compared, never percentages (growth figures of different
 * bullet points legitimately differ), and a pair is reported only when its digits agree and
 * its values are an exact power of ten apart: two unrelated figures hardly ever are.
 */
import type { Analysis } from './analysis';
import { claimQuantities, clauseAt, type ClaimQuantity, type Currency } from '../claims/quantities';
import { documentYuan } from '../claims/currency';
import { crossCheckClaims } from '../claims/crosscheck';
import { findingMessage, part } from '../finding-messages';
import { chineseQuantities, englishQuantities, segmentQuantities } from './numbers';
import { countedNounAfter, countHeadOf, givenTo, moneyHeadOf } from './count-nouns';
import { analysesRegion } from './regional';

/**
 * A segment's claim quantities, parsed once per run (figures and shares read them). A bare 元
 * is in the document's currency (`yuan`, see `documentYuan`): 平均每人GDP為100萬6,537元（約合
 * 3萬2,339美元） in a Taiwan release is NT$ at 31 per US dollar, not CNY at 31 (a false
 * "implausible rate" when every bare 元 was read as CNY).
 */
const segmentClaimQuantities = (a: Analysis, yuan: Currency = 'CNY'): ClaimQuantity[] =>
  a.memo(`claimQuantities:${yuan}`, () => claimQuantities(a.text, segmentQuantities(a), { yuan }));
import type { Finding, Fix, Location } from './types';
import { addTo, partitionPoint } from './collect';

// ---------------------------------------------------------------- quantities of a document

/** A quantity of a document, with the words that name it. */
export interface Figure {
  documentId?: number;
  segmentId: number;
  q: ClaimQuantity;
  /** the words before the number in its clause (Simplified, currency and linking verbs stripped) */
  label: string;
  /** significant digits as written (41.8 → 418, 12,400 → 124) */
  digits: string;
  /** the unit word: 元 for amounts, the classifier for counts */
  unit: string;
  /** the sentence (segment text from its last 。！？ to the next) */
  sentence: { start: number; end: number };
  /** the sentence across segments: segments split at ；, so 按航線區分，A…；B…。 is several segments of one sentence */
  sid: number;
  /** the last period named in the sentence before the figure (第三季, 上半年, 2024年, 去年 …; Simplified), if any */
  period: string | null;
  /** a range (120萬至150萬台): its unit is checked like any figure's, its value is compared with nothing */
  range?: boolean;
  /** a count whose noun follows it (提供3,420個單位): the words before it are not its metric */
  nounAfter?: boolean;
}

/** Figures with one value (ranges left out): what the scale and restatement rules compare. */
const pointFigures = (figures: readonly Figure[]) => figures.filter((f) => !f.range);

const PERIOD = /(?:\d{4}年)?(?:第[一二三四1-4]季|[上下]半年|前[三二]季|全年|年度|[一二三四五六七八九十\d]{1,2}月)|\d{4}年|Q[1-4]|[1-4]Q|去年|今年|明年|本季|上季|上月|本月|当月|当季/g;

function periodBefore(a: Analysis, start: number, pos: number): string | null {
  const found = a.s.slice(start, pos).match(PERIOD);
  return found ? found[found.length - 1] : null;
}

/** Another currency than the four read (日圓 is not 元): such amounts are compared with nothing. */
const OTHER_CURRENCY = /^\s*(?:日圓|日圆|日元|歐元|欧元|英鎊|英镑|韓元|韩元|韓圜|澳元|澳幣|加元|加幣|新加坡元|新幣|瑞郎|泰銖|泰铢|越南盾|令吉|披索|比索|盧比|卢比)/;

const CURRENCY_WORDS = /(?:新台币|新台幣|新臺幣|人民币|人民幣|港币|港幣|港元|美元|NT\$|US\$|HK\$|RMB)/g;
// linking words between a metric and its figure: 營收爲, 達到, 約, 增至, 共計 …
// and the start of a change (員工總數將由4,200人增加至5,300人), a threshold (下載破300萬次), a forecast (出貨量預估為)
const LINK_TAIL = /(?:[为爲為达達至到约約了是逾近共计計有于於在:：\s]|大约|大約|高达|高達|增至|降至|升至|将由|將由|由|从|從|突破|破|预估|预计|估计|预期|可望|将|將)+$/;

/** 。！？!? as a UTF-16 code unit (TERMINATOR's characters); a sentence of one segment also ends at a line break. */
const isTerminatorCode = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
const isSentenceEndCode = (c: number) => isTerminatorCode(c) || c === 0x0a;

function sentenceAt(text: string, pos: number): { start: number; end: number } {
  // compared as code units: no one-character string made at every position walked; at most
  // SENTENCE_REACH away (a run with no sentence end, a table pasted as one line, is no sentence)
  let s = pos;
  const sMin = Math.max(0, pos - SENTENCE_REACH);
  while (s > sMin && !isSentenceEndCode(text.charCodeAt(s - 1))) s--;
  let e = pos;
  const eMax = Math.min(text.length, pos + SENTENCE_REACH);
  while (e < eMax && !isSentenceEndCode(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}
/** How far a sentence reaches on each side of a figure (real ones are far shorter). */
const SENTENCE_REACH = 400;

/** A parenthesis closing the label (月活躍用戶數（MAU）達): an abbreviation or a gloss of the metric, not its name. */
const PAREN_TAIL = /[（(][^（()）]{1,16}[）)]$/;

/** The first end of a range before the second (出貨量預估為120萬至150萬台: the label is the range's). */
const RANGE_HEAD = /\d[\d,.]*\s*[万亿千百]?\s*(?:至|到|~|～|-|－|—)$/;

function labelOf(a: Analysis, q: ClaimQuantity): string {
  let c = clauseAt(a.text, q.start);
  // a field and its value (受益人數：1,286,503人, 員工人數: 1,380人): the field names the figure
  if (c.start > 0 && /[：:]/.test(a.text[c.start - 1]) && !/\S/.test(a.text.slice(c.start, q.start))) c = { start: clauseAt(a.text, c.start - 1).start, end: c.end };
  return a.s.slice(c.start, q.start).replace(CURRENCY_WORDS, '').replace(RANGE_HEAD, '').replace(LINK_TAIL, '').replace(PAREN_TAIL, '').replace(LINK_TAIL, '');
}

/** 41.8 → 418, 12,400 → 124, 0.65 → 65 (the digits of a figure, leading and trailing zeros dropped). */
export function significantDigits(raw: string): string {
  const m = /^[\d,.]+/.exec(raw);
  return m ? m[0].replace(/[,.]/g, '').replace(/^0+/, '').replace(/0+$/, '') : '';
}

const TERMINATOR = /[。！？!?]/g;

/** `read` once per run: a run's rules are handed one analyses array, never changed after it is made. */
function oncePerRun<T>(read: (analyses: readonly Analysis[]) => T): (analyses: readonly Analysis[]) => T {
  const kept = new WeakMap<readonly Analysis[], T>();
  return (analyses) => {
    if (!kept.has(analyses)) kept.set(analyses, read(analyses));
    return kept.get(analyses)!;
  };
}

/**
 * Sentence ids across segments: a segment continues the previous one's sentence when that one
 * ended in ；，： (the segmenter splits at ；) within one paragraph. `at(a, pos)` gives the id.
 * Read once per run (documentFigures and sentenceTexts read the same analyses).
 */
const sentenceIds = oncePerRun((analyses): ((a: Analysis, pos: number) => number) => {
  const base = new Map<number, number>();
  // where each segment's sentences end (most segments hold one or two): counted, not rescanned, per figure
  const ends = new Map<number, number[]>();
  let next = 0;
  let open = false;
  let para: number | undefined;
  for (const a of analyses) {
    if (!open || a.seg.paragraph !== para) next++;
    base.set(a.seg.id, next);
    const at: number[] = [];
    for (const m of a.text.matchAll(TERMINATOR)) at.push(m.index);
    ends.set(a.seg.id, at);
    next += at.length;
    open = /[；;，,：:]\s*$/.test(a.text);
    para = a.seg.paragraph;
  }
  return (a, pos) => {
    let n = 0;
    for (const e of ends.get(a.seg.id) ?? []) if (e < pos) n++;
    return (base.get(a.seg.id) ?? 0) + n;
  };
});

/** The Simplified text of the sentences `wanted` (ids), across segments. */
function sentenceTexts(analyses: Analysis[], wanted: ReadonlySet<number> | ReadonlyMap<number, unknown>): Map<number, string> {
  const at = sentenceIds(analyses);
  const out = new Map<number, string>();
  for (const a of analyses) {
    // the segment's sentences are the ids from its start's to its end's: one not wanted is not scanned
    let wants = false;
    for (let id = at(a, 0), last = at(a, a.text.length); id <= last && !wants; id++) wants = wanted.has(id);
    if (!wants) continue;
    let start = 0;
    for (let i = 0; i <= a.text.length; i++) {
      // compared as code units: no one-character string made at every position of the text
      if (i < a.text.length && !isTerminatorCode(a.text.charCodeAt(i))) continue;
      const id = at(a, start);
      // (the others' text is not built: a document has thousands of sentences, a rule asks of a few)
      if (wanted.has(id)) out.set(id, (out.get(id) ?? '') + a.s.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

/** The currency a bare 元 means in the document of these analyses (its region, as the regional rules read it), read once per run. */
const yuanOf = oncePerRun((analyses): Currency =>
  analyses.length ? documentYuan(analyses.map((a) => a.text), analyses[0].ctx.variant, analyses[0].ctx.script === 'hant' ? analysesRegion(analyses) : null) : 'CNY',
);

/** Amounts and counts of a document (percentages, years and durations left out). */
export function documentFigures(analyses: Analysis[], documentId?: number): Figure[] {
  const out: Figure[] = [];
  const sidAt = sentenceIds(analyses);
  const yuan = yuanOf(analyses);
  for (const a of analyses) {
    if (!/[0-9０-９]/.test(a.text)) continue; // figures are written in digits here
    for (const parsed of segmentClaimQuantities(a, yuan)) {
      if (parsed.kind !== 'amount' && parsed.kind !== 'count' && parsed.kind !== 'number') continue;
      const q = { ...parsed }; // the figure's own copy: a currency other than the four read is marked below
      const sentence = sentenceAt(a.text, q.start);
      const other = OTHER_CURRENCY.exec(a.text.slice(q.end));
      const unit = other ? other[0].trim() : q.kind === 'amount' ? '元' : q.kind === 'count' ? q.unit : '';
      if (other && q.kind === 'amount') q.currencyStated = false; // not the parser's CNY
      const label = labelOf(a, q);
      const nounAfter = q.kind === 'count' && /^[\u4e00-\u9fff]/.test(a.s.slice(q.end, q.end + 1)) && countedNounAfter(a.s.slice(q.end), label, false) !== null;
      out.push({ documentId, segmentId: a.seg.id, q, label, digits: significantDigits(q.raw), unit, sentence, sid: sidAt(a, q.start), period: periodBefore(a, sentence.start, q.start), ...(parsed.high !== undefined ? { range: true } : {}), ...(nounAfter ? { nounAfter } : {}) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- helpers

const loc = (f: Figure, fixes: Fix[] = []): Location & { fixes: Fix[] } => ({
  segmentId: f.segmentId,
  start: f.q.start,
  end: f.q.end,
  text: f.q.raw,
  ...(f.documentId !== undefined ? { documentId: f.documentId } : {}),
  fixes,
});

/** A number-scale finding on figure `f` (its place, document and the fixes given). */
const scaleFinding = (f: Figure, message: ReturnType<typeof findingMessage>, fixes: Fix[], related: Finding['related']): Finding => ({
  rule: 'number-scale',
  severity: 'warning',
  ...loc(f, fixes),
  ...message,
  related,
});

/** Shift the decimal point of digits by k places (41,500 and −3 → 41.5; 1.523 and 2 → 152.3), commas kept if written. */
export function shiftDecimal(digits: string, k: number): string {
  const grouped = digits.includes(',');
  const [ip, fp = ''] = digits.replace(/,/g, '').split('.');
  let all = ip + fp;
  let point = ip.length + k;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all = all.padEnd(point, '0');
  const int = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = all.slice(point).replace(/0+$/, '');
  const intOut = grouped || int.length >= 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return frac ? `${intOut}.${frac}` : intOut;
}

/** A fix that writes the figure at 10^k times its value (digits only; 萬/億 and the unit stay). None for 3萬8,650. */
function scaleFix(f: Figure, k: number): Fix[] {
  const m = /^[\d,.]+/.exec(f.q.raw);
  if (!m || /\d/.test(f.q.raw.slice(m[0].length))) return [];
  return [{ start: f.q.start, end: f.q.start + m[0].length, replacement: shiftDecimal(m[0], k) }];
}

/** The power of ten (±1…±3) a ratio is, within `tol`; null otherwise. */
function powerOfTen(ratio: number, tol = 0.03): number | null {
  if (!(ratio > 0)) return null;
  const k = Math.round(Math.log10(ratio));
  if (k === 0 || Math.abs(k) > 3) return null;
  return Math.abs(ratio / 10 ** k - 1) <= tol ? k : null;
}

/** Same currency, a bare 元 (read as CNY by the parser) matching any: 新臺幣12億元 and 3億元 in one text are both TWD. */
const sameCurrency = (a: Figure, b: Figure) => a.q.currency === b.q.currency || a.q.currency === 'CNY' || b.q.currency === 'CNY';

/** bySegment's index of each figures array (the scale and unit rules of a run share one). */
const segmentIndex = new WeakMap<readonly Figure[], Map<number, Figure[]>>();
/** Figures by segment id (figures are in document order); built once per figures array, and read only. */
function bySegment(figures: Figure[]): ReadonlyMap<number, readonly Figure[]> {
  let m = segmentIndex.get(figures);
  if (m) return m;
  m = new Map<number, Figure[]>();
  for (const f of figures) {
    addTo(m, f.segmentId, f);
  }
  // in order of position (as the parser gives them): figuresStartingIn searches them by it
  for (const l of m.values()) l.sort((x, y) => x.q.start - y.q.start);
  segmentIndex.set(figures, m);
  return m;
}

/**
 * The figures of `mine` (one segment's, in order of position) whose number starts within
 * [from, to], by binary search. The rules that look at a figure's neighbours look near it only:
 * a segment with no full stop can hold thousands of figures (a table pasted as one line), and a
 * scan of all of them for each would make the unit rules quadratic in it.
 */
function figuresStartingIn(mine: readonly Figure[], from: number, to: number): readonly Figure[] {
  const first = (x: number) => partitionPoint(mine.length, (i) => mine[i].q.start < x);
  return mine.slice(first(from), first(to + 1));
}
/** More than any figure's length (its number, magnitude and unit): a window that must hold every figure ending near a place starts this much earlier. */
const FIGURE_REACH = 100;

/** The figures of one sentence across segments (`sid`) of one document, for list rules (built once per run's figures). */
const bySentence = new WeakMap<readonly Figure[], Map<string, Figure[]>>();
function sentenceFigures(figures: readonly Figure[], f: Figure): readonly Figure[] {
  let m = bySentence.get(figures);
  if (!m) {
    m = new Map();
    for (const g of figures) addTo(m, `${g.documentId ?? ''}|${g.sid}`, g);
    bySentence.set(figures, m);
  }
  return m.get(`${f.documentId ?? ''}|${f.sid}`) ?? [];
}

const sameFigure = (a: Figure, b: Figure) => a.segmentId === b.segmentId && a.q.start === b.q.start && a.documentId === b.documentId;

// ---------------------------------------------------------------- number-scale

/** An amount and its conversion into another currency at an implausible rate (the claims cross-check, per sentence). */
function rateFindings(analyses: Analysis[], figures: Figure[]): Finding[] {
  const out: Finding[] = [];
  const index = bySegment(figures);
  for (const a of analyses) {
    // two amounts of one sentence at least: a segment of fewer figures has no pair (no map made for it)
    const own = index.get(a.seg.id);
    if (!own || own.length < 2) continue;
    const mine = own.filter((f) => f.q.kind === 'amount' && f.q.currencyStated);
    if (mine.length < 2) continue;
    const sentences = new Map<number, Figure[]>();
    for (const f of mine) addTo(sentences, f.sentence.start, f);
    for (const list of sentences.values()) {
      if (list.length < 2) continue;
      const s = list[0].sentence;
      const text = a.text.slice(s.start, s.end);
      // the cross-check reads positions relative to the sentence
      const quantities = list.map((f) => ({ ...f.q, start: f.q.start - s.start, end: f.q.end - s.start }));
      for (const x of crossCheckClaims([{ ref: 0, text, quantities, times: [], subject: null, metric: null }])) {
        if (x.kind !== 'exchange-rate' || x.severity !== 'warning' || !x.rate || !x.pair) continue;
        const [fa, fb] = x.pair.map((q) => list.find((f) => f.q.start - s.start === q.start)!);
        const [lo, hi] = [Number(x.messageData.params.low), Number(x.messageData.params.high)];
        // the factor that brings the rate into the band: the larger amount ÷ 10^k, or the smaller × 10^k
        const k = Math.round(Math.log10(x.rate.value / Math.sqrt(lo * hi)));
        const big = fa.q.value >= fb.q.value ? fa : fb;
        // value of the big amount per unit of the small one: k > 0 means the big one is too big
        const fixOf = (f: Figure) => (!k ? [] : scaleFix(f, f === big ? -k : k));
        const rate = { stated: `${fa.q.raw} = ${fb.q.raw}`, rate: x.rate.value, base: x.rate.base, quote: x.rate.quote, low: x.messageData.params.low, high: x.messageData.params.high };
        // outside the band by less than a power of ten (74億港元 = 9.25億美元, 8 HKD per USD): no 萬/億 or decimal point puts it right
        const message = k ? findingMessage('number.scale.rate', { ...rate, factor: 10 ** Math.abs(k) }) : findingMessage('number.scale.rate-near', rate);
        out.push(scaleFinding(fa, message, fixOf(fa), [loc(fb, fixOf(fb))]));
      }
    }
  }
  return out;
}

/** An amount per share or per unit (每股盈餘, 每股股利, EPS): its label says so. */
const perShare = (f: Figure) => /每股|每单位|每单|EPS/i.test(f.label);

/**
 * How long a named period is (Simplified), for comparing two: a year 4, a half, three quarters or months
 * to date 3, a quarter 2, a month 1; 0 when none or unknown.
 */
function periodRank(period: string | null): number {
  if (!period) return 0;
  if (/[上下]半年|前[一二三四五六七八九十\d]{1,2}个?[季月]|[一二三四五六七八九十\d]{1,2}至[一二三四五六七八九十\d]{1,2}月/.test(period)) return 3;
  if (/全年|年度|(?:\d{4}|[今去明前本该上])年$/.test(period)) return 4;
  if (/季/.test(period)) return 2;
  if (/月/.test(period)) return 1;
  return 0;
}

/** 其中: the first amount after it in the sentence is a part of the last amount before it (in the sentence, maybe an earlier segment). */
function partOverWholeFindings(analyses: Analysis[], figures: Figure[]): Finding[] {
  const out: Finding[] = [];
  const index = bySegment(figures);
  const bySentence = new Map<number, Figure[]>();
  for (const f of figures) if (f.q.kind === 'amount') addTo(bySentence, f.sid, f);
  for (const a of analyses) {
    if (!a.text.includes('其中')) continue;
    for (const m of a.text.matchAll(/其中/g)) {
      const part = (index.get(a.seg.id) ?? []).find((f) => f.q.kind === 'amount' && f.q.start > m.index && sentenceAt(a.text, m.index).end >= f.q.end);
      if (!part) continue;
      const before = (bySentence.get(part.sid) ?? []).filter((f) => (f.segmentId !== a.seg.id || f.q.end <= m.index) && f.segmentId <= a.seg.id && !sameFigure(f, part));
      // 營收人民幣1,086億元（約150.8億美元），其中…: the bracketed conversion restates the whole, it is none of its own
      const whole = conversionOf(analyses, before);
      // 其中日本營收9.4億日圓 is not compared with 元 (another currency, no rate read here)
      if (!whole || !sameCurrency(whole, part) || whole.unit !== part.unit || part.q.value <= whole.q.value) continue;
      // an amount per share (每股盈餘3.12元) is no whole of a total (其中第四季淨利12.4億元), nor the reverse
      if (perShare(whole) !== perShare(part)) continue;
      // a net flow sums parts of both signs: one buyer's net selling may exceed all's (合計賣超98.4億元，其中外資賣超112.7億元)
      if (NET_FLOW.test(whole.label) || NET_FLOW.test(part.label)) continue;
      // a figure of a longer period than the whole's is none of its parts (前三季資本支出68.7億元，其中約六成投入…，全年資本支出預估95億元)
      if (periodRank(part.period) > periodRank(whole.period) && periodRank(whole.period) > 0) continue;
      const k = Math.ceil(Math.log10(part.q.value / whole.q.value));
      out.push(scaleFinding(part, findingMessage('number.scale.part-over-whole', { part: part.q.raw, whole: whole.q.raw, factor: 10 ** Math.min(3, Math.max(1, k)) }), k >= 1 && k <= 3 ? scaleFix(part, -k) : [], [loc(whole, k >= 1 && k <= 3 ? scaleFix(whole, k) : [])]));
    }
  }
  return out;
}

/** Between an amount and its conversion in brackets: （約, （約合新台幣, (折合. */
const CONVERSION_OPEN = /^\s*[（(][^\d（()）。；;，,]{0,8}$/;

/**
 * The last of `list` (amounts in document order), or, where that one is a conversion in brackets
 * right after another amount (人民幣1,086億元（約150.8億美元）), the amount it converts.
 */
function conversionOf(analyses: readonly Analysis[], list: readonly Figure[]): Figure | undefined {
  const last = list[list.length - 1];
  const prev = list[list.length - 2];
  if (!last || !prev || prev.segmentId !== last.segmentId) return last;
  const text = firstTextsOf(analyses).get(last.segmentId) ?? '';
  return CONVERSION_OPEN.test(text.slice(prev.q.end, last.q.start)) ? prev : last;
}

/** Each segment id's text, the first analysis's of that id (what a find over the analyses gives), read once per run. */
const firstTextsOf = oncePerRun((analyses) => {
  const m = new Map<number, string>();
  for (const a of analyses) if (!m.has(a.seg.id)) m.set(a.seg.id, a.text);
  return m;
});

/** A net flow (買超, 賣超, 淨流入 …): its parts have both signs, so a part may exceed it. */
const NET_FLOW = /(?:买超|卖超|净买|净卖|净流入|净流出|净汇入|净汇出|净申购|净赎回)/;

/** A share right after an amount (，佔10.2%, 佔總額的): the amount is a part. */
const SHARE_AFTER = /^[）)]?[，,、]?\s*(?:約|约)?(?:佔|占)/;
/** Each segment's text by id, read once per run. */
const segmentTextsOf = oncePerRun((analyses) => new Map(analyses.map((a) => [a.seg.id, a.text])));
/** Is the figure stated as a share of something right after it (電器的銷貨價值為32.6億港元，佔10.2%)? */
const statedAsShare = (f: Figure, texts: ReadonlyMap<number, string>) => SHARE_AFTER.test((texts.get(f.segmentId) ?? '').slice(f.q.end, f.q.end + 8));
const SHARE_OF = /(?:佔|占)(?:了)?(總|总|整體|整体|全部|合併|合并)?([\u4e00-\u9fff]{1,6}?)(?:的)?(?:比重|比例)?(?:約|约|達|达|爲|為|为)?$/;

/** 佔總營收63.8%: the whole the amount implies, against the wholes the document states. */
function shareTotalFindings(analyses: Analysis[], figures: Figure[]): Finding[] {
  const out: Finding[] = [];
  const index = bySegment(figures);
  // the document's amounts by the last character of their label, built at the first share of a named whole
  let byLast: Map<string, Figure[]> | null = null;
  const amountsByLastChar = () => {
    if (!byLast) {
      byLast = new Map();
      for (const f of figures) {
        if (f.q.kind !== 'amount' || !f.label) continue;
        const c = f.label[f.label.length - 1];
        addTo(byLast, c, f);
      }
    }
    return byLast;
  };
  const texts = segmentTextsOf(analyses);
  for (const a of analyses) {
    if (!/[佔占]/.test(a.text)) continue;
    for (const q of segmentClaimQuantities(a, yuanOf(analyses))) {
      if (q.kind !== 'percent' || q.high !== undefined || !q.value) continue;
      const c = clauseAt(a.text, q.start);
      const m = SHARE_OF.exec(a.text.slice(c.start, q.start));
      if (!m || !m[1]) continue; // a share of a named whole only (總營收, 整體營收)
      const wholeWord = m[2];
      // the amount the share is of: the last amount of the previous clause or of this one, in the sentence
      const s = sentenceAt(a.text, q.start);
      const part = (index.get(a.seg.id) ?? []).filter((f) => f.q.kind === 'amount' && f.q.end <= q.start && f.q.start >= s.start && q.start - f.q.end <= 20).pop();
      if (!part) continue;
      const implied = (part.q.value / q.value) * 100;
      const wholeS = simplifiedOf(a, wholeWord);
      // (not an amount stated as a share itself: 電器的銷貨價值為32.6億港元，佔10.2% is another part, not the whole)
      const wholes = (amountsByLastChar().get(wholeS[wholeS.length - 1]) ?? []).filter((f) => !sameFigure(f, part) && f.label.endsWith(wholeS) && sameCurrency(f, part) && !statedAsShare(f, texts));
      if (!wholes.length || wholes.some((w) => Math.abs(w.q.value / implied - 1) <= 0.03)) continue;
      // the first whole a power of ten from the implied one (no list of every whole's reading)
      let off: { w: Figure; k: number } | null = null;
      for (const w of wholes) {
        const k = powerOfTen(implied / w.q.value);
        if (k !== null) {
          off = { w, k };
          break;
        }
      }
      if (!off) continue;
      const k = off.k;
      out.push(scaleFinding(part, findingMessage('number.scale.share-total', { part: part.q.raw, share: q.raw, implied: formatAmount(implied), total: off.w.q.raw, factor: 10 ** Math.abs(k) }), scaleFix(part, -k), [loc(off.w, scaleFix(off.w, k))]));
    }
  }
  return out;
}

const WHOLE_LABEL = /(?:合并|总|整体)(营收|收入)$/;
const BREAKDOWN = /(?:按|依)[\u4e00-\u9fff]{1,6}?(?:区分|划分|分)/;

/**
 * Components above their stated total: in a breakdown (按航線區分，A線營收…；B線營收…), a
 * component larger than the whole of its period (the whole its share implies, when that
 * agrees with a stated 合併營收/總營收) or, without a share, than every total the document states.
 */
function componentFindings(analyses: Analysis[], figures: Figure[]): Finding[] {
  const out: Finding[] = [];
  const wholes = figures.filter((f) => f.q.kind === 'amount' && WHOLE_LABEL.test(f.label));
  if (!wholes.length) return out;
  const sentences = new Map<number, Figure[]>();
  for (const f of figures) if (f.q.kind === 'amount') addTo(sentences, f.sid, f);
  const texts = sentenceTexts(analyses, sentences);
  const bySeg = new Map(analyses.map((a) => [a.seg.id, a]));
  // the document's stated totals of each metric and the largest of them, read once (not once per breakdown sentence)
  const METRICS = ['营收', '收入'] as const;
  const totals = METRICS.map((metric) => {
    const same = wholes.filter((w) => w.label.endsWith(metric));
    let largest: Figure | undefined;
    for (const w of same) if (!largest || w.q.value > largest.q.value) largest = w;
    return { metric, same, largest };
  });
  for (const [sid, list] of sentences) {
    if (!BREAKDOWN.test(texts.get(sid) ?? '')) continue;
    {
      for (const { metric, same: sameWholes, largest } of totals) {
        const parts = list.filter((f) => f.label.endsWith(metric) && !WHOLE_LABEL.test(f.label));
        if (parts.length < 2 || !largest) continue;
        // the whole of this breakdown's period: implied by a component's share, if a stated total agrees
        let whole = largest.q.value;
        let wholeFig = largest;
        for (const p of parts) {
          const text = bySeg.get(p.segmentId)!.text;
          const share = claimQuantities(text.slice(p.q.end, Math.min(p.sentence.end, p.q.end + 16))).find((q) => q.kind === 'percent');
          if (!share || !/[佔占]/.test(text.slice(p.q.end, p.q.end + share.start))) continue;
          const implied = (p.q.value / share.value) * 100;
          const agree = sameWholes.find((w) => Math.abs(w.q.value / implied - 1) <= 0.03);
          if (agree) {
            whole = agree.q.value;
            wholeFig = agree;
          }
        }
        for (const p of parts) {
          if (p.q.value <= whole || !sameCurrency(p, wholeFig)) continue;
          const k = Math.min(3, Math.max(1, Math.ceil(Math.log10(p.q.value / whole))));
          out.push(scaleFinding(p, findingMessage('number.scale.component-over-total', { part: p.q.raw, total: wholeFig.q.raw, factor: 10 ** k }), scaleFix(p, -k), [loc(wholeFig)]));
        }
      }
    }
  }
  return out;
}

/** The Simplified form of a word as the analysis renders it (words come from `a.text`). */
function simplifiedOf(a: Analysis, word: string): string {
  const i = a.text.indexOf(word);
  return i >= 0 ? a.s.slice(i, i + word.length) : word;
}

function formatAmount(v: number): string {
  const r = (x: number) => String(Math.round(x * 100) / 100);
  return v >= 1e12 ? `${r(v / 1e12)}兆` : v >= 1e8 ? `${r(v / 1e8)}億` : v >= 1e4 ? `${r(v / 1e4)}萬` : r(v);
}

/** The median of a document's amounts other than `f`'s place (per-share amounts left out); Infinity when there are none. */
function medianAmount(figures: readonly Figure[], f: { segmentId: number; start: number }): number {
  const vs = figures
    .filter((g) => g.q.kind === 'amount' && !perShare(g) && g.q.value > 0 && !(g.segmentId === f.segmentId && g.q.start === f.start))
    .map((g) => g.q.value)
    .sort((x, y) => x - y);
  return vs.length ? vs[vs.length >> 1] : Infinity;
}

/** Is `part` stated as a part (其中, 當中) of `whole`, an earlier figure of its sentence, and no larger (a larger one is part-over-whole's)? */
function partOf(part: Figure, whole: Figure): boolean {
  return /^(?:其中|当中)/.test(part.label) && part.q.value <= whole.q.value && part.sid === whole.sid && part.documentId === whole.documentId && (whole.segmentId < part.segmentId || (whole.segmentId === part.segmentId && whole.q.start < part.q.start));
}

/** Figures that may be one figure restated: same unit, same digits (at least two), labels ending alike. */
function restatementKey(f: Figure): string | null {
  if (f.digits.length < 2 || f.label.length < 2 || !f.unit || /^\d/.test(f.q.raw) === false) return null;
  return `${f.unit}|${f.label.slice(-2)}|${f.digits}`;
}

/**
 * The same figure at a power of ten apart. `crossDocumentOnly`: report only groups that span
 * documents (the project check; a document's own pairs are the document check's).
 */
export function restatedScaleFindings(figures: Figure[], crossDocumentOnly = false): Finding[] {
  const groups = new Map<string, Figure[]>();
  for (const f of pointFigures(figures)) {
    const key = restatementKey(f);
    if (key) addTo(groups, key, f);
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    if (crossDocumentOnly && new Set(list.map((f) => f.documentId)).size < 2) continue;
    const byValue = new Map<number, Figure[]>();
    for (const f of list) addTo(byValue, f.q.value, f);
    if (byValue.size < 2) continue;
    // the majority value is taken as right; on a tie, the first stated
    const values = [...byValue.entries()].sort((x, y) => y[1].length - x[1].length);
    const [right, rightPlaces] = values[0];
    for (const [value, places] of values.slice(1)) {
      const k = powerOfTen(value / right, 1e-6);
      if (k === null) continue;
      for (const f of places) {
        // the same figure for the same period: two named periods that differ are two figures (第一季 vs 全年);
        // and a part is no restatement of the whole it is part of (發售120,000,000股，其中香港公開發售12,000,000股: 10%)
        const others = rightPlaces.filter((r) => (!crossDocumentOnly || r.documentId !== f.documentId) && (!r.period || !f.period || r.period === f.period) && !partOf(f, r) && !partOf(r, f));
        if (!others.length) continue;
        out.push(scaleFinding(f, findingMessage('number.scale.restated', { here: f.q.raw, other: others[0].q.raw, label: f.label, factor: 10 ** Math.abs(k) }), scaleFix(f, -k), others.map((r) => loc(r))));
      }
    }
  }
  return out;
}

/** number-scale over one document. */
export function scaleFindings(analyses: Analysis[], all = documentFigures(analyses)): Finding[] {
  const figures = pointFigures(all);
  return [...rateFindings(analyses, figures), ...partOverWholeFindings(analyses, figures), ...shareTotalFindings(analyses, figures), ...componentFindings(analyses, figures), ...restatedScaleFindings(figures)];
}

// ---------------------------------------------------------------- number-unit

/**
 * Count metrics and the units they take (Simplified, as the labels are). A currency is never
 * right for them; a person unit (人/名) only where the noun counts people.
 */
interface CountMetric {
  re: RegExp;
  units: string;
  /** a person unit (人/名) is right */
  people: boolean;
  /** a currency is right too (成交 may be a value traded) */
  money?: boolean;
  /** read from the noun right before the number (公司, 電動車, 旗艦店): an item of a list of amounts is money (see `headMetric`) */
  head?: boolean;
}
// Built from classes of counted things (people, households and accounts, outlets and sites,
// vehicles, devices and shipments, cases, trips and visits, ships, shares and cards,
// transactions), each with the measure words it takes; never from a particular text.
const PEOPLE_NOUNS = '员工|雇员|职员|员工人数|人数|从业人员|人力|人手|人员|人才|劳动力|人口|学员|学生|旅客|游客|访客|乘客|观众|病患|患者|志工|义工|玩家|读者|粉丝|股东人数|投保人|被保险人|持卡人|受访者|工程师|医师|医生|牙医|护理师|护士|教师|老师|司机|车长|机师';
const COUNT_METRICS: CountMetric[] = [
  { re: new RegExp(`(?:${PEOPLE_NOUNS})`), units: '人名', people: true },
  // accounts and households are counted in 戶, never in people (數位帳戶戶數, 戶數); users and clients may be either
  { re: /(?:(?<![用客住订会])户数|账户|帐户)/, units: '戶', people: false },
  { re: /(?:用户|客户|会员|开户|订户|订阅户|住户|家户)/, units: '戶家名人', people: true },
  // 家數 counts firms, but 買家/賣家/玩家/專家 are people
  { re: /(?:门市|门店|分店|店数|店铺|据点|分行|营业所|网点|取货点|收货点|自提点|服务点|营业点|航点|商场|写字楼|银行(?!团)|(?<![买卖玩专作藏赢])家数|工厂|厂商|企业数|公司数)/, units: '家間间个座所', people: false },
  // organisations are as often the subject of an amount (子公司合計1.6億元): a count only right before the number
  { re: /(?:公司|企业|机构|厂商|厂房|医院|诊所|学校|券商|餐厅|加盟店|直营店|卖场|旅馆|饭店|酒店)$/, units: '家間间个座所', people: false, head: true },
  // vehicles, likewise right before the number (電動車1,512輛; 電動車補助2萬元 ends in 補助)
  { re: /(?:汽车|机车|电动车|新车|自行车|单车|卡车|客车|货车|混合车|油车)$/, units: '輛辆台', people: false, head: true },
  // a noun of a person by what they do or are (失業者, 受訪者, 申請者, 參加者)
  { re: /[\u4e00-\u9fff]者$/, units: '人名位', people: true },
  { re: /(?:航次|班次|架次|航班|车次|次数|人次)/, units: '個个次', people: false },
  { re: /(?:成交量|交易量)/, units: '張股', people: false, money: true }, // 成交量 is often the value traded (4,500億元)
  { re: /(?:交易笔数|成交笔数|笔数)/, units: '筆笔', people: false },
  { re: /成交$/, units: '張股', people: false, money: true },
  // volumes of goods are counts; shipments and orders alone are often values, so only a person unit is wrong there
  { re: /(?:出货量|销量|销售量|产量|装机量|出货台数|交货量)/, units: '台支片颗件套部', people: false },
  // a quantity of orders (訂單量, 訂單數) is counted; orders alone are often their value (10億元訂單)
  { re: /(?:订单量|订单数|单量)/, units: '筆笔件', people: false },
  { re: /(?:出货|订单)/, units: '台支片颗件套部', people: false, money: true },
  { re: /(?:交车量|交付量|交车数|交付数|车辆数|车队|领牌数|挂牌数|交付目标|交车目标)/, units: '輛辆台', people: false },
  // capacity is counted in what is made (年產能1.8萬台, 月產能3萬片); its money is an investment (擴充產能投資: a money word after it)
  { re: /(?:年产能|月产能|产能)/, units: '台支片颗件套部輛辆吨', people: false },
  // places offered (獎學金名額, 招生名額) and homes sold (住宅單位, 單位數)
  { re: /名额/, units: '名個个', people: true },
  { re: /(?:住宅单位|单位数)/, units: '個个套', people: false },
  { re: /(?:专利|件数|案件|案数|申请件数)/, units: '件項项', people: false },
  { re: /(?:下载量|下载次数|浏览量|访问量|点击量|观看次数|充电次数|下载$)/, units: '次', people: false },
  { re: /(?:数据中心|资料中心|基地台|基站|充电站|充电桩|电厂|机房|站点|园区|仓库|物流中心|发电厂)/, units: '座個个处所', people: false },
  { re: /(?:船舶|船队|货轮|货柜船|油轮|散装船)/, units: '艘', people: false },
  // places to sit, lie or park: beds, seats, rooms
  { re: /(?:床位|病床|座位|车位|停车位|客房|房间数|机位)/, units: '床張张個个間间席', people: false },
  { re: /(?:卡数|发卡量|流通卡|有效卡)/, units: '張张', people: false },
];
/** Words after a counted noun that still name its count: 門市總數, 船舶數量. */
const COUNT_SUFFIX = /(?:总数|数量|总量|数目)$/;
/** `…數` is "the number of …" (家數, 件數, 開戶數) unless it is one of these words (指數 an index, 倍數 a multiple …). */
// (and 數 as an adverb or a quantity word, no count of anything: 追討全數, 悉數, 如數償還, 半數, 多數, 尾數)
const NOT_A_COUNT_OF = /(?:指数|系数|倍数|点数|分数|基数|参数|乘数|函数|天数|日数|年数|月数|时数|位数|度数|次数|平均数|中位数|众数|总数|全数|悉数|如数|半数|多数|少数|无数|余数|尾数|整数|零数|约数|变数)$/;
/** A person unit is right for a `…數` whose noun counts people (人數, 員工數, 用戶數). */
const PERSON_NOUN = new RegExp(`(?:${PEOPLE_NOUNS}|用户|客户|会员|户|订户|人|员|客|者|生|民|工|师)$`);

/** The counted noun right after the unit: 約有320元門市, 39人本國銀行. */
const COUNTED_AFTER: CountMetric[] = [
  { re: /^(?:本國|本国|國內|国内|新)?(?:門市|门市|門店|门店|分店|店鋪|店铺|店(?![長长員员租])|據點|据点|分行|銀行|银行|工廠|工厂)(?!價|价)/, units: '家間个座', people: false },
  // an amount of at least a thousand before 保單 is what one policy is worth (投保500萬元保單: its sum
  // insured or premium), no count of policies (see `POLICY_VALUE`); a person unit is still a wrong count
  { re: /^(?:保單|保单)/, units: '張张件份', people: false },
  { re: /^(?:航次|班次|架次)/, units: '個个', people: false },
];
const PERSON_UNITS = /^[人名位]$/;
/** 保單 right after the unit: an amount of this size is one policy's value (500萬元保單), not their number. */
const POLICY_AFTER = /^(?:保單|保单)/;
const POLICY_VALUE = 1000;
/**
 * Words after a counted noun naming a line of business (訪客業務, 會員市場, 門市通路): a currency
 * figure on it is that line's money (內地訪客業務為17.8億港元), not the count of the noun.
 */
const LINE_OF_BUSINESS = /(?:业务|事业|市场|通路|渠道|板块|分部|部门)/;
/**
 * A count with its measure word right before a noun (两间, 3家, 十二个; maybe a two-character modifier
 * between: 两间本地银行) — not an ordinal (第三家) nor a word that only looks like one (数位, 统一). A figure
 * in digits counts the noun whatever its unit (2元銀行簽訂60億元: the 元 is the wrong one, not the 60億元).
 */
const COUNTED_BEFORE = /(?:\d[\d,.]*\s*[万亿]?\s*[家间个座所元人名位]|(?<![第统同唯单万之])[一二两三四五六七八九十]+\s*[家间个座所])[\u4e00-\u9fff]{0,2}$/;
/** 人, 名, 位 beginning another word after a number (12億人民幣, 營收排名…名列, 位居第一): no person unit. */
const PERSON_NOT_UNIT = /^(?:人民|人次|名列|名次|名義|名义|名單|名单|位居|位列|位數|位数|位於|位于)/;
const TRADITIONAL_UNIT: Record<string, string> = { 个: '個', 颗: '顆', 辆: '輛', 张: '張', 间: '間', 项: '項', 笔: '筆', 处: '處', 户: '戶', 条: '條', 场: '場' };
/** A change at the end of a label: its figure is counted like the level before it. */
const CHANGE_VERB = /(?:增加|减少|净增|新增|增|减|上调|下调)$/;
/** Between the two ends of a change: 由6.5萬輛上調至6.8萬輛, 從120家增加到150家. */
const FROM_TO = /^(?:[上下]调|增加|减少|提高|提升|扩大|扩充|降低|上修|下修|增|减|升|降|成长)?(?:至|到)约?$/;
/** A target revised (580萬戶上修至600萬): its two ends are one metric with no 由 before the first. */
const REVISED_TO = /^(?:[上下]调|上修|下修)(?:至|到)约?$/;
/** More than the longest text FROM_TO matches. */
const FROM_TO_REACH = 8;
/** A clause that is only a verb (and an adverb) of a counted set, its noun left to the clause before. */
const ELLIPTIC = /^[再另共则又并也]?(?:关闭|关店|下跌|上涨|持平|平盘|退出|流失|离职|裁撤|开设|新开|撤出|减少|增加)$/;
/** A clause that only names another period of the metric before it (去年同月為, 較去年同期的, 上季則為). */
const PERIOD_ONLY = /^[，,]?(?:较|比|与|对)?(?:去年|上年|前年|上月|上季|前一年|上一年|上一季|上个月)(?:同期|同月|同季)?(?:则|的)?$/;
/** A percentage then a bracket before the figure: the share's size, counted like the whole (約31%（約90萬個）). */
const SHARE_BRACKET_BEFORE = /[%％]\s*[（(]\s*约?$/;
/** 每 + a measure word or counted noun in a label: the figure is per counted thing (每户, 每人, 每名用户, 每辆). */
const PER_UNIT = /每(?:[户人名位家股辆台张件笔单个次艘座间]|(?![月年日天季周週期])[\u4e00-\u9fff]{0,3}(?:用户|客户|会员|员工|门市|车|店))/;
/** 次 right after 元: the 次 of 人次 (12萬元次), not 次於, 次高, 次月 … (a sentence going on after an amount). */
const BROKEN_COMPOUND = /^次(?![於于之高低要月年日季週周級级世新佳大多序])/;
/** 每 + a counted noun of any kind (每收費乘客千米0.62港元), not a period (每月新增用戶): a rate, money per thing. */
const PER_THING = /每(?![月年日天季周週期])[\u4e00-\u9fff]/;
const SUBSET_OF = /\d[\d,.]*(?:萬|万)?([家間间個个戶户座艘張张])[\u4e00-\u9fff]{1,8}中[，,]?(?:已|約|约|共|則|则|預計|预计|預定|预定|將|将)?有?(?:約|约)?$/;
const CURRENCY_UNIT = /^(?:元|美元|港元|港幣|新台幣|新臺幣|人民幣)$/;

function unitAfter(text: string, end: number): string {
  return /^(?:美元|港元|港幣|元|人|名|位)/.exec(text.slice(end))?.[0] ?? '';
}

/** Words that make a figure an amount (員工薪資, 客戶存款, 所得平均數). */
const MONEY_WORDS = /(?:薪|资|金|款|额|收|利|费|价|成本|支出|营|值|奖|贡献|带来|规模|贷|债|市值|投资|补助|补贴|津贴|福利|分红|预算|消费|税|损|亏|存|借|付|所得|财富|结余|盈余|余额|赚|蚀)/;

/**
 * `…數` at the end of a label (開戶數, 上漲家數): a count, so never in 元. Whether it counts
 * people the form does not tell (買家數, 參賽者數 are people; a word list misses some), so a
 * person unit is left alone here; the fix suggests 人/名 only where the noun is a known person noun.
 */
function countOfMetric(label: string): CountMetric | undefined {
  const m = /([\u4e00-\u9fff]{1,4})数$/.exec(label);
  if (!m || NOT_A_COUNT_OF.test(label) || MONEY_WORDS.test(m[1])) return undefined;
  // the counted noun often ends in its own measure word (家數, 股數, 件數, 筆數, 張數, 台數)
  const own = /[家股件笔张台辆户次座艘]$/.exec(m[1])?.[0];
  return { re: /数$/, units: PERSON_NOUN.test(m[1]) ? '人名' : own === '股' ? '股张' : (own ?? ''), people: true };
}

/** Verbs of buying and selling, stated in shares or units and in money alike (Simplified). */
const TRADE_KEY = /(?:认购|申购|收购|回购|购买|购入|买入|卖出|出售|发售|配售|增持|减持|买卖)$/;

/** A noun-ending key for a label (its last two characters), none when it ends in a verb or link (增加, 達, 共). */
function metricKey(label: string): string | null {
  // 交車量 and 交車, 門市總數 and 門市 are one metric; a target or a forecast is its metric's (用戶目標, 營收目標: 用戶, 營收)
  const key = label.replace(/(?:目标值?|预估值?|预期|预测值?|预计|计划|指引|上限|下限)$/, '').replace(/(?:总数|总量|数量|合计|总计|共计|累计|量|数)$/, '').slice(-2);
  if (key.length < 2 || /[^\u4e00-\u9fff]/.test(key) || /[增减加少长降升跌涨为达约至到了共计有逾近超过是在于的及和与合]$/.test(key) || /(?:[上下]调|上修|下修|提高|降低)$/.test(key)) return null;
  // (合: what 合共, 合計 leave of a label; a trade, 認購 or 出售, is stated in shares and in money alike: 認購6,000萬美元（13,109,200股）)
  if (TRADE_KEY.test(key)) return null;
  return key;
}

/**
 * Count metrics learnt from the figures themselves: a metric (label ending) stated with a
 * count measure word (門市 … 12家, 交車 … 1.2萬輛) is a count wherever else it appears in the
 * document or project (see `learntMetric`).
 */
export function learnedCountMetrics(figures: readonly Figure[]): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.q.kind !== 'count' || !f.unit || f.nounAfter) continue;
    const key = metricKey(f.label);
    if (!key) continue;
    addTo(out, key, f);
  }
  return out;
}

/**
 * The metric learnt for `key` from the figures counting it. A figure alone is no evidence for its
 * own unit (旗艦店…2,140人 would teach that 旗艦店 counts people); with other figures of the metric
 * it is one of them (賣家8.6萬家 and 個人賣家3.2萬人 may both be right: a person unit among others is).
 */
function learntMetric(learned: Map<string, Figure[]>, key: string | null, f: Figure): CountMetric | undefined {
  const all = learned.get(key ?? '') ?? [];
  if (!key || !all.some((g) => g !== f)) return undefined;
  const set = new Set(all.map((g) => g.unit));
  // a person unit is right when another figure of the metric is in people, or when its noun may name people
  // (賣家, 用戶) — unless every other figure counts it in 戶 (用戶1,082萬戶 … 用戶168萬人: accounts, not people)
  const others = all.filter((g) => g !== f);
  const people = others.some((g) => PERSON_UNITS.test(g.unit)) || (AGENT_KEY.test(key) && !(others.length >= 2 && others.every((g) => g.unit === '戶' || g.unit === '户')));
  // a noun that names money counted by its measure word (購屋貸款計2萬戶, 保單3萬件) is stated as an amount too (貸款1,856億元)
  return { re: /$/, units: [...set].filter((u) => !PERSON_UNITS.test(u)).join('') || '人名', people, money: MONEY_WORDS.test(key) };
}

/** A metric key that may name people or firms (賣家, 用戶, 會員, 營業員): a person unit may be right. */
const AGENT_KEY = /[家户员者客人师工生民众友主商]$/;

/** The clause after a figure that states its amount (撥貸12.9萬戶，金額為9,728億元): the figure is a count. */
const AMOUNT_NAMED = /^(?:总|合计|共计|累计)?(?:金额|总额|总金额)$/;
/** A change clause with no metric of its own (較上季增加9台, 增加): counted like the level right before it. */
const BARE_CHANGE = /^(?:(?:较|比)[\u4e00-\u9fff]{1,5}?)?(?:增加|减少|净增|新增|增|减)$/;
/** A change in percent ending a label before the level it reaches (按年增加22%至約): dropped, the metric is before it. */
const CHANGE_TO_LEVEL = /(?:按年|按季|按月|同比|环比|年|季|月)?(?:增加|增长|上升|提高|减少|下降|增|减|升|降)了?约?[\d.]+%$/;
/** Money sized by the amount before it (5億元貸款, 10億元訂單, 60億元聯貸, 100元紅包). */
const MONEY_AFTER = /^的?(?:贷款|联贷|借款|授信|额度|融资|订单|大单|合约|合同|标案|工程|投资|预算|资金|现金|红包|奖金|补助|补贴|债券|公司债|可转债|股利|薪资|营收|收入|资本|增资|(?:发售|配售)?股份|股票|新股)/;
/** A bracketed aside right after a figure's unit (its conversion, a share count), skipped to read what the figure sizes. */
const BRACKETED_START = /^(?:（[^（）]{0,40}）|\([^()]{0,40}\))/;

/** A change after a metric in its clause (較去年底增加, 本季淨增, 增至): the metric is before it. */
const CHANGE_TAIL = /(?:(?:较|比)[\u4e00-\u9fff]{1,6}?|(?:本月|本季|今年|全年|期内|上半年|前三季|年内|累计))?(?:净增|新增|增加|减少|增长|下降|增|减)$/;
/** A level with no metric of its own after a figure (累計達8.6萬家, 總數達): the figure before is counted alike. */
const BARE_LEVEL = /^(?:累计?|总计?|合计?|共计?|总数|总量|合共)$/;

/** A clause that only has a number, its noun left to the count before it (共有14間, 另有3家). */
const HAVE_ONLY = /(?:共有|另有|则有|亦有|也有|合共有)(?:约)?$/;

/** The words before 共有 name only where (在深圳及廣州, 於海外): nothing of their own is counted. */
const PLACE_ONLY = /^(?:[而另并]?(?:在|于|於))[\u4e00-\u9fff]{1,10}$/;

/** Taiwan's short-selling balance and its change (融券餘額, 融券減少): lots (張) in a Taiwan text. */
const TW_SHORT = /融券(?:余额|余|卖出|增加|减少|增|减)?$/;

/** Every other figure of the metric (two at least) counts it in 戶: it counts accounts, not people. */
function accountsOnly(learned: Map<string, Figure[]>, key: string | null, f: Figure): boolean {
  const others = (learned.get(key ?? '') ?? []).filter((g) => g !== f);
  return others.length >= 2 && others.every((g) => g.unit === '戶' || g.unit === '户');
}

/** A volume traded (成交量, 交易量) in 元 under a million is no value traded: it is the count of lots. */
const VOLUME = /(?:成交量|交易量)(?:放大|缩小|萎缩|增加|减少|回升|回落|增|减|升|降)?(?:至|到)?约?$/;

/** Is the last character of a label a noun's, so two labels ending in it are items of one list (北部地區…, 南部地區…)? */
const LIST_TAIL = /[\u4e00-\u9fff]$/;
const NOT_LIST_TAIL = /[增减加少长降升跌涨为达约至到了共计有逾近超过是在于的及和与占佔比]$/;

/** A count metric with a currency or a person unit its noun cannot take. */
function countUnitFindings(analyses: Analysis[], figures: Figure[], learned = learnedCountMetrics(figures)): Finding[] {
  const out: Finding[] = [];
  const index = bySegment(figures);
  const texts = segmentTextsOf(analyses);
  // figures found in a wrong unit, with the count they are: a change after one is counted like it
  const decided = new Map<Figure, CountMetric>();
  for (const a of analyses) {
    const mine = index.get(a.seg.id) ?? [];
    for (const f of mine) {
      const q = f.q;
      // the unit as written right after the number (an amount's raw already ends with 元)
      const written = q.kind === 'amount' ? (/(?:美元|港元|港幣|元)$/.exec(q.raw)?.[0] ?? '') : q.kind === 'count' ? q.unit : unitAfter(a.text, q.end);
      if (!written) continue;
      const currency = CURRENCY_UNIT.test(written);
      const person = PERSON_UNITS.test(written);
      if (!currency && !person) continue;
      if (currency && /新台幣|新臺幣|人民幣|人民币|港幣|美元|NT\$|US\$/.test(a.text.slice(Math.max(0, q.start - 4), q.start))) continue; // a stated amount
      const unitEnd = q.kind === 'amount' ? q.end : q.kind === 'count' ? q.end : q.end + written.length;
      const unitStart = unitEnd - written.length;
      // 162.3萬元次: a compound measure word (人次) whose first character became a currency
      if (currency && written === '元' && BROKEN_COMPOUND.test(a.text.slice(unitEnd))) {
        out.push(unitFinding(a, q, unitStart, unitEnd, written, 'number.unit.count', ['人']));
        continue;
      }
      // 18.9萬人次: the person unit begins the compound measure word
      if (person && /^人次/.test(a.text.slice(unitStart))) continue;
      // a limit on a metric is stated in its unit (買回股數上限為8,000張); a level reached after a
      // change in percent is the metric's (客戶數目按年增加22%至約160萬名)
      const label = f.label.replace(/(?:上限|下限)$/, '').replace(CHANGE_TO_LEVEL, '');
      // the counted noun right after the unit (約有320元門市, 98元醫院, 1,182元單位, 1.4元季度)
      const nounAfter = countedNounAfter(a.s.slice(unitEnd), label, person, q.value);
      const after = COUNTED_AFTER.find((m) => m.re.test(a.text.slice(unitEnd))) ?? (nounAfter ? { re: /$/, units: nounAfter.units, people: false } : undefined);
      // 投保500萬元保單: what one policy is worth (a tiny amount, 2.8元保單, is still a miscounted policy)
      if (currency && after && POLICY_AFTER.test(a.text.slice(unitEnd)) && q.value >= POLICY_VALUE) continue;
      // 員工約7.6萬人，其中海外據點約8,200人: a part (其中) written in the unit of the count it is part of is counted like it
      if (person && !after && partOfCountIn(a, f, mine, written)) continue;
      // an amount per counted thing (平均每戶貸款866萬元, 每人GDP, 每名用戶月收入, 每收費乘客千米) is money, whatever the thing counted
      // (not 每人持有2.8元保單: the noun after it is counted)
      if (currency && !after && (PER_UNIT.test(label) || PER_THING.test(label))) continue;
      // money given to a counted set (退還用戶8,600萬元, 發放予員工12億元) is an amount
      if (currency && !after && givenTo(label)) continue;
      // an amount right before the money it sizes (向銀行申請5億元貸款, 取得10億元訂單) is that money
      // (also past a conversion in brackets: 認購5,800萬美元（約4.55億港元）的發售股份 is the shares' worth)
      if (currency && !after && MONEY_AFTER.test(a.s.slice(unitEnd).replace(BRACKETED_START, ''))) continue;
      // a person unit on a metric that is money by its head (營收12億人): an amount
      if (person && !after && moneyHeadOf(label) && !PERSON_NOT_UNIT.test(a.text.slice(unitStart))) {
        out.push(unitFinding(a, q, unitStart, unitEnd, written, 'number.unit.amount', ['元']));
        continue;
      }
      // 較上季增加約35萬元 after 付費用戶1,250萬戶: a change is counted like its level
      // the level is the nearest count before the change (a person count too: 會員420萬名，增加35萬名)
      // and so is a clause that is only a verb of the same counted set (新增門市42家，關閉12家; 上漲612家，下跌286家，持平103家)
      // — unless the change's clause names a money metric of its own (交車1,200輛，營收增加3億元)
      const change = CHANGE_VERB.exec(label);
      // the last item of a list (新開門市9家、關閉2家) is a clause of its own
      const item = label.slice(label.lastIndexOf('、') + 1);
      // and so is the same metric's figure for another period (…630輛，去年同月為21,450輛; 較去年同期的82,600輛增加),
      // and a share's size in brackets (290萬個賬戶，當中約31%（約90萬個）)
      const sameMetricElsewhen = PERIOD_ONLY.test(label) || SHARE_BRACKET_BEFORE.test(a.s.slice(Math.max(0, q.start - 12), q.start));
      const nearest = (change && !MONEY_WORDS.test(label.slice(0, change.index))) || ELLIPTIC.test(label) || ELLIPTIC.test(item) || sameMetricElsewhen
        ? figuresStartingIn(mine, q.start - 30 - FIGURE_REACH, q.start).filter((g) => g.q.end <= q.start && q.start - g.q.end <= 30 && g.sentence.start === f.sentence.start && (g.q.kind === 'count' || g.q.kind === 'amount')).pop()
        : undefined;
      // 由6.5萬元上調至6.8萬輛: the two ends of one change are one metric, counted alike
      // (and 融券餘額減少2,105張至28萬3,410張: a change and the level it reaches)
      const to = /由|从$/.test(a.s.slice(Math.max(0, q.start - 1), q.start)) || CHANGE_VERB.test(label)
        ? figuresStartingIn(mine, q.end + 1, q.end + FROM_TO_REACH).find((g) => g.q.kind === 'count' && g.q.start > q.end && FROM_TO.test(a.s.slice(q.end, g.q.start)))
        : undefined;
      // the level is the figure right before the change: when that is an amount, the change is not counted like an earlier count
      // (unless that amount is itself a count in a wrong unit: 員工38,650元，較去年底增加2,180元)
      const levelMetric = nearest && decided.get(nearest);
      // 58間麵店，在深圳及廣州共有14間: a clause that only has (共有) a number goes on counting the count before it
      const had = !nearest && HAVE_ONLY.test(a.s.slice(Math.max(0, q.start - 3), q.start)) && PLACE_ONLY.test(label) && !MONEY_WORDS.test(label)
        ? neighbour(f, mine, -1)
        : undefined;
      // 由約6,800人增至約7,500元: the end of a change is counted like its start
      const from = /(?:至|到)约?$/.test(a.s.slice(Math.max(0, q.start - 2), q.start))
        ? figuresStartingIn(mine, q.start - FROM_TO_REACH - FIGURE_REACH, q.start).filter((g) => g.q.kind === 'count' && g.q.end <= q.start && g.sentence.start === f.sentence.start && FROM_TO.test(a.s.slice(g.q.end, q.start)) && (/(?:由|从)(?:目前|现时|现在|原本|原来|去年|今年)?的?约?$/.test(a.s.slice(Math.max(0, g.q.start - 6), g.q.start)) || REVISED_TO.test(a.s.slice(g.q.end, q.start)))).pop()
        : undefined;
      const level = (nearest?.q.kind === 'count' ? nearest : undefined) ?? to ?? from ?? (countIn(had) && !(person && PERSON_UNITS.test(had.unit)) ? had : undefined);
      // 39家本國銀行中，已有8人: a part of a counted set is counted like the set
      const subset = SUBSET_OF.exec(a.text.slice(f.sentence.start, q.start));
      // a noun that counts no people by its head (旗艦店, 包裹) takes no person unit, whatever else the project counts in
      const byHead = person ? headMetric(f) : undefined;
      // the same sentence says how the figure is counted, whatever its noun may also be (出貨 may be a value)
      const strong = after ?? (currency ? amountNamedAfter(a, f, mine, learned) : undefined) ?? changeAfter(a, f, mine, person, currency) ?? (currency ? countedPart(a, f, mine) : undefined);
      // the metric named before a change in the same clause (員工人數較去年底增加, 付費會員本季淨增)
      const named = label.replace(CHANGE_TAIL, '');
      const metric: CountMetric | undefined =
        strong ??
        COUNT_METRICS.find((m) => m.re.test(named.slice(-6).replace(COUNT_SUFFIX, ''))) ??
        countOfMetric(named) ??
        (person && byHead && !byHead.people ? byHead : undefined) ??
        // (a clause naming only another period, 去年同月為, is no metric to learn from: its figure goes by the one before it)
        ((currency && (inListOfAmounts(f, figures) || elidedAmountMetric(a, f, mine))) || sameMetricElsewhen ? undefined : learntMetric(learned, metricKey(label), f)) ??
        (level ? { re: /$/, units: level.unit, people: PERSON_UNITS.test(level.unit) } : levelMetric ? { ...levelMetric, re: /$/ } : subset ? { re: /$/, units: subset[1], people: false } : undefined) ??
        (person ? byHead : headMetric(f)) ??
        listMetric(f, figures, person, a, mine) ??
        wholeOfPart(a, f, mine, person);
      // 用戶168萬人 where every other figure of the metric counts it in 戶: accounts, not people
      const accounts = person && metric?.people && !strong && accountsOnly(learned, metricKey(label), f);
      // Taiwan's short-selling balance (融券餘額) is counted in lots (張), its margin loans (融資) in money
      const lots = currency && TW_SHORT.test(label) && yuanOf(analyses) === 'TWD';
      // counts told by their own evidence are reported as they are: accounts (戶) and Taiwan's lots (張)
      const direct: CountMetric | undefined = accounts ? { re: /$/, units: '户', people: false } : lots ? { re: /$/, units: '张', people: false } : undefined;
      if (direct) {
        decided.set(f, direct);
        out.push(unitFinding(a, q, unitStart, unitEnd, written, 'number.unit.count', [a.ctx.script === 'hans' ? direct.units : (TRADITIONAL_UNIT[direct.units] ?? direct.units)]));
        continue;
      }
      if (!metric || (person && metric.people) || (currency && metric.money && !(VOLUME.test(label) && q.value < 1e6))) continue;
      if (currency && metric.head && inAmountList(a, f, mine, sentenceFigures(figures, f), texts)) continue;
      // a noun that carries its own count in the label (與兩間銀行簽訂合共60億港元的貸款) is counted there:
      // an amount after it is another of its metrics, not its count (a person unit is still a wrong count: 142間分行及8人)
      const metricAt = metric.re.exec(label);
      // (not a figure joined to that count by 及/和/、: 142間分行及8元理財中心 is a second count)
      if (currency && !strong && !level && !subset && metricAt && metricAt[0] && !/[及和与、]$/.test(label) && COUNTED_BEFORE.test(label.slice(0, metricAt.index))) continue;
      // money words between the metric and the number make it an amount (員工薪資, 客戶存款);
      // before its last mention they are a modifier of the counted noun (會員方案付費會員)
      const afterMetric = label.slice(lastEnd(metric.re, label));
      // (so does an abbreviation of a metric of its own: 用戶ARPU為468元, 會員GMV)
      if (!strong && !level && !levelMetric && !subset && (MONEY_WORDS.test(afterMetric) || /[A-Za-z]{2,}/.test(afterMetric))) continue;
      // 內地訪客業務為17.8億港元: the counted noun names a line of business, whose money this is
      if (currency && !strong && !level && !levelMetric && !subset && LINE_OF_BUSINESS.test(afterMetric)) continue;
      // measure words are kept in Simplified in the tables: offer them as the Traditional text writes them
      const want = [...new Set([...metric.units].map((u) => (a.ctx.script === 'hans' ? u : (TRADITIONAL_UNIT[u] ?? u))))].filter((u) => u !== written);
      decided.set(f, metric);
      out.push(unitFinding(a, q, unitStart, unitEnd, written, 'number.unit.count', want));
    }
  }
  return out;
}

/** Between an amount and the next clause that only names another subject (，穀豐麵包坊約 after 客單價約78元). */
const NEXT_SUBJECT = /^[，,]([\u4e00-\u9fff]{2,8}?)(?:则为|则约|约为|约|为|达)?$/;

/**
 * 啟雲茶室平均客單價約78元，穀豐麵包坊約215元: a clause that only names another subject, right
 * after an amount of a money metric in the same sentence, states that metric for it (the metric
 * is left out, as Chinese leaves it out), whatever the project counts under the subject's name
 * elsewhere (穀豐麵包坊132家).
 */
function elidedAmountMetric(a: Analysis, f: Figure, mine: readonly Figure[]): boolean {
  const g = neighbour(f, mine, -1);
  if (!g || g.q.kind !== 'amount' || !CURRENCY_UNIT.test(g.unit) || !MONEY_WORDS.test(g.label.slice(g.label.lastIndexOf('，') + 1).slice(-6))) return false;
  const m = NEXT_SUBJECT.exec(a.s.slice(g.q.end, f.q.start));
  return !!m && !MONEY_WORDS.test(m[1]) && !COUNT_METRICS.some((c) => c.re.test(m[1])) && !CHANGE_VERB.test(m[1]);
}

/** The count figures right around `f` in its sentence and segment, before (-1) or after (+1) it. */
const neighbour = (f: Figure, mine: readonly Figure[], dir: -1 | 1, within = 30): Figure | undefined => {
  const near = dir > 0 ? figuresStartingIn(mine, f.q.end, f.q.end + within) : figuresStartingIn(mine, f.q.start - within - FIGURE_REACH, f.q.start);
  const list = near.filter((g) => g !== f && !g.range && g.sentence.start === f.sentence.start && (g.q.kind === 'count' || g.q.kind === 'amount') && (dir > 0 ? g.q.start >= f.q.end && g.q.start - f.q.end <= within : g.q.end <= f.q.start && f.q.start - g.q.end <= within));
  return dir > 0 ? list[0] : list[list.length - 1];
};
const countIn = (g: Figure | undefined): g is Figure => !!g && g.q.kind === 'count' && !!g.unit;

/** 撥貸12.9萬元，金額為9,728億元: the next clause states the amount, so this figure is the count (in the units the metric is counted in elsewhere). */
function amountNamedAfter(a: Analysis, f: Figure, mine: readonly Figure[], learned: Map<string, Figure[]>): CountMetric | undefined {
  const g = neighbour(f, mine, 1, 10);
  if (!g || g.q.kind !== 'amount' || !AMOUNT_NAMED.test(g.label)) return undefined;
  const known = learned.get(metricKey(f.label) ?? '')?.map((x) => x.unit).filter((u) => !PERSON_UNITS.test(u));
  return { re: /$/, units: known?.length ? known.join('') : '户件笔', people: true };
}

/** 機台出貨112元，較上季增加9台: a change with no metric of its own is counted like its level, so the level is counted like the change. */
function changeAfter(a: Analysis, f: Figure, mine: readonly Figure[], person: boolean, currency: boolean): CountMetric | undefined {
  const g = neighbour(f, mine, 1, 12);
  if (!countIn(g) || MONEY_WORDS.test(f.label.slice(-4))) return undefined;
  // the change's words are what stands between the two figures (較去年底的9,427元增加415名: 增加), or its own clause's
  const between = a.s.slice(f.q.end, g.q.start).replace(/^[，,、；]/, '');
  if (!(BARE_CHANGE.test(g.label) || BARE_LEVEL.test(g.label) || BARE_CHANGE.test(between))) return undefined;
  const people = PERSON_UNITS.test(g.unit);
  if ((person && people) || (!currency && !person)) return undefined;
  return { re: /$/, units: g.unit, people };
}

/** 共出貨18.6萬元，其中電動自行車7.2萬台: a whole whose first part (其中) is a counted noun counted in a measure word is counted too. */
function countedPart(a: Analysis, f: Figure, mine: readonly Figure[]): CountMetric | undefined {
  const g = neighbour(f, mine, 1, 24);
  if (!countIn(g) || PERSON_UNITS.test(g.unit) || MONEY_WORDS.test(f.label.slice(-4))) return undefined;
  if (g.q.value > f.q.value) return undefined;
  const between = a.s.slice(f.q.end, g.q.start);
  const m = /^[，,]?其中([\u4e00-\u9fff]{2,8}?)(?:为|達|达|约|共)?$/.exec(between);
  if (!m || MONEY_WORDS.test(m[1])) return undefined;
  // the part must name a counted noun (電動自行車, 旗艦店), not a verb's object (其中興建2座)
  if (!COUNT_METRICS.some((c) => c.re.test(m[1])) && !countHeadOf(m[1])) return undefined;
  return { re: /$/, units: g.unit, people: false };
}

/**
 * 北部地區189家，中部地區121家，南部地區84人 / 製造業186家；批發及零售業97元: items of one list (labels ending in the
 * same noun character, in one sentence) are counted alike — when the items in a measure word outnumber those in
 * this figure's unit. None for an item whose own words name money or people.
 */
/** The units of the other items of the list `f` is an item of (labels ending in its noun character, one sentence), or null when it is none. */
function listTally(f: Figure, figures: readonly Figure[]): Map<string, number> | null {
  // an item of a list joined by 、 is what follows the last 、 (北部6家、中部4家: 中部)
  const itemOf = (g: Figure) => g.label.slice(g.label.lastIndexOf('、') + 1);
  const own = itemOf(f);
  const tail = own.slice(-1);
  if (own.length < 2 || !LIST_TAIL.test(tail) || NOT_LIST_TAIL.test(tail) || /\d/.test(own) || MONEY_WORDS.test(own.slice(-6))) return null;
  const tally = new Map<string, number>();
  for (const g of sentenceFigures(figures, f)) {
    if (g === f || g.sid !== f.sid || g.documentId !== f.documentId || g.range || (g.q.kind !== 'count' && g.q.kind !== 'amount')) continue;
    const item = itemOf(g);
    if (item.length >= 2 && item.endsWith(tail) && !/\d/.test(item)) tally.set(g.unit, (tally.get(g.unit) ?? 0) + 1);
  }
  return tally;
}

/** An item of a list of amounts only (北部地區營收12億元，中部地區8億元): what the project counts elsewhere under the same words does not make it a count. */
function inListOfAmounts(f: Figure, figures: readonly Figure[]): boolean {
  const tally = listTally(f, figures);
  return !!tally && (tally.get('元') ?? 0) > 0 && [...tally.keys()].every((u) => u === '元');
}

/** Between two items of one enumeration: 、 and the next item's short name (、美國, 、澳門約), nothing else. */
const NEXT_ITEM = /^、([^\d，。；：、！？（）()]{1,8}?)(?:约|逾|近|达|共|为)?$/;

/**
 * The items enumerated with `f` (馬來西亞52元、美國38家、日本20家; 香港436人、澳門38間、大灣區34間):
 * figures chained to it by 、 and a short name each, in its segment. Where the items share no
 * last character (listTally: 北部…、中部…), the chain alone says they are one list.
 */
function chainedItems(a: Analysis, f: Figure, mine: readonly Figure[]): Figure[] {
  const item = (g: Figure) => !g.range && (g.q.kind === 'count' || g.q.kind === 'amount');
  const link = (x: Figure, y: Figure) => {
    const m = NEXT_ITEM.exec(a.s.slice(x.q.end, y.q.start));
    return !!m && !MONEY_WORDS.test(m[1]) && !/[增减升降涨跌]/.test(m[1]);
  };
  const at = mine.indexOf(f);
  const out: Figure[] = [];
  if (at < 0) return out;
  // each way up to CHAIN_REACH items: enough to tally, and a table run on for thousands of items stays linear
  for (let i = at + 1, prev = f; i < mine.length && out.length < CHAIN_REACH && item(mine[i]) && link(prev, mine[i]); prev = mine[i], i++) out.push(mine[i]);
  const forward = out.length;
  for (let i = at - 1, next = f; i >= 0 && out.length - forward < CHAIN_REACH && item(mine[i]) && link(mine[i], next); next = mine[i], i--) out.push(mine[i]);
  return out;
}
/** How many items each way an enumeration is read for (chainedItems). */
const CHAIN_REACH = 12;

function listMetric(f: Figure, figures: readonly Figure[], person: boolean, a: Analysis, mine: readonly Figure[]): CountMetric | undefined {
  const own = f.label.slice(f.label.lastIndexOf('、') + 1);
  if (person && (PERSON_NOUN.test(own) || countHeadOf(own)?.people)) return undefined;
  return tailListMetric(f, figures, own, person) ?? chainListMetric(a, f, mine, own);
}

/** listMetric by the items' shared last character (listTally). */
function tailListMetric(f: Figure, figures: readonly Figure[], own: string, person: boolean): CountMetric | undefined {
  const tally = listTally(f, figures);
  if (!tally) return undefined;
  const mineN = tally.get(f.unit) ?? 0;
  const best = [...tally].filter(([u]) => u !== '元' && !(person && PERSON_UNITS.test(u))).sort((x, y) => y[1] - x[1])[0];
  if (!best || best[1] <= mineN) return undefined;
  // one counted item against this one is evidence only in a sentence of no other amount (服務業0.8億元 beside 製造業補助金額1.2億元 and 農業120家 is not)
  const tail = own.slice(-1);
  if (best[1] < 2 && sentenceFigures(figures, f).some((g) => g !== f && g.sid === f.sid && g.documentId === f.documentId && g.q.kind === 'amount' && !g.label.endsWith(tail))) return undefined;
  return { re: /$/, units: best[0], people: PERSON_UNITS.test(best[0]) };
}

/**
 * listMetric by the chain of the enumeration (chainedItems): two items at least in one count unit,
 * none in this figure's, no money in its name, and a value of the items' order (a total in money
 * listed before counts, 業績52億元、門市38家、分店20家, is no miscounted item).
 */
function chainListMetric(a: Analysis, f: Figure, mine: readonly Figure[], own: string): CountMetric | undefined {
  if (MONEY_WORDS.test(own.slice(-6))) return undefined;
  const items = chainedItems(a, f, mine);
  if (items.some((g) => g.unit === f.unit) || f.q.value > 100 * Math.max(0, ...items.map((g) => g.q.value))) return undefined;
  const tally = new Map<string, number>();
  for (const g of items) if (g.unit !== '元' && !PERSON_UNITS.test(g.unit)) tally.set(g.unit, (tally.get(g.unit) ?? 0) + 1);
  const best = [...tally].sort((x, y) => y[1] - x[1])[0];
  return best && best[1] >= 2 ? { re: /$/, units: best[0], people: false } : undefined;
}

/** 員工2.46萬名，其中機師3,150元: a part (其中…) of a counted whole is counted like the whole. */
function wholeOfPart(a: Analysis, f: Figure, mine: readonly Figure[], person: boolean): CountMetric | undefined {
  const before = a.s.slice(f.sentence.start, f.q.start);
  const at = before.lastIndexOf('其中');
  if (at < 0 || MONEY_WORDS.test(f.label)) return undefined;
  const whole = figuresStartingIn(mine, f.sentence.start + at - 4 - FIGURE_REACH, f.sentence.start + at).filter((g) => g !== f && !g.range && g.sentence.start === f.sentence.start && g.q.end <= f.sentence.start + at && f.sentence.start + at - g.q.end <= 4).pop();
  // a part is no larger than its whole (其中散戶持有86億元 after 受益人12.8萬人 is another figure)
  if (!countIn(whole) || f.q.value > whole.q.value) return undefined;
  const people = PERSON_UNITS.test(whole.unit);
  if (person && (people || whole.unit === '戶' || whole.unit === '户' || PERSON_NOUN.test(f.label))) return undefined;
  return { re: /$/, units: whole.unit, people };
}

/**
 * Is `f` a part (after 其中 in its sentence) of a count written in the same unit, the last figure
 * before 其中 (員工約7.6萬人，其中海外據點約8,200人)? Then it is counted like that whole, whatever
 * noun locates the part.
 */
function partOfCountIn(a: Analysis, f: Figure, mine: readonly Figure[], written: string): boolean {
  // looked for in the figure's sentence only (not back through a whole run-on segment)
  const inSentence = a.text.slice(f.sentence.start, f.q.start + 2).lastIndexOf('其中');
  if (inSentence < 0) return false;
  const at = f.sentence.start + inSentence;
  const whole = figuresStartingIn(mine, f.sentence.start, at).filter((g) => g.q.end <= at && g.q.start >= f.sentence.start).pop();
  return !!whole && whole.q.kind === 'count' && whole.unit === written;
}

/** Where the last match of `re` in `s` ends (0 when none). */
function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(new RegExp(re.source, 'g'))) {
    end = m.index + m[0].length;
    if (m[0] === '') break; // a learnt metric's /$/: the label is its noun
  }
  return end < 0 ? 0 : end;
}

/** A number-unit finding on the unit written after `q`, with the units offered as fixes. */
function unitFinding(a: Analysis, q: ClaimQuantity, start: number, end: number, written: string, key: 'number.unit.count' | 'number.unit.amount', want: string[]): Finding {
  return {
    rule: 'number-unit',
    severity: 'warning',
    segmentId: a.seg.id,
    start,
    end,
    text: written,
    ...findingMessage(key, { raw: a.text.slice(q.start, end), unit: written, expected: want.join('/') }),
    fixes: want.map((u) => ({ start, end, replacement: u })),
    related: [],
  };
}

/** Words that open a breakdown in a sentence: 按通路區分, 依地區分, 其中, 來自, 分別, 包括. */
const AMOUNT_BREAKDOWN = /(?:按|依)[\u4e00-\u9fff]{1,6}?(?:区分|划分|分)|其中|来自|分别|包括/;

/**
 * Is `f` an item of a breakdown of money: a breakdown word before it in the sentence, its
 * neighbours amounts and none a count (營收按通路區分，直營店12億元、加盟店8億元)? Two counts
 * both written in 元 (壽險公司共22元，產險公司共17元) open no breakdown and stay findings.
 */
function inAmountList(a: Analysis, f: Figure, mine: readonly Figure[], sentence: readonly Figure[], texts: ReadonlyMap<number, string>): boolean {
  const near = figuresStartingIn(mine, f.q.start - 40, f.q.start + 40).filter((g) => g !== f && g.sid === f.sid && !g.range && (g.q.kind === 'amount' || g.q.kind === 'count') && Math.abs(g.q.start - f.q.start) <= 40);
  if (AMOUNT_BREAKDOWN.test(a.s.slice(f.sentence.start, f.q.start))) return near.some((g) => g.q.kind === 'amount') && !near.some((g) => g.q.kind === 'count');
  // or one of parallel clauses, each an amount and its share, in its sentence (the clauses after ； are segments of their
  // own): 燃料為8.9億港元，佔2.8%；家具及固定裝置為5.6億港元，佔1.8%
  if (!statedAsShare(f, texts)) return false;
  const others = sentence.filter((g) => g !== f && g.sid === f.sid && g.documentId === f.documentId && !g.range && (g.q.kind === 'amount' || g.q.kind === 'count'));
  return others.some((g) => g.q.kind === 'amount' && statedAsShare(g, texts)) && !others.some((g) => g.q.kind === 'count');
}

/**
 * A metric counted by the class of its noun (`countHeadOf`: 營業員, 旗艦店, 基地台), when no word
 * list or measure word of the project says so.
 */
function headMetric(f: Figure): CountMetric | undefined {
  const head = countHeadOf(f.label);
  return head ? { re: /$/, units: head.units, people: head.people, head: true } : undefined;
}

/**
 * The same figure (same words before it, same value) with two units, one of them a count
 * classifier and the other a currency or person unit: 付費用戶1,250萬戶 vs 付費用戶達1,250萬人.
 */
export function unitDisagreementFindings(figures: Figure[], crossDocumentOnly = false): Finding[] {
  const groups = new Map<string, Figure[]>();
  for (const f of pointFigures(figures)) {
    if (f.q.kind !== 'amount' && f.q.kind !== 'count') continue;
    if (f.digits.length < 2 || f.label.length < 2) continue;
    const key = `${f.label.slice(-2)}|${f.q.value}`;
    addTo(groups, key, f);
  }
  const out: Finding[] = [];
  const odd = (u: string) => u === '元' || PERSON_UNITS.test(u);
  for (const list of groups.values()) {
    const counted = list.filter((f) => f.q.kind === 'count' && !odd(f.unit));
    if (!counted.length) continue;
    for (const f of list) {
      if (!odd(f.unit)) continue;
      const others = counted.filter((c) => !crossDocumentOnly || c.documentId !== f.documentId);
      if (!others.length || (crossDocumentOnly && f.documentId === undefined)) continue;
      const want = others[0].unit;
      const unitStart = f.q.kind === 'amount' ? f.q.end - 1 : f.q.end - f.unit.length;
      out.push({
        rule: 'number-unit',
        severity: 'warning',
        segmentId: f.segmentId,
        start: unitStart,
        end: f.q.end,
        text: f.q.raw.slice(-1),
        ...(f.documentId !== undefined ? { documentId: f.documentId } : {}),
        ...findingMessage('number.unit.differs', { here: f.q.raw, other: others[0].q.raw, label: f.label }),
        fixes: [{ start: unitStart, end: f.q.end, replacement: want }],
        related: others.map((r) => loc(r)),
      });
    }
  }
  return out;
}

/** number-unit over one document. */
export function unitFindings(analyses: Analysis[], figures = documentFigures(analyses)): Finding[] {
  const own = countUnitFindings(analyses, figures);
  const at = new Set(own.map((f) => `${f.segmentId}|${f.start}`));
  return [...own, ...unitDisagreementFindings(figures).filter((f) => !at.has(`${f.segmentId}|${f.start}`))];
}

/**
 * number-unit across a project: a metric counted with a measure word in one document
 * (體驗館 … 12座) and carrying 元 or a person unit in another. Only what the document's own
 * check does not already report; locations carry their documentId.
 */
export function projectCountUnitFindings(docs: { documentId: number; analyses: Analysis[]; figures: Figure[] }[]): Finding[] {
  const learned = learnedCountMetrics(docs.flatMap((d) => d.figures));
  const out: Finding[] = [];
  for (const d of docs) {
    const own = new Set(countUnitFindings(d.analyses, d.figures).map((f) => `${f.segmentId}|${f.start}`));
    for (const f of countUnitFindings(d.analyses, d.figures, learned)) if (!own.has(`${f.segmentId}|${f.start}`)) out.push({ ...f, documentId: d.documentId });
  }
  return out;
}

// ---------------------------------------------------------------- number-format readings, ranked by evidence

/** The value a fix gives: its replacement read with the magnitude and unit that follow the fixed span. */
function fixValue(text: string, fix: Fix): number | null {
  const q = chineseQuantities(fix.replacement + text.slice(fix.end, fix.end + 3))[0];
  return q && q.start === 0 ? q.value : null;
}

const near = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));

/**
 * A malformed number's readings (35,60萬: 35.60萬 or 3,560萬; 268,000億: 26.8萬億 or, with
 * evidence, 26.8億), ranked by evidence: a reading whose value the segment's English states,
 * or another figure of the document with the same digits states, goes first, and the message
 * says so. Without evidence the order of number-format stays (never one blind fix).
 * `region`: the region the document is written for, where known (`analysesRegion`).
 */
export function rankReadings(findings: Finding[], analyses: Analysis[], figures: Figure[], region: 'tw' | 'hk' | null = null): void {
  if (!findings.some((f) => f.rule === 'number-format')) return;
  const bySegment = new Map(analyses.map((a) => [a.seg.id, a]));
  // figures by their digits: each reading looks up its own, not every figure of the document
  const byDigits = new Map<string, Figure[]>();
  for (const g of figures) {
    addTo(byDigits, g.digits, g);
  }
  // amounts of a thousand 億 and more the document writes well-formed (9,820億, 3兆2,450億)
  const large = figures.filter((g) => g.q.kind === 'amount' && g.q.value >= 1e11 && !/\d{5,}(?:億|亿)/.test(g.q.raw.replace(/,/g, '')));
  for (const f of findings) {
    if (f.rule !== 'number-format') continue;
    const a = bySegment.get(f.segmentId);
    if (!a) continue;
    // five digits before 億 (13,540億) is how Hong Kong and mainland writers put 1–10 萬億 in a text
    // that counts in thousands of 億 (客戶貸款9,820億，客戶存款13,540億): shown, but no alarm there.
    // In a text of smaller amounts it is still the misplaced point of 1.354億 (a warning).
    // Only when another such amount of the same sentence is of the same order (within 4×), or anywhere in a document written
    // for Hong Kong, whose statistics and papers write trillions so (整體出口貨值為13,205億元; Taiwan writes 1兆3,205億), and
    // no figure of the document states the same digits at a smaller scale (that is the misplaced point's evidence).
    if (f.messageData.key === 'number.digits-before-magnitude' && /^\d{2},?\d{3}(?:\.\d+)?(?:億|亿)$/.test(f.text)) {
      const v = fixValue(a.text, { start: f.start, end: f.end, replacement: f.text }) ?? 0;
      const sid = figures.find((g) => g.segmentId === f.segmentId && g.q.start === f.start)?.sid;
      const peer = large.some((g) => g.sid === sid && !(g.segmentId === f.segmentId && g.q.start === f.start) && g.q.value * 4 >= v && v * 4 >= g.q.value);
      const smaller = (byDigits.get(significantDigits(f.text)) ?? []).some((g) => g.q.value < v / 5);
      // (in a Hong Kong document, not a hundred times the document's typical amount: 收入35.2億港元 … 溢利12,400億港元 is a
      // misplaced point; a trade release's 13,205億 among its 4,512億, 713億 and 46億 is not; per-share amounts left out)
      const dwarfs = region === 'hk' && v > 100 * medianAmount(figures, f);
      if ((peer || (region === 'hk' && !dwarfs)) && !smaller) {
        f.severity = 'info';
        // worded as the way such amounts are written, not as a question about a misplaced point
        Object.assign(f, findingMessage('number.digits-before-magnitude.large', f.messageData.params as { raw: string; count: number; magnitude: string; usual: string }));
        // the document's figures decided it: a re-check of the segment alone keeps it (types.ts `scope`)
        f.scope = 'document';
      }
    }
    const candidates = [...f.fixes];
    // too many digits before 萬/億: the same digits at a smaller scale are readings too, if evidence names one
    const m = /^([\d,.]+)(萬億|万亿|億|亿|萬|万)$/.exec(f.text);
    if (f.messageData.key === 'number.digits-before-magnitude' && m) {
      for (let k = 1; k <= 6; k++) candidates.push({ start: f.start, end: f.end, replacement: shiftDecimal(m[1], -k) + m[2] });
    }
    if (candidates.length < 2) continue;
    const english = a.seg.english ? englishQuantities(a.seg.english) : [];
    const other = (g: Figure) => !(g.segmentId === f.segmentId && g.q.start < f.end && f.start < g.q.end);
    let best: { fix: Fix; evidence: ReturnType<typeof part> } | null = null;
    for (const fix of candidates) {
      const v = fixValue(a.text, fix);
      if (v === null) continue;
      const e = english.find((q) => near(q.value, v));
      if (e) {
        best = { fix, evidence: part('number.evidence.english', { other: e.raw }) };
        break;
      }
      const digits = significantDigits(fix.replacement);
      const d = byDigits.get(digits)?.find((g) => near(g.q.value, v) && other(g));
      if (d && !best) best = { fix, evidence: part('number.evidence.document', { other: d.q.raw }) };
    }
    if (!best) continue;
    const rest = f.fixes.filter((x) => x.replacement !== best!.fix.replacement);
    f.fixes = [best.fix, ...rest];
    // the fixes of 35,60萬 replace the digits only: show them with their 萬
    const mag = /[萬万億亿兆]$/.test(f.text) ? '' : (magnitudeAfter(a.text, f.end) ?? '');
    const shown = (x: Fix) => x.replacement + (/[萬万億亿兆]$/.test(x.replacement) ? '' : mag);
    f.scope = 'document';
    Object.assign(f, findingMessage('number.readings.evidence', { raw: f.text + mag, readings: f.fixes.map(shown).join(' / '), best: shown(best.fix), evidence: [best.evidence] }));
  }
}

function magnitudeAfter(text: string, p: number): string | null {
  return /^(?:萬億|万亿|億|亿|萬|万|兆)/.exec(text.slice(p))?.[0] ?? null;
}
