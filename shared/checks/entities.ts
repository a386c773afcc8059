/**
 * Entity spelling consistency: find person mentions, group spellings that are probably one
 * person written differently, and report each group as one finding with every location.
 *
 * Mentions are found from context, never from a list of names: a role title before a
 * surname (首席財務官王某), an honorific after the name (王某先生), a speech verb after it
 * (王某表示, 王某還稱), or the glossary. Intl.Segmenter cannot find names by itself (it splits
 * unknown names into single characters), but it is used to reject candidates that are
 * ordinary words (公司表示 → 公司 is one ICU word, not surname 公 + given name 司).
 * Everything is matched on the Simplified form of the text, so Traditional variants, S→T
 * over-conversions (余 → 餘) and Simplified documents are handled alike.
 */
import { findingMessage, part, type FindingMessageRef } from '../finding-messages';
import { pinyin } from 'pinyin-pro';
import { getConverter } from '../text/convert';
import { Analysis, candidatesOf, charTable, icuBoundaries, isHanAt, tsChar } from './analysis';
import { isCompoundSurnameS, isSurnameCodeS, isSurnameS, WEAK_SURNAMES_S } from './data/surnames';
import { NOT_AFTER_SURNAME, NOT_IN_GIVEN_NAME, NOT_NAME_END, ORG_SUFFIXES, ROLES, SPEECH_VERBS, TITLES_AFTER, TITLES_BEFORE, TITLE_JOINERS, VERB_ADVERBS } from './data/titles';
import { NAME_PLAUSIBLE_T } from './data/names';
import { variantNormal } from './variant-normal';
import type { CheckContext, Finding, GlossaryEntry, Location } from './types';
import { addTo } from './collect';

export interface Mention {
  documentId?: number;
  /** order of the segment in its document (for sorting) */
  order: number;
  segmentId: number;
  start: number;
  end: number;
  /** as written */
  text: string;
  /** Simplified form */
  s: string;
  surnameLen: number;
  roles: string[];
  /** Simplified name of the organisation the title belongs to, when written next to it */
  org: string | null;
  /** role titles written before the name, Simplified (总经理, 局长) */
  titles?: string[];
  /** found by the project check as another writing of this Simplified full name (inverted, surname dropped) */
  variantOf?: string;
  /** found next to a role title or honorific, or from the glossary */
  strong: boolean;
  evidence: 'title' | 'honorific' | 'verb' | 'glossary' | 'repeat';
  glossaryTerm?: string;
}

// ---------------------------------------------------------------- lexicon (Simplified forms)

interface Lexicon {
  titles: Map<string, { s: string; role: string }[]>;
  after: Map<string, { s: string; role: string | null }[]>;
  joiners: string[];
  verbs: Map<string, string[]>;
  adverbs: string[];
  notInGiven: Set<string>;
  orgSuffixes: string[];
}
let lexicon: Lexicon | null = null;
const UNIQUE_ROLES = new Set(ROLES.filter((r) => r.unique).map((r) => r.id));
const ROLE_LABEL = new Map(ROLES.map((r) => [r.id, r.label]));

function byFirst<T extends { s: string }>(items: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = it.s[0];
    const list = m.get(k) ?? [];
    list.push(it);
    m.set(k, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.s.length - a.s.length);
  return m;
}

function lex(): Lexicon {
  if (lexicon) return lexicon;
  const t2s = getConverter('t2s');
  const S = (x: string) => t2s.convert(x);
  const verbs = [...new Set(SPEECH_VERBS.map(S))].map((s) => ({ s }));
  lexicon = {
    titles: byFirst(TITLES_BEFORE.map((t) => ({ s: S(t.text), role: t.role }))),
    after: byFirst(TITLES_AFTER.map((t) => ({ s: S(t.text), role: t.role }))),
    joiners: TITLE_JOINERS.map(S),
    verbs: new Map([...byFirst(verbs)].map(([k, v]) => [k, v.map((x) => x.s)])),
    adverbs: VERB_ADVERBS.map(S).sort((a, b) => b.length - a.length),
    notInGiven: new Set([...NOT_IN_GIVEN_NAME].flatMap((c) => [c, S(c)])),
    orgSuffixes: ORG_SUFFIXES.map(S),
  };
  return lexicon;
}

let codes: { title: Uint8Array; verb: Uint8Array; after: Uint8Array } | null = null;
/** First characters of titles, verbs and honorifics, as code tables (no per-character strings in the scan). */
function lexCodes() {
  if (!codes) {
    const L = lex();
    codes = { title: charTable(L.titles.keys()), verb: charTable(L.verbs.keys()), after: charTable(L.after.keys()) };
  }
  return codes;
}

const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

function titleAt(s: string, p: number): { s: string; role: string } | null {
  if (lexCodes().title[s.charCodeAt(p)] !== 1) return null;
  const list = lex().titles.get(s[p]);
  if (!list) return null;
  for (const t of list) {
    if (!s.startsWith(t.s, p)) continue;
    if (isLatin(t.s[0]) && (isLatin(s[p - 1]) || isLatin(s[p + t.s.length]))) continue; // CFOs, xCEO
    return t;
  }
  return null;
}
function verbAt(s: string, p: number): string | null {
  if (lexCodes().verb[s.charCodeAt(p)] !== 1) return null;
  const list = lex().verbs.get(s[p]);
  if (!list) return null;
  for (const v of list) if (s.startsWith(v, p)) return v;
  return null;
}
function afterTitleAt(s: string, p: number): { s: string; role: string | null } | null {
  if (lexCodes().after[s.charCodeAt(p)] !== 1) return null;
  const list = lex().after.get(s[p]);
  if (list) for (const t of list) if (s.startsWith(t.s, p)) return t;
  return null;
}
/** A speech verb at p, possibly after an adverb (还称, 也表示). */
function verbPhraseAt(s: string, p: number): boolean {
  if (verbAt(s, p)) return true;
  for (const a of lex().adverbs) if (s.startsWith(a, p) && verbAt(s, p + a.length)) return true;
  return false;
}

/** How well position e works as the end of a name: 2 = a verb/honorific follows, 1 = a boundary, 0 = unclear. */
function followScore(s: string, e: number): number {
  if (e >= s.length || !isHanAt(s, e)) return 1;
  if (verbPhraseAt(s, e) || afterTitleAt(s, e)) return 2;
  if (lex().notInGiven.has(s[e])) return 1;
  return 0;
}

