/**
 * A context witness for one-to-many characters, built at first use from OpenCC's own phrase
 * tables (STPhrases and the phrases generated from the regional tables: the ones opencc-js's s2t
 * converts with). Every phrase's Traditional side tells which form a one-to-many character takes
 * next to which neighbour: 洗发精, 洗发水, 洗发乳 … write 髮 after 洗; 发展, 发现 … write 發 before
 * 展; 开发, 研发 … 發 after 开. Counted over all phrases, a neighbour votes for a form at places no
 * phrase of its own covers — where a converter with another phrase table wrote the character
 * table's default — and backs or questions a phrase that covers the place.
 *
 * Keys and neighbours are Simplified (the analysis's aligned `s`), so a neighbour the converter
 * itself got wrong still counts. Phrases keeping the default are counted too (发展 for 發), so a
 * neighbour that takes both forms votes for neither.
 */
import { configs as presetConfigs } from 'opencc-js/preset';
import type { DictGroup, DictLike } from 'opencc-js/core';
import { ONE_TO_MANY } from './data/oneToMany';

/**
 * The table, packed (it is built for every service and was ~19 MB as a Map of row objects): a row per
 * Simplified character, side and neighbour, found through `rows` by `rowKey`; per row and candidate (ONE_TO_MANY
 * order, STRIDE slots) the number of phrases writing that candidate next to the neighbour (`counts`)
 * and up to EXAMPLES of those phrases (`examples`: where the phrase's Traditional side starts in its
 * packed dictionary string, dictionary index in the low bits; -1 for none).
 */
interface Table {
  rows: Map<number, number>;
  counts: Uint16Array;
  examples: Int32Array;
  dicts: readonly string[];
}

/** Example phrases kept per neighbour and form. */
const EXAMPLES = 3;
/** Slots per row: the most Traditional candidates any Simplified character has. */
const STRIDE = Math.max(...Object.values(ONE_TO_MANY).map((c) => c.length));
/** Dictionary index bits of an example reference. */
const DICT_BITS = 3;

let table: Table | null = null;

/** The packed phrase dictionaries of opencc-js's s2t: its first conversion group without the character table (the last). */
function phraseDictionaries(): string[] {
  const group = (presetConfigs as unknown as Record<string, { conversionChain: readonly DictGroup[] }>).s2t.conversionChain[0];
  const dicts = (group.slice(0, -1) as DictLike[]).map((d) =>
    // opencc-js packs every dictionary as "key value|key value…"; an array form is packed the same way
    typeof d === 'string' ? d : (d as readonly (readonly string[])[]).map((e) => e.join(' ')).join('|'),
  );
  if (dicts.length >= 1 << DICT_BITS) throw new Error('phrase-context: too many phrase dictionaries');
  return dicts;
}

/**
 * Calls `visit` with each phrase of two characters or more whose first value (OpenCC lists
 * alternatives after a space) is as long as its key: the packed dictionary `d` (index `di`), where
 * the key starts, its length, and where the value starts. The packed strings are walked in place:
 * no string is cut out of them (built at every service start and in every checks worker).
 */
function forEachPhrase(dicts: readonly string[], visit: (d: string, di: number, keyAt: number, length: number, valueAt: number) => void): void {
  dicts.forEach((d, di) => {
    for (let at = 0; at < d.length; ) {
      let end = d.indexOf('|', at);
      if (end < 0) end = d.length;
      const sp = d.indexOf(' ', at);
      if (sp > at && sp < end) {
        const sp2 = d.indexOf(' ', sp + 1);
        const valueEnd = sp2 > sp && sp2 < end ? sp2 : end;
        const length = sp - at;
        if (length >= 2 && valueEnd - (sp + 1) === length) visit(d, di, at, length, sp + 1);
      }
      at = end + 1;
    }
  });
}

