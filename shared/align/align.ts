/**
 * Align a parallel text (the original source, or an English rendering) to a document's
 * segments: paragraphs first, then sentences inside each aligned group of paragraphs,
 * with Gale–Church length ratios plus anchors (numbers, Latin-script names, dates).
 * When the paragraphs do not line up (the parallel text is one block, or its paragraphs
 * are cut differently), the sentences are aligned over the whole document instead.
 *
 * Each segment receives the text of the parallel sentences aligned to it: a 1-2 bead
 * joins two sentences, a 2-1 bead gives its sentence to the first segment that is not
 * page furniture and leaves the other empty (the reviewer can shift or split it).
 */
import { segmentText } from '../text/segment';
import { anchorsOf, type TextLang } from './anchors';
import { galeChurch, pathColumns, type AlignItem, type Bead, type GaleChurchOptions } from './gale-church';

export type ParallelKind = 'source' | 'english';

export interface AlignTarget {
  text: string;
  paragraph: number;
  /** page furniture: may stay without a counterpart */
  furniture?: boolean;
}

export interface AlignOptions {
  kind: ParallelKind;
  /** maps a target's text to the parallel text's script for comparison (e.g. Traditional → Simplified) */
  normaliseTarget?: (s: string) => string;
  /** the same for the parallel text (e.g. Traditional source → Simplified) */
  normaliseParallel?: (s: string) => string;
}

export interface Alignment {
  /** per target: the aligned parallel text ('' when none) */
  texts: string[];
  /** the parallel text's sentences, in order */
  sentences: string[];
  beads: Bead[];
  /** estimated length ratio (parallel characters per target character) */
  ratio: number;
  method: 'paragraphs' | 'sentences';
}

/** English characters per Chinese character, typical of news translation (used until the data says otherwise). */
const DEFAULT_EN_RATIO = 3;

const lenOf = (s: string) => s.replace(/\s+/gu, '').length;

interface Sentence {
  text: string;
  paragraph: number;
}

/** The parallel text cut like a document: paragraphs (lines), then sentences. */
export function parallelSentences(text: string): Sentence[] {
  return segmentText(text).segments.map((s) => ({ text: s.text, paragraph: s.paragraph }));
}

function joiner(kind: ParallelKind): string {
  return kind === 'english' ? ' ' : '';
}

export function alignParallel(targets: readonly AlignTarget[], parallelText: string, opts: AlignOptions): Alignment {
  const sentences = parallelSentences(parallelText);
  const langB: TextLang = opts.kind === 'english' ? 'en' : 'zh';
  const same = opts.kind === 'source';
  const normT = opts.normaliseTarget ?? ((s: string) => s);
  const normP = opts.normaliseParallel ?? ((s: string) => s);
  const a: AlignItem[] = targets.map((t) => {
    const norm = same ? normT(t.text) : undefined;
    return { len: lenOf(t.text), anchors: anchorsOf(norm ?? t.text, 'zh'), norm: norm?.replace(/\s+/gu, ''), optional: !!t.furniture };
  });
  const b: AlignItem[] = sentences.map((s) => {
    const norm = same ? normP(s.text) : undefined;
    return { len: lenOf(s.text), anchors: anchorsOf(s.text, langB), norm: norm?.replace(/\s+/gu, '') };
  });
  const la = a.filter((x) => !x.optional).reduce((n, x) => n + x.len, 0) || 1;
  const lb = b.reduce((n, x) => n + x.len, 0) || 1;
  // The length ratio, estimated from the data: the totals when both texts are whole, else a
  // typical English/Chinese ratio; then re-estimated from the beads of a first alignment
  // (a translation of part of the document does not skew it).
  const total = lb / la;
  let ratio = same ? 1 : total >= 1.5 && total <= 6 ? total : DEFAULT_EN_RATIO;
  // `guide`: the path of an earlier run, around which the next one searches.
  const run = (r: number, guide?: Int32Array) => {
    const o: GaleChurchOptions = { ratio: r, variance: same ? 1 : 6.8 * Math.max(1, r), langA: 'zh', langB, similarity: same };
    const hier = alignByParagraphs(targets, sentences, a, b, o, guide);
    return { hier, beads: hier ?? galeChurch(a, b, o, guide).beads };
  };
  let result = run(ratio);
  if (!same) {
    const matched = result.beads.filter((x) => x.a.length && x.b.length);
    const ma = matched.reduce((n, x) => n + x.a.reduce((k, i) => k + a[i].len, 0), 0);
    const mb = matched.reduce((n, x) => n + x.b.reduce((k, j) => k + b[j].len, 0), 0);
    const est = ma ? mb / ma : ratio;
    if (Math.abs(est - ratio) / ratio > 0.1) {
      ratio = est;
      result = run(ratio, pathColumns(result.beads, a.length));
    }
  }
  const { hier, beads } = result;
  const texts = targets.map(() => '');
  for (const bead of beads) {
    if (!bead.a.length || !bead.b.length) continue;
    const to = bead.a.find((i) => !targets[i].furniture) ?? bead.a[0];
    texts[to] = bead.b.map((j) => sentences[j].text).join(joiner(opts.kind));
  }
  return { texts, sentences: sentences.map((s) => s.text), beads, ratio, method: hier ? 'paragraphs' : 'sentences' };
}