function surnameLenAt(s: string, p: number): number {
  if (p + 1 < s.length && isCompoundSurnameS(s.slice(p, p + 2))) return 2;
  if (isSurnameS(s[p])) return 1;
  return 0;
}

/**
 * Simplified characters that are function words once converted (后 → 後, 于 → 於, 余 → 餘) but
 * ordinary in names: allowed as the last character of a given name when a verb or honorific
 * follows (何后介绍 → 何後介紹 is a name over-converted, not 何 + 後).
 */
function nameCharDespiteFunction(ch: string): boolean {
  const c = candidatesOf(ch);
  return c.length > 1 && c.includes(ch);
}

function givenOk(s: string, a: number, b: number): boolean {
  if (b > s.length || b <= a) return false;
  for (let i = a; i < b; i++) {
    if (!isHanAt(s, i)) return false;
    if (lex().notInGiven.has(s[i]) && !(i === b - 1 && nameCharDespiteFunction(s[i]) && (verbPhraseAt(s, b) || afterTitleAt(s, b))) && !functionCharFirst(s, i, a, b)) return false;
  }
  if (NOT_NAME_END.has(s[b - 1])) return false; // 董事会, 管理层
  if (afterTitleAt(s, a)) return false; // 王先生: a surname alone
  return true;
}

/** One-character names of places, which 于 (曾于港表示 'once said in Hong Kong') takes as often as a given name does. */
const PLACE_ABBREVIATIONS = new Set('港台京沪美欧英法德韩澳星深穗杭粤闽川渝鲁苏浙皖赣湘鄂豫冀晋陕甘宁新藏蒙黑吉辽琼桂云贵'.split(''));

/**
 * A function-word character of conversion (于 → 於, 后 → 後, 余 → 餘) as the first of two given-name
 * characters (曾于芳 → 曾於芳): a name where the second character is a given name's and the name ends
 * at a boundary or a speech verb — not the preposition before a time, a place or an occasion
 * (曾于昨日, 曾于会上, 曾于港表示, 曾于香港表示: 港 after 于香 is no boundary).
 */
function functionCharFirst(s: string, i: number, a: number, b: number): boolean {
  if (i !== a || b - a !== 2 || !nameCharDespiteFunction(s[i])) return false;
  const next = s[i + 1];
  if (!isHanAt(s, i + 1) || lex().notInGiven.has(next) || PLACE_ABBREVIATIONS.has(next)) return false;
  if (s[i] === '于' && YU_PREPOSITION_AFTER.test(s.slice(i + 1, i + 3))) return false;
  return followScore(s, b) >= 1;
}

/** ICU word boundaries of a window, at absolute positions. */
const boundaries = icuBoundaries;

/** What follows 于 where it is the preposition (a time, a place, a document, an occasion), Simplified. */
// (and where the courts, councils and programmes speak: 法官于判词中, 立委于质询时, 检察官于起诉书, 校长于开学典礼, 主播于节目中)
const YU_PREPOSITION_AFTER =
  /^(?:[昨今去本上下近日年月此该其庭会席同当翌次前早晚一二三四五六七八九十]|明[年日天晚早]|周[一二三四五六日末]|星期|礼拜|报告|公告|声明|记者|媒体|采访|受访|稍早|早前|判词|判决|判案|裁决|裁定|审讯|聆讯|质询|答询|起诉|开学|典礼|致词|节目|访问|专访|书面|任内|任期)/;

/** The given name after a surname at r (title evidence): 1 or 2 characters, chosen by what follows. */
function nameAfterTitle(s: string, r: number): { start: number; end: number; sl: number } | null {
  const sl = surnameLenAt(s, r);
  if (!sl) return null;
  // 于 (於) after a title is as often the preposition before a time or place (律师于庭上表示, 议员于昨日指出,
  // 策略师于周一表示) as the surname: not a name where such a phrase follows
  if (s[r] === '于' && YU_PREPOSITION_AFTER.test(s.slice(r + 1, r + 3))) return null;
  const g0 = r + sl;
  if (afterTitleAt(s, g0)) return null; // 王先生: a surname alone
  const opts = [1, 2]
    .map((g) => ({ g, end: g0 + g }))
    .filter((o) => givenOk(s, g0, o.end))
    .map((o) => ({ ...o, score: followScore(s, o.end) }));
  if (!opts.length) return null;
  const b = boundaries(s, r - 2, r + 8);
  let best = opts[0];
  if (opts.length === 2) {
    const [one, two] = opts;
    if (two.score > one.score) best = two;
    else if (one.score > two.score) best = one;
    else best = b.has(g0 + 1) && !b.has(g0 + 2) ? one : two; // tie: two characters unless the second starts a word running past it
  }
  // ICU joining the surname with the given name into one word (总监管理 → 管理) means an ordinary
  // word, unless a speech verb or honorific confirms the name.
  if (!b.has(g0) && best.score < 2) return null;
  return { start: r, end: best.end, sl };
}

/** Organisation named just before a title (某某科技董事长 → 某某科技), Simplified. */
function orgBefore(s: string, p: number): string | null {
  let q = p;
  if (s[q - 1] === '的') q--;
  for (const suf of lex().orgSuffixes) {
    if (q - suf.length < 0 || !s.startsWith(suf, q - suf.length)) continue;
    let a = q - suf.length;
    while (a > 0 && q - a < 10 && isHanAt(s, a - 1) && !'。，、；：的了是在'.includes(s[a - 1])) a--;
    return a < q - suf.length ? s.slice(a, q) : null;
  }
  return null;
}

/** A glossary organisation (any of its spellings) written just before a title, Simplified. */
function glossaryOrgBefore(s: string, p: number, glossary: GlossaryEntry[] | undefined): string | null {
  if (!glossary?.length) return null;
  const q = s[p - 1] === '的' ? p - 1 : p;
  for (const alias of orgAliases(glossary).keys()) if (alias && q >= alias.length && s.startsWith(alias, q - alias.length)) return alias;
  return null;
}

const peopleCache = new WeakMap<GlossaryEntry[], { s: string; term: string }[]>();
/** Glossary person spellings, Simplified, with their canonical term (cached per glossary array). */
function glossaryPeople(glossary: GlossaryEntry[] | undefined): { s: string; term: string }[] {
  if (!glossary?.length) return [];
  const hit = peopleCache.get(glossary);
  if (hit) return hit;
  const t2s = getConverter('t2s');
  const out: { s: string; term: string }[] = [];
  for (const e of glossary) {
    if (e.type !== 'person') continue;
    for (const v of [e.term, ...e.variants]) if (v) out.push({ s: t2s.convert(v), term: e.term });
  }
  out.sort((a, b) => b.s.length - a.s.length);
  peopleCache.set(glossary, out);
  return out;
}

