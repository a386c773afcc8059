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

interface Row {
  /** per Traditional candidate of the Simplified character (ONE_TO_MANY order): phrases writing it next to the neighbour */
  counts: number[];
  /** per candidate, the first few of those phrases (Traditional), for the finding's message */
  examples: string[][];
}

/** Example phrases kept per neighbour and form. */
const EXAMPLES = 3;

let table: Map<string, Row> | null = null;

/**
 * Calls `visit` with each phrase of opencc-js's s2t phrase dictionaries (its first conversion group
 * without the character table, the last): the first of several values (OpenCC lists alternatives
 * after a space), same length as the key. The packed dictionary strings are walked in place, not
 * split into an array of every entry (tens of MB of short-lived arrays at service start).
 */
function forEachPhrase(visit: (k: string, v: string) => void): void {
  const group = (presetConfigs as unknown as Record<string, { conversionChain: readonly DictGroup[] }>).s2t.conversionChain[0];
  for (const d of group.slice(0, -1) as DictLike[]) {
    if (typeof d !== 'string') {
      for (const [k, v] of d as readonly (readonly string[])[]) if (k && v && k.length >= 2 && k.length === v.length) visit(k, v);
      continue;
    }
    for (let at = 0; at < d.length; ) {
      let end = d.indexOf('|', at);
      if (end < 0) end = d.length;
      const sp = d.indexOf(' ', at);
      if (sp > at && sp < end) {
        const k = d.slice(at, sp);
        const sp2 = d.indexOf(' ', sp + 1);
        const v = d.slice(sp + 1, sp2 > sp && sp2 < end ? sp2 : end);
        if (k.length >= 2 && k.length === v.length) visit(k, v);
      }
      at = end + 1;
    }
  }
}

const key = (sch: string, side: 'L' | 'R', neighbour: string) => `${sch}${side}${neighbour}`;

function build(): Map<string, Row> {
  const m = new Map<string, Row>();
  forEachPhrase((k, v) => {
    for (let i = 0; i < k.length; i++) {
      const cands = ONE_TO_MANY[k[i]];
      if (!cands) continue;
      const f = cands.indexOf(v[i]);
      if (f < 0) continue;
      const count = (kk: string) => {
        let row = m.get(kk);
        if (!row) m.set(kk, (row = { counts: new Array<number>(cands.length).fill(0), examples: cands.map(() => []) }));
        row.counts[f]++;
        if (row.examples[f].length < EXAMPLES) row.examples[f].push(v);
      };
      if (i > 0) count(key(k[i], 'L', k[i - 1]));
      if (i + 1 < k.length) count(key(k[i], 'R', k[i + 1]));
    }
  });
  return m;
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

function row(s: string, k: number, side: 'L' | 'R'): Row | undefined {
  table ??= build();
  const n = side === 'L' ? k - 1 : k + 1;
  return n >= 0 && n < s.length ? table.get(key(s[k], side, s[n])) : undefined;
}

/** A neighbour's vote is clear when at most this share of its phrases write another form. */
export const WITNESS_MAX_OTHER = 0.1;

/**
 * Does the neighbour on `side` of `s[k]` vote clearly for `form`: at least `min` of OpenCC's
 * phrases write `form` next to it and at most WITNESS_MAX_OTHER of them another form?
 */
export function neighbourWitness(s: string, k: number, form: string, side: 'L' | 'R', min: number): boolean {
  const f = ONE_TO_MANY[s[k]]?.indexOf(form) ?? -1;
  const counts = f >= 0 ? row(s, k, side)?.counts : undefined;
  if (!counts) return false;
  const total = counts.reduce((a, b) => a + b, 0);
  return counts[f] >= min && total - counts[f] <= total * WITNESS_MAX_OTHER;
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
      const other = row(s, k, side === 'L' ? 'R' : 'L')?.counts;
      if (other && other[f] * 2 < other.reduce((a, b) => a + b, 0)) continue;
      return { form: cands[f], side, examples: row(s, k, side)!.examples[f] };
    }
  }
  return null;
}
