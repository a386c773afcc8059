/**
 * A document's evidence for re-checking one of its segments: what `runChecks` reads from the
 * whole document for its per-segment rules — the names the document introduces (a name
 * mentioned with a title in one segment is a name where it is repeated bare in another), the
 * document's senses of one-to-many characters (one sense per discourse, the document writing a
 * phrase's form elsewhere: `documentSenses`) and the region it is written for. `checkSegment`
 * given this evidence finds in an unchanged segment exactly what `runChecks` found there.
 *
 * Kept between re-checks (core/checks.ts keeps one per document) and brought up to date segment
 * by segment: `update` replaces the analyses of edited segments. What each segment gives (its
 * own mentions, the places of one-to-many characters, the words they stand in, region markers)
 * is memoised on its analysis; the document's totals are kept and only what an edit changed is
 * read again (the names when the segment held or holds one, a character's senses when the
 * segment's places of it read differently), so a save costs about what its segment costs. A
 * new evidence built over an old one (`previous`: after a split or merge) reuses the analyses
 * of unchanged segments. Pure.
 */
import { Analysis, type AnalysisSource } from './analysis';
import { senseContribution, sensePlaces, sensesFrom, type DocumentSenses, type KeptSenses } from './conversion';
import { partitionPoint } from './collect';
import { addRepeatMentions, copyMention, mentionSpellings, ownMentions, type Mention } from './entities';
import { markersOf, regionOf, type MarkerCounts } from './regional';
import type { CheckContext, CheckSegment } from './types';

/** What `checkSegment` takes from the document for one segment. */
export interface SegmentEvidence {
  /** the segment's name mentions as the whole document reads them (its own, and names introduced elsewhere repeated in it) */
  mentions: Mention[];
  /** the document's senses (Traditional documents) */
  senses?: DocumentSenses;
}


/**
 * Whether the `length` segments `at` gives are exactly `segments`: the same ids, in order, with the
 * same texts and renderings (what an evidence built from `segments` would hold). Shared by a built
 * evidence and one a run left to build (core/checks.ts `KeptEvidence`).
 */
export function holdsSegments(length: number, at: (i: number) => CheckSegment, segments: readonly CheckSegment[]): boolean {
  if (segments.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const mine = at(i);
    const seg = segments[i];
    if (mine.id !== seg.id || mine.text !== seg.text || mine.rendering !== seg.rendering) return false;
  }
  return true;
}

export class DocumentEvidence implements AnalysisSource {
  private readonly analyses: Analysis[] = [];
  private readonly at = new Map<number, number>();
  /** positions of the segments holding a place of each one-to-many character, ascending */
  private readonly holding = new Map<string, number[]>();
  private readonly markers: MarkerCounts = { tw: 0, hk: 0, other: 0 };
  private spellings: Map<string, Mention> | null = null;
  private readonly senses_: KeptSenses;

  /**
   * `segments`: the document's content segments (no furniture) in document order. `previous`:
   * an evidence of the same document with the same context (script, variant, glossary), or a
   * run's analyses (`AnalysisCarry`), whose analyses of unchanged segments are taken over (with
   * what they memoised).
   */
  constructor(
    segments: readonly CheckSegment[],
    readonly ctx: CheckContext,
    previous?: AnalysisSource,
  ) {
    const markers = this.markers;
    this.senses_ = sensesFrom({
      holding: (sch) => (this.holding.get(sch) ?? []).map((p) => this.analyses[p]),
      get region() {
        return regionOf(markers);
      },
    });
    segments.forEach((seg, i) => {
      const a = new Analysis(seg, ctx, previous?.analysisOf(seg));
      this.analyses.push(a);
      this.at.set(seg.id, i);
      this.add(a, i);
    });
  }

  /** Whether this evidence holds exactly these content segments, in this order, with these texts and renderings (what a new one built from them would hold). */
  holds(segments: readonly CheckSegment[]): boolean {
    return holdsSegments(this.analyses.length, (i) => this.analyses[i].seg, segments);
  }

  /** The document's senses as this evidence reads them (kept and read lazily, like `forSegment`'s). */
  get senses(): DocumentSenses {
    return this.senses_;
  }

  /** Whether the segment is one of the document's content segments here. */
  has(segmentId: number): boolean {
    return this.at.has(segmentId);
  }

  /** The text this evidence holds for a segment. */
  textOf(segmentId: number): string | undefined {
    const i = this.at.get(segmentId);
    return i === undefined ? undefined : this.analyses[i].text;
  }

  /**
   * Segments whose text (or rendering) changed, at the same places (no segment added, removed,
   * moved or turned into furniture: build a new evidence then). Returns false, changing
   * nothing, when a segment is not one of this evidence's.
   */
  update(segments: readonly CheckSegment[]): boolean {
    if (!segments.every((s) => this.at.has(s.id) && !s.furniture)) return false;
    for (const seg of segments) {
      const i = this.at.get(seg.id)!;
      const old = this.analyses[i];
      if (old.text === seg.text && old.seg.rendering === seg.rendering) continue;
      const a = new Analysis(seg, this.ctx);
      this.remove(old, i);
      this.analyses[i] = a;
      this.add(a, i);
      // the names the document introduces change only when one of their segments held or holds one
      if (ownMentions(old).length || ownMentions(a).length) this.spellings = null;
      // a character's senses only when the segment's places of it read differently
      for (const sch of new Set([...sensePlaces(old).keys(), ...sensePlaces(a).keys()])) {
        if (senseContribution(old, sch) !== senseContribution(a, sch)) this.senses_.forget(sch);
      }
    }
    return true;
  }

  /** What `checkSegment` needs from the document for this segment (one of the evidence's, with the text it holds). */
  forSegment(segmentId: number): SegmentEvidence | undefined {
    const i = this.at.get(segmentId);
    if (i === undefined) return undefined;
    const a = this.analyses[i];
    this.spellings ??= mentionSpellings(this.analyses.map((x) => ownMentions(x)));
    const mentions = addRepeatMentions(a, i, ownMentions(a).map((m) => copyMention(m, 0)), this.spellings);
    return this.ctx.script === 'hant' ? { mentions, senses: this.senses_ } : { mentions };
  }

  /** The analysis kept for this segment, if its text and rendering are the same. */
  analysisOf(seg: CheckSegment): Analysis | undefined {
    const i = this.at.get(seg.id);
    const a = i === undefined ? undefined : this.analyses[i];
    return a && a.text === seg.text && a.seg.rendering === seg.rendering ? a : undefined;
  }


  private add(a: Analysis, i: number): void {
    for (const sch of sensePlaces(a).keys()) {
      const list = this.holding.get(sch);
      if (!list) this.holding.set(sch, [i]);
      else list.splice(lowerBound(list, i), 0, i);
    }
    const m = markersOf(a);
    this.markers.tw += m.tw;
    this.markers.hk += m.hk;
    this.markers.other += m.other;
  }

  private remove(a: Analysis, i: number): void {
    for (const sch of sensePlaces(a).keys()) {
      const list = this.holding.get(sch)!;
      list.splice(lowerBound(list, i), 1);
      if (!list.length) this.holding.delete(sch);
    }
    const m = markersOf(a);
    this.markers.tw -= m.tw;
    this.markers.hk -= m.hk;
    this.markers.other -= m.other;
  }
}

const lowerBound = (list: readonly number[], x: number): number => partitionPoint(list.length, (i) => list[i] < x);
