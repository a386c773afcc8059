/**
 * Gale–Church sentence alignment (Gale & Church 1993, "A program for aligning sentences in
 * bilingual corpora"): dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2, each costed
 * by −log P(bead) − log P(length ratio | bead), the length ratio modelled as a normal
 * distribution around the corpus ratio c with variance s² per character. Added to that:
 * anchors (numbers, Latin-script names, dates) shared or missing between the two sides,
 * and, for two texts in the same language (Simplified source vs Traditional output),
 * character-bigram overlap. A band around the length diagonal (re-centred on the path and
 * widened while the path runs along its edge) keeps long documents linear.
 */
import type { TextLang } from './anchors';
import { isStrongAnchor } from './anchors';

export interface AlignItem {
  /** length in characters (whitespace excluded) */
  len: number;
  anchors: ReadonlySet<string>;
  /** normalised text for bigram overlap (same-language alignment only) */
  norm?: string;
  /** may be left without a counterpart cheaply (page furniture) */
  optional?: boolean;
}

export type BeadType = '1-1' | '1-0' | '0-1' | '2-1' | '1-2';
export interface Bead {
  type: BeadType;
  /** indices into the first sequence (the Traditional segments) */
  a: number[];
  /** indices into the second sequence (the parallel sentences) */
  b: number[];
  cost: number;
}

export interface GaleChurchOptions {
  /** expected length of b per character of a */
  ratio: number;
  /** variance of that ratio per character */
  variance: number;
  langA: TextLang;
  langB: TextLang;
  /** use bigram overlap of `norm` (both sides in one language) */
  similarity: boolean;
}

const PRIOR: Record<BeadType, number> = { '1-1': 0.89, '1-0': 0.005, '0-1': 0.005, '2-1': 0.0445, '1-2': 0.0445 };
const STEPS: [BeadType, number, number][] = [
  ['1-1', 1, 1],
  ['1-0', 1, 0],
  ['0-1', 0, 1],
  ['2-1', 2, 1],
  ['1-2', 1, 2],
];
const ANCHOR_SHARED = 2;
const ANCHOR_MISSING = 1.5;
const SIMILARITY = 12;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf). */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = Array.from(s);
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two bigram multisets. */
export function dice(x: string, y: string): number {
  if (!x || !y) return 0;
  const a = bigrams(x);
  const b = bigrams(y);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [g, v] of a) inter += Math.min(v, b.get(g) ?? 0);
  return na + nb ? (2 * inter) / (na + nb) : 0;
}

/** Items prepared once for the DP: lengths, interned anchors and bigram codes, for single items and adjacent pairs. */
interface Side {
  len: Float64Array;
  optional: Uint8Array;
  anchors: Int32Array[];
  pairAnchors: Int32Array[];
  grams: Float64Array[];
  pairGrams: Float64Array[];
}

