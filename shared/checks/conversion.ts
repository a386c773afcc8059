/**
 * Conversion checks for a Traditional document produced (or possibly produced) by OpenCC from
 * Simplified:
 *  - conversion-ambiguity: characters whose Simplified form has several Traditional forms,
 *    ranked by how likely the conversion guessed wrong here;
 *  - simplified-in-traditional: Simplified-only characters left in the text;
 *  - variant-mixing: one document using two standard forms of one character (爲/為, 戶/户).
 *
 * The core idea is a replay: the text is taken back to Simplified (aligned) and OpenCC's own
 * Simplified→Traditional matching is run over it again, so for every character we know
 * whether a dictionary phrase decided it, which phrase, or whether the character table's
 * default did.
 */
import { findingMessage } from '../finding-messages';
import { getConverter } from '../text/convert';
import { Analysis, candidatesOf, charOf, charTable, icuWordIn, icuWords, isHanAt, isHanCode, regionalMap, s2tTrie, stCharsMap, tsChar, tsCharsMap } from './analysis';
import { ONE_TO_MANY } from './data/oneToMany';
import { USAGE_NOTES, VARIANT_GROUPS } from './data/misuse';
import { PHRASE_STATS } from './data/phraseStats';
import { TW_VARIANTS, HK_VARIANTS } from './data/variants';
import { NAME_PLAUSIBLE_T } from './data/names';
import { BRAND_FORMS } from './data/brands';
import { PRESS_FORMS } from './data/press-forms';
import { MENTION_REACH, type Mention } from './entities';
import { neighbourForm, neighbourWitness, preparePhraseContext } from './phrase-context';
import { analysesRegion, hongKongAccepts, taiwanAccepts, taiwanStandardWord, writtenFor } from './regional';
import type { CheckContext, Finding, Fix, Severity } from './types';
import { addTo, partitionPoint } from './collect';
import { senseCueAt } from './sense-cues';

// ---------------------------------------------------------------- data (lazy)

interface ConvData {
  /** every Traditional candidate of a one-to-many Simplified character */
  tCandidates: Set<string>;
  tCandidateCodes: Uint8Array;
  simplifiedOnlyCodes: Uint8Array;
  variantMemberCodes: Uint8Array;
  /** usage-note example words: Simplified → Traditional */
  examples: Map<string, { t: string; note: string; s: string }>;
  exampleLengths: number[];
  /** per UTF-16 code: bit min(L, 31) set when an example word of length L starts (ends) with it; a word is looked up only where both bits are set */
  exampleStarts: Uint32Array;
  exampleEnds: Uint32Array;
  /** the same for an example word's second character (every one has two or more) */
  exampleSeconds: Uint32Array;
  /** Simplified characters some example word contains (by UTF-16 code) */
  exampleCharCodes: Uint8Array;
  /** ONE_TO_MANY by UTF-16 code (what `ONE_TO_MANY[charOf(code)]` gives), a look-up at every place of a scan without a string key */
  candidatesByCode: (readonly string[] | undefined)[];
  /** the form OpenCC's usage notes give for "all other senses" (其餘用「佈」), per Simplified character */
  generalForm: Map<string, string>;
  simplifiedOnly: Set<string>;
  /** unordered variant pairs "a|b" (sorted) that are interchangeable forms of one character */
  variantPairs: Set<string>;
}
let data: ConvData | null = null;

/**
 * Standard Traditional forms of a region that OpenCC's variant tables (HKVariants, TWVariants)
 * do not list, so its character table alone would call them Simplified: Hong Kong's character-form
 * standard writes 恒 for 恆 (恒生, 恒隆, 恒基 and most Hong Kong names with it), and its press 迹
 * for 跡 (迹象, 事迹: the older form, which Traditional dictionaries list beside 跡). Not leftovers.
 */
const REGIONAL_FORMS_UNLISTED: readonly (readonly [string, string])[] = [['恆', '恒'], ['跡', '迹']];

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const lengthBit = (length: number) => 1 << Math.min(length, 31);

function exampleEdges(words: Iterable<string>): { exampleStarts: Uint32Array; exampleEnds: Uint32Array; exampleSeconds: Uint32Array } {
  const exampleStarts = new Uint32Array(65536);
  const exampleEnds = new Uint32Array(65536);
  const exampleSeconds = new Uint32Array(65536);
  for (const w of words) {
    exampleStarts[w.charCodeAt(0)] |= lengthBit(w.length);
    exampleEnds[w.charCodeAt(w.length - 1)] |= lengthBit(w.length);
    exampleSeconds[w.charCodeAt(1)] |= lengthBit(w.length);
  }
  return { exampleStarts, exampleEnds, exampleSeconds };
}

let byCode: (readonly string[] | undefined)[] | null = null;
/** ONE_TO_MANY by UTF-16 code, built once. */
function candidatesByCode(): (readonly string[] | undefined)[] {
  if (!byCode) {
    byCode = new Array<readonly string[] | undefined>(65536).fill(undefined);
    for (const [sch, cands] of Object.entries(ONE_TO_MANY)) if (sch.length === 1) byCode[sch.charCodeAt(0)] = cands;
  }
  return byCode;
}

function convData(): ConvData {
  if (data) return data;
  // the phrase-context witness's table, built with the other tables (prepareChecks warms them all)
  preparePhraseContext();
  const tCandidates = new Set<string>();
  for (const cands of Object.values(ONE_TO_MANY)) for (const c of cands) tCandidates.add(c);
  const examples = new Map<string, { t: string; note: string; s: string }>();
  for (const n of USAGE_NOTES) {
    for (const ex of n.examples) {
      if (ex.s.length !== ex.t.length || ex.t.length < 2 || !Array.from(ex.t).every((_, i) => isHanAt(ex.t, i))) continue;
      if (!ex.s.includes(n.s)) continue;
      examples.set(ex.s, { t: ex.t, note: n.note, s: n.s });
    }
  }
  const st = stCharsMap();
  const valid = new Set<string>(tCandidates);
  for (const v of st.values()) valid.add(v);
  for (const k of tsCharsMap().keys()) valid.add(k);
  for (const [a, b] of [...TW_VARIANTS, ...HK_VARIANTS, ...REGIONAL_FORMS_UNLISTED]) valid.add(a).add(b);
  for (const g of VARIANT_GROUPS) for (const x of g) valid.add(x);
  const simplifiedOnly = new Set<string>();
  for (const [k, v] of st) if (k !== v && !valid.has(k)) simplifiedOnly.add(k);

  // Variant pairs; a pair whose two forms are both Traditional candidates of one Simplified
  // character is a meaning distinction (雕/鵰, 才/纔), not a variant.
  const variantPairs = new Set<string>();
  const ambiguousPair = (a: string, b: string) => Object.values(ONE_TO_MANY).some((c) => c.includes(a) && c.includes(b));
  const add = (a: string, b: string) => {
    if (a !== b && a.length === 1 && b.length === 1 && !ambiguousPair(a, b)) variantPairs.add(pairKey(a, b));
  };
  for (const [a, b] of [...TW_VARIANTS, ...HK_VARIANTS]) add(a, b);
  for (const [rep, ...vs] of VARIANT_GROUPS) for (const v of vs) add(rep, v);
  data = {
    tCandidates,
    tCandidateCodes: charTable(tCandidates),
    simplifiedOnlyCodes: charTable(simplifiedOnly),
    variantMemberCodes: charTable([...variantPairs].flatMap((p) => p.split('|'))),
    examples,
    exampleLengths: [...new Set([...examples.keys()].map((k) => k.length))].sort((a, b) => a - b),
    ...exampleEdges(examples.keys()),
    exampleCharCodes: charTable([...examples.values()].map((e) => e.s)),
    candidatesByCode: candidatesByCode(),
    generalForm: new Map(
      USAGE_NOTES.flatMap((n) => {
        const m = /其[餘他][^，。；「]*?[用作爲為]「?([\u4e00-\u9fff])」?/.exec(n.note);
        return m && n.candidates.includes(m[1]) ? [[n.s, m[1]] as [string, string]] : [];
      }),
    ),
    simplifiedOnly,
    variantPairs,
  };
  return data;
}

/**
 * Is `c` the Taiwan or Hong Kong standard form of OpenCC's `x` (纔 → 才, 爲 → 為)? Such a
 * spelling is accepted in any Traditional document: 方才 is not an error for OpenCC's 方纔.
 */
function isRegionalForm(x: string, c: string): boolean {
  return regionalMap('tw').get(x) === c || regionalMap('hk').get(x) === c;
}

/** Share of OpenCC's phrases that need a non-default form of this Simplified character. */
function alternativeShare(s: string): number {
  const row = PHRASE_STATS[s];
  if (!row) return 0;
  const vals = Object.values(row);
  const total = vals.reduce((a, b) => a + b, 0);
  return total ? (total - vals[0]) / total : 0;
}
/** Characters whose default the lens shows: at least this share of phrases need another form. */
const LENS_SHARE = 0.15;
/** Does the lens show the default `def` of `sch`: the usage notes' form for all other senses is another, or (no such note) many phrases need another form? */
function lensShows(D: ConvData, sch: string, def: string): boolean {
  const general = D.generalForm.get(sch);
  return general ? general !== def : alternativeShare(sch) >= LENS_SHARE;
}

