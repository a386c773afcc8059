/**
 * The converter's Taiwan vocabulary, seen across a project (conversion-ambiguity): OpenCC's
 * s2twp replaces mainland words with Taiwan's (its TWPhrases table: 數據 → 資料, 設備 → 裝置,
 * 項目 → 專案, 發佈 → 釋出, 用戶 → 使用者), also in a text that was Taiwanese to begin with and
 * meant the first word. One document alone cannot tell the converter's 資料 from a writer's;
 * a project can:
 *  - s2twp's output holds none of the table's source words, so a document that has any of them
 *    was not localised by it (its 資料 is the writer's) and is left alone;
 *  - in a document with none, a Taiwan word is reported where another document of the project
 *    writes the word's source (數據) and never the word itself — two renderings of one story
 *    that disagree exactly as the converter would make them.
 * One finding per place (its own fix to the source word; no group, so no fix all: see `placeFinding`).
 *
 * Inside one document (`documentVocabularyFindings`, run by runChecks): a document that is s2twp's
 * output is recognisable as a whole — it is a fixed point of OpenCC's conversion with Taiwan's
 * variant forms (`convertedByOpenCC(…, ['s2tw'])`: a writer's text differs from it in a few places
 * per hundred), it holds none of the table's source words, and it holds the words s2twp writes for
 * sources that Taiwan writes too in a sense of their own (`TW_SHARED_SOURCES`: 資料 for 數據, 裝置
 * for 設備, 專案 for 項目). Those words are reported, each place on its own (`placeFinding`): a
 * warning where two or more different ones stand, an info where only one does (a short text, or a
 * writer's own 資料 in a fixed point); in a document written for Taiwan, words Taiwan's writers write in their
 * own right in the same sense (`TW_SHARED_WEAK_SOURCES`: 資料, 聯絡, 元件, 檢視, 執行, 連線, 設定) are information only.
 * Words whose source is mainland usage with a Taiwan counterpart (伺服器 for 服務器) are left
 * alone: a Taiwan writer writes them anyway — but not in a document written for Hong Kong, whose
 * writers write the mainland's word (智能, 網絡, 主板): there every word of the table is reported
 * but those Hong Kong writes itself (`HONG_KONG_WRITES`: 資訊科技, 核心, 應用程式).
 * s2twp's phrase that cut a longer word (零組件 → 零元件) is found in any document (`vocabularyCrossingFindings`).
 */
import { configs as presetConfigs } from 'opencc-js/preset';
import type { DictGroup, DictLike } from 'opencc-js/core';
import { findingMessage } from '../finding-messages';
import { icuWordIn, isHanAt, type Analysis } from './analysis';
import { convertedByOpenCC } from './conversion';
import { TW_SHARED_SOURCES, TW_SHARED_WEAK_SOURCES } from './data/twPhrasesShared';
import type { Finding, Severity } from './types';
import { addTo } from './collect';
import { analysesRegion } from './regional';

interface Vocabulary {
  /** Taiwan word → the source words s2twp writes it for */
  sources: Map<string, string[]>;
  /** source word → the Taiwan words s2twp writes for it */
  targets: Map<string, string[]>;
  /** first character → Taiwan words starting with it, longest first */
  wordsByFirst: ByFirst;
  /**
   * first character → source words starting with it, longest first; only sources no entry
   * writes (文件 is a source, 文件 → 檔案, and what s2twp writes for 文檔: not a sign of a writer)
   */
  sourcesByFirst: ByFirst;
}
let vocabulary: Vocabulary | null = null;

/**
 * Words (two or more UTF-16 units) by their first two code units, longest first: `byFirst[c1]`
 * maps the second unit to the words (small integer keys, so one look-up per character).
 */
interface ByFirst {
  byFirst: (Map<number, string[]> | undefined)[];
}
function byFirst(words: Iterable<string>): ByFirst {
  const table: (Map<number, string[]> | undefined)[] = new Array<Map<number, string[]> | undefined>(65536);
  for (const w of words) {
    const m = (table[w.charCodeAt(0)] ??= new Map<number, string[]>());
    addTo(m, w.charCodeAt(1), w);
  }
  for (const m of table) if (m) for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst: table };
}
/** The longest listed word at k in t, if any. */
function wordAt(t: string, k: number, words: ByFirst): string | undefined {
  const m = words.byFirst[t.charCodeAt(k)];
  return m?.get(t.charCodeAt(k + 1))?.find((w) => t.startsWith(w, k));
}

