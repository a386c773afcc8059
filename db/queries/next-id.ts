/**
 * The id a new project or document takes: one more than the largest the table holds or ever held
 * (migration 017's `id_high_water`), so that no id names two rows over a database's life.
 */
export type IdTable = 'projects' | 'documents';

/** An SQL expression for the next id of `table` (the table name is one of two literals, never input). */
export function nextIdSql(table: IdTable): string {
  return `(SELECT max(coalesce((SELECT max(id) FROM ${table}), 0), coalesce((SELECT last FROM id_high_water WHERE tbl = '${table}'), 0)) + 1)`;
}
