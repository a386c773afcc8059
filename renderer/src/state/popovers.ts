/**
 * Popovers over the grid never overlap (issue 17): the label bar (components/AnnotateBar.tsx,
 * on a text selection) and the dictionary popover (components/GlossPopover.tsx, on hover or
 * Alt+D). Each publishes what it wants to show here; `visiblePopovers` decides which shows.
 */
import { useSyncExternalStore } from 'react';

export type GlossWanted = 'none' | 'hover' | 'keyboard';
export interface PopoverWants {
  /** a text selection in a cell: the label bar wants to show */
  label: boolean;
  /** the label bar's comment box is open */
  commenting: boolean;
  gloss: GlossWanted;
}

/**
 * Which popovers show. Selecting text shows the label bar and keeps the hover gloss away; the
 * comment box always wins. A gloss asked for from the keyboard (Alt+D, on the selection) shows
 * instead of the label bar until it closes.
 */
export function visiblePopovers(w: PopoverWants): { label: boolean; gloss: boolean } {
  if (w.label && w.commenting) return { label: true, gloss: false };
  if (w.gloss === 'keyboard') return { label: false, gloss: true };
  if (w.label) return { label: true, gloss: false };
  return { label: false, gloss: w.gloss !== 'none' };
}

let wants: PopoverWants = { label: false, commenting: false, gloss: 'none' };
const listeners = new Set<() => void>();

export function publishPopover(patch: Partial<PopoverWants>): void {
  const next = { ...wants, ...patch };
  if (next.label === wants.label && next.commenting === wants.commenting && next.gloss === wants.gloss) return;
  wants = next;
  for (const l of listeners) l();
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/**
 * What shows now, for the two popovers' components: each passes its own wants as they are in
 * this render (published to the other after it), so neither draws a frame it should not.
 */
export function useVisiblePopovers(own: Partial<PopoverWants>): { label: boolean; gloss: boolean } {
  const w = useSyncExternalStore(subscribe, () => wants);
  return visiblePopovers({ ...w, ...own });
}
