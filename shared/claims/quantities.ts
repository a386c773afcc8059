/**
 * Quantity normalisation for claims. Pure. Builds on the number scanner of the checks
 * (`chineseQuantities`: digits, 萬/億/兆, %, 百分之, 個百分點) and adds what a claim needs:
 * currencies, counts, compute (P = petaflops), multiples (倍, 翻一番, 翻了三倍), ranges
 * (40到45, 20%到30%, 40–45), fractions (3/4), 一半, and time references (2023年, 去年,
 * 23年初, 24年, 23-28年, 22到23). Offsets are UTF-16 indices into the text given.
 */
import { betweenDigits, chineseNumeral, chineseQuantities, type Quantity } from '../checks/numbers';

export type QuantityKind = 'amount' | 'count' | 'percent' | 'percentage-points' | 'multiple' | 'compute' | 'duration' | 'number';
export type Currency = 'CNY' | 'HKD' | 'USD' | 'TWD';
export type QuantityRole = 'change' | 'share' | 'from' | 'level';

export interface ClaimQuantity {
  start: number;
  end: number;
  raw: string;
  kind: QuantityKind;
  /** normalised value: CNY units for amounts, 35 for 35 %, the factor (2) for 翻一番 / 提高了一倍 */
  value: number;
  /** upper end of a range (value is the lower end) */
  high?: number;
  unit: string;
  currency?: Currency;
  /** true when the currency is written next to the number; false when assumed (CNY for revenue) */
  currencyStated?: boolean;
  /** approximate (左右, 約, 接近, 大概 …) */
  approx?: boolean;
  role: QuantityRole;
  direction?: 'up' | 'down';
  /** other readings (翻了三倍: ×3, ×4 or ×8) */
  alts?: number[];
  note?: string;
}

export interface TimeRef {
  start: number;
  end: number;
  raw: string;
  /** absolute years when known (23-28年 → [2023, 2028]) */
  years?: [number, number];
  /** relative to the document's year: 去年 −1, 今年 0, 明年 +1 */
  relative?: number;
  part?: 'start' | 'end' | 'half';
}

const CN_NUM = '[零〇一二兩两三四五六七八九十百]+';
/** A multiple in Chinese numerals (一倍, 翻一番); made once (matchAll reads a copy, never its lastIndex). */
const CN_MULTIPLE = new RegExp(`(翻(?:了)?)?(${CN_NUM})(倍|番)`, 'g');
const RANGE_SEP = /^\s*(?:到|至|~|～|-|–|—|－)\s*/;
const APPROX_AFTER = /^(?:左右|上下|以上|多|餘|余|之間|之间)/;
const APPROX_BEFORE = /(?:約|约|大約|大约|大概|接近|近|逾|超過|超过|將近|将近|差不多)$/;
const UP = /(?:上升|增長|增长|成長|成长|提高|提升|增加|上漲|上涨|擴大|扩大|上修|上調|上调|增|升|漲|涨)(?:了)?$/;
const DOWN = /(?:下降|下跌|減少|减少|降低|下滑|縮減|缩减|下修|下調|下调|衰退|減|减|降|跌)(?:了)?$/;
/** A growth rate named before a percentage: 成長率(yoy)修正為-3.31%, 增率折成年率(saar)為5.62% — the value is the change. */
const GROWTH_RATE = /成長率|成长率|增長率|增长率|增率|增幅|漲幅|涨幅|跌幅|yoy|saar|同比|按年|年增/i;
/**
 * What follows a number that makes it a date, a time or an ordinal rather than a quantity:
 * 7月, (18)日, 下午2點, 第3、4季, 5等分位 (quintiles).
 */
const NOT_QUANTITY_AFTER = /^(?:\)|）)?\s*(?:月(?!份?[內内])|日|號|号|點(?![\d五])|点(?!\d)|時(?!間)|时(?!间)|季|週|周|等分位|分位)|^[、,，]\s*\d{1,2}\s*(?:月|日|季)/;
/** A minus sign written before a number (not a range dash between two numbers): -3.31%. */
const MINUS = /[-−－]$/;
/** The currency a bare 元 means in a document (shared/claims/currency.ts decides it; CNY when nothing says). */
export interface QuantityContext {
  yuan?: Currency;
}
const SHARE_CTX = /佔|占|比例|佔比|占比|份額|份额|比重|之一|一半|用於|用于/;
const VERSION_AFTER = /^(?:時代|时代|版|代)/;
const COUNT_UNITS = /^(?:[個个家名位件台輛辆項项股張张款條条座間间次戶户筆笔艘]|人(?!民))/;

