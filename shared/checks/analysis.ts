/**
 * Per-segment analysis shared by the checks, computed lazily and at most once per run:
 * the Simplified form of the text (aligned position by position), a replay of OpenCC's
 * Simplified→Traditional conversion over it (which dictionary phrase decided each character),
 * and small helpers (Han test, ICU word boundaries).
 */
import type { DictGroup, DictLike } from 'opencc-js/core';
import { configs as presetConfigs } from 'opencc-js/preset';
import { dictionaryTrie, getConverter, type ConversionConfig, type DictTrie } from '../text/convert';
import { ONE_TO_MANY } from './data/oneToMany';
import { TW_VARIANTS, HK_VARIANTS } from './data/variants';
import type { CheckContext, CheckSegment } from './types';

// ---------------------------------------------------------------- character classes

export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}
/** Per UTF-16 code unit: 0 not yet asked, 1 a character of Unicode's Han script, 2 not (a lone surrogate is not). */
const hanScript = new Uint8Array(0x10000);
const HAN_SCRIPT = /^\p{Script=Han}$/u;
/**
 * How many characters of `s` are of Unicode's Han script (what `s.match(/\p{Script=Han}/gu)` counts),
 * counting no further than `atMost`; without a one-character string per character.
 */
export function hanScriptCount(s: string, atMost = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length && n < atMost; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (HAN_SCRIPT.test(s.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    let h = hanScript[c];
    if (h === 0) hanScript[c] = h = HAN_SCRIPT.test(String.fromCharCode(c)) ? 1 : 2;
    if (h === 1) n++;
  }
  return n;
}
/** Han character at UTF-16 index i (a low surrogate counts as part of its pair). */
export function isHanAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return isHanCode(s.codePointAt(i - 1) ?? 0);
  return isHanCode(s.codePointAt(i) ?? 0);
}
/** CJK punctuation and full-width forms: 。，「」（）… */
export function isCjkPunctCode(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2026 || c === 0x2014 || c === 0x201c || c === 0x201d || c === 0x00b7;
}
export function isCjkAt(s: string, i: number): boolean {
  return isHanAt(s, i) || isCjkPunctCode(s.charCodeAt(i));
}
/** A membership table over UTF-16 code units: `table[s.charCodeAt(i)]` tests a BMP character without allocating a string. */
export function charTable(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const c of chars) if (c.length === 1) t[c.charCodeAt(0)] = 1;
  return t;
}

const CHARS: (string | undefined)[] = new Array<string | undefined>(65536);
/**
 * The one-character string of a UTF-16 code unit, the same string object every time: what
 * `s[i]` gives for `code = s.charCodeAt(i)`, without a new string at each position of a scan
 * (a character outside Latin-1 is a new string on every `s[i]`) and with its hash kept for the
 * table look-ups keyed by it.
 */
export function charOf(code: number): string {
  return (CHARS[code] ??= String.fromCharCode(code));
}

export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHanAt(s, i)) return true;
  return false;
}

// ---------------------------------------------------------------- dictionaries (lazy)

// opencc-js's typed preset configs hold its dictionaries: s2t converts with
// [STPhrases, STPhrases_GeneratedFromRegionalPhrases, STCharacters]; t2s with [TSPhrases, TSCharacters].
const PRESETS = presetConfigs as unknown as Record<string, { conversionChain: readonly DictGroup[] }>;
const S2T_GROUP: DictGroup = PRESETS.s2t.conversionChain[0];
const ST_CHARACTERS: DictLike = S2T_GROUP[S2T_GROUP.length - 1];
const TS_CHARACTERS: DictLike = PRESETS.t2s.conversionChain[0][1];

function parseDict(d: DictLike): Map<string, string> {
  const m = new Map<string, string>();
  const entries = typeof d === 'string' ? d.split('|').map((e) => e.split(' ')) : d;
  for (const [k, v] of entries) if (k && v !== undefined) m.set(k, v);
  return m;
}

