/** The findings' part of the store: what the checks found, grouped, dismissed or fixed. */
import type { Db } from '../../db/connection';
import * as fq from '../../db/queries/findings';
import * as cfq from '../../db/queries/claims-findings';
import * as ciq from '../../db/queries/check-inputs';
import { on } from './bind';

export type { FindingDetails, FindingLocationRow, FindingRow, NewFinding, StoredCheckRow, StoredCheckRows } from '../../db/queries/findings';
export type { CheckMark } from '../../db/queries/check-inputs';
export { checkRowKeyer } from '../../db/queries/findings';

export function findingStore(db: Db) {
  return {
    documentFindings: on(db, fq.listFindings),
    findingsOfRule: on(db, fq.listFindingsOfRule),
    finding: on(db, fq.getFinding),
    findingsInGroup: on(db, fq.findingsInGroup),
    findingsInProjectGroup: on(db, fq.findingsInProjectGroup),
    segmentFindings: on(db, fq.findingsOfSegmentRows),
    dismissedFindings: on(db, fq.dismissedFindings),
    dismissedFindingsOfSegment: on(db, fq.dismissedFindingsOfSegment),
    addFindings: on(db, fq.insertFindings),
    /** A document's row count and id range (a first check's rows are all it holds when they are its whole range). */
    documentFindingSpan: on(db, fq.documentFindingSpan),
    dismissFindings: on(db, fq.dismissFindings),
    undismissFindings: on(db, fq.undismissFindings),
    deleteFindingsById: on(db, fq.deleteFindingIds),
    /** One row's message of a document-wide group outside a segment (the group's rows share it). */
    groupHead: on(db, fq.groupHead),
    /** A document-wide group's places (texts, in document order), and its message written on every row: a re-check that changed its places words it anew. */
    documentGroupTexts: on(db, fq.documentGroupTexts),
    setDocumentGroupMessage: on(db, fq.setDocumentGroupMessage),
    /** Drop the cross-document findings of these documents (the project check stores them anew). */
    deleteProjectFindings: on(db, fq.deleteProjectFindings),
    /** Drop a document's check findings except one rule's (the claims rule keeps its own). */
    deleteCheckFindingsExcept: on(db, cfq.deleteCheckFindingsExcept),
    /** A document's rows, where each is and its group (assembling a large group reads the rest for the shown rows only: `findingDetails`). */
    findingLocations: on(db, fq.listFindingLocations),
    findingDetails: on(db, fq.findingDetails),
    /** The texts of the segments a document's findings stand in, by segment id. */
    findingSegmentTexts: on(db, fq.findingSegmentTexts),
    /** A document's check rows keyed for comparison: a run writes only what differs. */
    checkRowKeys: on(db, fq.checkRowKeys),
    deleteFindingsInBulk: on(db, fq.deleteFindingIdsInBulk),
    /** A mark of everything the checks read for a document (read in the snapshot) … */
    checkMark: on(db, ciq.checkMark),
    /** … and, inside the write, what changed since: 'all', or the segments revised since (none: unchanged). */
    changedSinceMark: on(db, ciq.changedSinceMark),
    /** The project-scope rows of these documents (id, segment, group): a project check replaces them. */
    projectFindingPlaces: on(db, fq.projectFindingPlaces),
    /** The newest revision id, and a document's segments revised since one (a document's kept check evidence is brought up to date by them). */
    newestRevision: on(db, ciq.newestRevision),
    revisedSince: on(db, ciq.revisedSince),
    /** The newest text or structure revision of these documents (a project check's results are stale past it). */
    contentRevision: on(db, ciq.contentRevision),
    /** Run `fn` in one read transaction (one consistent snapshot; no write lock taken). The Store type reads it as `() => unknown`: callers say what they read. */
    readSnapshot: (fn: () => unknown): unknown => ciq.readSnapshot(db, fn),
  };
}
