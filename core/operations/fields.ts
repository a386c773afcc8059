/**
 * The one table of field appliers: how a revision's value is put in place. Writing an
 * operation (`writeField`) and replaying it for undo/redo (core/operations/engine.ts) both
 * go through it, so a field is handled in exactly one place. Adding a RevisionField is a
 * compile error here until it has an applier.
 */
import type { Db } from '../../db/connection';
import * as segq from '../../db/queries/segments';
import * as docq from '../../db/queries/documents';
import * as fq from '../../db/queries/findings';
import type * as histq from '../../db/queries/history';
import type { RevisionField, SegmentStatus } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import * as pq from '../../db/queries/parallel';
import { applyStructure, applyText, encodeStructure, type FindingState, type StructureState } from '../segment-writes';
import { applyParallelField } from '../parallel';
import { applyClaimRevision } from '../claims';

export interface FieldApplier {
  /** Put `value` in place (the revision's `after` when writing or redoing, its `before` when undoing). */
  apply(db: Db, segmentId: number, value: string | null, now: string, author: string): void;
  /** Which segments a replayed value shows or hides; default: the revision's own segment is touched. */
  affects?(segmentId: number, value: string | null): { touched: number[]; removed: number[] };
  /**
   * The value stored now, in the form of `like` (a value this field's revisions hold), so undo
   * can tell whether the field still holds what the operation left (core/operations/replay-check.ts).
   * Absent: the field is checked by its revisions' authors instead.
   */
  read?(db: Db, segmentId: number, like: string | null): string | null;
}

function requireSegment(db: Db, segmentId: number): segq.SegmentRow {
  const seg = segq.getSegment(db, segmentId);
  if (!seg) throw new JiaoduiError('not-found', `Segment ${segmentId} no longer exists.`);
  return seg;
}

/** Appliers of the fields stored on the segment row itself or beside it; they require the segment to exist. */
function segmentField(apply: (db: Db, seg: segq.SegmentRow, value: string | null, now: string) => void): FieldApplier {
  return { apply: (db, segmentId, value, now) => apply(db, requireSegment(db, segmentId), value, now) };
}

const parallelField = (field: 'source' | 'en' | 'en-status'): FieldApplier => ({
  ...segmentField((db, seg, value, now) => applyParallelField(db, seg.id, field, value, now)),
  read: (db, segmentId) => {
    const row = pq.getSegmentParallel(db, segmentId, field === 'source' ? 'source' : 'english');
    return field === 'en-status' ? (row?.status ?? 'unreviewed') : (row?.text ?? '');
  },
});

/** A segment column's stored value (null when the segment is gone). */
const segmentColumn = (pick: (s: segq.SegmentRow) => string | null) => (db: Db, segmentId: number) => {
  const seg = segq.getSegment(db, segmentId);
  return seg ? pick(seg) : null;
};

/** Which of the segments a structure value names are live now, in that value's form. */
function readStructure(db: Db, like: string | null): string {
  const st = parseStructure(like);
  const live = (id: number) => segq.getSegment(db, id)?.retired === false;
  const all = [...st.live, ...st.retired];
  return encodeStructure({ live: all.filter(live), retired: all.filter((id) => !live(id)) });
}

const claimField = (field: 'claim' | 'claim-candidate'): FieldApplier => ({
  apply: (db, _segmentId, value, now, author) => applyClaimRevision(db, field, value, now, author),
});

const parseStructure = (value: string | null): StructureState => JSON.parse(value ?? '{"live":[],"retired":[]}') as StructureState;

export const FIELD_APPLIERS: { readonly [F in RevisionField]: FieldApplier } = {
  zh: { ...segmentField((db, seg, value, now) => applyText(db, seg, docq.getDocumentScript(db, seg.documentId), value ?? '', now)), read: segmentColumn((s) => s.text) },
  status: { ...segmentField((db, seg, value, now) => segq.updateSegmentStatus(db, seg.id, (value ?? 'unreviewed') as SegmentStatus, now)), read: segmentColumn((s) => s.status) },
  furniture: { ...segmentField((db, seg, value, now) => segq.updateSegmentFurniture(db, seg.id, value, now)), read: segmentColumn((s) => s.furniture) },
  structure: {
    ...segmentField((db, _seg, value, now) => applyStructure(db, parseStructure(value), now)),
    read: (db, _segmentId, like) => readStructure(db, like),
    affects: (_segmentId, value) => {
      const st = parseStructure(value);
      return { touched: st.live, removed: st.retired };
    },
  },
  finding: segmentField((db, _seg, value, now) => {
    const st = JSON.parse(value ?? '{"ids":[],"reason":null}') as FindingState;
    if (st.reason) fq.dismissFindings(db, st.ids, st.reason, now);
    else fq.undismissFindings(db, st.ids);
  }),
  source: parallelField('source'),
  en: parallelField('en'),
  'en-status': parallelField('en-status'),
  claim: claimField('claim'),
  'claim-candidate': claimField('claim-candidate'),
};

/** Apply one field value, as an operation or its undo/redo does. */
export function applyField(db: Db, segmentId: number, field: RevisionField, value: string | null, now: string, author: string): void {
  FIELD_APPLIERS[field].apply(db, segmentId, value, now, author);
}

/** Inside an operation: record the revision, then apply its `after` through the same table undo uses. */
export function writeField(db: Db, record: (r: histq.NewRevision) => void, rev: histq.NewRevision, now: string, author: string): void {
  record(rev);
  applyField(db, rev.segmentId, rev.field, rev.after, now, author);
}