/** The trie opencc-js's s2t config converts with: STPhrases + regional phrases + STCharacters (the converters' own, shared). */
export function s2tTrie(): DictTrie {
  return dictionaryTrie(S2T_GROUP);
}

let tsChars: Map<string, string> | null = null;
let stChars: Map<string, string> | null = null;
/** Traditional → Simplified, character by character (OpenCC TSCharacters, first candidate). */
export function tsChar(c: string): string {
  if (!tsChars) tsChars = parseDict(TS_CHARACTERS);
  return tsChars.get(c) ?? c;
}
/** Simplified → Traditional default, character by character (OpenCC STCharacters). */
export function stChar(c: string): string {
  if (!stChars) stChars = parseDict(ST_CHARACTERS);
  return stChars.get(c) ?? c;
}
export function stCharsMap(): Map<string, string> {
  stChar('');
  return stChars!;
}
export function tsCharsMap(): Map<string, string> {
  tsChar('');
  return tsChars!;
}

/** Traditional candidates of a Simplified character (first = OpenCC's default). */
export function candidatesOf(s: string): readonly string[] {
  return ONE_TO_MANY[s] ?? [stChar(s)];
}

/** Maps from the OpenCC standard form to the document's regional form. */
const regionalMaps: Partial<Record<CheckContext['variant'], Map<string, string>>> = {};
export function regionalMap(variant: CheckContext['variant']): Map<string, string> {
  let m = regionalMaps[variant];
  if (!m) {
    m = new Map(variant === 'tw' ? TW_VARIANTS.map(([a, b]) => [a, b]) : variant === 'hk' ? HK_VARIANTS.map(([a, b]) => [a, b]) : []);
    regionalMaps[variant] = m;
  }
  return m;
}

const TO_S: Record<CheckContext['variant'], ConversionConfig> = { t: 't2s', tw: 'tw2s', hk: 'hk2s' };

// ---------------------------------------------------------------- ICU words

let segmenter: Intl.Segmenter | null = null;
/** ICU word boundaries of `s` as [start, end) pairs (dictionary-based for Chinese; unknown names split into characters). */
export function icuWords(s: string): [number, number][] {
  if (!segmenter) segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: [number, number][] = [];
  for (const w of segmenter.segment(s)) out.push([w.index, w.index + w.segment.length]);
  return out;
}
/**
 * The ICU word containing position k of `s` when ICU segments `s[lo, hi)` alone (bounds clamped
 * to the text), as offsets of `s`; [k, k + 1] when k is outside the window. What finding k among
 * `icuWords` of the window gives, without building every word of the window (the word
 * rules ask this at thousands of positions of a large document).
 */
export function icuWordIn(s: string, lo: number, hi: number, k: number): [number, number] {
  if (!segmenter) segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const a = Math.max(0, lo);
  const w = k >= a ? segmenter.segment(s.slice(a, Math.min(s.length, hi))).containing(k - a) : undefined;
  return w ? [w.index + a, w.index + a + w.segment.length] : [k, k + 1];
}
/**
 * Whether ICU, segmenting `s[a, b)` alone (bounds clamped to the text), puts a word boundary at
 * position p of `s`: the window's ends and every place a word starts. What the set of every
 * word's start and end gives, asked of ICU at the positions looked at only.
 */
export function icuBoundaries(s: string, a: number, b: number): { has(p: number): boolean } {
  if (!segmenter) segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const lo = Math.max(0, a);
  const window = s.slice(lo, Math.min(s.length, b));
  const hi = lo + window.length;
  if (!window) return { has: () => false };
  const words = segmenter.segment(window);
  return { has: (p) => p === lo || p === hi || (p > lo && p < hi && Number.isInteger(p) && words.containing(p - lo)!.index === p - lo) };
}
/** The ICU word of `s` containing position i, computed on a window around it. */
export function icuWordAt(s: string, i: number, radius = 6): [number, number] {
  const a = Math.max(0, i - radius);
  const b = Math.min(s.length, i + radius + 1);
  for (const [ws, we] of icuWords(s.slice(a, b))) if (ws + a <= i && i < we + a) return [ws + a, we + a];
  return [i, i + 1];
}