/**
 * Tests the scans over every position of a segment (findMentions, surnameTitleMentions) ask without
 * a closure: one capturing the loop's position makes V8 allocate a context at every position.
 */
/** A surname (single, or the first of a compound one) two to four characters before p. */
function surnameBefore(s: string, p: number): boolean {
  for (let d = 2; d <= 4; d++) if (p - d >= 0 && (isSurnameS(s[p - d]) || isCompoundSurnameS(s.slice(p - d, p - d + 2)))) return true;
  return false;
}
/** A title joiner (兼, 暨 …) starts at e. */
function joinerAt(s: string, e: number): boolean {
  for (const j of lex().joiners) if (s.startsWith(j, e)) return true;
  return false;
}

/** Places a wire's dateline names after its reporters (Simplified): Taiwan's cities and counties, and the cities its correspondents file from. */
const DATELINE_PLACES = '台北|新北|桃园|新竹|苗栗|台中|彰化|南投|云林|嘉义|台南|高雄|屏东|宜兰|花莲|台东|基隆|澎湖|金门|马祖|香港|澳门|北京|上海|广州|深圳|东京|大阪|首尔|新加坡|曼谷|河内|胡志明市|雅加达|马尼拉|吉隆坡|新德里|孟买|华盛顿|纽约|洛杉矶|旧金山|芝加哥|休士顿|西雅图|波士顿|多伦多|温哥华|伦敦|巴黎|柏林|布鲁塞尔|日内瓦|法兰克福|莫斯科|罗马|马德里|维也纳|雪梨|墨尔本|奥克兰|开罗|杜拜|耶路撒冷';
/**
 * 記者 + names (、 between) + a place (its 縣/市 too) + a date (19日, １９日, 2025年11月18日) + 電, 專電 or
 * 綜合外電報導. (The newspapers' 【記者X／台北報導】 is read by the title rule: its ／ ends the name.)
 */
const DATELINE = new RegExp(
  `记者((?:[\\u4e00-\\u9fff]{2,4}、){0,3}[\\u4e00-\\u9fff]{2,4}?)(?:${DATELINE_PLACES})[县市]?(?:\\d{4}年)?(?:\\d{1,2}月)?[\\d０-９]{1,2}日(?:专?电|综合外电报导)`,
  'g',
);

/** Titles of a newsroom's credit lines (Simplified), whose name follows a colon. */
const CREDIT_TITLES_S = new Set(['编辑', '总编辑', '记者']);

/** Person mentions in one segment. */
export function findMentions(a: Analysis, order: number, glossary?: GlossaryEntry[]): Mention[] {
  const s = a.s;
  const text = a.text;
  const n = s.length;
  const out: Mention[] = [];
  const L = lex();
  const push = (start: number, end: number, sl: number, m: Partial<Mention> & Pick<Mention, 'strong' | 'evidence'>) => {
    out.push({ order, segmentId: a.seg.id, start, end, text: text.slice(start, end), s: s.slice(start, end), surnameLen: sl, roles: [], org: null, ...m });
  };

  // 1. Role titles before a name: 董事长兼首席执行官X, CFO X.
  for (let p = 0; p < n; ) {
    const t = titleAt(s, p);
    if (!t) {
      p++;
      continue;
    }
    const roles = [t.role];
    const titles = [t.s];
    let q = p + t.s.length;
    for (let chained = true; chained; ) {
      chained = false;
      for (const j of L.joiners) {
        const t2 = s.startsWith(j, q) ? titleAt(s, q + j.length) : null;
        if (t2) {
          roles.push(t2.role);
          titles.push(t2.s);
          q += j.length + t2.s.length;
          chained = true;
          break;
        }
      }
    }
    let r = q;
    while (s[r] === ' ') r++;
    // a credit line names its person after a colon: （編輯：游松傑）, 記者：王小明
    if ((s[r] === '：' || s[r] === ':') && CREDIT_TITLES_S.has(titles[titles.length - 1])) r++;
    const m = nameAfterTitle(s, r);
    if (m) push(m.start, m.end, m.sl, { roles, titles, org: orgBefore(s, p) ?? glossaryOrgBefore(s, p, glossary), strong: true, evidence: 'title' });
    p = q;
  }

  // 1b. A wire's dateline (中央社記者曾于庭台北19日電, 記者王小明、李大同東京18日專電): the place and the date
  // end each name, whatever its characters (a given name 于庭 the title rule reads as a preposition).
  if (s.includes('记者')) {
    for (const d of s.matchAll(DATELINE)) {
      let at = d.index + 2; // past 记者, where the match begins
      for (const name of d[1].split('、')) {
        const sl = surnameLenAt(s, at);
        if (sl && name.length - sl >= 1 && name.length - sl <= 2) push(at, at + name.length, sl, { roles: ['other'], titles: ['记者'], strong: true, evidence: 'title' });
        at += name.length + 1;
      }
    }
  }

  // 2. Honorifics after a name: X先生, X教授.
  for (let p = 2; p < n; p++) {
    const t = afterTitleAt(s, p);
    if (!t || !surnameBefore(s, p)) continue;
    const b = boundaries(s, p - 6, p + t.s.length + 2);
    for (const [sl, g] of [[1, 2], [2, 1], [2, 2], [1, 1]]) {
      const start = p - g - sl;
      if (start < 0 || !b.has(start) || !givenOk(s, start + sl, p)) continue;
      if (sl === 2 ? !isCompoundSurnameS(s.slice(start, start + 2)) : !isSurnameS(s[start])) continue;
      push(start, p, sl, { roles: t.role ? [t.role] : [], strong: true, evidence: 'honorific' });
      break;
    }
  }

  // 3. Speech verbs after a name: X表示, X还称 (weak evidence: ICU must agree it is not a word).
  for (let v = 2; v < n; v++) {
    const verb = verbAt(s, v);
    if (!verb) continue;
    const ends = [v];
    for (const adv of L.adverbs) if (v - adv.length > 0 && s.startsWith(adv, v - adv.length)) ends.push(v - adv.length);
    // cheap test first: a surname two to four characters before the name's end
    if (!ends.some((e) => [2, 3, 4].some((d) => e - d >= 0 && (isSurnameS(s[e - d]) || (e - d + 1 < n && isCompoundSurnameS(s.slice(e - d, e - d + 2))))))) continue;
    const b = boundaries(s, v - 8, v + verb.length + 3);
    if (!b.has(v) || !b.has(v + verb.length)) continue; // 指数, 称号: not the verb
    let done = false;
    for (const e of ends) {
      for (const [sl, g] of [[1, 2], [2, 2], [1, 1], [2, 1]]) {
        const start = e - g - sl;
        if (start < 0 || !b.has(start) || !b.has(e)) continue;
        if (sl === 2 ? !isCompoundSurnameS(s.slice(start, start + 2)) : !isSurnameS(s[start]) || WEAK_SURNAMES_S.has(s[start])) continue;
        if (!givenOk(s, start + sl, e) || titleAt(s, start)) continue;
        // A two-character candidate must not be one ICU word (公司, 高度): the surname stands alone.
        // Three-character names may be split any way inside (余光|中, 范|冰冰).
        if (sl + g === 2 && !b.has(start + 1)) continue;
        push(start, e, sl, { strong: false, evidence: 'verb' });
        done = true;
        break;
      }
      if (done) break;
    }
  }

  // 4. Glossary people.
  for (const gp of glossaryPeople(glossary)) {
    for (let i = s.indexOf(gp.s); i >= 0; i = s.indexOf(gp.s, i + gp.s.length)) {
      push(i, i + gp.s.length, isCompoundSurnameS(gp.s.slice(0, 2)) ? 2 : 1, { strong: true, evidence: 'glossary', glossaryTerm: gp.term });
    }
  }
  return dedupe(out);
}