const wordCache = new Map<string, boolean>();
/**
 * Does ICU, on the phrase alone, put the character at `offset` into a word of two or more
 * characters (布局, 复合|架)? Then it belongs to a real word wherever the phrase stands and the
 * phrase is not suspected of cutting across one. Cached: phrases repeat.
 */
function inWordOfPhrase(phrase: string, offset: number): boolean {
  const key = `${phrase}#${offset}`;
  let v = wordCache.get(key);
  if (v === undefined) {
    const w = icuWords(phrase).find(([a, b]) => a <= offset && offset < b);
    v = !!w && w[1] - w[0] >= 2;
    if (wordCache.size > 20000) wordCache.clear();
    wordCache.set(key, v);
  }
  return v;
}

/**
 * Does OpenCC's phrase s[pStart, pEnd) read as a word at this place? Not when a word of two or
 * more characters crosses its edge: the classical 有云 ('it is said') matched inside 公有|云.
 * Where the phrase stands as a word (古人有云) the text going against it is reported.
 */
function phraseHoldsHere(s: string, pStart: number, pEnd: number): boolean {
  return !wordsAround(s, pStart - 6, pEnd + 6).some(([p, q]) => q - p >= 2 && ((p < pStart && q > pStart) || (p < pEnd && q > pEnd)));
}

/** Positions covered by an ICU word of two or more characters that crosses an edge of s[pStart, pEnd). */
function crossingAt(s: string, pStart: number, pEnd: number): (p: number) => boolean {
  const crossing = wordsAround(s, pStart - 6, pEnd + 6).filter(([p, q]) => q - p >= 2 && ((p < pStart && q > pStart) || (p < pEnd && q > pEnd)));
  return (i) => crossing.some(([p, q]) => p <= i && i < q);
}

/** crossingAt of the replay or of the text. */
function crossingEither(s: string, text: string, pStart: number, pEnd: number): (p: number) => boolean {
  const inS = crossingAt(s, pStart, pEnd);
  const inText = crossingAt(text, pStart, pEnd);
  return (i) => inS(i) || inText(i);
}

function wordsAround(s: string, a: number, b: number): [number, number][] {
  const lo = Math.max(0, a);
  return icuWords(s.slice(lo, Math.min(s.length, b))).map(([x, y]) => [x + lo, y + lo]);
}
function wordAt(words: [number, number][], k: number): [number, number] {
  return words.find(([a, b]) => a <= k && k < b) ?? [k, k + 1];
}

/**
 * Does the text with `y` at k put k into an ICU word of two or more characters? ICU's dictionary
 * is made apart from OpenCC's tables: a second witness that the other form is a word here.
 */
function alternativeMakesWord(text: string, k: number, y: string): boolean {
  return alternativeWord(text, k, y) !== null;
}
/** Does the text make an ICU word of two or more characters at k that lies inside the phrase [pStart, pEnd)? */
function textFormMakesWord(text: string, k: number, pStart: number, pEnd: number): boolean {
  const [ws, we] = icuWordIn(text, k - 4, k + 5, k);
  return we - ws >= 2 && ws >= pStart && we <= pEnd;
}
/** The ICU word of two or more characters `y` (or its regional form: OpenCC's 麪, the regions' 麵) makes at k, if any. */
function alternativeWord(text: string, k: number, y: string): string | null {
  const a = Math.max(0, k - 4);
  for (const form of new Set([y, regionalMap('tw').get(y) ?? y, regionalMap('hk').get(y) ?? y])) {
    const withY = text.slice(a, k) + form + text.slice(k + 1, Math.min(text.length, k + 5));
    const [ws, we] = icuWordIn(withY, 0, withY.length, k - a);
    if (we - ws >= 2) return withY.slice(ws, we);
  }
  return null;
}

// ---------------------------------------------------------------- conversion-ambiguity

interface Hit {
  severity: Severity;
  suggest: string[];
  msg: ReturnType<typeof findingMessage>;
  /** the person's name the character stands in (a name's characters are reported together: oneCardPerName) */
  name?: Mention;
  /**
   * The document's own words decided it (one sense per discourse, the document writing the phrase's
   * form elsewhere): a re-check of the segment alone cannot see that, so the finding is stored as a
   * document finding and survives an edit elsewhere in its segment (core/checks.ts recheckSegment).
   */
  fromDocument?: boolean;
}

function fixesFor(k: number, suggest: string[], c: string): Fix[] {
  return [...new Set(suggest)].filter((x) => x && x !== c).map((x) => ({ start: k, end: k + 1, replacement: x }));
}

const list = (cs: readonly string[]) => cs.join('/');
/** A department (資工系, 經濟系) is 系: a name ending in a discipline before it. */
/** What the formal copula 係 stands before (係依, 係因, 係指, 係由, 係為): a reason, a basis, a definition, an agent. */
const COPULA_NEXT = new Set(['依', '因', '指', '由', '為', '为', '屬', '属']);
/** Adverbs right before the formal copula (主要係, 乃係, 均係, 亦係, 確係, 實係, 多係, 仍係). */
const COPULA_ADVERB = /(?:主要|乃|均|皆|亦|確|确|實|实|多|仍)$/;
/** A department named by a determiner (本系, 該系, 各系, 此系, 全系): the 系 of a school, not the copula. */
const DEPARTMENT_BEFORE = /[本該该各此全每原]/;
const DISCIPLINE_END = /[工學学科文理法商醫医農农藝艺經经管電电機机化物數数資资史語语]/;

/**
 * Conversion-ambiguity findings for one segment of a Traditional document. Ranking, first
 * match wins:
 *  - error: an example word in OpenCC's usage notes (doc_characters-easy-to-misuse) is written
 *    with another form (發布 where the notes give 發佈);
 *  - warning: a person's name holds an S→T default that names rarely want (李徵 for 李征;
 *    unless OpenCC's phrase list knows that very name, as it knows 范冰冰);
 *  - warning: the text contradicts the OpenCC phrase covering the character;
 *  - warning: OpenCC's phrase choice looks like a mis-segmentation — the phrase keeps a
 *    non-default form but cuts across a word ICU knows (the classical phrase 有云 'it is said'
 *    matched where 云 is a cloud after a word ending in 有), or a phrase overlapping it on the
 *    right gives a form that makes a real Traditional word (…有云海…: 云海 → 雲海);
 *  - info (the lens): the character table's default was used with no phrase to confirm it, for
 *    characters whose default is the narrow sense by OpenCC's usage notes (布 is cloth, 佈 all
 *    other senses) or, without a note, whose other forms many phrases need; and only where the
 *    character is not part of a longer ICU word.
 */
/** The message for an over-converted character at k of the name `m`: the name with the Simplified character put back. */
function nameMessage(text: string, k: number, m: Mention, sch: string, cands: readonly string[]) {
  const fixed = text.slice(m.start, k) + sch + text.slice(k + 1, m.end);
  const inSurname = k - m.start < m.surnameLen;
  return findingMessage(inSurname ? 'conversion.name.surname' : 'conversion.name.given', { c: text[k], name: m.text, s: sch, forms: list(cands), fixed });
}

/**
 * A person's name holding a region's form of an S→T default that names rarely want: 沈裡安 (s2tw's
 * 裡 for OpenCC's 裏, the default of 里) for 沈里安. The same judgement as the name branch of
 * ambiguityFindings, for the character the region's form stands for.
 */
function regionalNameFinding(a: Analysis, k: number, mentionAt: (k: number) => Mention | undefined): Finding | null {
  const text = a.text;
  const c = text[k];
  const sch = a.s[k];
  const cands = ONE_TO_MANY[sch];
  const y = cands?.find((f) => isRegionalForm(f, c));
  if (!cands || !y || y === sch || !cands.includes(sch) || NAME_PLAUSIBLE_T.has(y) || NAME_PLAUSIBLE_T.has(c)) return null;
  const m = mentionAt(k);
  if (!m) return null;
  // a name OpenCC's phrase list knows as written (范冰冰) is no over-conversion
  const rp = a.replay;
  if (rp.end[k] - rp.start[k] >= 2 && rp.start[k] <= m.start && rp.end[k] >= m.end) return null;
  const msg = nameMessage(text, k, m, sch, cands);
  return {
    rule: 'conversion-ambiguity',
    severity: 'warning',
    segmentId: a.seg.id,
    start: k,
    end: k + 1,
    text: c,
    ...msg,
    fixes: fixesFor(k, [sch], c),
    related: [],
    group: `conversion-ambiguity:${c}>${sch}:${msg.message}`,
  };
}

/** Does some OpenCC phrase (two or more characters) over position k of s, inside s[lo, hi), write c there? */
function phraseWritesHere(trie: ReturnType<typeof s2tTrie>, s: string, k: number, c: string, lo = 0, hi = s.length): boolean {
  for (let q = Math.max(lo, k - 7); q <= k; q++) {
    let node = trie.child(s.charCodeAt(q));
    for (let j = q + 1; node !== undefined; j++) {
      const v = node.trie_val;
      if (v !== undefined && j > k && j - q >= 2 && v.length === j - q && v[k - q] === c) return true;
      if (j >= hi) break;
      node = node.get(s.charCodeAt(j));
    }
  }
  return false;
}

