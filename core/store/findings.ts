/** The findings' part of the store: what the checks found, grouped, dismissed or fixed. */
import type { Db } from '../../db/connection';
import * as fq from '../../db/queries/findings';
import * as cfq from '../../db/queries/claims-findings';
import { on } from './bind';

export type { FindingRow, NewFinding } from '../../db/queries/findings';

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
    dismissFindings: on(db, fq.dismissFindings),
    undismissFindings: on(db, fq.undismissFindings),
    deleteFindingsById: on(db, fq.deleteFindingIds),
    /** Drop the cross-document findings of these documents (the project check stores them anew). */
    deleteProjectFindings: on(db, fq.deleteProjectFindings),
    /** Drop a document's check findings except one rule's (the claims rule keeps its own). */
    deleteCheckFindingsExcept: on(db, cfq.deleteCheckFindingsExcept),
  };
}
