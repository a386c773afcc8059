/** The history's part of the store: operations (undo steps) and their revisions. */
import type { Db } from '../../db/connection';
import * as histq from '../../db/queries/history';
import * as revq from '../../db/queries/review';
import * as recq from '../../db/queries/record-versions';
import { on } from './bind';

export type { NewRevision, OperationRow } from '../../db/queries/history';
export type { ChangeLogRow } from '../../db/queries/review';
export type { RecordFields } from '../../db/queries/record-versions';

export function historyStore(db: Db) {
  return {
    addOperation: on(db, histq.insertOperation),
    addRevisions: on(db, histq.insertRevisions),
    /** Forget the project's undone operations (a new operation clears redo). */
    clearRedo: on(db, histq.clearRedo),
    lastDoneOperation: on(db, histq.lastDoneOperation),
    lastUndoneOperation: on(db, histq.lastUndoneOperation),
    newestOperation: on(db, histq.newestOperation),
    relabelOperation: on(db, histq.setOperationLabel),
    markOperationUndone: on(db, histq.markUndone),
    markOperationDone: on(db, histq.markDone),
    operationRevisions: on(db, histq.revisionsOfOperation),
    /** Every revision of one segment, oldest first. */
    segmentRevisions: on(db, histq.revisionsOfSegment),
    revision: on(db, revq.getRevision),
    /** A segment's text as that revision left it. */
    textAtRevision: on(db, revq.textAtRevision),
    /** The change log: revisions of a document's segments, newest first, optionally filtered. */
    documentRevisions: on(db, revq.documentRevisions),
    documentRevisionFacets: on(db, revq.documentRevisionFacets),
    /** The operations that revised a document, oldest first, with their state (the change report). */
    documentOperations: on(db, revq.documentOperations),
    // field versions (core/versions.ts): a field's version is the id of its last revision
    latestRevisionIdsOfDocument: on(db, histq.latestRevisionIdsOfDocument),
    latestRevisionIdsOfSegment: on(db, histq.latestRevisionIdsOfSegment),
    latestRevision: on(db, histq.latestRevision),
    firstRevision: on(db, histq.firstRevision),
    revisionAsOf: on(db, histq.revisionAsOf),
    /** The newest revision id: the snapshot a bulk preview is built at. */
    maxRevisionId: on(db, histq.maxRevisionId),
    // record versions (migration 012): annotations, claims, glossary entries
    /** A record's fields as they were at an older version (undefined: current or unknown). */
    recordFieldsAtVersion: on(db, recq.recordFieldsAtVersion),
    /** The older version of a record written at that updatedAt stamp (the base of an `ifUpdatedAt` write). */
    recordVersionAt: on(db, recq.recordVersionAt),
    lastClaimAuthor: on(db, recq.lastClaimAuthor),
    /** Who last wrote an annotation or glossary entry (the change log), for a conflict's "theirs". */
    lastChangeReviewer: on(db, recq.lastChangeReviewer),
  };
}