/**
 * The walk over a segment's places (ambiguityFindings) creates no closure: one capturing the
 * loop's variables makes V8 allocate their context at every position of the text. What its
 * branches ask of lists and of the phrase are these functions.
 */
/** The mention of the segment covering position k. */
/**
 * `at(k)`: the first of `mentions` (in the list's order) on segment `segmentId` covering place k.
 * Built once per segment looked at: by position (binary search), not a scan of every mention per
 * place — a segment with no full stop may hold thousands of names.
 */
function mentionFinder(mentions: readonly Mention[], segmentId: number): (k: number) => Mention | undefined {
  const own: { m: Mention; n: number }[] = [];
  mentions.forEach((m, n) => {
    if (m.segmentId === segmentId) own.push({ m, n });
  });
  if (!own.length) return () => undefined;
  own.sort((x, y) => x.m.start - y.m.start || x.n - y.n);
  return (k) => {
    const lo = partitionPoint(own.length, (i) => own[i].m.start <= k);
    let best: { m: Mention; n: number } | undefined;
    for (let j = lo - 1; j >= 0 && own[j].m.start > k - MENTION_REACH; j--) if (k < own[j].m.end && (!best || own[j].n < best.n)) best = own[j];
    return best?.m;
  };
}
/**
 * OpenCC's left-to-right phrase match took the first character of the next word (单月|历史: 月历 →
 * 月曆, leaving 單月曆史): the text reads the phrase's span as a word of its own (月曆) and orphans
 * the character after it (史), while the other form makes that next word (歷史), and ICU reads the
 * source's character in that next word (历史). `s`: the Simplified replay, `wc`: the text's word at
 * the character `k`, `wy`: the word there with the other form.
 */
function stolenHead(s: string, text: string, a0: number, b0: number, k: number, pStart: number, pEnd: number, wc: readonly number[], wy: readonly number[]): boolean {
  if (wc[0] < pStart || wc[1] > pEnd || wy[1] <= pEnd || pEnd >= text.length) return false;
  const after = icuWordIn(text, a0, b0, pEnd);
  if (after[1] - after[0] !== 1) return false;
  // and the source reads the character in the next word too (单|月|历史), not in the phrase's (天后|宫: the temple 天后宮)
  return icuWordIn(s, a0, b0, k)[1] > pEnd;
}

/** A word of two or more characters crossing an edge of the phrase [pStart, pEnd). */
function crossingWord(words: readonly [number, number][], pStart: number, pEnd: number): [number, number] | undefined {
  for (const w of words) {
    const [p, q] = w;
    if (q - p >= 2 && ((p < pStart && q > pStart) || (p < pEnd && q > pEnd))) return w;
  }
  return undefined;
}
/**
 * Does a shorter OpenCC phrase inside s[pStart, pEnd), clear of every word crossing one of its
 * edges, write c at k? Then the phrase's form at k stands on a word of its own (签约 → 簽約)
 * and the crossing word (签约金|额: 金额) says nothing against it.
 */
function shorterPhraseAgrees(trie: ReturnType<typeof s2tTrie>, s: string, k: number, c: string, pStart: number, pEnd: number, words: readonly [number, number][]): boolean {
  let lo = pStart;
  let hi = pEnd;
  for (const [p, q] of words) {
    if (q - p < 2) continue;
    if (p < pStart && q > pStart) lo = Math.max(lo, q);
    if (p < pEnd && q > pEnd) hi = Math.min(hi, p);
  }
  return k >= lo && k < hi && hi - lo >= 2 && phraseWritesHere(trie, s, k, c, lo, hi);
}
/** The word ending at k. */
function wordEndingAt(words: readonly [number, number][], k: number): [number, number] | undefined {
  for (const w of words) if (w[1] === k) return w;
  return undefined;
}

/** A place of a one-to-many character inside OpenCC's phrase [pStart, pEnd) writing x where the text writes c. */
interface PhrasePlace {
  text: string;
  s: string;
  k: number;
  c: string;
  sch: string;
  x: string;
  def: string;
  pStart: number;
  pEnd: number;
  /** a neighbour inside the phrase backs its form among OpenCC's other phrases */
  inside: boolean;
  trie: ReturnType<typeof s2tTrie>;
  senses?: DocumentSenses;
}

/** The text keeps the default the Simplified writes, and the document writes the phrase's form in other words. */
function documentWrites({ c, sch, def, x, senses }: PhrasePlace): boolean {
  return c === sch && c === def && !!senses && senses.wordCount(sch, x) >= DOCUMENT_FORM_WORDS;
}

/** Whether the text's form goes against the phrase OpenCC used at this place (with or without the document's own words as a witness). */
function againstPhrase(place: PhrasePlace, withDocument: boolean): boolean {
  const { text, s, k, c, sch, x, def, pStart, pEnd, inside, trie, senses } = place;
  const keptDefault = c === sch && c === def;
  return (
    (c !== sch || (keptDefault && (alternativeMakesWord(text, k, x) || pEnd - pStart >= LONG_PHRASE || inside || (withDocument && documentWrites(place))))) &&
    !taiwanStandardWord(`${text.slice(pStart, k)}${x}${text.slice(k + 1, pEnd)}`, text.slice(pStart, pEnd)) &&
    // a phrase crossing a word of the text speaks only through a neighbour the crossing word leaves it, or through the document
    // (crossing words read in the Simplified replay and in the text as written: ICU reads 有|云|端的 in
    // the replay of 有雲端的, where the text's 雲端 is the word the classical 有云 cuts into)
    ((phraseHoldsHere(s, pStart, pEnd) && phraseHoldsHere(text, pStart, pEnd)) ||
      phraseNeighbourWitness(s, k, x, pStart, pEnd, crossingEither(s, text, pStart, pEnd)) ||
      (withDocument && documentWrites(place))) &&
    // the document's own sense against an odd phrase, unless OpenCC's other phrases back the phrase's form (洗髮 beside 洗髮精, 洗髮水 …)
    (inside || !documentSenseAgainstOddPhrase(text, k, c, x, sch, withDocument ? senses : undefined)) &&
    // a non-default form against a phrase writing the default (日昇 in 日昇科技 against 日升) is no
    // converter's doing unless another phrase over this place writes it (断发 → 斷髮 in 不斷髮展):
    // without the phrase a converter writes the default too, so a writer chose it
    (c === def || x !== def || phraseWritesHere(trie, s, k, c)) &&
    // the text's own form makes a word of its own inside the phrase (回復 'restore' in 回復至 against
    // 回复's 回覆 'reply'; 夥伴 in 合作夥伴): the other sense, not a contradiction — only for a form that
    // is not the Simplified character itself, which ICU's dictionary also lists as Simplified words
    (c === sch || !textFormMakesWord(text, k, pStart, pEnd) || phraseWritesHere(trie, s, k, c))
  );
}

/** The longest phrase match from each position of the segment being looked at (ambiguityFindings), -1 until asked: reused. */
let endsScratch = new Int32Array(1024);

/** A character's other candidates. */
const othersThan = (cands: readonly string[], c: string) => cands.filter((y) => y !== c);

