/**
 * Number checks.
 *  - number-format (per segment): malformed numbers — digit groups not in threes (12,34,567),
 *    a decimal comma (3,5億), five or more digits before 萬/億 (12000萬 → 1.2億), absurdly long
 *    digit runs given as a quantity, full- and half-width digits mixed in one number.
 *  - number-mismatch: the numbers of a segment against its parallel rendering (English, or the
 *    original Simplified source) after normalising 萬/億/百分之/個百分點 and billion/million/per cent;
 *    and, per document, one quantity stated twice with different values.
 * Footnote markers glued to a word at the end of a sentence (增長強勁1。), exhibit and page
 * numbers (圖3, Figure 3) and ordinals (第3) are not quantities.
 */
import { findingMessage, part, type FindingMessageRef } from '../finding-messages';
type FindingMessage = ReturnType<typeof findingMessage>;
import { hanScriptCount, isHanAt } from './analysis';
import type { Analysis } from './analysis';
import type { Finding, Fix } from './types';

// ---------------------------------------------------------------- scanning

export interface Quantity {
  start: number;
  end: number;
  raw: string;
  value: number;
  /** significant digits as written (for rounding tolerance) */
  sig: number;
  kind: 'num' | 'pct' | 'pp';
  /** other readings: 23年 may be 2023 */
  alts: number[];
  /** the unit or classifier right after the number (億, 個, %, 年 …), for grouping repeated statements */
  unit: string;
  /** end of the digits (before 萬/億/%): a fix that only replaces the digits */
  numEnd: number;
  /** the magnitude the digits are multiplied by (1e8 for 億) */
  mult: number;
}

const FW0 = 0xff10;
const isDigitCode = (c: number) => (c >= 48 && c <= 57) || (c >= FW0 && c <= FW0 + 9);
const digitVal = (c: number) => (c >= FW0 ? c - FW0 : c - 48);

/** Magnitude words after a Chinese number, longest first. */
const CN_MAGNITUDES: [string, number][] = [
  ['萬億', 1e12], ['万亿', 1e12], ['千億', 1e11], ['千亿', 1e11], ['百億', 1e10], ['百亿', 1e10], ['十億', 1e9], ['十亿', 1e9],
  ['億', 1e8], ['亿', 1e8], ['千萬', 1e7], ['千万', 1e7], ['百萬', 1e6], ['百万', 1e6], ['十萬', 1e5], ['十万', 1e5],
  ['萬', 1e4], ['万', 1e4], ['兆', 1e12], ['千', 1e3], ['百', 1e2],
];
const PCT_AFTER = ['個百分點', '个百分点', '百分點', '百分点'];
const EXHIBIT_BEFORE = /(?:圖表|附表|附錄|附录|附註|附注|圖|图|表|註|注|頁|页|第|見|见|编号|編號|代碼|代码|No\.?|#)\s*$/;

interface RawNumber {
  start: number;
  end: number;
  raw: string;
  intDigits: string;
  fracDigits: string;
  groups: string[] | null;
  mixedWidth: boolean;
  decimalComma: boolean;
  dots: number;
}

/** Digit runs with their internal separators (1,234.5 / 3,5 / 2023.3.28). Linear. */
export function scanNumbers(text: string): RawNumber[] {
  const out: RawNumber[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // digits glued to a Latin word (GPT4, A100, Q3) are part of a name, not a number; a currency code is fine
    const glued = i > 0 && /[A-Za-z_]/.test(text[i - 1]) && !/(RMB|USD|HKD|CNY|EUR|GBP|JPY|US|HK|NT)$/.test(text.slice(Math.max(0, i - 3), i));
    let j = i;
    let half = false;
    let full = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigitCode(c)) {
        if (c >= FW0) full = true;
        else half = true;
        j++;
      } else if ((text[j] === ',' || text[j] === '.') && j + 1 < n && isDigitCode(text.charCodeAt(j + 1))) j++;
      else break;
    }
    if (glued) {
      i = j;
      continue;
    }
    const raw = text.slice(i, j);
    const dots = (raw.match(/\./g) ?? []).length;
    const ascii = raw.replace(/[０-９]/g, (d) => String(digitVal(d.charCodeAt(0))));
    let intPart = ascii;
    let frac = '';
    let decimalComma = false;
    if (dots === 1) {
      const at = ascii.lastIndexOf('.');
      intPart = ascii.slice(0, at);
      frac = ascii.slice(at + 1);
      if (frac.includes(',')) decimalComma = true; // 1.234,5 (European)
    }
    const groups = intPart.includes(',') ? intPart.split(',') : null;
    out.push({ start: i, end: j, raw, intDigits: intPart.replace(/,/g, ''), fracDigits: frac.replace(/,/g, ''), groups, mixedWidth: half && full, decimalComma, dots });
    i = j;
  }
  return out;
}

