/**
 * Where the mouse pointer last was, tracked from the start (main.tsx), for handlers whose code
 * arrives later as a chunk of its own (lazy.tsx). The dictionary popover (components/GlossPopover.tsx)
 * listens to mousemove only once its chunk has loaded: a reader who moved onto a word just
 * before that and then kept still made no event it could hear, and got no gloss. On attaching,
 * it asks `lastPointer()` and treats the resting pointer as a hover.
 */

export interface PointerAt {
  x: number;
  y: number;
  /** mouse buttons held (MouseEvent.buttons): non-zero while dragging a selection */
  buttons: number;
}

export interface PointerTracker {
  /** the last position seen, or null before any move or once the pointer left the page */
  last(): PointerAt | null;
  stop(): void;
}

/** Follow the pointer over `target` (the document): its last position, forgotten when it leaves the page. */
export function trackPointer(target: EventTarget): PointerTracker {
  let last: PointerAt | null = null;
  const onMove = (e: Event) => {
    const m = e as MouseEvent;
    last = { x: m.clientX, y: m.clientY, buttons: m.buttons };
  };
  // a mouseout into nothing (relatedTarget null) is the pointer leaving the page
  const onOut = (e: Event) => {
    if (!(e as MouseEvent).relatedTarget) last = null;
  };
  target.addEventListener('mousemove', onMove, { capture: true, passive: true });
  target.addEventListener('mouseout', onOut, { capture: true, passive: true });
  return {
    last: () => last,
    stop: () => {
      target.removeEventListener('mousemove', onMove, { capture: true });
      target.removeEventListener('mouseout', onOut, { capture: true });
      last = null;
    },
  };
}

let tracker: PointerTracker | null = null;

/** Start following the page's pointer (once; main.tsx calls it before the first render). */
export function startPointerTracking(target: EventTarget = document): void {
  tracker ??= trackPointer(target);
}

/** The page's pointer as last seen (null when not tracked, not moved yet, or outside the page). */
export function lastPointer(): PointerAt | null {
  return tracker?.last() ?? null;
}