export function ambiguityFindings(a: Analysis, mentions: readonly Mention[], ctx: CheckContext, senses?: DocumentSenses): Finding[] {
  if (ctx.script !== 'hant') return [];
  const text = a.text;
  const D = convData();
  const T = D.tCandidateCodes;
  const R = senseCodeTable();
  let any = false;
  for (let i = 0; i < text.length && !any; i++) any = T[text.charCodeAt(i)] === 1;
  if (!any) return [];
  const s = a.s;
  const rp = a.replay;
  const trie = s2tTrie();
  // Hong Kong's spellings (應佔, 本周) where the document is written for Hong Kong: its region read
  // from the whole document, or (one segment checked alone) from the project's variant or the segment
  const hk = ctx.variant === 'hk' || (senses ? senses.region === 'hk' : writtenFor([text]) === 'hk');
  const accepts = (x: string, c: string) => taiwanAccepts(x, c) || hongKongAccepts(x, c, hk);
  const out: Finding[] = [];
  let ends: Int32Array | null = null;
  let mentionAtK: ((k: number) => Mention | undefined) | null = null;
  // the name hits, by the name they stand in (oneCardPerName)
  let names: { finding: Finding; m: Mention; k: number; sch: string }[] | null = null;

  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (T[code] !== 1) {
      // a region's form of a candidate (Taiwan's 裡 for OpenCC's 裏) is looked at in a person's name only
      if (R[code] === 1 && mentions.length) {
        const f = regionalNameFinding(a, k, (mentionAtK ??= mentionFinder(mentions, a.seg.id)));
        if (f) out.push(f);
      }
      continue;
    }
    // one string per character, not per place (charOf)
    const c = charOf(code);
    const schCode = s.charCodeAt(k);
    const sch = charOf(schCode);
    const cands = D.candidatesByCode[schCode];
    if (!cands || !cands.includes(c)) continue;
    const xCode = rp.outCode(k);
    const x = xCode ? charOf(xCode) : '';
    const pStart = rp.start[k];
    const pEnd = rp.end[k];
    const phrase = pEnd - pStart >= 2;
    const def = cands[0];
    let hit: Hit | null = null;

    // Usage-note example words covering k.
    let supported = false;
    if (D.exampleCharCodes[schCode] === 1) for (const L of D.exampleLengths) {
      const bit = lengthBit(L);
      for (let st = Math.max(0, k - L + 1); st <= k && st + L <= s.length && !hit; st++) {
        // no example word of this length starts, goes on and ends with these characters: nothing to look up
        if (!(D.exampleStarts[s.charCodeAt(st)] & bit) || !(D.exampleEnds[s.charCodeAt(st + L - 1)] & bit) || !(D.exampleSeconds[s.charCodeAt(st + 1)] & bit)) continue;
        const ex = D.examples.get(s.slice(st, st + L));
        if (!ex) continue;
        // A longer or overlapping OpenCC phrase that agrees with the text is more specific than
        // the notes' example word (一出戲院 is not 一齣戲; 胃口喫飯 is not 口吃); so is a phrase entry for
        // the very word, where the notes' example is odd (倖運 for 幸運, 鑒定 for 鑑定, 攻剋 for 攻克):
        // OpenCC's own converter writes the text's form there, as Taiwan and Hong Kong do.
        if (phrase && x === c) continue;
        const e = st + L - 1;
        if ((rp.start[st] < st && rp.end[st] - rp.start[st] >= 2) || (rp.end[e] > st + L && rp.end[e] - rp.start[e] >= 2)) continue;
        const want = ex.t[k - st];
        // 發布 against the notes' 發佈: Taiwan's standard form is no error
        if (want === c || isRegionalForm(want, c) || accepts(want, c)) supported = true;
        else if (cands.includes(want))
          hit = {
            severity: 'error',
            suggest: [want],
            msg: findingMessage('conversion.usage-note', { word: text.slice(st, st + L), example: ex.t, note: ex.note, s: sch, forms: list(cands), want }),
          };
      }
      if (hit) break;
    }
    if (!hit && supported) continue;

    // In a person's name.
    const m = !hit ? (mentionAtK ??= mentionFinder(mentions, a.seg.id))(k) : undefined;
    if (!hit && m) {
      const known = phrase && pStart <= m.start && pEnd >= m.end && x === c;
      if (!known && c !== sch && cands.includes(sch) && !NAME_PLAUSIBLE_T.has(c)) {
        hit = { severity: 'warning', suggest: [sch], msg: nameMessage(text, k, m, sch, cands), name: m };
      } else continue;
    }

    // Against the phrase OpenCC used here — unless that phrase is no word here because it cuts
    // across a word of the text (有云 'it is said' inside 公有|雲): then the text's form is a
    // correct fix, not a contradiction.
    // Nor where the text has the form Taiwan writes or accepts for OpenCC's (公布 for 公佈, 週邊 for 周邊).
    // Where the text keeps the very character Simplified writes, only when that is also the
    // character table's default (托, 制, 周: what any converter writes where its phrase table has
    // no entry, 托管 for 託管) and a witness says the phrase's form belongs here: it makes a word
    // of its own (託管, 製程; not the odd 摺合 for 折合), the phrase is long (雲吞麪), OpenCC's other
    // phrases write that form next to the same neighbour (捲髮 beside 捲髮棒, 捲髮器), or the
    // document itself writes that form in other words (本週, 週線 around a kept 周 of 二周). A kept
    // non-default (于, 丰, 征 against 於, 豐, 徵) is no converter's doing: a writer chose it — in
    // names (處長于…, 寶丰) that the phrase (長於, 宝丰) cuts into.
    if (!hit && phrase && x && x !== c && cands.includes(x) && !isRegionalForm(x, c) && !accepts(x, c)) {
      const place: PhrasePlace = { text, s, k, c, sch, x, def, pStart, pEnd, inside: phraseNeighbourWitness(s, k, x, pStart, pEnd), trie, senses };
      if (againstPhrase(place, true))
        hit = {
          severity: 'warning',
          suggest: [x],
          msg: findingMessage('conversion.phrase', { phrase: s.slice(pStart, pEnd), expected: `${text.slice(pStart, k)}${x}${text.slice(k + 1, pEnd)}`, c, s: sch, forms: list(cands) }),
          fromDocument: !!senses && !againstPhrase(place, false),
        };
    }

    if (!hit && phrase && x === c) {
      // A phrase keeping a non-default form while cutting across a word.
      if (c !== def && !accepts(def, c) && !inWordOfPhrase(s.slice(pStart, pEnd), k - pStart)) {
        const words = wordsAround(s, pStart - 6, pEnd + 6);
        const [ws, we] = wordAt(words, k);
        const crossing = crossingWord(words, pStart, pEnd);
        // (not where a shorter phrase of OpenCC's, clear of the crossing word, writes c too: 签约 → 簽約 inside 签约金|额)
        if (we - ws === 1 && crossing && !shorterPhraseAgrees(trie, s, k, c, pStart, pEnd, words)) {
          hit = {
            severity: 'warning',
            suggest: [def, ...othersThan(cands, c)],
            msg: findingMessage('conversion.phrase-crosses-word', {
              c,
              phrase: s.slice(pStart, pEnd),
              converted: text.slice(pStart, pEnd),
              word: text.slice(crossing[0], crossing[1]),
              s: sch,
              def,
              fixed: `${text.slice(Math.min(crossing[0], k), k)}${def}${text.slice(k + 1, Math.max(crossing[1], k + 1))}`,
              forms: list(cands),
            }),
          };
        }
      }
      // An overlapping phrase that OpenCC's left-to-right matching passed over.
      for (let q = pStart + 1; q <= k && !hit; q++) {
        // the longest match from q, once per position of the segment (every character of a phrase asks)
        if (!ends) {
          // one scratch array for every segment (a typed array of its own per segment cost more than the look-ups it saves)
          if (endsScratch.length < s.length) endsScratch = new Int32Array(Math.max(s.length, 2 * endsScratch.length));
          ends = endsScratch.fill(-1, 0, s.length);
        }
        if (ends[q] < 0) ends[q] = trie.longest(s, q);
        const end = ends[q];
        // only a phrase running past P's end: one inside P is less specific than P (星露谷物語 ⊃ 谷物)
        if (end - q < 2 || end <= pEnd) continue;
        const mm = trie.matchPrefix(s, q)!;
        if (mm.value.length !== mm.end - q) continue;
        const y = mm.value[k - q];
        if (y === c || y === sch || !cands.includes(y)) continue;
        const a0 = Math.max(0, q - 3);
        const b0 = Math.min(text.length, mm.end + 3);
        const withY = text.slice(a0, k) + y + text.slice(k + 1, b0);
        const w = icuWordIn(withY, 0, withY.length, k - a0);
        const wy = [w[0] + a0, w[1] + a0];
        const wc = icuWordIn(text, a0, b0, k);
        // (or the text's word there is the passed-over phrase itself, in the Simplified spelling ICU's dictionary also
        // lists: 新制|程 for 新|製程, where OpenCC's 制程 → 製程 lost to the shorter 新制 that began first)
        // (a Traditional form of its own there, 併行 or 盡快, is a writer's word: only the Simplified character itself)
        const passedOver = c === sch && wc[0] === q && wc[1] === mm.end && wy[0] === q && wy[1] === mm.end;
        if (wy[1] - wy[0] >= 2 && (wc[1] - wc[0] < 2 || passedOver || stolenHead(s, text, a0, b0, k, pStart, pEnd, wc, wy))) {
          hit = {
            severity: 'warning',
            suggest: [y],
            msg: findingMessage('conversion.overlapping-phrase', {
              phrase: s.slice(pStart, pEnd),
              converted: text.slice(pStart, pEnd),
              other: s.slice(q, mm.end),
              otherConverted: mm.value,
              word: withY.slice(wy[0] - a0, wy[1] - a0),
              y,
              s: sch,
              forms: list(cands),
            }),
          };
        }
      }
    }

    // 係 ('is', 'because') of formal writing, which Simplified writes 系 and the character table
    // turns back into 系: 系依/系因/系指/系由/系為 where 系 stands alone as a word (not 體系依, 派系因, 資工系依),
    // or after an adverb of the formal copula (主要系暑期畢業生, 乃系, 均系) — not a department (本系, 該系).
    if (!hit && c === '系') {
      const adverb = COPULA_ADVERB.exec(text.slice(Math.max(0, k - 2), k))?.[0];
      if (COPULA_NEXT.has(text[k + 1]) || adverb) {
        const words = wordsAround(text, k - 4, k + 3);
        const [ws, we] = wordAt(words, k);
        const prev = wordEndingAt(words, k);
        if (we - ws === 1 && prev && !DISCIPLINE_END.test(text[k - 1]) && !DEPARTMENT_BEFORE.test(text[k - 1]))
          hit = {
            severity: 'warning',
            suggest: ['係'],
            msg: COPULA_NEXT.has(text[k + 1])
              ? findingMessage('conversion.copula', { c, word: text.slice(k, k + 2), fixed: `係${text[k + 1]}` })
              : findingMessage('conversion.copula.after', { c, adverb: adverb!, word: `${adverb}${c}`, fixed: `${adverb}係` }),
          };
      }
    }

    // A word the converter writes in one sense where what follows says the other (回覆至疫情前水平 → 回復: sense-cues.ts).
    if (!hit) {
      const cue = senseCueAt(text, k);
      if (cue && cue.fixed[cue.word.length - 1] !== c && cands.includes(cue.fixed[cue.word.length - 1]))
        hit = {
          severity: 'warning',
          suggest: [cue.fixed[cue.word.length - 1]],
          msg: findingMessage('conversion.sense-cue', { word: cue.word, fixed: cue.fixed, cue: cue.cue }),
        };
    }

    // The character table's default with no phrase to confirm it, for characters whose default
    // is the narrow sense (the usage notes give another form for "all other senses", as 布 → 佈)
    // or, without such a note, whose other forms many OpenCC phrases need; only where the
    // character makes no word of two or more characters with its neighbours. Then:
    //  - warning: another form makes a word there (涼面 → 涼麵, 松動 → 鬆動) — ICU's dictionary,
    //    made apart from OpenCC's tables, is the witness, in both directions;
    //  - info (the lens): else, the default unconfirmed.
    if (!hit && !phrase && c === x && lensShows(D, sch, def)) {
      const [ws, we] = icuWordIn(text, k - 4, k + 5, k);
      if (we - ws < 2) {
        const better: { y: string; word: string }[] = [];
        for (const y of othersThan(cands, c)) {
          const word = alternativeWord(text, k, y);
          if (word) better.push({ y, word });
        }
        const near = !better.length && !FUNCTION_DEFAULTS.has(c) ? loneNeighbourWitness(text, s, k, c) : null;
        // OpenCC's 麪 as the document's region writes it (麵)
        const y = near ? (regionalMap(ctx.variant).get(near.form) ?? (senses?.region ? regionalMap(senses.region).get(near.form) : undefined) ?? near.form) : '';
        hit = near
          ? {
              severity: 'warning',
              suggest: [y],
              msg: findingMessage('conversion.neighbour-phrases', { c, s: sch, forms: list(cands), y, neighbour: text[near.at], examples: near.examples.join('、') }),
            }
          : better.length
          ? {
              severity: 'warning',
              suggest: better.map((o) => o.y),
              msg: findingMessage('conversion.other-form-word', { c, s: sch, forms: list(cands), word: better[0].word }),
            }
          : LENS_QUIET.has(c)
          ? null
          : {
              severity: 'info',
              suggest: othersThan(cands, c),
              msg: findingMessage('conversion.default-unconfirmed', { c, s: sch, forms: list(cands) }),
            };
      }
    }

    // One sense per discourse: the converter's form standing alone (no word with its neighbours)
    // where nothing but the character table's default or an odd phrase put it — a phrase that is
    // no word here (游出 'swim out' in 團體游出團; then the sibling must stand in more words than
    // the phrase's form) — in a document that writes a sibling form in
    // three or more different words (髮 in 頭髮, 洗髮, 護髮 around a lone 發 of 發品; 遊 in 旅遊,
    // 遊客 …). Not for the function words among the defaults (並, 於, 了, 後 …), which stand
    // alone by grammar whatever the document is about.
    if (
      (!hit || hit.severity === 'info') &&
      senses &&
      c === x &&
      !FUNCTION_DEFAULTS.has(c) &&
      // a phrase whose form OpenCC's other phrases write next to the same neighbour is no odd one (洗髮 beside 洗髮精, 洗髮水 …)
      (phrase ? !inWordOfPhrase(s.slice(pStart, pEnd), k - pStart) && !phraseNeighbourWitness(s, k, c, pStart, pEnd) : c === def)
    ) {
      const sibling = senses.sibling(sch, c);
      // after a phrase, the sibling must be the document's main sense: in more words than the phrase's form
      if (sibling && (!phrase || sibling.words.length > senses.wordCount(sch, c))) {
        const [ws, we] = icuWordIn(text, k - 4, k + 5, k);
        if (we - ws < 2)
          hit = {
            severity: 'warning',
            suggest: [sibling.form],
            msg: findingMessage('conversion.discourse', { c, s: sch, forms: list(cands), y: sibling.form, words: sibling.words.slice(0, 3).join('、'), count: sibling.words.length }),
            fromDocument: true,
          };
      }
    }

    if (hit) {
      const fixes = fixesFor(k, hit.suggest, c);
      // Same character, same advice, same wording (the message quotes the phrase) → one group, so the
      // panel lists six occurrences of one phrase as one finding with "Fix all", like a name group.
      const group = `conversion-ambiguity:${c}>${hit.suggest.join('')}:${hit.msg.message}`;
      out.push({ rule: 'conversion-ambiguity', severity: hit.severity, segmentId: a.seg.id, start: k, end: k + 1, text: c, ...hit.msg, fixes, related: [], group, ...(hit.fromDocument ? { scope: 'document' as const } : {}) });
      if (hit.name) (names ??= []).push({ finding: out[out.length - 1], m: hit.name, k, sch });
    }
  }
  return names ? oneCardPerName(out, names, a.seg.id) : out;
}

