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
