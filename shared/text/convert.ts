/**
 * Chinese script conversion on top of opencc-js, with offset maps.
 *
 * We rebuild opencc-js's preset converters from its own dictionaries and `Trie`
 * (opencc-js/core + opencc-js/preset) instead of calling `OpenCC.Converter`, for two
 * reasons: (1) we need to know which source span became which output span, to move
 * positions between the Traditional text and its rendering; (2) glossary entries must
 * be injected into the segmentation dictionary and every conversion stage, which the
 * README's ConverterFactory recipe cannot do. Output is identical to opencc-js's
 * (tested against OpenCC's own suite).
 */
import { configs as presetConfigs } from 'opencc-js/preset';
import type { DictGroup, DictLike } from 'opencc-js/core';
import { mapFromBoundaries, type OffsetMap } from './offsetMap';
import { DictTrie, dictIndex } from './dict-trie';

export type { DictTrie } from './dict-trie';

export type ConversionConfig =
  | 't2s' | 'tw2s' | 'hk2s' | 'tw2sp' | 'hk2sp'
  | 's2t' | 's2tw' | 's2hk' | 's2twp' | 's2hkp'
  | 't2tw' | 't2hk' | 'tw2t' | 'hk2t' | 't2jp' | 'jp2t';

interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

export interface AlignedText {
  text: string;
  map: OffsetMap;
}

export interface Converter {
  readonly config: ConversionConfig;
  convert(text: string): string;
  convertAligned(text: string): AlignedText;
  /**
   * Whether a dictionary key of any stage contains a match of `re` (not global; the answer is
   * cached per RegExp object). `false` means no conversion ever matches a span containing such
   * a character, so text cut next to such characters converts piece by piece exactly as it
   * converts whole (ideographic description sequences aside, which are skipped as units).
   */
  keysMayContain(re: RegExp): boolean;
}

/** Extra phrases to protect or force, e.g. confirmed names from the glossary: [source, replacement]. */
export type ExtraPhrases = readonly (readonly [string, string])[];

/**
 * One trie per dictionary group, shared by every converter (and the checks' s2t replay):
 * s2t, s2tw, s2twp, s2hk and s2hkp all convert with the same STPhrases + STCharacters group
 * (opencc-js's presets hold it as distinct arrays of the same strings), and a trie of it costs
 * ~20 MB of heap. Keyed by the identity of the dictionary strings in the group.
 */
const groupTries = new Map<string, DictTrie>();
const dictIds = new Map<unknown, number>();
function groupKey(dicts: DictLike | DictGroup): string {
  const parts = isGroup(dicts) ? (dicts as readonly DictLike[]) : [dicts as DictLike];
  return parts
    .map((d) => {
      let id = dictIds.get(d);
      if (id === undefined) dictIds.set(d, (id = dictIds.size));
      return id;
    })
    .join(',');
}
function isGroup(dicts: DictLike | DictGroup): boolean {
  if (!Array.isArray(dicts)) return false;
  if (dicts.every((d) => typeof d === 'string')) return true;
  return dicts.length > 0 && Array.isArray(dicts[0]) && Array.isArray((dicts[0] as unknown[])[0]);
}

/** How many dictionary tries this process holds (memory; tests). */
export function dictionaryTrieCount(): number {
  return groupTries.size;
}

/** The (shared, read-only) trie of a dictionary or dictionary group, built at first use. */
export function dictionaryTrie(dicts: DictLike | DictGroup): DictTrie {
  const key = groupKey(dicts);
  let t = groupTries.get(key);
  if (!t) {
    t = new DictTrie(isGroup(dicts) ? (dicts as DictGroup) : [dicts as DictLike]);
    groupTries.set(key, t);
  }
  return t;
}

/**
 * A conversion stage: a shared dictionary trie, and the extra phrases (glossary names) in a
 * small trie of their own. Matching takes the longer of the two matches, the extra phrase on a
 * tie: the same as one trie with the extra phrases loaded last (addWord replaces a key's value),
 * without copying the dictionary per glossary. `phrasesOnly`: the base trie stands in for a
 * group of phrase dictionaries (see segmentationStage) and matches of one code point are ignored.
 */
interface Stage {
  base: DictTrie | null;
  extra: DictTrie | null;
  phrasesOnly: boolean;
}
function stage(dicts: DictLike | DictGroup | null, extra: ExtraPhrases, base: DictTrie | null = dicts ? dictionaryTrie(dicts) : null, phrasesOnly = false): Stage {
  let x: DictTrie | null = null;
  if (extra.length) {
    x = new DictTrie([]);
    for (const [s, r] of extra) x.addWord(s, r);
  }
  return { base, extra: x, phrasesOnly };
}