/**
 * A name with two or more characters over-converted (範雲徵 for 范雲征) as one finding over the whole
 * name, fixed to the name with every one of them restored: one card saying what the name probably
 * is, instead of one per character, each restoring only its own (范雲徵, 範雲征).
 */
function oneCardPerName(out: Finding[], names: readonly { finding: Finding; m: Mention; k: number; sch: string }[], segmentId: number): Finding[] {
  const byName = new Map<number, { finding: Finding; m: Mention; k: number; sch: string }[]>();
  for (const n of names) addTo(byName, n.m.start, n);
  const merged = new Set<Finding>();
  const whole: Finding[] = [];
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    const m = list[0].m;
    let fixed = m.text;
    for (const n of list) fixed = fixed.slice(0, n.k - m.start) + n.sch + fixed.slice(n.k - m.start + 1);
    const msg = findingMessage('conversion.name.chars', { name: m.text, fixed, chars: list.map((n) => n.finding.text).join('、'), s: list.map((n) => n.sch).join('、') });
    for (const n of list) merged.add(n.finding);
    whole.push({
      rule: 'conversion-ambiguity',
      severity: 'warning',
      segmentId,
      start: m.start,
      end: m.end,
      text: m.text,
      ...msg,
      fixes: [{ start: m.start, end: m.end, replacement: fixed }],
      related: [],
      group: `conversion-ambiguity:${m.text}>${fixed}`,
    });
  }
  return merged.size ? [...out.filter((f) => !merged.has(f)), ...whole].sort((x, y) => x.start - y.start) : out;
}

// ---------------------------------------------------------------- the phrase-context witness

/** A phrase of at least this many characters is specific enough to speak against a kept default on its own (云吞面 → 雲吞麪). */
const LONG_PHRASE = 3;
/** The document writes the phrase's form in at least this many different words: its own witness for a kept default. */
const DOCUMENT_FORM_WORDS = 2;
/** Inside a phrase, a neighbour backs the phrase's form when this many of OpenCC's phrases (the phrase itself among them) write it next to it. */
const PHRASE_NEIGHBOUR_MIN = 2;
/**
 * Where no phrase covers a lone default the lens shows, one phrase writing another form next to
 * the same lone neighbour, and none writing the default there, is enough: the lens has already
 * found a default that is the narrow sense with no word around it (干 of 干发 → 乾髮 in 幹發帽).
 */
const LONE_NEIGHBOUR_MIN = 1;

/**
 * Does a neighbour of k inside the phrase [pStart, pEnd) — with neither of the two covered by a word
 * crossing the phrase's edge (`crossed`: 三十 of 十周年 in 成立三十周年 leaves 周年 to the phrase) —
 * vote for the phrase's form x among OpenCC's other phrases?
 */
function phraseNeighbourWitness(s: string, k: number, x: string, pStart: number, pEnd: number, crossed?: (p: number) => boolean): boolean {
  // a crossing word that takes k itself (試卷 of 卷发 in 試卷發給) leaves the phrase nothing to say about k
  if (crossed?.(k)) return false;
  return (
    (k - 1 >= pStart && !crossed?.(k - 1) && neighbourWitness(s, k, x, 'L', PHRASE_NEIGHBOUR_MIN)) ||
    (k + 1 < pEnd && !crossed?.(k + 1) && neighbourWitness(s, k, x, 'R', PHRASE_NEIGHBOUR_MIN))
  );
}

/**
 * A form other than c that OpenCC's phrases write next to a neighbour of k that itself stands
 * alone (no ICU word of two or more characters): a neighbour inside a word of its own (結|合 of
 * 結合並) is that word's, not this character's.
 */
function loneNeighbourWitness(text: string, s: string, k: number, c: string): { form: string; at: number; examples: readonly string[] } | null {
  const w = neighbourForm(s, k, c, LONE_NEIGHBOUR_MIN);
  if (!w) return null;
  const at = w.side === 'L' ? k - 1 : k + 1;
  if (!isHanAt(text, at)) return null;
  const [ws, we] = icuWordIn(text, at - 4, at + 5, at);
  return we - ws < 2 ? { form: w.form, at, examples: w.examples } : null;
}

// ---------------------------------------------------------------- one sense per discourse