/** TWPhrases from opencc-js's s2twp preset: the second stage's phrase entries (two or more characters on both sides). */
function twPhrases(): Vocabulary {
  if (vocabulary) return vocabulary;
  const chain = (presetConfigs as unknown as Record<string, { conversionChain: readonly DictGroup[] }>).s2twp.conversionChain;
  const sources = new Map<string, string[]>();
  const entries = (d: DictLike) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')) : (d as readonly (readonly string[])[]));
  for (const dict of chain[1] as readonly DictLike[])
    for (const [k, v] of entries(dict)) {
      // identity entries only stop a shorter match; single characters are TWVariants
      if (!k || !v || k === v || [...k].length < 2 || [...v].length < 2) continue;
      addTo(sources, v, k);
    }
  const written = new Set(sources.keys());
  const targets = new Map<string, string[]>();
  for (const [w, ks] of sources) for (const k of ks) addTo(targets, k, w);
  vocabulary = { sources, targets, wordsByFirst: byFirst(sources.keys()), sourcesByFirst: byFirst(new Set([...sources.values()].flat().filter((w) => !written.has(w)))) };
  return vocabulary;
}

/** Occurrences of the listed words in `t` (longest match at each position, left to right). */
function occurrences(t: string, words: ByFirst): { k: number; word: string }[] {
  const out: { k: number; word: string }[] = [];
  for (let k = 0; k < t.length; k++) {
    const word = wordAt(t, k, words);
    if (!word) continue;
    out.push({ k, word });
    k += word.length - 1;
  }
  return out;
}

/** The places of s2twp's words in a segment, memoised on its analysis (the document pass and the crossing rule both read them; kept evidence keeps them). */
const twWordsOf = (a: Analysis, V: Vocabulary) => a.memo('s2twp-words', () => occurrences(a.text, V.wordsByFirst));

/** Does `t` hold any of the listed words? */
function hasAny(t: string, words: ByFirst): boolean {
  for (let k = 0; k < t.length; k++) if (wordAt(t, k, words)) return true;
  return false;
}

interface Place {
  a: Analysis;
  k: number;
}

/** Two Han characters on one side of the word. */
const hanPair = (s: string) => s.length === 2 && isHanAt(s, 0) && isHanAt(s, 1);

/** Does another document write `source` with the same two characters before or after it, and never `word` there? */
function sameWordsAround(p: Place, word: string, source: string, others: readonly string[]): boolean {
  const t = p.a.text;
  const left = t.slice(p.k - 2, p.k);
  const right = t.slice(p.k + word.length, p.k + word.length + 2);
  const probes = [hanPair(left) ? [left + source, left + word] : null, hanPair(right) ? [source + right, word + right] : null];
  return probes.some((pr) => pr && others.some((x) => x.includes(pr[0]) && !x.includes(pr[1])));
}

export function converterVocabularyFindings(docs: readonly { documentId: number; analyses: readonly Analysis[] }[]): Finding[] {
  if (docs.length < 2) return [];
  const V = twPhrases();
  const hant = docs.map((d) => d.analyses.filter((a) => a.ctx.script === 'hant'));
  // s2twp's output holds none of the table's source words: only a document with none is looked at
  const localised = hant.map((as) => as.length > 0 && !as.some((a) => hasAny(a.text, V.sourcesByFirst)));
  if (!localised.some(Boolean)) return [];
  const texts = hant.map((as) => as.map((a) => a.text).join('\n'));
  const out: Finding[] = [];
  docs.forEach((d, di) => {
    if (!localised[di]) return;
    const others = texts.filter((_, j) => j !== di);
    // words the document's own evidence already reports as warnings (runChecks) are not repeated here
    const own = new Set(documentVocabularyFindings(hant[di]).filter((f) => f.severity === 'warning').map((f) => f.text));
    const wordsIn = wordPlaces(hant[di], V);
    for (const [word, places] of wordsIn) {
      if (own.has(word)) continue;
      for (const source of V.sources.get(word) ?? []) {
        // another document writes the source and never the word, or writes the source in the
        // same two words around it (通膨數據 against this document's 通膨資料) and never the word there
        const everywhere = others.filter((t) => t.includes(source) && !t.includes(word)).length;
        const supported = places.filter((p) => everywhere > 0 || sameWordsAround(p, word, source, others));
        if (!supported.length) continue;
        // one finding per place, each with its own fix and no group: a writer's own word looks the same (no fix all)
        const message = findingMessage('conversion.vocabulary', { word, source, count: supported.length });
        for (const p of supported) out.push(placeFinding(p, word, [source], 'warning', message, d.documentId));
        break;
      }
    }
  });
  return out;
}

/** Places of s2twp's words in a document's segments, per word. */
function wordPlaces(analyses: readonly Analysis[], V: Vocabulary): Map<string, Place[]> {
  const wordsIn = new Map<string, Place[]>();
  for (const a of analyses)
    for (const { k, word } of twWordsOf(a, V)) {
      let places = wordsIn.get(word);
      if (!places) wordsIn.set(word, (places = []));
      places.push({ a, k });
    }
  return wordsIn;
}