function gramCodes(s: string): Float64Array {
  if (s.length === 1) return Float64Array.of(s.charCodeAt(0));
  const out = new Float64Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

function mergeSorted(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out.sort();
}

function unionIds(x: Int32Array, y: Int32Array): Int32Array {
  return Int32Array.from(new Set([...x, ...y])).sort();
}

function prepare(items: readonly AlignItem[], intern: (k: string) => number, similarity: boolean): Side {
  const n = items.length;
  const side: Side = { len: new Float64Array(n), optional: new Uint8Array(n), anchors: [], pairAnchors: [], grams: [], pairGrams: [] };
  items.forEach((x, i) => {
    side.len[i] = x.len;
    side.optional[i] = x.optional ? 1 : 0;
    side.anchors.push(Int32Array.from(new Set([...x.anchors].map(intern))).sort());
    side.grams.push(similarity ? gramCodes(x.norm ?? '') : new Float64Array(0));
  });
  for (let i = 0; i + 1 < n; i++) {
    side.pairAnchors.push(unionIds(side.anchors[i], side.anchors[i + 1]));
    side.pairGrams.push(similarity ? mergeSorted(side.grams[i], side.grams[i + 1]) : side.grams[i]);
  }
  return side;
}

/** Size of the intersection of two sorted multisets. */
function commonCount(x: Float64Array, y: Float64Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      n++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return n;
}

interface Costing {
  A: Side;
  B: Side;
  o: GaleChurchOptions;
  /** per interned anchor: must be matched when it appears on side A / side B */
  strongA: boolean[];
  strongB: boolean[];
  /** a Latin-script word found in Chinese text (missing from an English side only counts when that side is present) */
  wordA: boolean[];
}

const LOG_PRIOR: Record<BeadType, number> = { '1-1': -Math.log(PRIOR['1-1']), '1-0': -Math.log(PRIOR['1-0']), '0-1': -Math.log(PRIOR['0-1']), '2-1': -Math.log(PRIOR['2-1']), '1-2': -Math.log(PRIOR['1-2']) };
const LOG_OPTIONAL = -Math.log(0.3);

/** The cost of one bead over A[i0, i0+ni) and B[j0, j0+nj): lower is better (may be negative with anchors and overlap). */
function beadCost(c: Costing, type: BeadType, i0: number, ni: number, j0: number, nj: number): number {
  const { A, B, o } = c;
  const optional = (ni === 1 && nj === 0 && A.optional[i0] === 1) || (nj === 1 && ni === 0 && B.optional[j0] === 1);
  let cost = optional ? LOG_OPTIONAL : LOG_PRIOR[type];
  const la = ni === 0 ? 0 : ni === 1 ? A.len[i0] : A.len[i0] + A.len[i0 + 1];
  const lb = nj === 0 ? 0 : nj === 1 ? B.len[j0] : B.len[j0] + B.len[j0 + 1];
  if (ni && nj) {
    const delta = (lb - la * o.ratio) / Math.sqrt(Math.max(la, 1) * o.variance);
    cost += -Math.log(Math.max(2 * (1 - phi(Math.abs(delta))), 1e-12));
  }
  const xa = ni === 0 ? EMPTY_IDS : ni === 1 ? A.anchors[i0] : A.pairAnchors[i0];
  const xb = nj === 0 ? EMPTY_IDS : nj === 1 ? B.anchors[j0] : B.pairAnchors[j0];
  if (xa.length || xb.length) {
    let shared = 0;
    let missing = 0;
    let i = 0;
    let j = 0;
    while (i < xa.length || j < xb.length) {
      if (j >= xb.length || (i < xa.length && xa[i] < xb[j])) {
        const k = xa[i++];
        if (c.strongA[k] && (!c.wordA[k] || nj > 0)) missing++;
      } else if (i >= xa.length || xb[j] < xa[i]) {
        if (c.strongB[xb[j++]]) missing++;
      } else {
        shared++;
        i++;
        j++;
      }
    }
    cost += -ANCHOR_SHARED * Math.min(shared, 4) + ANCHOR_MISSING * Math.min(missing, 4);
  }
  if (o.similarity && ni && nj) {
    const ga = ni === 1 ? A.grams[i0] : A.pairGrams[i0];
    const gb = nj === 1 ? B.grams[j0] : B.pairGrams[j0];
    const total = ga.length + gb.length;
    if (total) cost -= (SIMILARITY * 2 * commonCount(ga, gb)) / total;
  }
  return cost;
}
const EMPTY_IDS = new Int32Array(0);
/** per row of A left over after the last of B */
const TAIL = 2;

/** Align sequence a (targets) with sequence b (parallel sentences). Returns beads in order. */
export function galeChurch(a: readonly AlignItem[], b: readonly AlignItem[], o: GaleChurchOptions, guide?: ArrayLike<number>): { beads: Bead[]; cost: number } {
  const n = a.length;
  const m = b.length;
  if (!n && !m) return { beads: [], cost: 0 };
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const intern = (k: string) => {
    let id = ids.get(k);
    if (id === undefined) {
      id = keys.length;
      ids.set(k, id);
      keys.push(k);
    }
    return id;
  };
  const A = prepare(a, intern, o.similarity);
  const B = prepare(b, intern, o.similarity);
  const c: Costing = {
    A,
    B,
    o,
    strongA: keys.map((k) => isStrongAnchor(k, o.langA) && (k[0] !== 'w' || o.langB === 'zh' || o.langA === 'zh')),
    strongB: keys.map((k) => isStrongAnchor(k, o.langB)),
    wordA: keys.map((k) => k[0] === 'w' && o.langB !== 'zh'),
  };
  // Band: per row i, the columns [lo[i], hi[i]] around a centre line, which starts as the
  // length diagonal (B's running length meets A's times the ratio, held at m once B is used
  // up: a translation of the first part of a document leaves the rest to 1-0 beads along
  // the last column). When the best path touches the band's edge, the band is centred on
  // that path and widened by half, until the path stays inside (or the band spans every column).
  // `guide` (per row, a column: an earlier alignment's path) replaces the length diagonal.
  const centre = guide && guide.length === n + 1 ? Float64Array.from(guide, (x) => Math.min(m, Math.max(0, x))) : lengthDiagonal(A, B, o.ratio);
  let W = Math.max(40, Math.ceil(0.03 * Math.max(n, m)));
  for (;;) {
    const band = makeBand(centre, W, n, m);
    const r = bandedDp(c, n, m, band.lo, band.hi);
    const full = band.lo.every((x) => x === 0) && band.hi.every((x) => x === m);
    if (full || !r.touches) return { beads: r.beads, cost: r.cost };
    pathCentre(r.beads, centre);
    W = Math.ceil(W * 1.5);
  }
}

/** Per row of A: the column where B's running length reaches A's running length times the ratio (optional A items excluded). */
function lengthDiagonal(A: Side, B: Side, ratio: number): Float64Array {
  const n = A.len.length;
  const m = B.len.length;
  const centre = new Float64Array(n + 1);
  let la = 0;
  let lb = 0;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0 && !A.optional[i - 1]) la += A.len[i - 1];
    const want = la * ratio;
    while (j < m && lb + B.len[j] / 2 <= want) lb += B.len[j++];
    centre[i] = j;
  }
  return centre;
}