const CURRENCY_WORDS: [RegExp, Currency][] = [
  [/港元|港幣|港币|HKD|HK\$/, 'HKD'],
  [/美元|USD|US\$/, 'USD'],
  [/新台幣|新臺幣|新台币|NT\$|TWD/, 'TWD'],
  [/人民幣|人民币|RMB|CNY/, 'CNY'],
];
/** The currency a word names; a bare 元 is the document's (`yuan`). */
const currencyOf = (w: string, yuan: Currency = 'CNY'): Currency => CURRENCY_WORDS.find(([re]) => re.test(w))?.[1] ?? yuan;

/**
 * The currency written next to a number: right after it (100億港元, 3.8億元人民幣), else
 * right before it (人民幣3.8億, US$5). A currency further away belongs to another number
 * (100億港元(合12.8億美元): the second amount is in USD, not HKD).
 */
function currencyNear(text: string, start: number, end: number, yuan: Currency): { currency?: Currency; stated: boolean } {
  const before = /(港元|港幣|港币|HKD|HK\$|美元|USD|US\$|新台幣|新臺幣|新台币|NT\$|TWD|人民幣|人民币|RMB|CNY)\s*$/.exec(text.slice(Math.max(0, start - 4), start));
  // 元港幣 / 元人民幣: the currency after a bare 元 is the one meant
  const after = /^\s*(元?(?:港元|港幣|港币|人民幣|人民币|新台幣|新臺幣)|HKD|HK\$|美元|USD|US\$|RMB|CNY|元)/.exec(text.slice(end, end + 6));
  // a bare 元 names no currency: 美元5.8億元 and 新臺幣12.7億元 are in the currency written before
  if (after && !(after[1] === '元' && before)) return { currency: currencyOf(after[1], yuan), stated: true };
  if (before) return { currency: currencyOf(before[1]), stated: true };
  return { stated: false };
}

/**
 * How far a clause reaches on each side of a position. Real clauses are far shorter; a run of
 * text with no break at all (a table pasted as one line: thousands of figures joined by 、) would
 * otherwise make every figure's clause the whole run, and the figure rules quadratic in it.
 */
export const CLAUSE_REACH = 200;

const isClauseBreak = (code: number) =>
  code === 0x3002 || code === 0xff0e || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f || code === 0xff1b || code === 0x3b || code === 0xff0c || code === 0x2c || code === 0xff1a || code === 0x3a || code === 0x0a;

/** A break at `i`: not the comma of digit groups nor the colon of a time (9,427元, 15:58), which hold one number. */
const breaksAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return isClauseBreak(code) && !((code === 0x2c || code === 0x3a) && betweenDigits(text, i));
};

/** The clause around a position: from the previous clause break to the next one (at most CLAUSE_REACH away). */
export function clauseAt(text: string, pos: number): { start: number; end: number } {
  let s = pos;
  const sMin = Math.max(0, pos - CLAUSE_REACH);
  while (s > sMin && !breaksAt(text, s - 1)) s--;
  let e = pos;
  const eMax = Math.min(text.length, pos + CLAUSE_REACH);
  while (e < eMax && !breaksAt(text, e)) e++;
  return { start: s, end: e };
}

function roleOf(text: string, q: { start: number; end: number; kind: QuantityKind; value: number }): { role: QuantityRole; direction?: 'up' | 'down' } {
  const c = clauseAt(text, q.start);
  const before = text.slice(c.start, q.start);
  const clause = text.slice(c.start, c.end);
  const near = before.slice(-6);
  if (/從|从|由/.test(before) && /(?:到|至)/.test(text.slice(q.end, c.end)) && !/(?:到|至)/.test(before.slice(before.search(/從|从|由/)))) return { role: 'from' };
  const levelVerb = /(?:到|至|爲|为|達|达|是)$/.test(near);
  const dir = UP.test(near.replace(/(?:了)?$/, '')) || UP.test(near) ? 'up' : DOWN.test(near) ? 'down' : undefined;
  if ((q.kind === 'percent' || q.kind === 'percentage-points' || q.kind === 'multiple') && dir && !levelVerb) return { role: 'change', direction: dir };
  if (q.kind === 'multiple') {
    const raw = text.slice(q.start, q.end);
    const d = /^翻/.test(raw) || /翻/.test(before) || /上升|增長|增长|提高|提升|增加|上漲|上涨|擴大|扩大|擴充|扩充/.test(clause) || /增長|增长|提高|提升/.test(text.slice(q.end, q.end + 4)) ? 'up' : DOWN.test(before) ? 'down' : undefined;
    if (d) return { role: 'change', direction: d };
  }
  if ((q.kind === 'percent' || q.kind === 'percentage-points') && (/增速|CAGR|複合|复合|環比|环比/.test(before) || GROWTH_RATE.test(before))) return { role: 'change', direction: q.value < 0 ? 'down' : 'up' };
  if (q.kind === 'percent' && SHARE_CTX.test(clause)) return { role: 'share' };
  return { role: 'level' };
}

