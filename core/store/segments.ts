/**
 * The segments' part of the store: reading and writing segments, their renderings, the
 * live/retired structure (split/merge), search and the review scopes (find/replace,
 * repetitions, attention lists).
 */
import type { Db } from '../../db/connection';
import * as segq from '../../db/queries/segments';
import * as searchq from '../../db/queries/search';
import * as revq from '../../db/queries/review';
import type { OffsetMap } from '../../shared/text/offsetMap';
import { on } from './bind';

export type { NewSegment, SegmentRow } from '../../db/queries/segments';
export type { ScopeSegment } from '../../db/queries/review';
export type { SearchRow } from '../../db/queries/search';
/** A stored segment as the contract shows it. */
export const toPublicSegment = segq.toPublic;

export function segmentStore(db: Db) {
  return {
    segment: on(db, segq.getSegment),
    /** A document's live segments in reading order. */
    liveSegments: on(db, segq.listSegments),
    /** What the checks read of a document's live segments. */
    segmentsToCheck: on(db, segq.checkSegmentsOf),
    /** The live segment after `position` (split/merge place new segments by it). */
    nextLiveSegment: on(db, segq.nextLiveSegment),
    segmentText: on(db, segq.segmentText),
    /** Each live segment's row number, by id (a first check's answer, built from the rows it wrote). */
    livePositions: on(db, segq.livePositions),
    /** Give a document's live segments their positions 0…n-1 in reading order (after split/merge). */
    renumberDocument: on(db, segq.renumberDocument),
    addSegment: on(db, segq.insertSegment),
    addSegments: on(db, segq.insertSegments),
    /** Set a segment's current text with its rendering in the other script. */
    setSegmentText: on(db, segq.updateSegmentText),
    setSegmentStatus: on(db, segq.updateSegmentStatus),
    setSegmentFurniture: on(db, segq.updateSegmentFurniture),
    setSegmentRendering: on(db, segq.updateRendering),
    /** Retire (split/merge away) or bring back segments. */
    setRetired: on(db, segq.setRetired),
    /** Make a document's segments findable by search (after import). */
    indexDocumentSearch: on(db, segq.indexDocumentSegments),
    /** Re-render every segment of a document in its (new) script variant. */
    rerenderDocument: (documentId: number, render: (text: string) => { text: string; map: OffsetMap }): void => {
      for (const s of segq.segmentTexts(db, documentId)) {
        const r = render(s.text);
        segq.updateRendering(db, s.id, r.text, r.map);
      }
    },
    /** Segments whose text holds `query` (trigram index from 3 characters, a scan below). */
    searchSegments: (query: string, projectId: number | undefined, limit: number): searchq.SearchRow[] =>
      Array.from(query).length >= 3 ? searchq.searchTrigram(db, query, projectId, limit) : searchq.searchScan(db, query, projectId, limit),
    // review scopes: live segments with what find/replace needs
    documentScope: on(db, revq.documentScope),
    projectScope: on(db, revq.projectScope),
    segmentsScope: on(db, revq.segmentsScope),
    /** The project's other live segments with this machine text (repetitions). */
    sameMachineText: on(db, revq.sameMachineText),
    /** A document's machine and current texts (the change log's summary). */
    documentTexts: on(db, revq.documentTexts),
    segmentsWithOpenComments: on(db, revq.segmentsWithOpenComments),
    segmentsWithOpenFindings: on(db, revq.segmentsWithOpenFindings),
  };
}
