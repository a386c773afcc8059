/**
 * The longest segment text, in UTF-16 code units: what an edit may write (the contract's
 * editSegment limit) and what import and merge may make, so no segment ever exists that
 * can no longer be edited. Its own module: the contract (and so the renderer) imports it.
 */
export const MAX_SEGMENT_LENGTH = 100_000;
