/**
 * Room the review grid keeps below its rows for the notices stacked over its bottom-right corner
 * (components/Toasts.tsx): without it the last rows, and the row a notice is about (the one just
 * edited), sit under the notice at a laptop's 1280×720.
 */

/** The space between the notice stack and the rows above it, in px. */
export const NOTICE_GAP = 8;

/** The grid's bottom inset for a notice stack of `stackHeight` px standing `bottom` px above the pane's bottom; 0 without notices. */
export function noticeInset(stackHeight: number, bottom: number): number {
  return stackHeight > 0 ? Math.ceil(stackHeight + bottom + NOTICE_GAP) : 0;
}

/**
 * Whether a row the reviewer can see (partly) is hidden under the notices: it shows above the
 * viewport's bottom, but its lower part reaches into the inset. A row out of view is left where it
 * is (a notice never moves the reviewer's reading place to the selection).
 */
export function rowUnderNotices(row: { start: number; end: number }, view: { top: number; height: number }, inset: number): boolean {
  if (inset <= 0) return false;
  const bottom = view.top + view.height;
  const visible = row.end > view.top && row.start < bottom;
  return visible && row.end > bottom - inset;
}