/** Per row of A (n+1 entries): the column where a path of beads passes (the first, when it runs along the row). */
export function pathColumns(beads: readonly Bead[], n: number): Int32Array {
  const out = new Int32Array(n + 1);
  let i = 0;
  let j = 0;
  for (const b of beads) {
    for (let k = 1; k <= b.a.length; k++) out[i + k] = j + b.b.length;
    i += b.a.length;
    j += b.b.length;
  }
  return out;
}

/** Re-centre on a path: per row, the middle of the columns the path visits there. */
function pathCentre(beads: readonly Bead[], centre: Float64Array): void {
  const first = new Float64Array(centre.length).fill(-1);
  const last = new Float64Array(centre.length);
  let i = 0;
  let j = 0;
  const visit = () => {
    if (first[i] < 0) first[i] = j;
    last[i] = j;
  };
  visit();
  for (const b of beads) {
    i += b.a.length;
    j += b.b.length;
    visit();
  }
  for (let k = 0; k < centre.length; k++) centre[k] = first[k] < 0 ? centre[k] : (first[k] + last[k]) / 2;
}

function makeBand(centre: Float64Array, W: number, n: number, m: number): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, Math.floor(centre[i]) - W);
    hi[i] = Math.min(m, Math.ceil(centre[i]) + W);
  }
  lo[0] = 0;
  hi[n] = m;
  // Consecutive rows must overlap (a 1-0 step), rows widen to the right where the centre jumps.
  for (let i = n - 1; i >= 0; i--) if (hi[i] < lo[i + 1]) hi[i] = lo[i + 1];
  for (let i = 1; i <= n; i++) if (lo[i] < lo[i - 1]) lo[i] = lo[i - 1];
  for (let i = 1; i <= n; i++) if (lo[i] > hi[i]) lo[i] = hi[i];
  return { lo, hi };
}

/** The DP inside the band; memory is linear in the band's area. `touches`: the best path runs along the band's edge. */
function bandedDp(c: Costing, n: number, m: number, lo: Int32Array, hi: Int32Array): { beads: Bead[]; cost: number; touches: boolean } {
  const D: Float64Array[] = [];
  const P: Int8Array[] = [];
  const at = (i: number, j: number) => (i < 0 || j < lo[i] || j > hi[i] ? Infinity : D[i][j - lo[i]]);
  for (let i = 0; i <= n; i++) {
    const w = hi[i] - lo[i] + 1;
    const Di = new Float64Array(w).fill(Infinity);
    const Pi = new Int8Array(w).fill(-1);
    D.push(Di);
    P.push(Pi);
    for (let j = lo[i]; j <= hi[i]; j++) {
      if (i === 0 && j === 0) {
        Di[0] = 0;
        continue;
      }
      let best = Infinity;
      let arg = -1;
      for (let s = 0; s < STEPS.length; s++) {
        const [type, di, dj] = STEPS[s];
        if (i < di || j < dj) continue;
        const prev = at(i - di, j - dj);
        if (prev === Infinity) continue;
        const cost = prev + beadCost(c, type, i - di, di, j - dj, dj);
        if (cost < best) {
          best = cost;
          arg = s;
        }
      }
      Di[j - lo[i]] = best;
      Pi[j - lo[i]] = arg;
    }
  }
  // The untranslated remainder: once B is used up, the rest of A may close as 1-0 beads in
  // bulk, at a flat cost below a 1-0 bead's inside the text, so a translation of the first
  // part of a document is kept together there rather than spread over the whole of it.
  let end = n;
  let total = at(n, m);
  for (let k = n - 1; k >= 0 && m > 0; k--) {
    const v = at(k, m) + (n - k) * TAIL;
    if (v < total) {
      total = v;
      end = k;
    }
  }
  const beads: Bead[] = [];
  for (let k = n - 1; k >= end; k--) beads.push({ type: '1-0', a: [k], b: [], cost: TAIL });
  let i = end;
  let j = m;
  let touches = false;
  while (i > 0 || j > 0) {
    if ((j === lo[i] && j > 0) || (j === hi[i] && j < m)) touches = true;
    const s = P[i][j - lo[i]];
    if (s < 0) throw new Error('alignment: no path (band too narrow)');
    const [type, di, dj] = STEPS[s];
    const cost = at(i, j) - at(i - di, j - dj);
    beads.push({ type, a: range(i - di, i), b: range(j - dj, j), cost });
    i -= di;
    j -= dj;
  }
  return { beads: beads.reverse(), cost: total, touches };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
