/**
 * What the review-workflow modules (replace, history, annotations) need from the service:
 * its transaction, clock, author, operation runner and lookups. The service builds one
 * host over its private members, so every write still goes through `operation` (one
 * IMMEDIATE transaction, one undo step).
 */
import type { Db } from '../db/connection';
import * as segq from '../db/queries/segments';
import type * as histq from '../db/queries/history';
import type { ChangeResult, DocumentMeta, OperationKind, Project } from '../shared/domain/schemas';
import type { OperationLabel } from '../shared/operation-labels';

export type OperationBody = (record: (r: histq.NewRevision) => void, now: string) => { touched: number[]; removed?: number[] };

export interface ReviewHost {
  readonly db: Db;
  tx<T>(fn: () => T): T;
  now(): string;
  author(): string;
  /**
   * `label`: from a builder of shared/operation-labels.ts (English text + key and params for the UI).
   * `extend`: join that operation (relabelled) while it is still the project's newest and done (see JiaoduiService.operation).
   */
  operation(projectId: number, kind: OperationKind, label: OperationLabel, body: OperationBody, extend?: { operationId: number; label: OperationLabel } | null): ChangeResult;
  requireLiveSegment(id: number): segq.SegmentRow;
  requireDocument(id: number): DocumentMeta;
  requireProject(id: number): Project;
}