let notAfterSurnameS: Set<string> | null = null;

/**
 * A bare surname addressed by its title (范总经理强调, 于处长指出, 余董事长也说), as mentions
 * for the name-conversion check only (not for grouping: a surname alone names no one). Only
 * where the text's character is not the Simplified one (範, 於, 遊, 餘 …): what S→T conversion
 * may have over-converted. A character that is also a function word (于 → 於) must start a
 * clause (於總經理任內 is a preposition); others need ICU to see them as a word of their own
 * (示範總經理 is not one); the title must end there (於董事會 is no title).
 */
export function surnameTitleMentions(a: Analysis, order = 0): Mention[] {
  const s = a.s;
  const text = a.text;
  const out: Mention[] = [];
  notAfterSurnameS ??= new Set([...NOT_AFTER_SURNAME].map((t) => getConverter('t2s').convert(t)));
  for (let p = 0; p + 1 < s.length; p++) {
    // compared as code units: no one-character string made at every position of the text
    if (text.charCodeAt(p) === s.charCodeAt(p) || !isSurnameCodeS(s, p)) continue;
    const t = titleAt(s, p + 1) ?? afterTitleAt(s, p + 1);
    if (!t || notAfterSurnameS.has(t.s) || isLatin(t.s[0])) continue;
    const e = p + 1 + t.s.length;
    if (e < s.length && isHanAt(s, e) && (NOT_NAME_END.has(s[e]) || !(verbPhraseAt(s, e) || lex().notInGiven.has(s[e]) || joinerAt(s, e)))) continue;
    if (p > 0 && isHanAt(s, p - 1)) {
      if (lex().notInGiven.has(s[p])) continue;
      const b = boundaries(s, p - 4, e + 1);
      if (!b.has(p) || !b.has(p + 1)) continue;
    }
    out.push({ order, segmentId: a.seg.id, start: p, end: p + 1, text: text.slice(p, p + 1), s: s[p], surnameLen: 1, roles: t.role ? [t.role] : [], org: null, strong: true, evidence: 'title' });
  }
  return out;
}

const EVIDENCE_RANK: Record<Mention['evidence'], number> = { glossary: 4, title: 3, honorific: 2, verb: 1, repeat: 0 };

/** Longer than any name a mention can be: a mention starting this far before a place cannot reach it. */
export const MENTION_REACH = 64;

