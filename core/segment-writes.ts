/**
 * The write primitives every operation is built from: set a field of a segment
 * (text, status, furniture) and switch which segments are live (split/merge).
 * Text changes re-render the other script and re-anchor annotations and findings.
 * Undo/redo apply these through the field-applier table (core/operations/fields.ts).
 */
import type { NewRevision, SegmentRow, Store } from './store';
import { glossaryConverter, type GlossaryTerms } from '../shared/glossary/conversion';
import { charDiff } from '../shared/text/diff';
import { mapPosition, makeAnchor, reanchor } from '../shared/text/anchor';
import type { ScriptT, SegmentStatus, VariantT } from '../shared/domain/schemas';
import { recheckSegment } from './checks';
import { carryClaims, reanchorClaims } from './claims-anchor';

export interface DocScript {
  script: ScriptT;
  variant: VariantT;
  /** glossary terms that apply to the document (its project's and its own): confirmed names feed the rendering */
  glossary?: readonly GlossaryTerms[];
}

export function render(doc: DocScript, text: string) {
  return glossaryConverter(doc.script, doc.variant, doc.glossary).convertAligned(text);
}

/** Set the current text, re-render, and move annotations/findings through the diff. */
export function applyText(store: Store, seg: SegmentRow, doc: DocScript, text: string, now: string): void {
  const r = render(doc, text);
  store.setSegmentText(seg.id, text, r.text, r.map, now);
  const parts = charDiff(seg.text, text);
  for (const a of store.segmentAnnotations(seg.id)) {
    if (a.orphaned) continue;
    store.setAnnotationAnchor(a.id, reanchor(a, seg.text, text, parts), now);
  }
  for (const f of store.findingRangesOfSegment(seg.id)) {
    const s = mapPosition(parts, f.start, 'start');
    store.setFindingRange(f.id, s, Math.max(s, mapPosition(parts, f.end, 'end')));
  }
  reanchorClaims(store, seg.id, seg.text, text, parts, now);
  recheckSegment(store, seg.id, now);
}

/** The value of a 'finding' revision: which stored findings, and their dismissal reason (null = open). */
export interface FindingState {
  ids: number[];
  reason: string | null;
}

export interface StructureState {
  live: number[];
  retired: number[];
}

export function encodeStructure(s: StructureState): string {
  return JSON.stringify(s);
}

/**
 * Make `state.live` live and `state.retired` retired, carrying annotations from the
 * segments being retired to the ones becoming live by their position in the joined text.
 */
export function applyStructure(store: Store, state: StructureState, now: string): void {
  const leaving = state.retired.map((id) => store.segment(id)).filter((s): s is SegmentRow => !!s && !s.retired);
  store.setRetired(state.retired, true, now);
  store.setRetired(state.live, false, now);
  const docId = (leaving[0] ?? store.segment(state.live[0]))?.documentId;
  if (docId !== undefined) store.renumberDocument(docId);
  const arriving = state.live.map((id) => store.segment(id)!).sort((a, b) => a.position - b.position);
  if (!leaving.length || !arriving.length) return;
  leaving.sort((a, b) => a.position - b.position);
  const join = (segs: SegmentRow[]) => {
    let text = '';
    const starts: number[] = [];
    segs.forEach((s, i) => {
      starts.push(text.length);
      text += s.text + (i < segs.length - 1 ? s.sep : '');
    });
    return { text, starts };
  };
  const from = join(leaving);
  const to = join(arriving);
  const parts = charDiff(from.text, to.text);
  carryClaims(store, leaving, from.starts, arriving, to.starts, parts, now);
  leaving.forEach((seg, i) => {
    for (const a of store.segmentAnnotations(seg.id)) {
      const gs = mapPosition(parts, from.starts[i] + a.start, 'start');
      const ge = Math.max(gs, mapPosition(parts, from.starts[i] + a.end, 'end'));
      let k = arriving.length - 1;
      while (k > 0 && to.starts[k] > gs) k--;
      const target = arriving[k];
      const ls = Math.min(gs - to.starts[k], target.text.length);
      const le = Math.min(ge - to.starts[k], target.text.length);
      const anchor = makeAnchor(target.text, ls, le);
      store.moveAnnotation(a.id, target.id);
      store.setAnnotationAnchor(a.id, { ...anchor, orphaned: a.orphaned || anchor.exact !== a.exact }, now);
    }
  });
}

/**
 * Set a segment's text inside an operation: a 'zh' revision, and the status rule every
 * text change follows — back to the machine text → 'unreviewed', otherwise 'edited'
 * (so an approved segment that changes goes back to 'edited', as a status revision that
 * undo restores). Returns the status before and after.
 */
export function writeText(
  store: Store,
  record: (r: NewRevision) => void,
  seg: SegmentRow,
  text: string,
  reason: string,
  now: string,
  /** the status the change leaves instead of the rule's (an edit approved in the same step: editSegment's `approve`) */
  statusAfter?: SegmentStatus,
): { changed: boolean; from: SegmentStatus; to: SegmentStatus } {
  if (text === seg.text) return { changed: false, from: seg.status, to: seg.status };
  record({ segmentId: seg.id, field: 'zh', before: seg.text, after: text, reason });
  applyText(store, seg, store.documentScript(seg.documentId), text, now);
  const status: SegmentStatus = statusAfter ?? (text === seg.machineText ? 'unreviewed' : 'edited');
  if (status !== seg.status) {
    record({ segmentId: seg.id, field: 'status', before: seg.status, after: status, reason });
    store.setSegmentStatus(seg.id, status, now);
  }
  return { changed: true, from: seg.status, to: status };
}
