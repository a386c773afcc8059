/**
 * The trie of an opencc-js dictionary group, built lazily one first character at a time.
 *
 * opencc-js's `Trie.loadDictGroup` adds every entry of every dictionary up front: for the
 * s2t group (STPhrases alone is ~49,000 entries) that is ~75 ms and ~150,000 Maps, paid by
 * every process that converts anything to Traditional, even an import that only needs s2t
 * for script detection on its first 8,000 characters. Here construction only indexes where
 * each first code point's entries sit in the dictionary strings (one scan, no allocation per
 * entry); the subtree under a first code point is built when a match first reaches it, from
 * its entries in opencc-js's load order. Every lookup therefore sees exactly the trie
 * opencc-js would build (same nodes, same values: tested key by key against it).
 */
import type { DictGroup, DictLike } from 'opencc-js/core';

/** opencc-js's node shape: a Map per node keyed by code point, `trie_val` on nodes that end a key. */
export type TrieNode = Map<number, TrieNode> & { trie_val?: string };

/** Where a dictionary string's entries sit, by first code point, and the shape of its keys. */
export interface DictIndex {
  /** first code point → [start, end, start, end, …]: runs of whole entries (offsets; `end` at the '|' or the end) */
  runs: Map<number, number[]>;
  /** every key is one code point */
  single: boolean;
  /** every key is two code points or more */
  phrases: boolean;
}

const indexes = new Map<string, DictIndex>();

function badEntry(): TypeError {
  return new TypeError('Invalid dictionary entry: expected string entries to use "source replacement" format.');
}

/**
 * The index of an opencc-js dictionary string ("key value|key value", values after the first
 * space up to the next space or '|', as opencc-js's `line.split(' ')` reads them). Cached.
 */
export function dictIndex(d: string): DictIndex {
  let index = indexes.get(d);
  if (index) return index;
  const runs = new Map<number, number[]>();
  let single = true;
  let phrases = true;
  let lastCp = -1;
  let lastRun: number[] = [];
  for (let pos = 0; pos < d.length; ) {
    let bar = d.indexOf('|', pos);
    if (bar < 0) bar = d.length;
    const space = d.indexOf(' ', pos);
    if (space <= pos || space >= bar) throw badEntry();
    const cp = d.codePointAt(pos)!;
    if (space - pos === (cp > 0xffff ? 2 : 1)) phrases = false;
    else single = false;
    if (cp === lastCp) {
      lastRun[lastRun.length - 1] = bar; // the dictionaries are sorted: extend the run
    } else {
      let r = runs.get(cp);
      if (!r) runs.set(cp, (r = []));
      r.push(pos, bar);
      lastRun = r;
      lastCp = cp;
    }
    pos = bar + 1;
  }
  index = { runs, single, phrases };
  indexes.set(d, index);
  return index;
}

/** The first UTF-16 unit of code point `cp`. */
function firstUnit(cp: number): number {
  return cp > 0xffff ? 0xd800 + ((cp - 0x10000) >> 10) : cp;
}

export class DictTrie {
  /** The root node; a first code point's subtree is here once built (see `child`). */
  readonly map: TrieNode = new Map();
  /** The value of the last match `longest` found. */
  value = '';
  /** The group's string dictionaries in opencc-js's load order (last of the group first: earlier ones win a shared key). */
  private readonly lazy: { text: string; index: DictIndex }[] = [];
  /** First code points whose entries are not in `map` yet. */
  private readonly pending = new Set<number>();
  private units: Uint8Array | null = null;

  /** `dicts`: the group, as opencc-js's `loadDictGroup` takes it ([] for a trie filled by `addWord`). */
  constructor(dicts: DictGroup) {
    const loadOrder = dicts.slice().reverse();
    if (loadOrder.every((d) => typeof d === 'string')) {
      for (const text of loadOrder as string[]) {
        const index = dictIndex(text);
        this.lazy.push({ text, index });
        for (const cp of index.runs.keys()) this.pending.add(cp);
      }
    } else {
      for (const d of loadOrder) this.loadEagerly(d); // pairs: small, and rare (not in the presets)
    }
  }

  /** opencc-js's addWord. */
  addWord(key: string, value: string): void {
    let node = this.map;
    let first = true;
    for (const c of key) {
      const cp = c.codePointAt(0)!;
      let next = first ? this.child(cp) : node.get(cp);
      if (first && this.units !== null) this.units[firstUnit(cp)] = 1;
      first = false;
      if (next === undefined) node.set(cp, (next = new Map() as TrieNode));
      node = next;
    }
    node.trie_val = value;
  }

  /** The subtree of keys starting with code point `cp`, built at first use. */
  child(cp: number): TrieNode | undefined {
    const node = this.map.get(cp);
    if (node !== undefined || !this.pending.delete(cp)) return node;
    for (const { text, index } of this.lazy) {
      const runs = index.runs.get(cp);
      if (!runs) continue;
      for (let r = 0; r < runs.length; r += 2) {
        for (let pos = runs[r]; pos < runs[r + 1]; ) {
          let bar = text.indexOf('|', pos);
          if (bar < 0) bar = text.length;
          const space = text.indexOf(' ', pos);
          let valueEnd = text.indexOf(' ', space + 1);
          if (valueEnd < 0 || valueEnd > bar) valueEnd = bar;
          this.addWord(text.slice(pos, space), text.slice(space + 1, valueEnd));
          pos = bar + 1;
        }
      }
    }
    return this.map.get(cp);
  }

  /**
   * 1 for each UTF-16 unit a key can start with (the first unit of a first code point): one
   * array read settles most characters, which start no key. Astral keys are found by their
   * high surrogate.
   */
  firstUnits(): Uint8Array {
    if (this.units === null) {
      const table = new Uint8Array(0x10000);
      for (const cps of [this.map.keys(), this.pending.values()]) for (const cp of cps) table[firstUnit(cp)] = 1;
      this.units = table;
    }
    return this.units;
  }

  /**
   * The end of the longest key starting at i, or 0; its value in `value`. opencc-js's
   * matchPrefix without allocating a result object per match (it runs once per character of
   * every converted text).
   */
  longest(s: string, i: number): number {
    if (!this.firstUnits()[s.charCodeAt(i)]) return 0;
    const n = s.length;
    let x = s.codePointAt(i)!;
    let j = i + (x > 0xffff ? 2 : 1);
    let node = this.child(x);
    let end = 0;
    while (node !== undefined) {
      const v = node.trie_val;
      if (v !== undefined) {
        end = j;
        this.value = v;
      }
      if (j >= n) break;
      x = s.codePointAt(j)!;
      j += x > 0xffff ? 2 : 1;
      node = node.get(x);
    }
    return end;
  }

  /** opencc-js's matchPrefix. */
  matchPrefix(s: string, i: number): { end: number; value: string } | null {
    const end = this.longest(s, i);
    return end ? { end, value: this.value } : null;
  }

  /** Whether the subtree of first code point `cp` is built (tests). */
  built(cp: number): boolean {
    return this.map.has(cp);
  }

  private loadEagerly(d: DictLike): void {
    if (typeof d === 'string') {
      for (const line of d.split('|')) {
        const [k, v] = line.split(' ');
        if (typeof v !== 'string') throw badEntry();
        this.addWord(k, v);
      }
    } else {
      for (const [k, v] of d as readonly (readonly string[])[]) this.addWord(k, v);
    }
  }
}