/** Not a one-to-many character (CHAR_NUMBER). */
const NO_CHAR = -1;
/**
 * The one-to-many characters numbered (ONE_TO_MANY order), by UTF-16 unit, NO_CHAR for every other
 * unit; and per number its candidates' units (-1 for a candidate longer than one unit, which a
 * single unit never equals). The table is read unit by unit, so walking the dictionaries makes no
 * string (a two-byte character read as `d[i]` is a new string each time).
 */
const CHAR_NUMBER = new Int16Array(0x10000).fill(NO_CHAR);
const CANDIDATE_UNITS: Int32Array[] = [];
for (const [c, cands] of Object.entries(ONE_TO_MANY)) {
  if (c.length !== 1) continue; // a key beyond one unit is never a string's s[k]
  CHAR_NUMBER[c.charCodeAt(0)] = CANDIDATE_UNITS.length;
  CANDIDATE_UNITS.push(Int32Array.from(cands, (x) => (x.length === 1 ? x.charCodeAt(0) : -1)));
}

/**
 * A row's key: the character's number, the side and the neighbour's UTF-16 unit (as `s[k]` indexes
 * a string), one small integer — no string made per phrase and neighbour while the table is built.
 */
const rowKey = (charNumber: number, side: 'L' | 'R', neighbourUnit: number) => (charNumber * 2 + (side === 'L' ? 0 : 1)) * 0x10000 + neighbourUnit;

function build(): Table {
  const dicts = phraseDictionaries();
  const rows = new Map<number, number>();
  let counts = new Uint16Array(1 << 16);
  let examples = new Int32Array(counts.length * EXAMPLES).fill(-1);
  /** One phrase writing candidate `f` in row `kk`; `ref` points at the phrase (an example). */
  const count = (kk: number, f: number, ref: number) => {
    let r = rows.get(kk);
    if (r === undefined) {
      r = rows.size;
      rows.set(kk, r);
      if ((r + 1) * STRIDE > counts.length) {
        const c2 = new Uint16Array(counts.length * 2);
        c2.set(counts);
        counts = c2;
        const e2 = new Int32Array(c2.length * EXAMPLES).fill(-1);
        e2.set(examples);
        examples = e2;
      }
    }
    const slot = r * STRIDE + f;
    if (counts[slot] < 0xffff) counts[slot]++;
    for (let e = 0; e < EXAMPLES; e++) {
      if (examples[slot * EXAMPLES + e] !== -1) continue;
      examples[slot * EXAMPLES + e] = ref;
      break;
    }
  };
  forEachPhrase(dicts, (d, di, keyAt, length, valueAt) => {
    for (let i = 0; i < length; i++) {
      const n = CHAR_NUMBER[d.charCodeAt(keyAt + i)];
      if (n === NO_CHAR) continue;
      const f = CANDIDATE_UNITS[n].indexOf(d.charCodeAt(valueAt + i));
      if (f < 0) continue;
      const ref = (valueAt << DICT_BITS) | di;
      if (i > 0) count(rowKey(n, 'L', d.charCodeAt(keyAt + i - 1)), f, ref);
      if (i + 1 < length) count(rowKey(n, 'R', d.charCodeAt(keyAt + i + 1)), f, ref);
    }
  });
  const used = rows.size * STRIDE;
  return { rows, counts: counts.slice(0, used), examples: examples.slice(0, used * EXAMPLES), dicts };
}

/** The Traditional side of the phrase an example reference points at. */
function examplePhrase(t: Table, ref: number): string {
  const d = t.dicts[ref & ((1 << DICT_BITS) - 1)];
  const at = ref >>> DICT_BITS;
  let end = at;
  while (end < d.length && d[end] !== ' ' && d[end] !== '|') end++;
  return d.slice(at, end);
}

/** Build the table now (service start), not at the first check that asks. */
export function preparePhraseContext(): void {
  table ??= build();
}

