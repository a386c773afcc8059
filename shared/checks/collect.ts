/**
 * The first index in [0, length) where `before` turns false, `before` being true for a prefix of the
 * indexes and false after it (a lower bound by binary search: the first item at or after a place in
 * a sorted list is `partitionPoint(list.length, (i) => list[i] < place)`).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Appends `value` to the list `map` holds under `key`, starting the list if there is none. In
 * place: building a group by copying its list at every member (`[...list, value]`) is quadratic
 * in the group's size, and a megabyte of text has groups of hundreds (one metric's figures).
 */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Appends `items` to `list` in place. A rule's findings on one segment are nearly always none: a
 * spread call (`list.push(...items)`) costs its call even then, a dozen times per segment of a
 * large document.
 */
export function pushAll<T>(list: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) list.push(items[i]);
}