const SHARED = new Set(TW_SHARED_SOURCES);
/**
 * Words of s2twp's table that Hong Kong's writers write themselves, in the sense s2twp gives them
 * (資訊科技 is Hong Kong's term for IT, 寬頻 its broadband, 塑膠 its plastic; 核心, 新增, 整合, 查詢,
 * 儲存, 搜尋 are everyday words; 應用程式, 介面, 網站, 訊息 its software words): in a Hong Kong
 * document they are no sign of the converter. General knowledge of Hong Kong usage, chosen over
 * s2twp's whole table (770 entries), as TW_SHARED_SOURCES is of Taiwan's.
 */
const HONG_KONG_WRITES = new Set([
  // information and software
  '資訊', '資訊科技', '資訊安全', '資料', '程式', '應用程式', '介面', '網站', '訊息', '訊號', '通道', '檔案', '文件', '預設',
  '物件', '元件', '模組', '伺服器', '硬碟', '影片', '影像', '寬頻', '線上', '即時', '互動', '模擬', '回撥',
  // everyday verbs and words
  '核心', '新增', '整合', '查詢', '執行', '檢視', '聯絡', '設定', '連線', '儲存', '複製', '搜尋', '開啟', '建立', '啟用',
  '簡報', '塑膠',
]);
const WEAK = new Set(TW_SHARED_WEAK_SOURCES);

/**
 * The converter's Taiwan vocabulary inside one document (conversion-ambiguity, see the head of
 * this file): in a Traditional document that reads as s2twp's output, each word s2twp writes for a
 * source Taiwan also writes (資料 for 數據) is reported at every place, one finding per place with
 * its own fix to the source (no fix all) — a warning where two or more such words stand, else an info.
 */
export function documentVocabularyFindings(analyses: readonly Analysis[]): Finding[] {
  const hant = analyses.filter((a) => a.ctx.script === 'hant');
  if (!hant.length) return [];
  const V = twPhrases();
  // s2twp leaves no source word; one may stand where the reviewer has put it back (設備 for one of
  // the document's 裝置): a listed source whose Taiwan word the document still writes elsewhere
  const whole = hant.map((a) => a.text).join('\n');
  const putBack = new Map<string, boolean>();
  const tolerated = (source: string) => {
    let ok = putBack.get(source);
    if (ok === undefined) putBack.set(source, (ok = SHARED.has(source) && (V.targets.get(source) ?? []).some((w) => whole.includes(w))));
    return ok;
  };
  for (const a of hant) for (let k = 0; k < a.text.length; k++) {
    const source = wordAt(a.text, k, V.sourcesByFirst);
    if (source && !tolerated(source)) return [];
  }
  const region = analysesRegion(hant);
  // in a document written for Hong Kong every word s2twp writes is suspect, not only those Taiwan shares in a
  // sense of its own: Hong Kong writes the mainland's 智能, 網絡, 主板, 調試 (s2twp: 智慧, 網路, 主機板, 除錯) —
  // but for the words Hong Kong's writers write in their own right too (資訊科技, 核心, 查詢, 應用程式)
  const suspect = (word: string, source: string) => SHARED.has(source) || (region === 'hk' && !HONG_KONG_WRITES.has(word));
  const shared = [...wordPlaces(hant, V)].flatMap(([word, places]) => {
    const sources = (V.sources.get(word) ?? []).filter((s) => suspect(word, s));
    return sources.length ? [{ word, places, sources }] : [];
  });
  if (!shared.length || !convertedByOpenCC(hant, ['s2tw'])) return [];
  // in a document written for Taiwan, words Taiwan's writers write in their own right (資料) are information, though they
  // count towards the others' warning; a Hong Kong or mainland writer writes the source (數據), so there they stay as found
  const taiwan = region === 'tw';
  // (not in one written for Hong Kong: its writers write 資料 for information, 執行董事, 檢視 too, but its
  // 數據中心 and 運行 are s2twp's 資料 and 執行 as often — measured on halves E and G: info there cost 8 places found for 6 false alarms fewer)
  const weak = (w: { sources: string[] }) => taiwan && w.sources.every((s) => WEAK.has(s));
  const severity = shared.length >= 2 ? 'warning' : 'info';
  const words = shared.map((w) => w.word).join('、');
  return shared.flatMap((w) => {
    const { word, places, sources } = w;
    // in a Hong Kong document, each is a word s2twp writes for the one Hong Kong writes (智慧 for 智能, 專案 for 項目)
    const message =
      region === 'hk'
        ? findingMessage('conversion.vocabulary.hong-kong', { word, source: sources.join('/'), count: places.length, words })
        : findingMessage('conversion.vocabulary.document', { word, source: sources.join('/'), count: places.length, words });
    return places.map((p) => placeFinding(p, word, sources, weak(w) ? 'info' : severity, message));
  });
}

