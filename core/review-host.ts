/**
 * What the review-workflow modules (replace, history, annotations) need from the service:
 * its transaction, clock, author, operation runner and lookups. The service builds one
 * host over its private members, so every write still goes through `operation` (one
 * IMMEDIATE transaction, one undo step).
 */
import type { Db } from '../db/connection';
import * as segq from '../db/queries/segments';
import type * as histq from '../db/queries/history';
import * as docq from '../db/queries/documents';
import type { ChangeResult, DocumentMeta, OperationKind, Project, SegmentStatus } from '../shared/domain/schemas';
import { applyText } from './segment-writes';

export type OperationBody = (record: (r: histq.NewRevision) => void, now: string) => { touched: number[]; removed?: number[] };

export interface ReviewHost {
  readonly db: Db;
  tx<T>(fn: () => T): T;
  now(): string;
  author(): string;
  operation(projectId: number, kind: OperationKind, label: string, body: OperationBody): ChangeResult;
  requireLiveSegment(id: number): segq.SegmentRow;
  requireDocument(id: number): DocumentMeta;
  requireProject(id: number): Project;
}

/**
 * Set a segment's text inside an operation: a 'zh' revision, and the status rule every
 * text change follows — back to the machine text → 'unreviewed', otherwise 'edited'
 * (so an approved segment that changes goes back to 'edited', as a status revision that
 * undo restores). Returns the status before and after.
 */
export function writeText(
  db: Db,
  record: (r: histq.NewRevision) => void,
  seg: segq.SegmentRow,
  text: string,
  reason: string,
  now: string,
): { changed: boolean; from: SegmentStatus; to: SegmentStatus } {
  if (text === seg.text) return { changed: false, from: seg.status, to: seg.status };
  record({ segmentId: seg.id, field: 'zh', before: seg.text, after: text, reason });
  applyText(db, seg, docq.getDocumentScript(db, seg.documentId), text, now);
  const status: SegmentStatus = text === seg.machineText ? 'unreviewed' : 'edited';
  if (status !== seg.status) {
    record({ segmentId: seg.id, field: 'status', before: seg.status, after: status, reason });
    segq.updateSegmentStatus(db, seg.id, status, now);
  }
  return { changed: true, from: seg.status, to: status };
}
