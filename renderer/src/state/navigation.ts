/**
 * Moving through the grid when a filter shows only some rows: `order` lists the segment
 * indices on screen (null: all of them, 0..n-1). Pure, so the rules are easy to check.
 */

/** The index `delta` rows away from `current` among the shown rows (clamped). */
export function stepInOrder(order: readonly number[] | null, n: number, current: number, delta: number): number {
  if (!order) return Math.max(0, Math.min(n - 1, current + delta));
  if (!order.length) return current;
  // position of current, or where it would be (it may be hidden by the filter)
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order[mid] < current) lo = mid + 1;
    else hi = mid;
  }
  const at = order[lo] === current ? lo + delta : delta > 0 ? lo + delta - 1 : lo + delta;
  return order[Math.max(0, Math.min(order.length - 1, at))];
}

/** The first shown index after `current` (wrapping around, `current` itself last) that satisfies `pred`, or -1. */
export function nextInOrder(order: readonly number[] | null, n: number, current: number, pred: (i: number) => boolean): number {
  const list = order ?? Array.from({ length: n }, (_, i) => i);
  if (!list.length) return -1;
  let start = list.findIndex((i) => i > current);
  if (start < 0) start = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[(start + k) % list.length];
    if (i !== current && pred(i)) return i;
  }
  return -1;
}

/** The last shown index before `current` (wrapping around, `current` itself last) that satisfies `pred`, or -1. */
export function previousInOrder(order: readonly number[] | null, n: number, current: number, pred: (i: number) => boolean): number {
  const list = order ?? Array.from({ length: n }, (_, i) => i);
  if (!list.length) return -1;
  let start = -1;
  for (let k = list.length - 1; k >= 0; k--) {
    if (list[k] < current) {
      start = k;
      break;
    }
  }
  if (start < 0) start = list.length - 1;
  for (let k = 0; k < list.length; k++) {
    const i = list[(start - k + list.length) % list.length];
    if (i !== current && pred(i)) return i;
  }
  return -1;
}