/** How many characters around a place ICU reads to tell the word it is in. */
const WORD_WINDOW = 4;

/**
 * The ICU word at `at` of a short window with a source put back, remembered by the window's text
 * (the same phrases recur through a document and across re-checks; a bounded map, cleared when full).
 */
const restoredWords = new Map<string, [number, number]>();
function wordOfRestored(restored: string, at: number): [number, number] {
  const key = `${at}|${restored}`;
  let w = restoredWords.get(key);
  if (!w) {
    if (restoredWords.size >= 20_000) restoredWords.clear();
    w = icuWordIn(restored, 0, restored.length, at);
    restoredWords.set(key, w);
  }
  return w;
}

/**
 * s2twp's phrase cut across a word (零組件 → 零元件: its 組件 → 元件 matched inside 零組件, a word its
 * table does not list): with the source put back, ICU reads the source and a neighbouring character
 * as one word (零組件), while the Taiwan word stands apart from them (零|元件). In any document: a
 * broken word is no writer's choice. One finding per place, with the message of its word, source
 * and broken word, so the places of one such word are grouped (fix all) as the other conversion findings are.
 */
export function vocabularyCrossingFindings(a: Analysis): Finding[] {
  if (a.ctx.script !== 'hant') return [];
  const V = twPhrases();
  const t = a.text;
  const out: Finding[] = [];
  for (const { k, word } of twWordsOf(a, V)) {
    const end = k + word.length;
    // a word is cut only where a Han character stands beside it
    if (!(k > 0 && isHanAt(t, k - 1)) && !(end < t.length && isHanAt(t, end))) continue;
    let inWord: boolean | null = null;
    for (const source of V.sources.get(word) ?? []) {
      const lo = Math.max(0, k - WORD_WINDOW);
      const restored = t.slice(lo, k) + source + t.slice(end, end + WORD_WINDOW);
      const sStart = k - lo;
      const sEnd = sStart + source.length;
      const [ws, we] = wordOfRestored(restored, sStart);
      if (!(ws <= sStart && we >= sEnd && we - ws > source.length)) continue;
      // the Taiwan word inside a longer word of the text as it stands (資料庫): nothing was cut (asked only here: rare)
      if (inWord === null) {
        const [cs, ce] = icuWordIn(t, k - WORD_WINDOW, end + WORD_WINDOW, k);
        inWord = cs <= k && ce >= end && ce - cs > word.length;
      }
      if (inWord) break;
      const whole = restored.slice(ws, we);
      // a word of Han characters only, its extra characters the text's own (not a number or a name's initial)
      if (![...whole].every((_, i) => isHanAt(whole, i))) continue;
      const broken = t.slice(lo + ws, k) + word + t.slice(end, end + (we - sEnd));
      const message = findingMessage('conversion.vocabulary.crosses-word', { word, source, whole, broken });
      out.push({
        rule: 'conversion-ambiguity',
        severity: 'warning',
        segmentId: a.seg.id,
        start: k,
        end,
        text: word,
        ...message,
        fixes: [{ start: k, end, replacement: source }],
        related: [],
        // the places of one broken word are one finding with fix all (a broken word is no writer's)
        group: `conversion-ambiguity:${word}>${source}:${message.message}`,
      });
      break;
    }
  }
  return out;
}

/**
 * One place of a converter's word as a finding of its own: its own fix (each source, best first),
 * no group and no related places, so the panel offers Fix for this place and never Fix all — about
 * 40% of such places in an s2twp document are the writer's own word (README, sixth pass), so each
 * place must be looked at. Dismissal is per place too (a dismissal is per stored row). A document's
 * own finding is stored as a document finding (`scope`), so fixing one place keeps the segment's others.
 */
function placeFinding(p: Place, word: string, sources: readonly string[], severity: Severity, message: Pick<Finding, 'message' | 'messageData'>, documentId?: number): Finding {
  return {
    rule: 'conversion-ambiguity',
    severity,
    segmentId: p.a.seg.id,
    start: p.k,
    end: p.k + word.length,
    text: word,
    ...(documentId !== undefined ? { documentId } : {}),
    ...message,
    fixes: sources.map((source) => ({ start: p.k, end: p.k + word.length, replacement: source })),
    related: [],
    // a whole-document pass: a fix at one place re-checks its segment, and the other places there stay
    ...(documentId === undefined ? { scope: 'document' as const } : {}),
  };
}