interface Draft extends Omit<ClaimQuantity, 'role' | 'direction'> {}

/** Every quantity (not time references) in a sentence, normalised. */
export function claimQuantities(text: string, base: readonly Quantity[] = chineseQuantities(text), ctx: QuantityContext = {}): ClaimQuantity[] {
  const yuan = ctx.yuan ?? 'CNY';
  const drafts: Draft[] = [];
  const times = timeRefs(text);
  const inTime = (s: number, e: number) => times.some((t) => s >= t.start && e <= t.end);
  const used = new Set<number>();
  for (let i = 0; i < base.length; i++) {
    if (used.has(i)) continue;
    let q = base[i];
    // 3萬8,650 is one number (38,650), not 3萬 and 8,650
    const tail = base[i + 1];
    if (q.kind === 'num' && q.mult >= 1e4 && tail && tail.start === q.end && tail.kind === 'num' && tail.mult < q.mult && tail.value < q.mult) {
      q = { ...tail, start: q.start, raw: text.slice(q.start, tail.end), value: q.value + tail.value, sig: q.sig + tail.sig, alts: [] };
      used.add(i + 1);
    }
    if (inTime(q.start, q.numEnd)) continue;
    if (/^0\d/.test(q.raw)) continue; // stock codes (00020)
    if (q.kind === 'num' && q.mult === 1 && NOT_QUANTITY_AFTER.test(text.slice(q.end))) continue; // 7月, (18)日, 2點, 4季
    if (/第\s*$/.test(text.slice(Math.max(0, q.start - 2), q.start))) continue; // 第3: an ordinal
    if (/^\]/.test(text.slice(q.end, q.end + 1)) && /\[$/.test(text.slice(Math.max(0, q.start - 1), q.start)) && q.raw.length <= 3) continue; // [1]: a footnote marker
    if (/(?:註|注)$/.test(text.slice(Math.max(0, q.start - 1), q.start)) && q.raw.length <= 2) continue; // 註1
    if (/界定|定義|定义/.test(text.slice(Math.max(0, q.start - 30), q.start))) continue; // 界定為65歲以上: a definition, not a claim
    if (/^[、,，和及與与]\s*\d{2}年/.test(text.slice(q.end)) && q.raw.length === 2) continue; // 27、28年
    const afterNum = text.slice(q.end);
    if (VERSION_AFTER.test(afterNum) && q.raw.includes('.')) continue; // 2.0時代
    let end = q.end;
    let kind: QuantityKind = q.kind === 'pct' ? 'percent' : q.kind === 'pp' ? 'percentage-points' : 'number';
    let unit = q.kind === 'pct' ? '%' : q.kind === 'pp' ? 'pp' : '';
    let value = q.value;
    let alts: number[] | undefined;
    if (kind === 'number') {
      if (/^[A-Za-z]/.test(afterNum)) {
        if (/^P(?![A-Za-z])/.test(afterNum) || /^(?:PFLOPS|Petaflops)/i.test(afterNum)) {
          kind = 'compute';
          unit = 'PFLOPS';
          end += /^P(?![A-Za-z])/.test(afterNum) ? 1 : /^PFLOPS/i.test(afterNum) ? 6 : 9;
        } else continue; // 3D, 5G: names, not quantities
      } else if (/^倍/.test(afterNum)) {
        kind = 'multiple';
        unit = '×';
        end += 1;
        value = multipleFactor(text, q.start, value);
      } else if (/^\/\d/.test(afterNum)) {
        const m = /^\/(\d+)/.exec(afterNum)!;
        kind = 'percent';
        unit = '%';
        value = round((q.value / Number(m[1])) * 100);
        end += m[0].length;
        const j = base.findIndex((b, k) => k > i && b.start === q.end + 1);
        if (j >= 0) used.add(j);
      } else if (q.mult > 1 && /^[ \u3000]?(?:億|亿|萬|万|兆|萬億|万亿)/.test(text.slice(q.numEnd)) && !COUNT_UNITS.test(afterNum)) {
        kind = 'amount';
        unit = 'CNY';
      } else if (/^\s*(?:人民幣|人民币|港元|港幣|港币|美元|元)/.test(afterNum) || /(?:HK\$|US\$|RMB|HKD|USD|CNY)\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start))) {
        kind = 'amount'; // 1000美元, 7800港元, US$5
        unit = 'CNY';
      } else if (COUNT_UNITS.test(afterNum)) {
        kind = 'count';
        unit = afterNum[0];
        end += 1;
      } else if (/^年/.test(afterNum) && q.value < 10) {
        kind = 'duration';
        unit = 'year';
        end += 1;
      }
    }
    let high: number | undefined;
    // a range: 40到45, 20%到30%, 40–45, 1-2年
    const sep = RANGE_SEP.exec(text.slice(end));
    const next = base[i + 1];
    if (sep && next && next.start === end + sep[0].length && !inTime(next.start, next.numEnd)) {
      const nextKind = next.kind === 'pct' ? 'percent' : next.kind === 'pp' ? 'percentage-points' : 'number';
      const sameKind = nextKind === kind || (kind === 'number' && nextKind !== 'number');
      if (sameKind && next.value >= value) {
        if (kind === 'number' && nextKind !== 'number') {
          kind = nextKind;
          unit = nextKind === 'percent' ? '%' : 'pp';
        }
        high = next.value;
        end = next.end;
        used.add(i + 1);
        const after2 = text.slice(end);
        if (kind === 'number' && /^年/.test(after2) && high < 10) {
          kind = 'duration';
          unit = 'year';
          end += 1;
        } else if (kind === 'number' && COUNT_UNITS.test(after2)) {
          kind = 'count';
          unit = after2[0];
          end += 1;
        }
      }
    }
    if (kind === 'number' && high === undefined && q.raw.includes('.') && !q.unit && q.mult === 1) continue; // 2.0: a version, not a quantity
    // a bare number or range after …率 (毛利率在40到45之間) is a percentage
    if (kind === 'number') {
      const c = clauseAt(text, q.start);
      if (/率/.test(text.slice(c.start, q.start))) {
        kind = 'percent';
        unit = '%';
      }
    }
    const approx = APPROX_AFTER.test(text.slice(end)) || APPROX_BEFORE.test(text.slice(Math.max(0, q.start - 3), q.start)) || undefined;
    // a minus sign kept: -3.31% is a fall (not after a digit: 40-45 and 23-28年 are ranges)
    let start = q.start;
    // (bounded look-behinds: a regular expression anchored at $ scans the whole string it is given)
    if (MINUS.test(text.slice(Math.max(0, q.start - 1), q.start)) && !/[\dA-Za-z%％]$/.test(text.slice(Math.max(0, q.start - 4), q.start - 1).trimEnd()) && (kind === 'percent' || kind === 'percentage-points' || kind === 'number')) {
      start = q.start - 1;
      value = -value;
    }
    const d: Draft = { start, end, raw: text.slice(start, end), kind, value, unit };
    if (high !== undefined) d.high = high;
    if (approx) d.approx = true;
    if (alts) d.alts = alts;
    if (kind === 'amount') {
      const cur = currencyNear(text, q.start, end, yuan);
      const c = clauseAt(text, q.start);
      const revenue = /收入|營收|营收|收益|利潤|利润|營業額|营业额|虧損|亏损|成本|現金|现金/.test(text.slice(Math.max(0, c.start - 20), c.end));
      if (cur.currency) {
        d.currency = cur.currency;
        d.currencyStated = true;
        const m = /^\s*(?:元?(?:人民幣|人民币|港元|港幣|港币|新台幣|新臺幣)|美元|元)/.exec(text.slice(end));
        if (m) {
          d.end = end + m[0].length;
          d.raw = text.slice(q.start, d.end);
        }
      } else if (revenue) {
        d.currency = yuan;
        d.currencyStated = false;
      } else d.unit = '';
      if (!d.currency) d.kind = 'number';
    }
    drafts.push(d);
  }
  // Chinese-numeral multiples and idioms: 一倍, 三倍, 翻一番, 翻了三倍, 一半
  for (const m of text.matchAll(CN_MULTIPLE)) {
    const n = chineseNumeral(m[2]);
    if (n === null || n <= 0) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (drafts.some((d) => d.start < end && start < d.end)) continue;
    const d: Draft = { start, end, raw: m[0], kind: 'multiple', value: 0, unit: '×' };
    if (m[3] === '番') d.value = 2 ** n; // 翻一番 ×2, 翻兩番 ×4
    else if (m[1]) {
      // 翻了三倍: colloquially ×3, literally "grew by three times" ×4, or 翻三番 ×8
      d.value = n;
      d.alts = [n + 1, 2 ** n].filter((v) => v !== n);
      d.note = `${m[0]} is ambiguous: ×${n}, ×${n + 1} or ×${2 ** n}`;
    } else d.value = multipleFactor(text, start, n);
    if (APPROX_AFTER.test(text.slice(end)) || APPROX_BEFORE.test(text.slice(Math.max(0, start - 3), start))) d.approx = true;
    drafts.push(d);
  }
  for (const m of text.matchAll(/一半/g)) {
    drafts.push({ start: m.index, end: m.index + 2, raw: '一半', kind: 'percent', value: 50, unit: '%', ...(APPROX_AFTER.test(text.slice(m.index + 2)) ? { approx: true } : {}) });
  }
  return drafts
    .sort((a, b) => a.start - b.start)
    .map((d) => ({ ...d, ...roleOf(text, d) }));
}

