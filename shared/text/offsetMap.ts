/**
 * Offset maps between a text and a rendering of it (e.g. Traditional → Simplified).
 *
 * OpenCC conversion mostly keeps length, but not always: a phrase may convert to a
 * phrase of another length, and some characters become astral (two UTF-16 units).
 * A map lists only the chunks whose lengths differ; everywhere else positions move
 * by the accumulated shift. `null` means the identity map (the common case).
 */
export interface OffsetChunk {
  /** start in the source text (UTF-16 units) */
  s: number;
  /** length in the source text */
  sl: number;
  /** start in the rendering */
  d: number;
  /** length in the rendering */
  dl: number;
}
export type OffsetMap = OffsetChunk[] | null;

export type Bias = 'start' | 'end';

/** Map a position in the source text to the rendering. Positions inside a chunk snap to its start or end. */
export function mapForward(map: OffsetMap, pos: number, bias: Bias = 'start'): number {
  return mapThrough(map, pos, bias, 's', 'sl', 'd', 'dl');
}

/** Map a position in the rendering back to the source text. */
export function mapBackward(map: OffsetMap, pos: number, bias: Bias = 'start'): number {
  return mapThrough(map, pos, bias, 'd', 'dl', 's', 'sl');
}

function mapThrough(
  map: OffsetMap,
  pos: number,
  bias: Bias,
  from: 's' | 'd',
  fromLen: 'sl' | 'dl',
  to: 's' | 'd',
  toLen: 'sl' | 'dl',
): number {
  if (!map || map.length === 0) return pos;
  let shift = 0;
  for (const c of map) {
    const start = c[from];
    const end = start + c[fromLen];
    if (pos < start || (pos === start && c[fromLen] > 0)) break;
    if (pos < end) return bias === 'start' ? c[to] : c[to] + c[toLen];
    shift = c[to] + c[toLen] - end;
  }
  return pos + shift;
}

/**
 * Build a compact map from boundary correspondences: `bounds[i]` is the rendering
 * position of source position i, or -1 where i is not an aligned boundary.
 */
export function mapFromBoundaries(bounds: Int32Array): OffsetMap {
  const chunks: OffsetChunk[] = [];
  let prevS = 0;
  let prevD = bounds[0];
  for (let i = 1; i < bounds.length; i++) {
    const d = bounds[i];
    if (d < 0) continue;
    const sl = i - prevS;
    const dl = d - prevD;
    if (sl !== dl) chunks.push({ s: prevS, sl, d: prevD, dl });
    prevS = i;
    prevD = d;
  }
  return chunks.length ? chunks : null;
}

/** Shift every chunk of a map by fixed source/rendering offsets (used to concatenate per-piece maps). */
export function concatMaps(parts: { map: OffsetMap; s: number; d: number }[]): OffsetMap {
  const out: OffsetChunk[] = [];
  for (const p of parts) {
    if (!p.map) continue;
    for (const c of p.map) out.push({ s: c.s + p.s, sl: c.sl, d: c.d + p.d, dl: c.dl });
  }
  return out.length ? out : null;
}