/** A sentence-level guide (per target sentence, a parallel sentence) as a paragraph-level one. */
function paragraphGuide(guide: Int32Array, pa: number[][], pb: number[][], n: number): Int32Array {
  const out = new Int32Array(pa.length + 1);
  let q = 0;
  for (let p = 0; p <= pa.length; p++) {
    const j = guide[p < pa.length ? pa[p][0] : n];
    while (q < pb.length && pb[q][0] < j) q++;
    out[p] = q;
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): number[][] {
  const groups: number[][] = [];
  let last: number | null = null;
  items.forEach((t, i) => {
    const k = key(t);
    if (k !== last || !groups.length) groups.push([]);
    groups[groups.length - 1].push(i);
    last = k;
  });
  return groups;
}

function merge(items: readonly AlignItem[], idx: number[]): AlignItem {
  const anchors = new Set<string>();
  for (const i of idx) for (const k of items[i].anchors) anchors.add(k);
  return {
    len: idx.reduce((n, i) => n + items[i].len, 0),
    anchors,
    norm: items[idx[0]]?.norm !== undefined ? idx.map((i) => items[i].norm).join('') : undefined,
    optional: idx.every((i) => items[i].optional),
  };
}

/**
 * Paragraphs first: align paragraph groups, then sentences inside each group. Returns null
 * when the paragraphs do not correspond well enough (then the caller aligns sentences flat).
 */
function alignByParagraphs(
  targets: readonly AlignTarget[],
  sentences: Sentence[],
  a: AlignItem[],
  b: AlignItem[],
  o: GaleChurchOptions,
  guide?: Int32Array,
): Bead[] | null {
  const pa = groupBy(targets, (t) => t.paragraph);
  const pb = groupBy(sentences, (s) => s.paragraph);
  if (pa.length < 2 || pb.length < 2) return null;
  const { beads: pbeads } = galeChurch(
    pa.map((g) => merge(a, g)),
    pb.map((g) => merge(b, g)),
    o,
    guide && paragraphGuide(guide, pa, pb, a.length),
  );
  // Sane: most content paragraphs found a partner.
  const content = pbeads.filter((x) => x.a.some((i) => !pa[i].every((k) => targets[k].furniture)) || x.b.length);
  // paragraphs before the first and after the last matched one do not count (a partial translation)
  const first = content.findIndex((x) => x.a.length && x.b.length);
  const last = content.length - 1 - [...content].reverse().findIndex((x) => x.a.length && x.b.length);
  const lonely = first < 0 ? content.length : content.slice(first, last + 1).filter((x) => !x.a.length || !x.b.length).length;
  if (lonely > Math.max(1, content.length * 0.2)) return null;
  const out: Bead[] = [];
  for (const pbead of pbeads) {
    const ia = pbead.a.flatMap((p) => pa[p]);
    const ib = pbead.b.flatMap((p) => pb[p]);
    if (!ia.length || !ib.length) {
      for (const i of ia) out.push({ type: '1-0', a: [i], b: [], cost: 0 });
      for (const j of ib) out.push({ type: '0-1', a: [], b: [j], cost: 0 });
      continue;
    }
    const inner = galeChurch(
      ia.map((i) => a[i]),
      ib.map((j) => b[j]),
      o,
    );
    for (const x of inner.beads) out.push({ ...x, a: x.a.map((k) => ia[k]), b: x.b.map((k) => ib[k]) });
  }
  return out;
}