/** Whether every key of `d` is one code point (`single`), or every key two or more (`phrases`). */
function keyShape(d: DictLike): { single: boolean; phrases: boolean } {
  if (typeof d === 'string') return dictIndex(d);
  const lengths = (d as readonly (readonly string[])[]).map((p) => [...p[0]].length);
  return { single: lengths.every((n) => n === 1), phrases: lengths.every((n) => n >= 2) };
}

/**
 * The segmentation stage. OpenCC's s2tw/s2hk/… segment with [STPhrases, regional phrases] and
 * convert with the same two plus STCharacters: a second trie of the phrases would cost ~20 MB.
 * When the first conversion group is the segmentation group plus dictionaries of single
 * characters only, and the segmentation group has no single-character key, its longest match
 * of two or more code points is exactly the segmentation group's, so that trie serves both
 * (one-code-point matches ignored; segmentation only uses the ranges, never the values).
 */
function segmentationStage(seg: DictLike | DictGroup, first: DictGroup | undefined, extra: ExtraPhrases): Stage {
  const segDicts = (isGroup(seg) ? seg : [seg]) as readonly DictLike[];
  const sup = first as readonly DictLike[] | undefined;
  const shares =
    sup !== undefined &&
    sup.length > segDicts.length &&
    segDicts.every((d, k) => sup[k] === d && keyShape(d).phrases) &&
    sup.slice(segDicts.length).every((d) => keyShape(d).single);
  return shares ? stage(null, extra, dictionaryTrie(first!), true) : stage(seg, extra);
}

// Ideographic description sequences (⿰氵工) are skipped as one unit, as opencc-js does.
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
function cpLen(s: string, i: number): number {
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + cpLen(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + cpLen(s, end);
  }
  return end;
}
function unmatchedLength(s: string, i: number): number {
  const e = idsEnd(s, i);
  return e > i ? e - i : cpLen(s, i);
}

/** The longest match of a stage at i (its end, or 0); the match's value is left in `matchedValue`. */
let matchedValue = '';
function matchAt(st: Stage, s: string, i: number): number {
  let end = 0;
  if (st.base) {
    end = st.base.longest(s, i);
    if (st.phrasesOnly && end === i + cpLen(s, i)) end = 0;
    else if (end) matchedValue = st.base.value;
  }
  if (st.extra) {
    const e = st.extra.longest(s, i);
    if (e > 0 && e >= end) {
      matchedValue = st.extra.value;
      return e;
    }
  }
  return end;
}

/** Trie.convert, with matchAt. */
function trieConvert(trie: Stage, s: string): string {
  return trieRun(trie, s, false) as string;
}

/** One trie pass with boundaries: bounds[i] = output position of input position i, or -1. */
function trieAligned(trie: Stage, s: string): { text: string; bounds: Int32Array } {
  const n = s.length;
  const bounds = new Int32Array(n + 1).fill(-1);
  const out: string[] = [];
  let o = 0;
  let i = 0;
  while (i < n) {
    bounds[i] = o;
    const end = matchAt(trie, s, i);
    if (end) {
      out.push(matchedValue);
      o += matchedValue.length;
      i = end;
    } else {
      const len = unmatchedLength(s, i);
      out.push(s.slice(i, i + len));
      o += len;
      i += len;
    }
  }
  bounds[n] = o;
  return { text: out.join(''), bounds };
}

/**
 * One trie pass when every match keeps its length (the common case in OpenCC): the text,
 * or null at the first match that changes length. All boundaries then align one to one,
 * so the offset map is the identity without building boundary arrays.
 */
function trieSameLength(trie: Stage, s: string): string | null {
  return trieRun(trie, s, true);
}

/**
 * The one pass of trieConvert and trieSameLength: matches replaced, each run of unmatched
 * characters copied as one slice; with `sameLength`, null at the first match that changes length.
 */
function trieRun(trie: Stage, s: string, sameLength: boolean): string | null {
  const n = s.length;
  const out: string[] = [];
  let i = 0;
  let orig = -1; // start of the current run of unmatched characters (copied as one slice)
  while (i < n) {
    const end = matchAt(trie, s, i);
    if (end) {
      if (sameLength && matchedValue.length !== end - i) return null;
      if (orig >= 0) {
        out.push(s.slice(orig, i));
        orig = -1;
      }
      out.push(matchedValue);
      i = end;
    } else {
      if (orig < 0) orig = i;
      i += unmatchedLength(s, i);
    }
  }
  if (orig >= 0) out.push(orig === 0 ? s : s.slice(orig));
  return out.length === 1 ? out[0] : out.join('');
}

function compose(a: Int32Array, b: Int32Array): Int32Array {
  const r = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] >= 0 ? b[a[i]] : -1;
  return r;
}

/** Split like Trie.segment, but returning [start, end) ranges. */
function segmentRanges(trie: Stage, s: string): [number, number][] {
  const n = s.length;
  const out: [number, number][] = [];
  let orig: number | null = null;
  let i = 0;
  while (i < n) {
    const end = matchAt(trie, s, i);
    if (end) {
      if (orig !== null) {
        out.push([orig, i]);
        orig = null;
      }
      out.push([i, end]);
      i = end;
    } else {
      if (orig === null) orig = i;
      i += unmatchedLength(s, i);
    }
  }
  if (orig !== null) out.push([orig, n]);
  return out;
}