// ---------------------------------------------------------------- the analysis

/** What OpenCC's s2t did at one position of the Simplified text. */
export interface Replay {
  /** start/end of the dictionary match covering each position (end - start === 1: character table) */
  start: Int32Array;
  end: Int32Array;
  /** OpenCC's output character at each position ('' where the match changed length) */
  out: (k: number) => string;
  /** the same as a UTF-16 code unit (0 where the match changed length): no string allocated */
  outCode: (k: number) => number;
}

const glossaryKeys = new WeakMap<CheckContext, string>();
/** The context's glossary as a string, once per context object (a run's analyses share one). */
function glossaryKey(ctx: CheckContext): string {
  let k = glossaryKeys.get(ctx);
  if (k === undefined) glossaryKeys.set(ctx, (k = JSON.stringify(ctx.glossary ?? [])));
  return k;
}

/** What an analysis computes lazily: shared by the analyses of one segment's text in successive runs (`Analysis` `from`). */
interface AnalysisState {
  s: string | null;
  memo: Map<string, unknown> | null;
}

export class Analysis {
  private readonly st: AnalysisState;
  private _replay: Replay | null = null;
  /**
   * `from`: an analysis of the same segment (same id, text and rendering) under the same script,
   * variant and glossary, e.g. the previous run's: this one shares what it computed and memoises
   * (its Simplified form, replay and memos are pure functions of those). Ignored when it differs.
   */
  constructor(
    readonly seg: CheckSegment,
    readonly ctx: CheckContext,
    from?: Analysis,
  ) {
    this.st = from && from.canShare(seg, ctx) ? from.st : { s: null, memo: null };
  }

  /** Whether an analysis of `seg` under `ctx` may share this one's computed state: the same segment, text and rendering, script, variant and glossary. */
  private canShare(seg: CheckSegment, ctx: CheckContext): boolean {
    return (
      seg.id === this.seg.id &&
      seg.text === this.seg.text &&
      seg.rendering === this.seg.rendering &&
      ctx.script === this.ctx.script &&
      ctx.variant === this.ctx.variant &&
      (ctx.glossary === this.ctx.glossary || glossaryKey(ctx) === glossaryKey(this.ctx))
    );
  }

  get text(): string {
    return this.seg.text;
  }

  /** The Simplified form, same length as `text` (for a Simplified document: the text itself). */
  get s(): string {
    if (this.st.s === null) this.st.s = toSimplifiedAligned(this.seg, this.ctx);
    return this.st.s;
  }

  /**
   * A value derived from this segment's text (and the context's script, variant and glossary),
   * computed once and shared by the rules that need it (the quantities of the text:
   * number-format, number-mismatch, number-scale, number-unit, period-label all read them) and
   * by later analyses of the same text (`from`). Callers must not mutate what it returns, and a
   * value must not depend on anything else of the segment (its English, source or neighbours).
   */
  memo<T>(key: string, compute: () => T): T {
    const m = (this.st.memo ??= new Map());
    let v = m.get(key) as T | undefined;
    if (v === undefined && !m.has(key)) {
      v = compute();
      m.set(key, v);
    }
    return v as T;
  }

  /** Replay of OpenCC s2t (forward maximum matching over its phrase + character dictionary) on `s`. */
  get replay(): Replay {
    // not shared with later analyses (~10 bytes a character): the replay cache below keeps it by text, within its bound
    if (!this._replay) this._replay = cachedReplay(this.s);
    return this._replay;
  }
}

/** Where a run or a document's evidence takes earlier analyses from (`Analysis` `from`): the one kept for this segment's id, text and rendering. */
export interface AnalysisSource {
  analysisOf(seg: CheckSegment): Analysis | undefined;
}

