/** The parallel texts' part of the store: source and English beside the Chinese, per document and per segment. */
import type { Db } from '../../db/connection';
import * as pq from '../../db/queries/parallel';
import { on } from './bind';

export type { ParallelKind, ParallelStatus, ParallelTextRow, SegmentParallelRow, ParallelForChecks } from '../../db/queries/parallel';

export function parallelStore(db: Db) {
  return {
    /** Store a document's whole parallel text of a kind (replacing the one there). */
    setParallelText: on(db, pq.upsertParallelText),
    parallelTexts: on(db, pq.parallelTexts),
    parallelText: on(db, pq.parallelText),
    segmentParallelOfDocument: on(db, pq.segmentParallelOfDocument),
    segmentParallel: on(db, pq.segmentParallel),
    /** One segment's parallel text of a kind. */
    segmentParallelText: on(db, pq.getSegmentParallel),
    replaceSegmentParallel: on(db, pq.replaceSegmentParallel),
    addSegmentParallel: on(db, pq.insertSegmentParallel),
    setSegmentParallelText: on(db, pq.updateParallelText),
    setSegmentParallelStatus: on(db, pq.updateParallelStatus),
    attachedParallelKinds: on(db, pq.attachedKinds),
    parallelForChecks: on(db, pq.parallelForChecks),
    parallelForSegment: on(db, pq.parallelForSegment),
  };
}