function dedupe(ms: Mention[]): Mention[] {
  ms.sort((x, y) => x.start - y.start || EVIDENCE_RANK[y.evidence] - EVIDENCE_RANK[x.evidence] || y.end - y.start - (x.end - x.start));
  const out: Mention[] = [];
  for (const m of ms) {
    // `out` stays in order of start: only its tail can meet m (a segment with no full stop may hold thousands of names)
    let from = out.length;
    while (from > 0 && out[from - 1].start > m.start - MENTION_REACH) from--;
    const near = from === 0 ? out : out.slice(from);
    const same = near.find((o) => o.start === m.start && o.end === m.end);
    if (same) {
      same.roles = [...new Set([...same.roles, ...m.roles])];
      same.strong ||= m.strong;
      same.org ??= m.org;
      if (m.titles) same.titles = [...new Set([...(same.titles ?? []), ...m.titles])];
      same.glossaryTerm ??= m.glossaryTerm;
      continue;
    }
    const overlap = near.find((o) => o.start < m.end && m.start < o.end);
    if (overlap) {
      if (!m.strong || overlap.strong) continue;
      out.splice(out.indexOf(overlap), 1);
    }
    out.push(m);
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Mentions of a whole document: every segment's, plus the other occurrences of each spelling
 * found (a name introduced once with its title is usually repeated bare).
 */
export function documentMentions(analyses: Analysis[], glossary?: GlossaryEntry[], documentId?: number): Mention[] {
  const per = analyses.map((a, order) => (glossary === a.ctx.glossary ? ownMentions(a).map((m) => copyMention(m, order)) : findMentions(a, order, glossary)));
  const spellings = mentionSpellings(per);
  analyses.forEach((a, order) => addRepeatMentions(a, order, per[order], spellings));
  const all = per.flat();
  if (documentId !== undefined) for (const m of all) m.documentId = documentId;
  return all;
}

/**
 * A segment's own mentions under its analysis's glossary (`findMentions` at order 0), memoised on
 * the analysis (kept between runs and by the document's evidence): never changed by the caller —
 * take a `copyMention` of each to change or keep.
 */
export function ownMentions(a: Analysis): readonly Mention[] {
  return a.memo('own-mentions', () => orNone(findMentions(a, 0, a.ctx.glossary)));
}

const NONE: readonly Mention[] = Object.freeze([]);
/** A list to keep, with the many empty ones one shared value. */
export function orNone(list: readonly Mention[]): readonly Mention[] {
  return list.length ? list : NONE;
}

/** A mention of `ownMentions` as `findMentions` at `order` gives it: its own object and lists, to be changed freely. */
export function copyMention(m: Mention, order: number): Mention {
  return { ...m, order, roles: [...m.roles], ...(m.titles ? { titles: [...m.titles] } : {}) };
}

/** Every name spelling the document's mentions hold (lists in document order), each with the mention it is repeated from: the last strong one, else the first. */
export function mentionSpellings(per: Iterable<readonly Mention[]>): Map<string, Mention> {
  const spellings = new Map<string, Mention>();
  for (const list of per) for (const m of list) if (!spellings.has(m.s) || m.strong) spellings.set(m.s, m);
  return spellings;
}

/** The spellings of a `mentionSpellings` map by their first code unit: which of them may start at a position, in the map's order. */
interface SpellingIndex {
  entries: [string, Mention][];
  /** 1 where some spelling starts with that code unit */
  first: Uint8Array;
  /**
   * indexes into `entries` by their first two code units (first × 0x10000 + second), ascending; a
   * spelling of one code unit by that unit alone. By two, not one: a document of thousands of names
   * has hundreds under one surname, and each place of that surname would try them all.
   */
  byFirst: Map<number, number[]>;
}
const spellingIndexes = new WeakMap<ReadonlyMap<string, Mention>, SpellingIndex>();
/** The index of a spellings map (made once per map; a map is never changed once made). */
function spellingIndex(spellings: ReadonlyMap<string, Mention>): SpellingIndex {
  let ix = spellingIndexes.get(spellings);
  if (ix) return ix;
  ix = { entries: [...spellings], first: new Uint8Array(0x10000), byFirst: new Map() };
  for (let j = 0; j < ix.entries.length; j++) {
    const w = ix.entries[j][0];
    const c = w.charCodeAt(0);
    ix.first[c] = 1;
    addTo(ix.byFirst, w.length > 1 ? c * 0x10000 + w.charCodeAt(1) : c, j);
  }
  spellingIndexes.set(spellings, ix);
  return ix;
}

/** A segment's own mentions (`list`, changed in place) with the document's spellings repeated in it, in text order. */
export function addRepeatMentions(a: Analysis, order: number, list: Mention[], spellings: ReadonlyMap<string, Mention>): Mention[] {
  const L = lex();
  const s = a.s;
  const ix = spellingIndex(spellings);
  // one pass over the segment finds every place a spelling starts (not one search per spelling and
  // segment: a document of many names has hundreds), kept as spelling × (length + 1) + place
  let found: number[] | null = null;
  const stride = s.length + 1;
  for (let p = 0; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (ix.first[c] !== 1) continue;
    for (const j of ix.byFirst.get(c) ?? []) (found ??= []).push(j * stride + p);
    if (p + 1 < s.length) for (const j of ix.byFirst.get(c * 0x10000 + s.charCodeAt(p + 1)) ?? []) if (s.startsWith(ix.entries[j][0], p)) (found ??= []).push(j * stride + p);
  }
  if (!found) return list.sort((x, y) => x.start - y.start);
  // in the map's order, each spelling's places in text order: a place taken by an earlier spelling is not another's
  found.sort((x, y) => x - y);
  // the places the segment's mentions take (one look per character, not a scan of every mention per place)
  const taken = new Uint8Array(s.length + 1);
  const take = (m: { start: number; end: number }) => taken.fill(1, Math.max(0, m.start), Math.min(s.length, m.end));
  for (const m of list) take(m);
  for (const key of found) {
    const [sp, proto] = ix.entries[Math.floor(key / stride)];
    const i = key % stride;
    const e = i + sp.length;
    let free = true;
    for (let p = i; p < e && free; p++) free = taken[p] === 0;
    if (!free) continue;
    if (i > 0 && isHanAt(s, i - 1) && !boundaries(s, i - 4, e + 2).has(i)) continue;
    // not the start of a longer name: followed by a boundary, a function word, a verb or an honorific
    if (e < s.length && isHanAt(s, e) && !L.notInGiven.has(s[e]) && !verbPhraseAt(s, e) && !afterTitleAt(s, e)) continue;
    list.push({ ...proto, order, segmentId: a.seg.id, start: i, end: e, text: a.text.slice(i, e), roles: [], org: null, strong: false, evidence: 'repeat' });
    take(list[list.length - 1]);
  }
  list.sort((x, y) => x.start - y.start);
  return list;
}

/** A role title ends at position i (首席财务官|王某). */
function titleEndsAt(s: string, i: number): boolean {
  for (let L = 1; L <= 8 && L <= i; L++) {
    const t = titleAt(s, i - L);
    if (t && t.s.length === L) return true;
  }
  return false;
}

/**
 * Across a project: a person introduced with a title in one document (财务长叶美云) written in
 * another with surname and given name inverted (美云叶) or the surname left out (美云). Nothing
 * in that document alone marks those as a name, so they are looked up from the full name:
 * the inverted form wherever it stands once it stands at a name position (after a title, before
 * a speech verb or honorific), the bare given name only there. Returns mentions to add, linked to
 * the full name by `variantOf`.
 */
export function reorderedNameMentions(docs: { documentId: number; analyses: Analysis[]; mentions: Mention[] }[]): Mention[] {
  const names = new Map<string, Mention>();
  for (const d of docs) for (const m of d.mentions) if (m.evidence === 'title' && m.surnameLen === 1 && (m.s.length === 3 || m.s.length === 2) && !names.has(m.s)) names.set(m.s, m);
  const out: Mention[] = [];
  for (const [full, m] of names) {
    const surname = full.slice(0, 1);
    const given = full.slice(1);
    // a two-character name inverted, or a bare given name, is a common word too: only at a name position
    const forms = full.length === 3 ? ([[given + surname, true], [given, false]] as const) : ([[given + surname, false]] as const);
    for (const [form, loose] of forms) {
      for (const d of docs) {
        if (d.documentId === m.documentId) continue;
        const found: Mention[] = [];
        let anchored = false;
        d.analyses.forEach((a, order) => {
          for (let i = a.s.indexOf(form); i >= 0; i = a.s.indexOf(form, i + 1)) {
            const e = i + form.length;
            const overlaps = (x: Mention) => x.segmentId === a.seg.id && x.start < e && i < x.end;
            if (a.s[i - 1] === surname || d.mentions.some(overlaps) || out.some(overlaps)) continue;
            const after = e >= a.s.length || !isHanAt(a.s, e) || verbPhraseAt(a.s, e) || afterTitleAt(a.s, e) !== null;
            const atName = titleEndsAt(a.s, i) || (loose ? after : verbPhraseAt(a.s, e));
            if (!atName && !loose) continue;
            anchored ||= atName;
            found.push({ documentId: d.documentId, order, segmentId: a.seg.id, start: i, end: e, text: a.text.slice(i, e), s: form, surnameLen: 1, roles: [], org: null, strong: atName, evidence: 'title', variantOf: full });
          }
        });
        if (anchored) out.push(...found.filter((f) => f.strong || loose));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- grouping

const pyCache = new Map<string, string[]>();
function readings(ch: string): string[] {
  let r = pyCache.get(ch);
  if (!r) {
    r = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
    pyCache.set(ch, r);
  }
  return r;
}
/** Toneless reading with the usual confusions folded (zh/z, ch/c, sh/s, n/l, en/eng, in/ing, an/ang). */
function fold(py: string): string {
  return py
    .replace(/^([zcs])h/, '$1')
    .replace(/^n/, 'l')
    .replace(/^r/, 'l')
    .replace(/^h(?=u)/, 'f')
    .replace(/ng$/, 'n');
}
function soundsAlike(a: string, b: string): { alike: boolean; exact: boolean } {
  const ra = readings(a);
  const rb = readings(b);
  if (ra.some((x) => rb.includes(x))) return { alike: true, exact: true };
  const fa = ra.map(fold);
  return { alike: rb.some((y) => fa.includes(fold(y))), exact: false };
}

/** S→T over-conversion undone: characters whose Simplified form is itself one of their Traditional candidates (徵 → 征, 餘 → 余). */
export function restoreOverConversion(t: string): string {
  let out = '';
  for (const c of t) {
    const s = tsChar(c);
    out += s !== c && !NAME_PLAUSIBLE_T.has(c) && candidatesOf(s).includes(s) ? s : c;
  }
  return out;
}

interface Spelling {
  text: string;
  s: string;
  surnameLen: number;
  mentions: Mention[];
  roles: Set<string>;
  titles: Set<string>;
  orgs: Set<string>;
  strong: boolean;
  glossaryTerm?: string;
  variantOf?: string;
}

export interface EntityGroup {
  spellings: Spelling[];
  canonical: string;
  key: string;
  reasons: string[];
  roles: string[];
}

function spellingsOf(mentions: Mention[], glossary?: GlossaryEntry[]): Spelling[] {
  const map = new Map<string, Spelling>();
  for (const m of mentions) {
    let sp = map.get(m.text);
    if (!sp) {
      sp = { text: m.text, s: m.s, surnameLen: m.surnameLen, mentions: [], roles: new Set(), titles: new Set(), orgs: new Set(), strong: false };
      map.set(m.text, sp);
    }
    sp.mentions.push(m);
    for (const r of m.roles) sp.roles.add(r);
    for (const t of m.titles ?? []) sp.titles.add(t);
    if (m.org) sp.orgs.add(orgKey(m.org, glossary));
    sp.variantOf ??= m.variantOf;
    sp.strong ||= m.strong;
    sp.glossaryTerm ??= m.glossaryTerm;
  }
  return [...map.values()];
}

function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

/** Why two spellings are probably one person, or null. */
function link(a: Spelling, b: Spelling): string | null {
  if (a.glossaryTerm && b.glossaryTerm) return a.glossaryTerm === b.glossaryTerm ? 'glossary' : null;
  if (a.variantOf === b.s || b.variantOf === a.s) return 'order';
  if (a.s === b.s) return 'conversion';
  const sharedUnique = [...a.roles].some((r) => UNIQUE_ROLES.has(r) && b.roles.has(r));
  // three characters against two: the same surname, the shorter given name inside the longer,
  // the same title (unique role or the very title: 局长) at no different organisation
  const sharedTitle = sharedUnique || [...a.titles].some((t) => b.titles.has(t));
  if (sharedTitle && givenInside(a, b) && !differentOrgs(a, b)) return 'length';
  if (a.s.length !== b.s.length || a.surnameLen !== b.surnameLen) return null;
  if (a.s.slice(0, a.surnameLen) === b.s.slice(0, b.surnameLen)) {
    let differ = 0;
    let alike = true;
    for (let i = a.surnameLen; i < a.s.length; i++) {
      if (a.s[i] === b.s[i]) continue;
      differ++;
      if (!soundsAlike(a.s[i], b.s[i]).alike) alike = false;
    }
    if (differ > 0 && alike) return 'sound';
  }
  if (sharedUnique && hamming(a.s, b.s) === 1) return 'role';
  return null;
}

/** 王明 against 王小明: one surname, the shorter given name's characters in the longer one (one character fewer). */
function givenInside(a: Spelling, b: Spelling): boolean {
  const [x, y] = a.s.length < b.s.length ? [a, b] : [b, a];
  if (y.s.length - x.s.length !== 1 || x.surnameLen !== y.surnameLen || x.s.length - x.surnameLen < 1) return false;
  if (x.s.slice(0, x.surnameLen) !== y.s.slice(0, y.surnameLen)) return false;
  const given = y.s.slice(y.surnameLen);
  return Array.from(x.s.slice(x.surnameLen)).every((c) => given.includes(c));
}

function differentOrgs(a: Spelling, b: Spelling): boolean {
  return a.orgs.size > 0 && b.orgs.size > 0 && ![...a.orgs].some((o) => b.orgs.has(o));
}

const ORG_TAIL_S = ['股份有限公司', '有限公司', '股份', '控股', '集团', '公司'];
/**
 * An organisation's name, Simplified, normalised for comparison: spaces out, legal-form and
 * group suffixes (股份有限公司, 控股, 集團) dropped, so 江北電力控股 and 江北電力集團 match.
 */
export function orgKey(org: string, glossary?: GlossaryEntry[]): string {
  const k = bareOrg(org);
  return orgAliases(glossary).get(k) ?? k;
}

function bareOrg(org: string): string {
  let k = org.replace(/\s+/g, '');
  for (let again = true; again; ) {
    again = false;
    for (const t of ORG_TAIL_S) {
      if (k.length > t.length + 1 && k.endsWith(t)) {
        k = k.slice(0, -t.length);
        again = true;
      }
    }
  }
  return k;
}

const aliasCache = new WeakMap<GlossaryEntry[], Map<string, string>>();
/** Glossary organisations: every spelling, English name or ticker (bare, Simplified) → the term's bare form. */
function orgAliases(glossary: GlossaryEntry[] | undefined): Map<string, string> {
  if (!glossary?.length) return new Map();
  let m = aliasCache.get(glossary);
  if (!m) {
    const t2s = getConverter('t2s');
    m = new Map();
    for (const e of glossary) {
      if (e.type !== 'organisation') continue;
      const key = bareOrg(t2s.convert(e.term));
      for (const v of [e.term, ...e.variants, e.english ?? '']) if (v) m.set(bareOrg(t2s.convert(v)), key);
    }
    aliasCache.set(glossary, m);
  }
  return m;
}

function givenPinyin(sForm: string, surnameLen: number): string {
  return (pinyin(sForm.slice(surnameLen), { toneType: 'none', type: 'array' }) as string[]).join('');
}

/**
 * Canonical spelling of a group. The choice rule:
 *  1. a glossary term, when a member is a glossary person;
 *  2. in a Traditional document, when a member X is an S→T over-conversion — its Simplified
 *     form S(X) differs from X and S(X) is itself a valid Traditional spelling (李徵 → 李征,
 *     since 征 is one of 征's Traditional forms) — propose S(X): over-conversion by the
 *     character table is the known failure mode, and the other members (李震) are then
 *     mishearings of the same name. Characters that are the usual Traditional spelling in
 *     names (雲, 葉, 傑 …, data/names.ts) are not "restored";
 *  3. otherwise the most frequent spelling; ties go to one seen with a title, then the earliest.
 */
function chooseCanonical(sp: Spelling[], ctx: CheckContext): string {
  const gl = sp.find((x) => x.glossaryTerm)?.glossaryTerm;
  if (gl) return ctx.script === 'hans' ? getConverter('t2s').convert(gl) : gl;
  // a reordered writing (美云叶, found from the full name) is never the suggestion
  const candidates = sp.some((x) => !x.variantOf) ? sp.filter((x) => !x.variantOf) : sp;
  const byFreq = [...candidates].sort(
    (a, b) => b.mentions.length - a.mentions.length || Number(b.strong) - Number(a.strong) || a.mentions[0].order - b.mentions[0].order || a.mentions[0].start - b.mentions[0].start,
  );
  if (ctx.script === 'hant') {
    for (const x of byFreq) {
      const r = restoreOverConversion(x.text);
      if (r !== x.text) return r;
    }
  }
  return byFreq[0].text;
}

/**
 * The pairs of spellings `link` may link, in the order a loop over every pair visits them (i < j):
 * spellings that share a key each way of linking needs — the same spelling or the one it is a
 * variant of, the same glossary term, one surname with a given-name character in common (a name
 * inside another), one surname and length with the first given character sounding alike, the same
 * characters but one (a single character apart). Every pair `link` would link shares one of them, so
 * the groups are those of all pairs; a document of thousands of names (a list of recipients, a
 * directory) no longer compares each with each.
 */
function candidatePairs(sps: readonly Spelling[]): [number, number][] {
  const buckets = new Map<string, number[]>();
  const put = (key: string, i: number) => addTo(buckets, key, i);
  sps.forEach((sp, i) => {
    put(`s:${sp.s}`, i);
    if (sp.variantOf !== undefined) put(`s:${sp.variantOf}`, i);
    if (sp.glossaryTerm) put(`g:${sp.glossaryTerm}`, i);
    const surname = sp.s.slice(0, sp.surnameLen);
    const given = sp.s.slice(sp.surnameLen);
    for (const c of new Set(given)) put(`i:${sp.surnameLen}:${surname}:${c}`, i);
    if (given.length) for (const r of new Set(readings(given[0]).map(fold))) put(`r:${sp.surnameLen}:${sp.s.length}:${surname}:${r}`, i);
    for (let k = 0; k < sp.s.length; k++) put(`h:${sp.surnameLen}:${sp.s.slice(0, k)}\u0000${sp.s.slice(k + 1)}`, i);
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = sps.length;
  for (const list of buckets.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x], list[y]);
        const j = Math.max(list[x], list[y]);
        if (i === j || seen.has(i * n + j)) continue;
        seen.add(i * n + j);
        pairs.push([i, j]);
      }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

export function groupMentions(mentions: Mention[], ctx: CheckContext): EntityGroup[] {
  const sps = spellingsOf(mentions, ctx.glossary);
  const parent = sps.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const reasons = new Map<number, Set<string>>();
  for (const [i, j] of candidatePairs(sps)) {
    const why = link(sps[i], sps[j]);
    if (!why) continue;
    const a = find(i);
    const b = find(j);
    parent[a] = b;
    const set = reasons.get(b) ?? new Set<string>();
    for (const r of reasons.get(a) ?? []) set.add(r);
    set.add(why);
    reasons.set(b, set);
  }
  const groups = new Map<number, Spelling[]>();
  sps.forEach((sp, i) => {
    const r = find(i);
    addTo(groups, r, sp);
  });
  const out: EntityGroup[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2 || !members.some((m) => m.strong)) continue;
    const canonical = chooseCanonical(members, ctx);
    const term = members.find((m) => m.glossaryTerm)?.glossaryTerm;
    // Glossary variants of a glossary person are reported by glossary-forbidden already.
    if (term && members.every((m) => m.glossaryTerm === term)) continue;
    const sForm = ctx.script === 'hans' ? canonical : Array.from(canonical, tsChar).join('');
    const sl = members[0].surnameLen;
    out.push({
      spellings: members,
      canonical,
      key: `entity:${sForm.slice(0, sl)}:${givenPinyin(sForm, sl)}`,
      reasons: [...(reasons.get(root) ?? [])],
      roles: [...new Set(members.flatMap((m) => [...m.roles]))],
    });
  }
  return out;
}

// ---------------------------------------------------------------- findings

function describe(g: EntityGroup): ReturnType<typeof findingMessage> {
  const role = g.roles.filter((r) => r !== 'other').map((r) => ROLE_LABEL.get(r) ?? r);
  const parts = g.spellings.map((sp) => `${sp.text} (${sp.mentions.length}×)`).join(', ') + (role.length ? `, ${role.join('/')}` : '');
  const why: FindingMessageRef[] = [];
  for (const sp of g.spellings) {
    const r = restoreOverConversion(sp.text);
    if (r !== sp.text) {
      const diffs = Array.from(sp.text).flatMap((c, i) => (c !== Array.from(r)[i] ? [`${Array.from(r)[i]} → ${c}`] : []));
      why.push(part('entity.reason.over-conversion', { spelling: sp.text, original: r, changes: diffs.join(', ') }));
    }
  }
  if (g.reasons.includes('sound')) why.push(part('entity.reason.sound'));
  if (g.reasons.includes('role')) why.push(role.length ? part('entity.reason.role.named', { roles: role.join(', ') }) : part('entity.reason.role'));
  if (g.reasons.includes('conversion')) why.push(part('entity.reason.conversion'));
  if (g.reasons.includes('length')) why.push(part('entity.reason.length'));
  if (g.reasons.includes('order')) why.push(part('entity.reason.order'));
  if (g.reasons.includes('glossary')) why.push(part('entity.reason.glossary'));
  const base = { count: g.spellings.length, spellings: parts, canonical: g.canonical };
  return why.length ? findingMessage('entity.group.reasons', { ...base, reasons: why }) : findingMessage('entity.group', base);
}

export function groupFindings(groups: EntityGroup[], prefix = ''): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) {
    const ms = g.spellings
      .flatMap((sp) => sp.mentions)
      .sort((a, b) => (a.documentId ?? 0) - (b.documentId ?? 0) || a.order - b.order || a.start - b.start);
    const loc = (m: Mention): Location & { fixes: Finding['fixes'] } => ({
      segmentId: m.segmentId,
      start: m.start,
      end: m.end,
      text: m.text,
      ...(m.documentId !== undefined ? { documentId: m.documentId } : {}),
      fixes: m.text === g.canonical ? [] : [{ start: m.start, end: m.end, replacement: g.canonical }],
    });
    const primary = ms.find((m) => m.text !== g.canonical) ?? ms[0];
    const p = loc(primary);
    out.push({
      rule: 'entity-consistency',
      severity: 'warning',
      segmentId: p.segmentId,
      start: p.start,
      end: p.end,
      text: p.text,
      ...(p.documentId !== undefined ? { documentId: p.documentId } : {}),
      ...describe(g),
      fixes: p.fixes,
      group: prefix + g.key,
      related: ms.filter((m) => m !== primary).map(loc),
    });
  }
  return out;
}

export function entityFindings(mentions: Mention[], ctx: CheckContext): Finding[] {
  return groupFindings(groupMentions(mentions, ctx));
}

/**
 * Across the documents of a project: spellings of one person that differ between documents,
 * and one unique role (a company's CEO, CFO …) held by differently named people in two documents.
 */
export function projectEntityFindings(perDoc: { documentId: number; mentions: Mention[] }[], ctx: CheckContext): Finding[] {
  const all = perDoc.flatMap((d) => d.mentions);
  const groups = groupMentions(all, ctx).filter((g) => {
    const docs = new Map<number, Set<string>>();
    for (const sp of g.spellings) for (const m of sp.mentions) docs.set(m.documentId ?? 0, (docs.get(m.documentId ?? 0) ?? new Set()).add(sp.text));
    const sets = [...docs.values()].map((s) => [...s].sort().join('|'));
    // spellings that differ only in variant forms (谷臺生/谷台生): the project-wide variant rule's finding
    if (new Set(g.spellings.map((sp) => variantNormal(sp.text))).size === 1) return false;
    return docs.size > 1 && new Set(sets).size > 1;
  });
  const out = groupFindings(groups, 'project-');
  const grouped = new Set(groups.flatMap((g) => g.spellings.map((s) => s.text)));

  // Same unique role, different people, in different documents.
  const holders = new Map<string, Map<string, Mention[]>>(); // role → spelling → mentions with that title
  for (const m of all) {
    for (const r of m.roles) {
      if (!UNIQUE_ROLES.has(r)) continue;
      const bySp = holders.get(r) ?? new Map<string, Mention[]>();
      addTo(bySp, m.text, m);
      holders.set(r, bySp);
    }
  }
  // one finding per pair of names: a chair-and-CEO (董事长兼首席执行官) is one difference, not two
  const pairs = new Map<string, { roles: string[]; A: Mention[]; B: Mention[]; a: string; b: string; org: string | null }>();
  for (const [role, bySp] of holders) {
    const names = [...bySp.keys()];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const A = bySp.get(names[i])!;
        const B = bySp.get(names[j])!;
        if (grouped.has(names[i]) && grouped.has(names[j])) continue;
        const docsA = new Set(A.map((m) => m.documentId));
        const docsB = new Set(B.map((m) => m.documentId));
        if ([...docsA].every((d) => docsB.has(d)) && [...docsB].every((d) => docsA.has(d))) continue; // same documents: not a cross-document difference
        const orgA = A.find((m) => m.org)?.org ?? null;
        const orgB = B.find((m) => m.org)?.org ?? null;
        if (orgA && orgB && orgKey(orgA, ctx.glossary) !== orgKey(orgB, ctx.glossary)) continue; // different companies
        const key = [names[i], names[j]].sort().join('|');
        const seen = pairs.get(key);
        if (seen) seen.roles.push(role);
        else pairs.set(key, { roles: [role], A, B, a: names[i], b: names[j], org: orgA || orgB });
      }
    }
  }
  for (const [key, { roles, A, B, a: nameA, b: nameB, org }] of pairs) {
    const a = A[0];
    const label = roles.map((r) => ROLE_LABEL.get(r) ?? r).join('/');
    const at = new Set<Mention>([a]);
    const related = [...A.slice(1), ...B].filter((m) => !at.has(m) && (at.add(m), true));
    out.push({
      rule: 'entity-consistency',
      severity: 'warning',
      segmentId: a.segmentId,
      start: a.start,
      end: a.end,
      text: a.text,
      ...(a.documentId !== undefined ? { documentId: a.documentId } : {}),
      ...(org
        ? findingMessage('entity.role.org', { role: label, org, a: nameA, docA: a.documentId ?? 0, b: nameB, docB: B[0].documentId ?? 0 })
        : findingMessage('entity.role', { role: label, a: nameA, docA: a.documentId ?? 0, b: nameB, docB: B[0].documentId ?? 0 })),
      fixes: [],
      group: `project-role:${key}`,
      related: related.map((m) => ({ segmentId: m.segmentId, start: m.start, end: m.end, text: m.text, documentId: m.documentId, fixes: [] })),
    });
  }
  return out;
}
