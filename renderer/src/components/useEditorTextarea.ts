/** The textarea behaviour the grid's inline editors share (segment, English, source split). */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Grow the textarea with its text so the whole of it stays visible. */
export function useGrowWithText(ref: RefObject<HTMLTextAreaElement | null>, text: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [ref, text]);
}

/** An inline editor's textarea: focused when it opens, caret at the end, growing with `draft`. */
export function useEditorTextarea(draft: string): RefObject<HTMLTextAreaElement | null> {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  useGrowWithText(ref, draft);
  return ref;
}