/**
 * The other direction of one sense per discourse: the text writes `c` against OpenCC's phrase
 * form `x`, the document writes `c` for this character in three or more different words, and
 * `x` makes no word here (發 of the entry 发的 in 傷髮的, 游 of 游出 in 團體遊出團): the phrase
 * entry is odd at this place and the text's form is the document's sense — no warning.
 */
function documentSenseAgainstOddPhrase(text: string, k: number, c: string, x: string, sch: string, senses?: DocumentSenses): boolean {
  if (!senses || senses.sibling(sch, x)?.form !== c) return false;
  return !alternativeMakesWord(text, k, x);
}

/** Function words that are a one-to-many character's default: they stand alone by grammar, whatever the document is about. */
const FUNCTION_DEFAULTS = new Set(['了', '於', '個', '幾', '只', '並', '才', '後', '向', '當', '裏', '據']);
/**
 * Defaults the lens (info: the default unconfirmed) leaves alone: function words standing alone by grammar
 * (於 'at', 並, 只; 須 'must'), whose other forms are a name's (于), a beard (鬚) or a word no phrase hides.
 * On the tune halves they were most of the lens's cards and none of its hits; a name keeps its own rules (曾於芳).
 */
const LENS_QUIET = new Set([...FUNCTION_DEFAULTS, '須']);
/** A sibling form is the document's sense of a character when it stands in at least this many different words. */
const DISCOURSE_WORDS = 3;

/**
 * The forms a document writes for each one-to-many Simplified character inside words: a phrase
 * of OpenCC's that decided it, or an ICU word of two or more characters around it (頭髮, 洗髮,
 * 麵粉). A lone character (no phrase, no word) counts for nothing: that is the place in question.
 */
export interface DocumentSenses {
  /** the form other than `c` the document writes for `s` in DISCOURSE_WORDS or more different words (the most words first) */
  sibling(s: string, c: string): { form: string; words: string[] } | null;
  /** in how many different words the document writes `c` for `s` */
  wordCount(s: string, c: string): number;
  /** the region the document is written for, read from its wording (regional.ts writtenFor) */
  region: 'tw' | 'hk' | null;
}

let senseCodes: Uint8Array | null = null;
/** The candidates of one-to-many characters and their regional forms (麵 for 麪). */
function senseCodeTable(): Uint8Array {
  if (!senseCodes) {
    const cs = new Set(convData().tCandidates);
    for (const c of [...cs]) for (const m of [regionalMap('tw'), regionalMap('hk')]) if (m.get(c)?.length === 1) cs.add(m.get(c)!);
    senseCodes = charTable(cs);
  }
  return senseCodes;
}

/** A place of a one-to-many character in a segment: position, and the candidate it stands for (麪 where the text writes the regions' 麵). */
export interface SensePlace {
  k: number;
  form: string;
}

/**
 * The places of every one-to-many character of one segment, by Simplified character (in order of
 * first place), each in text order. Packed: the positions alone, in one typed array (the character
 * and the candidate it stands for are read again from the text when asked), and one shared empty
 * value for the many segments without a place — a document's evidence keeps every segment's between
 * re-checks (as a map of objects, ~8 MB on the 1 MB bench text).
 */
export class SensePlaces {
  static readonly EMPTY = new SensePlaces('', '', '', new Int32Array(0));
  constructor(
    private readonly text: string,
    private readonly s: string,
    /** the Simplified characters with a place, in order of first place */
    private readonly schs: string,
    /** the places, in text order */
    private readonly at: Int32Array,
  ) {}

  /** The Simplified characters with a place here. */
  keys(): string[] {
    return [...this.schs];
  }

  /** The places of `sch`, in text order. */
  get(sch: string): SensePlace[] | undefined {
    if (!this.schs.includes(sch)) return undefined;
    const out: SensePlace[] = [];
    // this.s[k] === sch, without a string per place
    const code = sch.length === 1 ? sch.charCodeAt(0) : -1;
    for (const k of this.at) if (this.s.charCodeAt(k) === code) out.push({ k, form: placeForm(sch, charOf(this.text.charCodeAt(k)))! });
    return out;
  }
}

/** The candidate of `sch` a text's character `c` stands for: itself, or the one it is a region's form of (Taiwan's and Hong Kong's 麵 for OpenCC's 麪). */
function placeForm(sch: string, c: string): string | undefined {
  // (by code: asked at every place of a candidate in the document)
  const cands = sch.length === 1 ? candidatesByCode()[sch.charCodeAt(0)] : ONE_TO_MANY[sch];
  if (!cands) return undefined;
  return cands.includes(c) ? c : cands.find((y) => isRegionalForm(y, c));
}

/** The places of every one-to-many character of one segment (memoised on the analysis: a document's evidence kept between re-checks asks again). */
export function sensePlaces(a: Analysis): SensePlaces {
  return a.memo('sense-places', () => {
    if (a.ctx.script !== 'hant') return SensePlaces.EMPTY;
    const T = senseCodeTable();
    const text = a.text;
    const s = a.s;
    let at: number[] | null = null;
    let schs = '';
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (T[code] !== 1) continue;
      const sch = charOf(s.charCodeAt(k));
      if (!placeForm(sch, charOf(code))) continue;
      (at ??= []).push(k);
      if (!schs.includes(sch)) schs += sch;
    }
    return at ? new SensePlaces(text, s, schs, Int32Array.from(at)) : SensePlaces.EMPTY;
  });
}

/** The word a place of a one-to-many character stands in (OpenCC's phrase, else an ICU word of two or more characters), or null; memoised on the analysis. */
function senseWord(a: Analysis, k: number): string | null {
  const words = a.memo('sense-words', () => new Map<number, string | null>());
  let word = words.get(k);
  if (word !== undefined) return word;
  const text = a.text;
  const rp = a.replay;
  word = null;
  if (rp.end[k] - rp.start[k] >= 2) word = text.slice(rp.start[k], rp.end[k]);
  else {
    const [ws, we] = icuWordIn(text, k - 4, k + 5, k);
    if (we - ws >= 2) word = text.slice(ws, we);
  }
  words.set(k, word);
  return word;
}

/**
 * What the document's senses are read from: the segments holding a one-to-many character, in
 * document order, and the region the document is written for. `documentSenses` reads a run's
 * analyses; a document's evidence kept between segment re-checks (`evidence.ts`) gives the same
 * from what it keeps, so both read the same senses.
 */
export interface SenseSource {
  /** the analyses whose text holds a place of `sch`, in document order */
  holding(sch: string): Iterable<Analysis>;
  region: 'tw' | 'hk' | null;
}

/** The document's senses over a run's analyses (document order). */
export function documentSenses(analyses: readonly Analysis[]): DocumentSenses {
  // one cheap pass: the places of every one-to-many character; words only for a character asked about
  const holding = new Map<string, Analysis[]>();
  for (const a of analyses) for (const sch of sensePlaces(a).keys()) {
    addTo(holding, sch, a);
  }
  return sensesFrom({ holding: (sch) => holding.get(sch) ?? [], region: analysesRegion(analyses) });
}

/** The senses of a document kept between re-checks: `forget` a character whose places changed (read again when asked). */
export interface KeptSenses extends DocumentSenses {
  forget(sch: string): void;
}

/** What a segment gives the senses of one character: each place's form, word and written character, in text order (equal lists: the same senses). */
export function senseContribution(a: Analysis, sch: string): string {
  return (sensePlaces(a).get(sch) ?? []).map((p) => `${p.form}${a.text[p.k]}${senseWord(a, p.k) ?? ''}`).join('|');
}

export function sensesFrom(source: SenseSource): KeptSenses {
  const cache = new Map<string, { words: Map<string, Set<string>>; written: Map<string, string> }>();
  const sensesOf = (sch: string) => {
    let v = cache.get(sch);
    if (v) return v;
    v = { words: new Map(), written: new Map() };
    cache.set(sch, v);
    const list: { a: Analysis; k: number; form: string }[] = [];
    for (const a of source.holding(sch)) for (const p of sensePlaces(a).get(sch) ?? []) list.push({ a, k: p.k, form: p.form });
    const byForm = new Map<string, number>();
    for (const p of list) byForm.set(p.form, (byForm.get(p.form) ?? 0) + 1);
    // no form at enough places to stand in enough words: nothing to ask ICU
    if (![...byForm.values()].some((n) => n >= DISCOURSE_WORDS)) return v;
    for (const { a, k, form } of list) {
      const word = senseWord(a, k);
      if (!word) continue;
      let set = v.words.get(form);
      if (!set) v.words.set(form, (set = new Set()));
      set.add(word);
      v.written.set(form, a.text[k]);
    }
    return v;
  };
  const formOf = (s: string, c: string) => ((ONE_TO_MANY[s] ?? []).includes(c) ? c : (ONE_TO_MANY[s] ?? []).find((y) => isRegionalForm(y, c)));
  const siblings = new Map<string, Map<string, { form: string; words: string[] } | null>>();
  return {
    get region() {
      return source.region;
    },
    sibling(s, c) {
      const own = formOf(s, c);
      // asked at every lone place of the character: one answer per character and form until the character is forgotten
      let bySch = siblings.get(s);
      if (!bySch) siblings.set(s, (bySch = new Map()));
      const key = own ?? '';
      if (bySch.has(key)) return bySch.get(key)!;
      const { words, written } = sensesOf(s);
      const best = [...words].filter(([f, w]) => f !== own && w.size >= DISCOURSE_WORDS).sort((x, y) => y[1].size - x[1].size)[0];
      const answer = best ? { form: written.get(best[0]) ?? best[0], words: [...best[1]] } : null;
      bySch.set(key, answer);
      return answer;
    },
    wordCount(s, c) {
      const form = formOf(s, c);
      return form ? (sensesOf(s).words.get(form)?.size ?? 0) : 0;
    },
    forget(sch) {
      cache.delete(sch);
      siblings.delete(sch);
    },
  };
}