/** 提高了一倍 / 增長兩倍 add to the base (×2, ×3); 是…的三倍 / 高三倍 compares (×3). */
function multipleFactor(text: string, start: number, n: number): number {
  const before = text.slice(Math.max(0, start - 4), start);
  if (/(?:提高|提升|增長|增长|增加|上升|擴大|扩大)(?:了)?$/.test(before)) return n + 1;
  const c = clauseAt(text, start);
  // 增長一倍 / 一倍左右的增長: doubling
  return n === 1 && /提高|提升|增長|增长|增加|上升|擴大|扩大/.test(text.slice(c.start, c.end)) ? 2 : n;
}

const round = (v: number) => Number(v.toPrecision(12));

/** Time references: 2023年, 23年初, 24年, 23-28年, 22到23, 112年 (Minguo: 2023), 去年, 今年, 明年, 年底. */
export function timeRefs(text: string): TimeRef[] {
  const out: TimeRef[] = [];
  const year = (s: string) => (s.length === 2 ? 2000 + Number(s) : Number(s));
  const partOf = (s: string | undefined): TimeRef['part'] => (s === '初' ? 'start' : s === '底' || s === '末' ? 'end' : s ? 'half' : undefined);
  const re = /(?<![\d.])((?:19|20)\d{2}|\d{2})(?:\s*(?:-|–|—|~|到|至)\s*((?:19|20)\d{2}|\d{2}))?(年(初|底|末|中)?)?(?![\d.%％億亿萬万倍])/g;
  for (const m of text.matchAll(re)) {
    const [raw, a, b, nian, part] = m;
    const fourDigit = a.length === 4;
    // a two-digit year needs 年 or a range with 年/到: 22到23, 23-24 (after 從/从 or before 收入 …)
    if (!nian && !fourDigit && !b) continue;
    if (!nian && fourDigit && !b && !/^(?:年|財年|财年|上半年|下半年|全年)/.test(text.slice(m.index + raw.length))) {
      if (!/^\s*(?:年|財|财)/.test(text.slice(m.index + raw.length))) continue;
    }
    if (!nian && b && !fourDigit && !(/(?:從|从|由)\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) || /^(?:收入|可以|財年|财年)/.test(text.slice(m.index + raw.length)))) continue;
    if (!fourDigit && !nian && (Number(a) > 35 || Number(b) > 35 || Number(b) - Number(a) > 10)) continue;
    const y1 = year(a);
    const y2 = b ? year(b) : y1;
    if (y1 < 1900 || y2 < y1 || y2 > 2100) continue;
    out.push({ start: m.index, end: m.index + raw.length, raw, years: [y1, y2], ...(partOf(part) ? { part: partOf(part) } : {}) });
  }
  // Minguo years (Taiwan): 112年 = 2023, 112年及113年, 111年家庭收支 — three digits before 年 that are not a span of years (100年來)
  for (const m of text.matchAll(/(?<![\d.])(1\d{2})年(初|底|末|中)?(?!來|来|前|後|后|之久|歷史|历史)/g)) {
    const y = 1911 + Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], years: [y, y], ...(partOf(m[2]) ? { part: partOf(m[2]) } : {}) });
  }
  for (const m of text.matchAll(/(去年|今年|明年|前年|本年|上年)(初|底|末)?/g)) {
    const rel = { 去年: -1, 上年: -1, 前年: -2, 今年: 0, 本年: 0, 明年: 1 }[m[1]]!;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], relative: rel, ...(partOf(m[2]) ? { part: partOf(m[2]) } : {}) });
  }
  return out.sort((x, y) => x.start - y.start);
}
