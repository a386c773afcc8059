/**
 * What the grid's rows draw on top of the text: annotation spans (per segment) with
 * their label colours. Provided by the review workflow, read by SegmentText, so the
 * grid and its rows need no extra props.
 */
import { createContext, useContext } from 'react';
import type { Annotation } from '../../../shared/domain/schemas';
import type { AnnotationLabel } from '../../../shared/domain/review';

export interface Decor {
  /** live (not deleted) annotations by segment id */
  bySegment: ReadonlyMap<number, readonly Annotation[]>;
  labels: ReadonlyMap<number, AnnotationLabel>;
  /** the annotation focused in the side list, drawn emphasised */
  activeId: number | null;
}

export const EMPTY_DECOR: Decor = { bySegment: new Map(), labels: new Map(), activeId: null };
export const DecorContext = createContext<Decor>(EMPTY_DECOR);

export function useDecor(): Decor {
  return useContext(DecorContext);
}

/** The default colour of a comment without a label. */
export const COMMENT_COLOR = '#c026d3';
