/**
 * The shapes an operation body and its revisions take: what the review host, the engine and
 * the feature modules share. Types only, so the host can name them without importing the
 * engine (which imports the field appliers, which import the features that use the host).
 */
import type { NewRevision } from '../store';
import type { OperationLabel } from '../../shared/operation-labels';

export type RecordRevision = (r: NewRevision) => void;
export type OperationBody = (record: RecordRevision, now: string) => { touched: number[]; removed?: number[] };
/** Join that operation (relabelled) while it is still the project's newest and done. */
export type ExtendOperation = { operationId: number; label: OperationLabel } | null;
