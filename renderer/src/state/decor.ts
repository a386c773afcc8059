/**
 * What the grid's rows draw on top of the text: annotation spans (per segment) with
 * their label colours. Provided by the review workflow, read by SegmentText, so the
 * grid and its rows need no extra props.
 */
import { createContext, useContext } from 'react';
import type { Annotation, SegmentStatus } from '../../../shared/domain/schemas';
import type { AnnotationLabel } from '../../../shared/domain/review';
import type { RowQa } from './row-findings';

export interface Decor {
  /** live (not deleted) annotations by segment id */
  bySegment: ReadonlyMap<number, readonly Annotation[]>;
  labels: ReadonlyMap<number, AnnotationLabel>;
  /** the annotation focused in the side list, drawn emphasised */
  activeId: number | null;
  /** the finding location the reviewer jumped to from the findings panel, highlighted in the text */
  finding?: { segmentId: number; start: number; end: number } | null;
  /** open findings by segment id: the rows' QA marks (state/row-findings.ts) */
  qa?: ReadonlyMap<number, RowQa>;
  /** status changes waiting for an unreachable team server, by segment id (state/status-queue.ts): the rows' pending marks */
  pendingStatus?: ReadonlyMap<number, SegmentStatus>;
}

export const EMPTY_DECOR: Decor = { bySegment: new Map(), labels: new Map(), activeId: null, finding: null };

/** Id of the synthetic span that draws the highlighted finding (annotations have positive ids). */
export const FINDING_SPAN_ID = -1;
export const DecorContext = createContext<Decor>(EMPTY_DECOR);

export function useDecor(): Decor {
  return useContext(DecorContext);
}

/** The default colour of a comment without a label. */
export const COMMENT_COLOR = '#c026d3';
