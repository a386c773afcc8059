/**
 * The one table of field appliers: how a revision's value is put in place. Writing an
 * operation (`writeField`) and replaying it for undo/redo (core/operations/engine.ts) both
 * go through it, so a field is handled in exactly one place. Adding a RevisionField is a
 * compile error here until it has an applier.
 */
import type { NewRevision, SegmentRow, Store } from '../store';
import type { RevisionField, SegmentStatus } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import { applyStructure, applyText, encodeStructure, type FindingState, type StructureState } from '../segment-writes';
import { applyParallelField } from '../parallel';
import { applyClaimRevision } from '../claims';

export interface FieldApplier {
  /** Put `value` in place (the revision's `after` when writing or redoing, its `before` when undoing). */
  apply(store: Store, segmentId: number, value: string | null, now: string, author: string): void;
  /** Which segments a replayed value shows or hides; default: the revision's own segment is touched. */
  affects?(segmentId: number, value: string | null): { touched: number[]; removed: number[] };
  /**
   * The value stored now, in the form of `like` (a value this field's revisions hold), so undo
   * can tell whether the field still holds what the operation left (core/operations/replay-check.ts).
   * Absent: the field is checked by its revisions' authors instead.
   */
  read?(store: Store, segmentId: number, like: string | null): string | null;
}

function requireSegment(store: Store, segmentId: number): SegmentRow {
  const seg = store.segment(segmentId);
  if (!seg) throw new JiaoduiError('not-found', em('not-found.segment-gone', { id: segmentId }));
  return seg;
}

/** Appliers of the fields stored on the segment row itself or beside it; they require the segment to exist. */
function segmentField(apply: (store: Store, seg: SegmentRow, value: string | null, now: string) => void): FieldApplier {
  return { apply: (store, segmentId, value, now) => apply(store, requireSegment(store, segmentId), value, now) };
}

const parallelField = (field: 'source' | 'en' | 'en-status'): FieldApplier => ({
  ...segmentField((store, seg, value, now) => applyParallelField(store, seg.id, field, value, now)),
  read: (store, segmentId) => {
    const row = store.segmentParallelText(segmentId, field === 'source' ? 'source' : 'english');
    return field === 'en-status' ? (row?.status ?? 'unreviewed') : (row?.text ?? '');
  },
});

/** A segment column's stored value (null when the segment is gone). */
const segmentColumn = (pick: (s: SegmentRow) => string | null) => (store: Store, segmentId: number) => {
  const seg = store.segment(segmentId);
  return seg ? pick(seg) : null;
};

/** Which of the segments a structure value names are live now, in that value's form. */
function readStructure(store: Store, like: string | null): string {
  const st = parseStructure(like);
  const live = (id: number) => store.segment(id)?.retired === false;
  const all = [...st.live, ...st.retired];
  return encodeStructure({ live: all.filter(live), retired: all.filter((id) => !live(id)) });
}

const claimField = (field: 'claim' | 'claim-candidate'): FieldApplier => ({
  apply: (store, _segmentId, value, now, author) => applyClaimRevision(store, field, value, now, author),
});

const parseStructure = (value: string | null): StructureState => JSON.parse(value ?? '{"live":[],"retired":[]}') as StructureState;

export const FIELD_APPLIERS: { readonly [F in RevisionField]: FieldApplier } = {
  zh: { ...segmentField((store, seg, value, now) => applyText(store, seg, store.documentScript(seg.documentId), value ?? '', now)), read: segmentColumn((s) => s.text) },
  status: { ...segmentField((store, seg, value, now) => store.setSegmentStatus(seg.id, (value ?? 'unreviewed') as SegmentStatus, now)), read: segmentColumn((s) => s.status) },
  furniture: { ...segmentField((store, seg, value, now) => store.setSegmentFurniture(seg.id, value, now)), read: segmentColumn((s) => s.furniture) },
  structure: {
    ...segmentField((store, _seg, value, now) => applyStructure(store, parseStructure(value), now)),
    read: (store, _segmentId, like) => readStructure(store, like),
    affects: (_segmentId, value) => {
      const st = parseStructure(value);
      return { touched: st.live, removed: st.retired };
    },
  },
  finding: segmentField((store, _seg, value, now) => {
    const st = JSON.parse(value ?? '{"ids":[],"reason":null}') as FindingState;
    if (st.reason) store.dismissFindings(st.ids, st.reason, now);
    else store.undismissFindings(st.ids);
  }),
  source: parallelField('source'),
  en: parallelField('en'),
  'en-status': parallelField('en-status'),
  claim: claimField('claim'),
  'claim-candidate': claimField('claim-candidate'),
};

/** Apply one field value, as an operation or its undo/redo does. */
export function applyField(store: Store, segmentId: number, field: RevisionField, value: string | null, now: string, author: string): void {
  FIELD_APPLIERS[field].apply(store, segmentId, value, now, author);
}

/** Inside an operation: record the revision, then apply its `after` through the same table undo uses. */
export function writeField(store: Store, record: (r: NewRevision) => void, rev: NewRevision, now: string, author: string): void {
  record(rev);
  applyField(store, rev.segmentId, rev.field, rev.after, now, author);
}