/**
 * How OpenCC's phrases write the one-to-many Simplified character `s[k]` next to its left
 * (`s[k-1]`) and right (`s[k+1]`) neighbour: counts per candidate (ONE_TO_MANY order), or null
 * where no phrase has the character next to that neighbour.
 */
export function neighbourVotes(s: string, k: number): { left: readonly number[] | null; right: readonly number[] | null } {
  return { left: row(s, k, 'L')?.counts ?? null, right: row(s, k, 'R')?.counts ?? null };
}

/** The row index of `s[k]` and its neighbour on `side`, or -1 where no phrase has them side by side. */
function rowOf(s: string, k: number, side: 'L' | 'R'): number {
  table ??= build();
  const n = side === 'L' ? k - 1 : k + 1;
  if (k < 0 || k >= s.length || n < 0 || n >= s.length) return -1;
  const c = CHAR_NUMBER[s.charCodeAt(k)];
  return c === NO_CHAR ? -1 : (table.rows.get(rowKey(c, side, s.charCodeAt(n))) ?? -1);
}

/** Phrases of row `r` writing candidate `f`. */
const countAt = (r: number, f: number) => table!.counts[r * STRIDE + f];

/** All phrases of row `r` (a character with `width` candidates). */
function rowTotal(r: number, width: number): number {
  let total = 0;
  for (let f = 0; f < width; f++) total += countAt(r, f);
  return total;
}

/** The counts of `s[k]`'s row on `side`, per candidate (ONE_TO_MANY order), or undefined. */
function row(s: string, k: number, side: 'L' | 'R'): { counts: number[] } | undefined {
  const r = rowOf(s, k, side);
  return r < 0 ? undefined : { counts: Array.from(table!.counts.subarray(r * STRIDE, r * STRIDE + ONE_TO_MANY[s[k]]!.length)) };
}

/** The example phrases of row `r` for candidate `f`. */
function rowExamples(r: number, f: number): string[] {
  const t = (table ??= build());
  const out: string[] = [];
  for (let e = 0; e < EXAMPLES; e++) {
    const ref = t.examples[(r * STRIDE + f) * EXAMPLES + e];
    if (ref !== -1) out.push(examplePhrase(t, ref));
  }
  return out;
}

/** A neighbour's vote is clear when at most this share of its phrases write another form. */
export const WITNESS_MAX_OTHER = 0.1;

/**
 * Does the neighbour on `side` of `s[k]` vote clearly for `form`: at least `min` of OpenCC's
 * phrases write `form` next to it and at most WITNESS_MAX_OTHER of them another form?
 */
export function neighbourWitness(s: string, k: number, form: string, side: 'L' | 'R', min: number): boolean {
  const cands = ONE_TO_MANY[s[k]];
  const f = cands?.indexOf(form) ?? -1;
  const r = f >= 0 ? rowOf(s, k, side) : -1;
  if (r < 0) return false;
  const total = rowTotal(r, cands!.length);
  return countAt(r, f) >= min && total - countAt(r, f) <= total * WITNESS_MAX_OTHER;
}

/**
 * The form other than `c` that one neighbour of `s[k]` votes for clearly (`min` phrases or
 * more), where the other neighbour's phrases do not mostly write another form; with a few of the
 * phrases. Null where no neighbour speaks.
 */
export function neighbourForm(s: string, k: number, c: string, min: number): { form: string; side: 'L' | 'R'; examples: readonly string[] } | null {
  const cands = ONE_TO_MANY[s[k]];
  if (!cands) return null;
  for (let f = 0; f < cands.length; f++) {
    if (cands[f] === c) continue;
    for (const side of ['L', 'R'] as const) {
      if (!neighbourWitness(s, k, cands[f], side, min)) continue;
      const other = rowOf(s, k, side === 'L' ? 'R' : 'L');
      if (other >= 0 && countAt(other, f) * 2 < rowTotal(other, cands.length)) continue;
      return { form: cands[f], side, examples: rowExamples(rowOf(s, k, side), f) };
    }
  }
  return null;
}