/**
 * The analyses of one run, taking over what `from` (e.g. the document's evidence kept since an
 * earlier run) computed for unchanged segments, and themselves a source for the next run or
 * evidence (core/checks.ts keeps one per document).
 */
export class AnalysisCarry<Senses = never> implements AnalysisSource {
  private readonly byId = new Map<number, Analysis>();
  /**
   * `senses`: the document's senses of one-to-many characters (conversion.ts `DocumentSenses`; a
   * type parameter, so that this module needs nothing of conversion.ts) as read from exactly the
   * content segments of the run (a document's evidence holding them: `DocumentEvidence.holds`),
   * read instead of reading them again from the run's analyses.
   */
  constructor(
    private from?: AnalysisSource,
    readonly senses?: Senses,
  ) {}

  /**
   * Forget where the analyses came from once the run has made them (each shares what it took from
   * `from`'s, not `from` itself): a carry kept after its run (core/checks.ts) then holds its own
   * analyses only, not a chain of earlier runs' evidence.
   */
  detach(): void {
    this.from = undefined;
  }

  analysis(seg: CheckSegment, ctx: CheckContext): Analysis {
    const a = new Analysis(seg, ctx, this.from?.analysisOf(seg));
    this.byId.set(seg.id, a);
    return a;
  }

  analysisOf(seg: CheckSegment): Analysis | undefined {
    const a = this.byId.get(seg.id);
    return a && a.text === seg.text && a.seg.rendering === seg.rendering ? a : undefined;
  }
}

function toSimplifiedAligned(seg: CheckSegment, ctx: CheckContext): string {
  const text = seg.text;
  if (ctx.script === 'hans') return text;
  if (seg.rendering != null && seg.rendering.length === text.length) return seg.rendering;
  const s = getConverter(TO_S[ctx.variant]).convert(text);
  if (s.length === text.length) return s;
  // A phrase changed length (rare): fall back to a character-by-character conversion.
  let out = '';
  for (const ch of text) {
    const c = tsChar(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/**
 * Replays by Simplified text, kept between runs: a document's checks re-run over mostly unchanged
 * segments (Run checks after a few corrections), and the replay is a pure function of the text.
 * Bounded by the characters held (~10 bytes each): past the bound the cache starts afresh.
 */
const replayCache = new Map<string, Replay>();
let replayCacheChars = 0;
const REPLAY_CACHE_CHARS = 2_000_000;
function cachedReplay(s: string): Replay {
  let r = replayCache.get(s);
  if (!r) {
    r = replayS2T(s);
    if (replayCacheChars + s.length > REPLAY_CACHE_CHARS) {
      replayCache.clear();
      replayCacheChars = 0;
    }
    replayCache.set(s, r);
    replayCacheChars += s.length;
  }
  return r;
}

export function replayS2T(s: string): Replay {
  const trie = s2tTrie();
  const n = s.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const codes = new Uint16Array(n); // 0: the match changed length, no per-position output
  let i = 0;
  while (i < n) {
    const m = trie.matchPrefix(s, i);
    const e = m ? m.end : i + ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    const value = m ? m.value : null;
    const same = value === null || value.length === e - i;
    for (let k = i; k < e; k++) {
      start[k] = i;
      end[k] = e;
      codes[k] = !same ? 0 : value === null ? s.charCodeAt(k) : value.charCodeAt(k - i);
    }
    i = e;
  }
  return { start, end, out: (k) => (codes[k] ? String.fromCharCode(codes[k]) : ''), outCode: (k) => codes[k] };
}

/** Analyses for a run, keyed by segment id. */
export function analyse(segments: CheckSegment[], ctx: CheckContext): Map<number, Analysis> {
  const m = new Map<number, Analysis>();
  for (const seg of segments) m.set(seg.id, new Analysis(seg, ctx));
  return m;
}
