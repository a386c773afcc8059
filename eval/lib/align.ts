/** Character alignment of a text with its machine conversion (jsdiff diffChars), and offset mapping through it. */
import { diffChars } from 'diff';

/** A differing stretch: [aStart, aEnd) of the original became [bStart, bEnd) of the conversion. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The differing stretches between a and b. Equal-length stretches are split into single
 * characters (a one-to-one conversion), so each wrong character is its own hunk.
 */
export function diffHunks(a: string, b: string): Hunk[] {
  const out: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  let pending: Hunk | null = null;
  const flush = () => {
    if (!pending) return;
    const h = pending;
    pending = null;
    const la = h.aEnd - h.aStart;
    if (la === h.bEnd - h.bStart && la > 1) {
      for (let k = 0; k < la; k++) if (a[h.aStart + k] !== b[h.bStart + k]) out.push({ aStart: h.aStart + k, aEnd: h.aStart + k + 1, bStart: h.bStart + k, bEnd: h.bStart + k + 1 });
    } else out.push(h);
  };
  for (const part of diffChars(a, b)) {
    const n = part.value.length;
    if (!part.added && !part.removed) {
      flush();
      ai += n;
      bi += n;
      continue;
    }
    pending ??= { aStart: ai, aEnd: ai, bStart: bi, bEnd: bi };
    if (part.removed) pending.aEnd = ai += n;
    else pending.bEnd = bi += n;
  }
  flush();
  return out;
}

/** Maps an offset of `a` to the corresponding offset of `b` (strictly inside a changed stretch: its start, or its end for an end offset). */
export function offsetMapper(hunks: readonly Hunk[]): (offset: number, isEnd?: boolean) => number {
  return (offset, isEnd = false) => {
    let shift = 0;
    for (const h of hunks) {
      if (offset <= h.aStart) break;
      if (offset < h.aEnd) return isEnd ? h.bEnd : h.bStart;
      shift = h.bEnd - h.aEnd;
    }
    return offset + shift;
  };
}