function magnitudeAt(text: string, p: number): [string, number] | null {
  for (const m of CN_MAGNITUDES) if (text.startsWith(m[0], p)) return m;
  return null;
}

const UNIT_CHARS = /^[億亿萬万千百兆%％元倍個个年月日天人家次名位件台輛项項股]/;
const isSentenceEnd = (c: string | undefined) => c === undefined || /[。．.！？!?\s]/.test(c);

function sigDigits(intDigits: string, frac: string): number {
  const all = (intDigits.replace(/^0+/, '') + frac).replace(/0+$/, '');
  const n = intDigits.replace(/^0+/, '').length + frac.length;
  return Math.max(1, frac ? n : all.length || 1);
}

const D = '[0-9０-９]';
/** Full dates: 2024年5月16日, 2024年5月, 5月16日 (号/號 too), 2024-05-16, 2024/5/16. */
const CN_DATE = new RegExp(`(${D}{2,4}\\s*年\\s*)?(?<![0-9０-９.])(${D}{1,2})\\s*月(?:\\s*(${D}{1,2})\\s*[日號号])?`, 'g');
const NUMERIC_DATE = /(?<![0-9.])\d{4}([-/])\d{1,2}\1\d{1,2}(?![0-9])/g;

/**
 * Where the month and day of full dates stand (the whole date when written with - or /): a
 * date's month and day are not quantities. A month needs a year before it or a day after it
 * (3個月 and 12月 alone are left to the rules).
 */
function dateSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (/月/.test(text)) {
    for (const m of text.matchAll(CN_DATE)) {
      if (!m[1] && !m[3]) continue;
      out.push([m.index + (m[1]?.length ?? 0), m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(NUMERIC_DATE)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Words that introduce a number (為12, 達3, 和4): a digit after them is a value, not a footnote marker. */
const NUMBER_INTRO = /[為为是達达約约至到了和與与及或共計计佔占比逾近超過过增加減减升降漲涨跌每前後后等於于值]/;
/**
 * A footnote marker: one or two digits glued to a word (收入1，淨利潤2。) or a closing bracket,
 * followed by punctuation or a space, or by the word introducing the metric's value (營收2為486.7億元),
 * with no word before it that introduces a number.
 */
function isFootnoteMarker(text: string, r: RawNumber): boolean {
  if (r.raw.length > 2 || r.start === 0 || r.groups || r.dots) return false;
  const prev = text[r.start - 1];
  if (!(isHanAt(text, r.start - 1) || /[」』）)]/.test(prev)) || NUMBER_INTRO.test(prev)) return false;
  const after = text[r.end];
  if (after === undefined) return false;
  if (/\s/.test(after)) return !UNIT_CHARS.test(text.slice(r.end).trimStart()); // 3 萬 is a number across a space
  // between a metric and the word that introduces its value (合併營收2為新台幣486.7億元, 配息率1約68%): the value follows
  if (/^[為为約约達达]/.test(text.slice(r.end)) && /\d/.test(text.slice(r.end + 1, r.end + 8))) return true;
  return isSentenceEnd(after) || /[，,；;、：:]/.test(after);
}

/** Quantities in Chinese text, with values normalised (11.8億 → 1.18e9; 百分之五十 → 50 %). */
/** The quantities of an analysed segment's text, parsed once per run (shared by the rules). */
export const segmentQuantities = (a: Analysis): Quantity[] => a.memo('quantities', () => chineseQuantities(a.text));

export function chineseQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const dates = dateSpans(text);
  for (const r of scanNumbers(text)) {
    if (r.dots > 1 || r.decimalComma) continue;
    const before = text.slice(Math.max(0, r.start - 4), r.start);
    if (EXHIBIT_BEFORE.test(before)) continue;
    if (dates.some(([s, e]) => s <= r.start && r.end <= e)) continue;
    if (isFootnoteMarker(text, r)) continue;
    if (r.groups && r.groups.slice(1).every((g) => g.length < 3)) continue; // a list written with ASCII commas, not a number
    let value = Number(r.intDigits + (r.fracDigits ? '.' + r.fracDigits : ''));
    if (!Number.isFinite(value)) continue;
    let end = r.end;
    let kind: Quantity['kind'] = 'num';
    // the magnitude belongs to its number across one space (12 萬)
    const spaced = (text[end] === ' ' || text[end] === '\u3000') && magnitudeAt(text, end + 1) ? 1 : 0;
    const mag = magnitudeAt(text, end + spaced);
    if (mag) {
      value *= mag[1];
      end += spaced + mag[0].length;
    }
    const pp = PCT_AFTER.find((p) => text.startsWith(p, end));
    if (text[end] === '%' || text[end] === '％') {
      kind = 'pct';
      end++;
    } else if (pp) {
      kind = 'pp';
      end += pp.length;
    }
    const unit = kind === 'num' ? (UNIT_CHARS.exec(text.slice(end, end + 1))?.[0] ?? '') : kind;
    const alts: number[] = [];
    if (!mag && kind === 'num' && r.intDigits.length === 2 && !r.fracDigits && (text[end] === '年' || text[end] === '-' || text[end] === '到' || text[end] === '至')) alts.push(2000 + value);
    out.push({ start: r.start, end, raw: text.slice(r.start, end), value: round(value), sig: sigDigits(r.intDigits, r.fracDigits), kind, alts, unit, numEnd: r.end, mult: mag?.[1] ?? 1 });
  }
  // 百分之X (Chinese numerals or digits)
  for (const m of text.matchAll(/百分之([0-9.]+|[零〇一二兩两三四五六七八九十百點点]+)/g)) {
    const v = /^[0-9.]+$/.test(m[1]) ? Number(m[1]) : chineseNumeral(m[1]);
    if (v === null || !Number.isFinite(v)) continue;
    const start = m.index;
    out.push({ start, end: start + m[0].length, raw: m[0], value: round(v), sig: String(v).replace('.', '').replace(/^0+/, '').length || 1, kind: 'pct', alts: [], unit: 'pct', numEnd: start + m[0].length, mult: 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 三十五 → 35, 一百 → 100, 十二點五 → 12.5 (small numbers only). */
export function chineseNumeral(s: string): number | null {
  const [ip, fp] = s.split(/[點点]/);
  let total = 0;
  let cur = 0;
  for (const ch of ip) {
    if (ch in CN_DIGITS) cur = CN_DIGITS[ch];
    else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else return null;
  }
  total += cur;
  if (fp) {
    const f = Array.from(fp, (c) => CN_DIGITS[c]);
    if (f.some((d) => d === undefined)) return null;
    total += Number('0.' + f.join(''));
  }
  return total;
}

// an integer of at most 12 digits is its own 12-digit rounding (toPrecision is costly, and most figures are integers); + 0 makes -0 the 0 Number() gives
const round = (v: number) => (Number.isInteger(v) && Math.abs(v) < 1e12 ? v + 0 : Number(v.toPrecision(12)));

const EN_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_MAG: Record<string, number> = { trillion: 1e12, tn: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3 };
const EN_RE =
  /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(trillion|billion|million|thousand|tn|bn|mn)\b|(m|k)\b)?(?:\s*(%|per\s?cent\b|percentage points?\b|pp\b|ppts?\b))?|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?:\s+(trillion|billion|million|thousand)\b)?(?:\s+(per\s?cent|percentage points?))?/gi;
const EN_EXHIBIT_BEFORE = /(?:Exhibit|Figure|Fig\.|Table|Chart|Note|Page|p\.|No\.|#|Q|H|FY|Section|Appendix|\d[A-Za-z]*[-/])\s*$/i;

const EN_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A day next to a month name: May 16, 16 May, 16th of May. */
const EN_DAY = new RegExp(`\\b${EN_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH}\\b`, 'g');

/** Quantities in English text (1.18 billion, RMB1.18bn, 35%, 3 percentage points, three). */
export function englishQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const days = [...text.matchAll(EN_DAY)].map((m) => m.index + m[0].search(/\d/));
  for (const m of text.matchAll(EN_RE)) {
    const start = m.index;
    const prev = text.slice(Math.max(0, start - 12), start);
    if (EN_EXHIBIT_BEFORE.test(prev)) continue;
    if (days.includes(start)) continue; // the day of a date (May 16, 16 May) is not a quantity
    if (/[A-Za-z]$/.test(prev) && !/(RMB|USD|HKD|CNY|EUR|GBP|JPY|US|HK|NT)$/.test(prev)) continue; // A100, GPT4
    let value: number;
    let sig: number;
    let mag: string | undefined;
    let pct: string | undefined;
    if (m[1] !== undefined) {
      const intDigits = m[1].replace(/,/g, '');
      value = Number(intDigits + (m[2] ? '.' + m[2] : ''));
      sig = sigDigits(intDigits, m[2] ?? '');
      mag = m[3] ?? m[4];
      pct = m[5];
    } else {
      value = EN_WORDS[m[6].toLowerCase()];
      sig = String(value).replace(/0+$/, '').length || 1;
      mag = m[7];
      pct = m[8];
    }
    if (mag) value *= EN_MAG[mag.toLowerCase()];
    const kind: Quantity['kind'] = !pct ? 'num' : /point|pp/i.test(pct) ? 'pp' : 'pct';
    out.push({ start, end: start + m[0].trimEnd().length, raw: m[0].trim(), value: round(value), sig, kind, alts: [], unit: kind, numEnd: start + (m[1] ?? m[6]).length + (m[2] ? m[2].length + 1 : 0), mult: mag ? EN_MAG[mag.toLowerCase()] : 1 });
  }
  return out;
}

function roundSig(v: number, sig: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(Math.max(1, Math.min(21, sig))));
}
function sameValue(a: Quantity, b: Quantity): boolean {
  const kindsOk = a.kind === b.kind || (a.kind !== 'num' && b.kind !== 'num');
  if (!kindsOk) return false;
  for (const x of [a.value, ...a.alts]) {
    for (const y of [b.value, ...b.alts]) {
      if (x === y || roundSig(x, b.sig) === y || roundSig(y, a.sig) === x) return true;
    }
  }
  return false;
}

/** A quantity as written, with its value in millions/billions/trillions when the writing hides it (a nested message). */
function fmt(q: Quantity): FindingMessageRef[] {
  const v = q.value;
  if (q.kind !== 'num' || v < 1e6 || q.raw.replace(/[,\s]/g, '') === String(v)) return [part('number.value', { raw: q.raw })];
  const [key, unit] = v >= 1e12 ? (['number.value.trillion', 1e12] as const) : v >= 1e9 ? (['number.value.billion', 1e9] as const) : (['number.value.million', 1e6] as const);
  return [part(key, { raw: q.raw, value: round(v / unit) })];
}

// ---------------------------------------------------------------- number-format

function regroup(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function numberFormatFindings(a: Analysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  const push = (start: number, end: number, severity: Finding['severity'], msg: FindingMessage, fixes: Fix[]) =>
    out.push({ rule: 'number-format', severity, segmentId: a.seg.id, start, end, text: text.slice(start, end), ...msg, fixes, related: [] });
  for (const r of scanNumbers(text)) {
    const mag = magnitudeAt(text, r.end);
    const unitAfter = mag !== null || /^[%％元倍]/.test(text.slice(r.end, r.end + 1));
    if (r.mixedWidth) {
      push(r.start, r.end, 'warning', findingMessage('number.mixed-width', { raw: r.raw }), [
        { start: r.start, end: r.end, replacement: r.raw.replace(/[０-９]/g, (d) => String(digitVal(d.charCodeAt(0)))) },
      ]);
      continue;
    }
    if (r.decimalComma) {
      push(r.start, r.end, 'error', findingMessage('number.decimal-comma', { raw: r.raw }), [
        { start: r.start, end: r.end, replacement: r.raw.replace(/\./g, '').replace(',', '.') },
      ]);
      continue;
    }
    if (r.dots > 1) {
      if (unitAfter) push(r.start, r.end, 'error', findingMessage('number.decimal-points', { raw: r.raw, count: r.dots }), []);
      continue;
    }
    if (r.groups) {
      const [first, ...rest] = r.groups;
      if (rest.every((g) => g.length <= 2)) {
        if (rest.length === 1 && unitAfter && !r.fracDigits) {
          // two readings: a decimal comma (35,60萬 → 35.60萬) or a grouping comma in the wrong place (→ 3,560萬);
          // the decimal one first unless the document's evidence says otherwise (figures.ts rankReadings)
          const unit = text.slice(r.end, r.end + (mag?.[0].length ?? 1));
          const decimal = `${first}.${rest[0]}`;
          const shifted = /^0/.test(first) ? null : regroup(first + rest[0]);
          push(
            r.start,
            r.end,
            'error',
            shifted
              ? findingMessage('number.readings', { raw: r.raw + unit, readings: `${decimal}${unit} / ${shifted}${unit}` })
              : findingMessage('number.decimal-comma-before', { raw: r.raw, unit, fixed: decimal }),
            [{ start: r.start, end: r.end, replacement: decimal }, ...(shifted ? [{ start: r.start, end: r.end, replacement: shifted }] : [])],
          );
        }
        continue; // otherwise a list written with ASCII commas
      }
      if (r.groups.every((g) => g.length >= 4)) continue; // 2022,2023: a list of years
      if (first.length < 1 || first.length > 3 || rest.some((g) => g.length !== 3)) {
        const fixed = regroup(r.intDigits) + (r.fracDigits ? '.' + r.fracDigits : '');
        push(r.start, r.end, 'error', findingMessage('number.groups', { raw: r.raw, fixed }), [{ start: r.start, end: r.end, replacement: fixed }]);
        continue;
      }
    }
    const intLen = r.intDigits.replace(/^0+(?=\d)/, '').length;
    if (mag && (mag[0] === '萬' || mag[0] === '万' || mag[0] === '億' || mag[0] === '亿') && intLen >= 5) {
      const big = mag[1] === 1e4 ? ['億', 1e4] : ['萬億', 1e4];
      const v = Number(r.intDigits + (r.fracDigits ? '.' + r.fracDigits : '')) / (big[1] as number);
      const rep = `${round(v)}${mag[0] === '万' ? '亿' : mag[0] === '亿' ? '万亿' : big[0]}`;
      push(r.start, r.end + mag[0].length, 'warning', findingMessage('number.digits-before-magnitude', { raw: text.slice(r.start, r.end + mag[0].length), count: intLen, magnitude: mag[0], usual: rep }), [
        { start: r.start, end: r.end + mag[0].length, replacement: rep },
      ]);
      continue;
    }
    if (intLen >= 20 || (intLen >= 13 && unitAfter)) {
      push(r.start, r.end, 'warning', findingMessage(unitAfter ? 'number.long.quantity' : 'number.long', { raw: r.raw, count: intLen }), []);
    }
  }
  return out;
}

// ---------------------------------------------------------------- number-mismatch

function compare(
  a: Analysis,
  mine: Quantity[],
  theirs: Quantity[],
  side: string,
  theirText: string,
  authoritative: boolean,
): Finding[] {
  const used = new Set<number>();
  const unmatchedMine: Quantity[] = [];
  for (const q of mine) {
    const j = theirs.findIndex((t, idx) => !used.has(idx) && sameValue(q, t));
    if (j >= 0) used.add(j);
    else unmatchedMine.push(q);
  }
  let unmatchedTheirs = theirs.filter((_, idx) => !used.has(idx));
  // A small English number word or digit written as a Chinese numeral (三倍 = three times).
  if (side === 'English') {
    unmatchedTheirs = unmatchedTheirs.filter((t) => !(t.kind === 'num' && t.value <= 10 && Number.isInteger(t.value) && new RegExp(CN_NUMERALS[t.value]).test(a.text)));
  }
  const out: Finding[] = [];
  const text = a.text;
  const where = side === 'English' ? 'english' : 'source';
  const mk = (q: Quantity, msg: FindingMessage, fixes: Fix[]): Finding => ({
    rule: 'number-mismatch', severity: 'warning', segmentId: a.seg.id, start: q.start, end: q.end, text: text.slice(q.start, q.end), ...msg, fixes, related: [],
  });
  if (unmatchedMine.length === 1 && unmatchedTheirs.length === 1) {
    const [q] = unmatchedMine;
    const [t] = unmatchedTheirs;
    // The source is authoritative: when only the digits differ (same magnitude and kind), the fix writes its digits.
    const fixes = authoritative && t.kind === q.kind && t.mult === q.mult ? [{ start: q.start, end: q.numEnd, replacement: t.raw.slice(0, t.numEnd - t.start) }] : [];
    out.push(mk(q, findingMessage(`number.differs.${where}`, { mine: fmt(q), theirs: fmt(t) }), fixes));
    return out;
  }
  for (const q of unmatchedMine) out.push(mk(q, findingMessage(`number.unmatched.${where}`, { mine: fmt(q), excerpt: theirText.length > 60 ? theirText.slice(0, 60) + '…' : theirText }), []));
  for (const t of unmatchedTheirs) {
    out.push({
      rule: 'number-mismatch', severity: 'warning', segmentId: a.seg.id, start: 0, end: 0, text: '',
      ...findingMessage(`number.missing.${where}`, { theirs: fmt(t) }), fixes: [], related: [],
    });
  }
  return out;
}
const CN_NUMERALS = ['[零〇]', '一', '[二兩两]', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Numbers against the parallel renderings of the same segment (scope 'segment': re-checked with it). */
export function parallelNumberFindings(a: Analysis): Finding[] {
  const out: Finding[] = [];
  const seg = a.seg;
  if (!seg.english?.trim() && !seg.source?.trim()) return out;
  const mine = segmentQuantities(a);
  if (seg.english?.trim()) out.push(...compare(a, mine, englishQuantities(seg.english), 'English', seg.english, false));
  if (seg.source?.trim()) out.push(...compare(a, mine, chineseQuantities(seg.source), 'source text', seg.source, true));
  // the segment's own comparison: a re-check of the segment makes it again (types.ts `scope`)
  for (const f of out) f.scope = 'segment';
  return out;
}

/** Clause context before a position: the previous clause and this one up to the number (digits kept: 23-24 is not 23). */
/** What breaks a clause (。．！？!?；;，,：:、\n), as UTF-16 code units. */
const CLAUSE_CUT_CODES = new Set([...'。．！？!?；;，,：:、\n'].map((c) => c.charCodeAt(0)));
const isAsciiDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
/** An ASCII digit either side of i: a comma or a colon there holds one number (5,000張, 15:58), it breaks no clause. */
export const betweenDigits = (text: string, i: number) => isAsciiDigitCode(text.charCodeAt(i - 1)) && isAsciiDigitCode(text.charCodeAt(i + 1));
/** A clause break at i — not the grouping comma of a figure (5,000張 is one clause); compared as code units, no string per position scanned. */
const cutAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return CLAUSE_CUT_CODES.has(c) && !(c === 0x2c && betweenDigits(text, i));
};
/** Does a segment end inside its sentence (split at ；, or a comma)? The next one continues it. */
const CONTINUES = /[；;，,：:]\s*$/;
function contextKey(text: string, start: number, before = ''): string {
  // back from the number to the second clause break (a scan of the whole text before every number cost more)
  let cuts = 0;
  for (let i = start - 1; i >= 0; i--) {
    if (cutAt(text, i) && ++cuts === 2) return text.slice(i + 1, start).replace(/\s+/g, '');
  }
  // the segment starts the clause: its sentence's previous clause is the end of the segment before (split at ；)
  let from = before.length;
  if (cuts === 0 && CONTINUES.test(before)) {
    const end = before.trimEnd().length - 1;
    from = 0;
    for (let i = end - 1; i >= 0 && !from; i--) if (cutAt(before, i)) from = i + 1;
  }
  return (before.slice(from) + text.slice(0, start)).replace(/\s+/g, '');
}

/** One quantity stated twice with different values in a document (same wording before it, same unit). */
export function repeatedQuantityFindings(analyses: Analysis[]): Finding[] {
  const seen = new Map<string, { a: Analysis; q: Quantity }>();
  const out: Finding[] = [];
  let before = '';
  for (const a of analyses) {
    for (const q of segmentQuantities(a)) {
      const ctx = contextKey(a.text, q.start, before);
      if (hanScriptCount(ctx, 6) < 6) continue;
      const key = `${ctx}|${q.unit}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, { a, q });
        continue;
      }
      if (sameValue(prev.q, q)) continue;
      out.push({
        rule: 'number-mismatch',
        severity: 'warning',
        segmentId: a.seg.id,
        start: q.start,
        end: q.end,
        text: a.text.slice(q.start, q.end),
        ...findingMessage('number.repeated', { here: fmt(q), earlier: fmt(prev.q), words: ctx.slice(-12) }),
        fixes: [],
        group: `quantity:${key}`,
        related: [{ segmentId: prev.a.seg.id, start: prev.q.start, end: prev.q.end, text: prev.q.raw, fixes: [] }],
      });
    }
    before = a.text;
  }
  return out;
}