class PresetConverter implements Converter {
  private readonly normalization: Stage[];
  private readonly segmentation: Stage | null;
  private readonly chain: Stage[];
  private readonly dictionaries: (DictLike | DictGroup)[];
  private readonly extra: ExtraPhrases;
  private readonly keyTests = new Map<RegExp, boolean>();

  constructor(readonly config: ConversionConfig, extra: ExtraPhrases) {
    const preset = (presetConfigs as unknown as Record<string, PresetConfig>)[config];
    if (!preset) throw new Error(`Unknown conversion config: ${config}`);
    this.dictionaries = [...(preset.normalizationChain ?? []), ...(preset.segmentation ? [preset.segmentation] : []), ...preset.conversionChain];
    this.extra = extra;
    this.normalization = (preset.normalizationChain ?? []).map((g) => stage(g, []));
    this.segmentation = preset.segmentation ? segmentationStage(preset.segmentation, preset.conversionChain[0], extra) : extra.length ? stage(null, extra) : null;
    this.chain = preset.conversionChain.map((g) => stage(g, extra));
  }

  keysMayContain(re: RegExp): boolean {
    let known = this.keyTests.get(re);
    if (known === undefined) {
      // String dictionaries are "key value|key value" (opencc-js's format); array ones are pairs.
      const test = (d: unknown): boolean =>
        typeof d === 'string'
          ? d.split('|').some((e) => re.test(e.slice(0, e.indexOf(' '))))
          : Array.isArray(d) && d.some((x) => (Array.isArray(x) && typeof x[0] === 'string' ? re.test(x[0]) : test(x)));
      known = this.dictionaries.some(test) || this.extra.some(([k]) => re.test(k));
      this.keyTests.set(re, known);
    }
    return known;
  }

  convert(text: string): string {
    let s = text;
    for (const t of this.normalization) s = trieConvert(t, s);
    if (!this.segmentation) {
      for (const t of this.chain) s = trieConvert(t, s);
      return s;
    }
    const pieces: string[] = [];
    for (const [a, b] of segmentRanges(this.segmentation, s)) {
      let piece = s.slice(a, b);
      for (const t of this.chain) piece = trieConvert(t, piece);
      pieces.push(piece);
    }
    return pieces.join('');
  }

  /** The conversion when no stage changes a match's length (map: identity), else null. */
  private convertKeepingLength(text: string): string | null {
    let s: string | null = text;
    for (const t of this.normalization) if ((s = trieSameLength(t, s)) === null) return null;
    const ranges: [number, number][] = this.segmentation ? segmentRanges(this.segmentation, s) : [[0, s.length]];
    const parts: string[] = [];
    for (const [a, b] of ranges) {
      let piece: string | null = s.slice(a, b);
      for (const t of this.chain) if ((piece = trieSameLength(t, piece)) === null) return null;
      parts.push(piece);
    }
    return parts.join('');
  }

  convertAligned(text: string): AlignedText {
    const same = this.convertKeepingLength(text);
    if (same !== null) return { text: same, map: null };
    let s = text;
    let bounds: Int32Array | null = null;
    for (const t of this.normalization) {
      const r = trieAligned(t, s);
      bounds = bounds ? compose(bounds, r.bounds) : r.bounds;
      s = r.text;
    }
    const ranges: [number, number][] = this.segmentation ? segmentRanges(this.segmentation, s) : [[0, s.length]];
    const outParts: string[] = [];
    const segBounds = new Int32Array(s.length + 1).fill(-1);
    let o = 0;
    for (const [a, b] of ranges) {
      let piece = s.slice(a, b);
      let pb: Int32Array | null = null;
      for (const t of this.chain) {
        const r = trieAligned(t, piece);
        pb = pb ? compose(pb, r.bounds) : r.bounds;
        piece = r.text;
      }
      for (let i = 0; i <= b - a; i++) if (pb![i] >= 0) segBounds[a + i] = o + pb![i];
      outParts.push(piece);
      o += piece.length;
    }
    if (s.length === 0) segBounds[0] = 0;
    const all = bounds ? compose(bounds, segBounds) : segBounds;
    return { text: outParts.join(''), map: mapFromBoundaries(all) };
  }
}

const cache = new Map<ConversionConfig, Converter>();

/** A converter for one OpenCC config, optionally with extra phrases (not cached). */
export function getConverter(config: ConversionConfig, extra: ExtraPhrases = []): Converter {
  if (extra.length) return new PresetConverter(config, extra);
  let c = cache.get(config);
  if (!c) {
    c = new PresetConverter(config, []);
    cache.set(config, c);
  }
  return c;
}