// ---------------------------------------------------------------- 后 after a figure's unit

/**
 * 后 right after a figure's day or money unit (10天后上市, 扣除資本支出68.7億元后): OpenCC's phrases 天后 (a
 * goddess) and 元后 (an empress) took the unit, so 后 kept its own form; after a figure it is 'after', 後.
 */
const AFTER_FIGURE_UNIT = /([\d０-９][\d０-９,，.．]*(?:[萬万億亿])?)(天|元)后/g;

export function afterFigureFindings(a: Analysis, ctx: CheckContext): Finding[] {
  if (ctx.script !== 'hant' || !a.text.includes('后')) return [];
  const out: Finding[] = [];
  AFTER_FIGURE_UNIT.lastIndex = 0;
  for (let m = AFTER_FIGURE_UNIT.exec(a.text); m; m = AFTER_FIGURE_UNIT.exec(a.text)) {
    const k = m.index + m[0].length - 1;
    out.push({
      rule: 'conversion-ambiguity',
      severity: 'warning',
      segmentId: a.seg.id,
      start: k,
      end: k + 1,
      text: '后',
      ...findingMessage('conversion.phrase-crosses-word', { c: '后', phrase: `${m[2]}后`, converted: `${m[2]}后`, word: m[1] + m[2], s: '后', def: '後', fixed: `${m[2]}後`, forms: '後/后' }),
      fixes: [{ start: k, end: k + 1, replacement: '後' }],
      related: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------- simplified-in-traditional

const TO_T = { t: 's2t', tw: 's2tw', hk: 's2hk' } as const;

export function simplifiedFindings(a: Analysis, ctx: CheckContext): Finding[] {
  if (ctx.script !== 'hant') return [];
  const D = convData();
  const text = a.text;
  const pos: number[] = [];
  const SO = D.simplifiedOnlyCodes;
  for (let k = 0; k < text.length; k++) if (SO[text.charCodeAt(k)] === 1) pos.push(k);
  if (!pos.length) return [];
  // a character OpenCC itself keeps in this phrase is not a leftover (恒生 stays 恒生)
  const rp0 = a.replay;
  for (let i = pos.length - 1; i >= 0; i--) if (rp0.out(pos[i]) === text[pos[i]]) pos.splice(i, 1);
  if (!pos.length) return [];
  let han = 0;
  for (let k = 0; k < text.length; k++) if (isHanAt(text, k)) han++;
  const regional = regionalMap(ctx.variant);
  const rp = a.replay;
  const target = (k: number) => {
    const x = rp.out(k) || candidatesOf(text[k])[0];
    return regional.get(x) ?? x;
  };
  if (pos.length >= 4 && pos.length >= han * 0.25) {
    const converted = getConverter(TO_T[ctx.variant]).convert(text);
    return [
      {
        rule: 'simplified-in-traditional',
        severity: 'error',
        segmentId: a.seg.id,
        start: 0,
        end: text.length,
        text,
        ...findingMessage('simplified.segment', { count: pos.length, examples: [...new Set(pos.map((k) => text[k]))].slice(0, 5).join(' ') }),
        fixes: converted !== text ? [{ start: 0, end: text.length, replacement: converted }] : [],
        related: [],
      },
    ];
  }
  return pos.map((k) => {
    const c = text[k];
    const t = target(k);
    const alts = ONE_TO_MANY[c] ?? [];
    return {
      rule: 'simplified-in-traditional' as const,
      severity: 'error' as const,
      segmentId: a.seg.id,
      start: k,
      end: k + 1,
      text: c,
      ...(alts.length > 1 ? findingMessage('simplified.char.alts', { c, t, alts: list(alts.filter((x) => x !== t)) }) : findingMessage('simplified.char', { c, t })),
      fixes: fixesFor(k, [t, ...alts], c),
      related: [],
    };
  });
}

// ---------------------------------------------------------------- variant-mixing

/**
 * One document using two interchangeable forms of a character (爲 and 為, 戶 and 户): the
 * minority form is reported, one finding per pair, with a fix to the majority form at every
 * place. Which form is "standard" at a position comes from the replay (what OpenCC would
 * write there for the document's variant), so a pair that means different things in the
 * OpenCC standard (着/著 in 預示着 and 顯著) is not confused with a variant.
 */
export function variantMixingFindings(analyses: Analysis[], ctx: CheckContext): Finding[] {
  if (ctx.script !== 'hant') return [];
  const D = convData();
  interface Use {
    a: Analysis;
    k: number;
    std: string;
  }
  // A document written for Taiwan or Hong Kong (by its wording) wants the region's forms whatever
  // its converter wrote: no majority vote there (an s2t feed writes 爲 throughout, an s2hk feed 説).
  const region = writtenFor(analyses.map((a) => a.text));
  // what is left to a vote is counted by the region's forms where the wording says it (Hong Kong's 着 the
  // particle and 著 in 顯著 are two readings, not one character written two ways), else the document's variant
  const regional = regionalMap(region ?? ctx.variant);
  // a converter's output: a fixed point of OpenCC's, or (another converter, another dictionary) a text writing
  // forms neither region writes (爲, 僞): then Hong Kong's 啓 and 羣 are the converter's too, not a writer's choice
  const converted = !!region && (convertedByOpenCC(analyses) || analyses.some((a) => neitherRegionWrites().test(a.text)));
  const offStandard = new Map<string, Use[]>();
  // keyed by the form OpenCC would write (for the document's variant) → form actually used → places
  const byStd = new Map<string, Map<string, Use[]>>();
  for (const a of analyses) {
    for (const { k, form: c, opencc: x0 } of variantPlaces(a, !!region)) {
      const want = region ? regionalForm(x0, region, converted) : undefined;
      if (want && c !== want && isVariantForm(x0, c)) {
        const key = `${c}>${want}`;
        let uses = offStandard.get(key);
        if (!uses) offStandard.set(key, (uses = []));
        uses.push({ a, k, std: want });
        continue;
      }
      if (!D.variantPairs.has(pairKey(c, x0)) && c !== x0) continue;
      const std = regional.get(x0) ?? x0;
      if (std !== c && !D.variantPairs.has(pairKey(c, std))) continue;
      let forms = byStd.get(std);
      if (!forms) byStd.set(std, (forms = new Map<string, Use[]>()));
      let uses = forms.get(c);
      if (!uses) forms.set(c, (uses = []));
      uses.push({ a, k, std });
    }
  }
  const out: Finding[] = [];
  for (const [key, uses] of offStandard) {
    const [minor, major] = key.split('>');
    out.push(
      variantMixingFinding(
        uses.map((u) => ({ segmentId: u.a.seg.id, k: u.k })),
        minor,
        major,
        // the official form a converter keeps everywhere (臺, 啓, 羣), where the region's papers write another: no form the region lacks
        findingMessage(PRESS_MAP.get(minor) === major && OFFICIAL_KEPT[region ?? 'tw'].has(minor) ? 'variant.regional.press' : region === 'hk' ? 'variant.regional.hk' : 'variant.regional', { major, minor, minorCount: uses.length }),
        `variant:${pairKey(major, minor)}`,
      ),
    );
  }
  for (const forms of byStd.values()) {
    if (forms.size < 2) continue;
    // majority first; on a tie, the form OpenCC would write
    const sorted = [...forms.entries()].sort((x, y) => y[1].length - x[1].length || (x[1][0].std === x[0] ? -1 : y[1][0].std === y[0] ? 1 : 0));
    const [major, majorUses] = sorted[0];
    for (const [minor, minorUses] of sorted.slice(1)) {
      out.push(
        variantMixingFinding(
          minorUses.map((u) => ({ segmentId: u.a.seg.id, k: u.k })),
          minor,
          major,
          findingMessage(minorUses.length > 1 ? 'variant.mixing.many' : 'variant.mixing.one', { major, majorCount: majorUses.length, minor, minorCount: minorUses.length }),
          `variant:${pairKey(major, minor)}`,
        ),
      );
    }
  }
  return out;
}

/**
 * Places of one segment where a member of a variant pair stands (爲/為, 裏/裡, 戶/户…), with the
 * character OpenCC's s2t writes there from the Simplified form: the context-aware standard
 * form (着 for the particle, 著 in 顯著), so one key per reading. `regional` also takes the
 * members of regional pairs that are one-to-many elsewhere (臺/台, whose 台 can be 颱 or 檯:
 * the replay's reading tells them apart) — the project-wide comparison wants those.
 */
export function variantPlaces(a: Analysis, regional = false): { k: number; form: string; opencc: string }[] {
  const M = regional ? regionalMemberCodes() : convData().variantMemberCodes;
  const text = a.text;
  let any = false;
  for (let k = 0; k < text.length && !any; k++) any = M[text.charCodeAt(k)] === 1;
  if (!any) return [];
  const rp = a.replay;
  const out: { k: number; form: string; opencc: string }[] = [];
  for (let k = 0; k < text.length; k++) {
    if (M[text.charCodeAt(k)] !== 1) continue;
    const opencc = rp.out(k);
    if (opencc) out.push({ k, form: text[k], opencc });
  }
  return out;
}

let regionalCodes: Uint8Array | null = null;
function regionalMemberCodes(): Uint8Array {
  regionalCodes ??= charTable([...[...convData().variantPairs].flatMap((p) => p.split('|')), ...[...TW_VARIANTS, ...HK_VARIANTS, ...PRESS_FORMS].flat()]);
  return regionalCodes;
}

/**
 * The form a region writes for the character OpenCC's s2t writes at a place, where it says so:
 * Taiwan's from OpenCC's TWVariants (爲 → 為, 着 → 著; 說 stays 說, so Hong Kong's 説 is off it);
 * for Hong Kong only what both regions write alike (爲 → 為, 僞 → 偽; not 裏, 着 or 説, which
 * Hong Kong keeps), with the press forms both write (羣 → 群, 啓 → 啟). 臺 and 台 are both the
 * regions' (the official and the press form), as 啓 and 羣 are Hong Kong's (its standard list and
 * OpenCC's HKVariants keep them; a writer may, in names above all: 曾啓豐): only in text a converter
 * wrote (`converted`), where they are the converter's default and not a writer's choice, is the
 * press form wanted.
 * Undefined where the region has no single form.
 */
export function regionalForm(opencc: string, region: 'tw' | 'hk', converted = false): string | undefined {
  const tw = regionalMap('tw').get(opencc);
  const hk = regionalMap('hk').get(opencc);
  if (region === 'tw' && tw) return tw;
  if (region === 'hk' && tw && tw === hk) return hk;
  const press = PRESS_MAP.get(opencc);
  if (press) return (opencc === '臺' || region === 'hk') && !converted ? undefined : press;
  return region === 'tw' && hk ? opencc : undefined;
}

/** OpenCC's standard forms that Taiwan and Hong Kong both write otherwise (爲 → 為, 僞 → 偽): a converter's mark on a text. */
let neitherRegion: RegExp | null = null;
function neitherRegionWrites(): RegExp {
  if (!neitherRegion) {
    const hk = regionalMap('hk');
    const both = [...regionalMap('tw')].filter(([x, t]) => hk.get(x) === t).map(([x]) => x);
    neitherRegion = new RegExp(`[${both.join('')}]`);
  }
  return neitherRegion;
}

/**
 * Is the document OpenCC's own output — a fixed point of its Simplified→Traditional conversion
 * (s2t, s2tw or s2hk: every character what the replay writes there, with the regional forms)?
 * A writer's Traditional differs from it in a few places per hundred characters (台, 布, 裡 for
 * OpenCC's 臺, 佈, 裏); converter output in none but the edits made after it. Allowed: one
 * place, or 0.2 % of the Han characters. `targets` narrows the configs compared: `['s2tw']`
 * asks whether the text carries Taiwan's variant forms as s2tw and s2twp write them. `edited`
 * says which places a reviewer's correction explains, not counted against the text: by default a
 * company's name put right (`nameFormPutRight`: 宏樑 where the converter wrote 梁), so that fixing
 * a name leaves the document a converter's output for every rule that asks. A segment whose
 * imported text the service gives (`machineText`: a reviewer changed it) is read as imported,
 * so any number of corrections leaves a converted document converted.
 */
export function convertedByOpenCC(current: readonly Analysis[], targets: readonly ('s2t' | 's2tw' | 's2hk')[] = ['s2t', 's2tw', 's2hk'], edited: (written: number, opencc: number) => boolean = nameFormPutRight): boolean {
  const { tw, hk, twCodes, hkCodes } = regionalCodeMaps();
  // a segment a reviewer has changed is read as it was imported: the document's provenance, not its corrections
  const analyses = current.map(asImported);
  let han = 0;
  for (const a of analyses) for (let k = 0; k < a.text.length; k++) if (isHanCode(a.text.charCodeAt(k))) han++;
  if (han < 20) return false;
  const allowed = Math.max(1, han * 0.002);
  // places where the text is not what s2t / s2tw / s2hk writes; stop once every target is past the allowance
  const counts = { s2t: 0, s2tw: 0, s2hk: 0 };
  const past = () => targets.every((x) => counts[x] > allowed);
  for (const a of analyses) {
    const text = a.text;
    const rp = a.replay;
    for (let k = 0; k < text.length; k++) {
      const x = rp.outCode(k);
      if (!x) continue;
      const c = text.charCodeAt(k);
      if (c === x) {
        counts.s2tw += twCodes[x];
        counts.s2hk += hkCodes[x];
      } else if (!edited(c, x)) {
        counts.s2t++;
        if (c !== tw.get(x)) counts.s2tw++;
        if (c !== hk.get(x)) counts.s2hk++;
      }
    }
    if (past()) return false;
  }
  return Math.min(...targets.map((x) => counts[x])) <= allowed;
}

/** The analysis of a segment's text as imported, where a reviewer has changed it (`CheckSegment.machineText`); else `a`. */
function asImported(a: Analysis): Analysis {
  const machine = a.seg.machineText;
  if (machine === undefined || machine === a.text) return a;
  // one per analysis: several rules of a run ask the question (the standard forms, s2twp, company names, house style)
  let imported = importedAnalyses.get(a);
  if (!imported) importedAnalyses.set(a, (imported = new Analysis({ id: a.seg.id, text: machine, furniture: a.seg.furniture, speaker: a.seg.speaker }, a.ctx)));
  return imported;
}
const importedAnalyses = new WeakMap<Analysis, Analysis>();

/**
 * A name form (data/brands.ts: 昇, 樑, 杰…) where the converter wrote another form of its Simplified
 * character: a reviewer's correction of a company's name (宏樑 for the converter's 宏梁), no writer's mark.
 */
export function nameFormPutRight(written: number, opencc: number): boolean {
  const c = String.fromCharCode(written);
  return BRAND_FORMS.has(c) && (ONE_TO_MANY[tsChar(c)] ?? []).includes(String.fromCharCode(opencc));
}

let regionalCodeTables: { tw: Map<number, number>; hk: Map<number, number>; twCodes: Uint8Array; hkCodes: Uint8Array } | null = null;
/** OpenCC's TWVariants / HKVariants over UTF-16 code units: standard form → regional form, and which standard forms have one. */
function regionalCodeMaps() {
  if (!regionalCodeTables) {
    const codes = (m: Map<string, string>) => new Map([...m].filter(([a, b]) => a.length === 1 && b.length === 1).map(([a, b]) => [a.charCodeAt(0), b.charCodeAt(0)]));
    const tw = codes(regionalMap('tw'));
    const hk = codes(regionalMap('hk'));
    const table = (m: Map<number, number>) => {
      const t = new Uint8Array(65536);
      for (const k of m.keys()) t[k] = 1;
      return t;
    };
    regionalCodeTables = { tw, hk, twCodes: table(tw), hkCodes: table(hk) };
  }
  return regionalCodeTables;
}

/** The form Taiwan and Hong Kong press write for OpenCC's standard form x (臺 → 台), when OpenCC's regional tables miss it. */
export function pressForm(x: string): string | undefined {
  return PRESS_MAP.get(x);
}
const PRESS_MAP = new Map(PRESS_FORMS.map(([a, b]) => [a, b]));
/** The official forms a region's own standard keeps (Taiwan's 臺; Hong Kong's list 啓, 羣 too) where its papers write the press form: not a form the region lacks. */
const OFFICIAL_KEPT: Record<'tw' | 'hk', ReadonlySet<string>> = { tw: new Set(['臺']), hk: new Set(['臺', '啓', '羣']) };

/** Is `c` OpenCC's standard form `x` itself, or an interchangeable variant of it (為 for 爲, 台 for 臺)? */
export function isVariantForm(x: string, c: string): boolean {
  return c === x || convData().variantPairs.has(pairKey(c, x)) || isRegionalForm(x, c) || PRESS_MAP.get(x) === c;
}

/** Where a one-character variant form stands: its segment, its offset, and its document in a project-wide rule. */
export interface VariantPlace {
  segmentId: number;
  k: number;
  documentId?: number;
}

/**
 * One `variant-mixing` finding over every place the form `minor` stands, each with a fix to
 * `major`: the first place carries the finding, the others are its related locations (fix all).
 */
export function variantMixingFinding(places: readonly VariantPlace[], minor: string, major: string, message: ReturnType<typeof findingMessage>, group: string): Finding {
  const [first, ...rest] = places.map((p) => ({
    segmentId: p.segmentId,
    start: p.k,
    end: p.k + 1,
    text: minor,
    ...(p.documentId !== undefined ? { documentId: p.documentId } : {}),
    fixes: [{ start: p.k, end: p.k + 1, replacement: major }],
  }));
  return { rule: 'variant-mixing', severity: 'warning', ...first, ...message, group, related: rest };
}
