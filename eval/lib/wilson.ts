/** Wilson score interval for a proportion k/n (95% by default): honest near 0 and 1 and for small n. */
export interface Proportion {
  k: number;
  n: number;
  /** k/n, null when n is 0 */
  p: number | null;
  lo: number;
  hi: number;
}

export function wilson(k: number, n: number, z = 1.959964): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new Error(`wilson: need integers 0 <= k <= n, got ${k}/${n}`);
  if (n === 0) return { k, n, p: null, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { k, n, p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** "0.62 [0.48–0.74] 31/50", or "– 0/0". */
export function formatProportion(x: Proportion): string {
  if (x.p === null) return '–  (0/0)';
  return `${x.p.toFixed(2)} [${x.lo.toFixed(2)}–${x.hi.toFixed(2)}] ${x.k}/${x.n}`;
}
