/**
 * What every feature handler receives (the handler context): who calls, the store, the
 * engine's transaction, clock and operation runner, and the common lookups. The service
 * (core/service.ts) builds one per call from the transport's caller, so every write goes
 * through the engine's `operation` (one IMMEDIATE transaction, one undo step) signed by the
 * caller's author.
 */
import type { CallerContext } from '../shared/contract/caller';
import type { ChangeResult, DocumentMeta, OperationKind, Project } from '../shared/domain/schemas';
import type { OperationLabel } from '../shared/operation-labels';
import type { ExtendOperation, OperationBody } from './operations/types';
import type { SegmentRow, Store } from './store';
import type { Touched } from './change-log';

export type { OperationBody } from './operations/types';

/** What the review-workflow modules (replace, history, annotations, claims, parallel…) use. */
export interface ReviewHost {
  /** Who calls (shared/contract/caller.ts). */
  readonly caller: CallerContext;
  /** What the handler asks of the database (core/store/): the only way to stored data. */
  readonly store: Store;
  tx<T>(fn: () => T): T;
  /** Inside `tx`: name what this write touched, for the change log (core/change-log.ts) the windows follow. */
  touch(t: Touched): void;
  now(): string;
  /** The name revisions are signed with: the caller's reviewer, else the Settings author. */
  author(): string;
  /**
   * `label`: from a builder of shared/operation-labels.ts (English text + key and params for the UI).
   * `extend`: join that operation (relabelled) while it is still the project's newest and done (see Engine.operation).
   */
  operation(projectId: number, kind: OperationKind, label: OperationLabel, body: OperationBody, extend?: ExtendOperation): ChangeResult;
  requireLiveSegment(id: number): SegmentRow;
  requireDocument(id: number): DocumentMeta;
  requireProject(id: number): Project;
}
