/**
 * Does a database have exactly the schema Jiaodui's migrations produce for its version?
 *
 * Restore (and opening a backup from the recovery screen) must refuse a look-alike — the
 * right table names with other columns — before anything is replaced: once it is in place
 * every command fails. The reference is built, not written down: the migrations up to the
 * file's version run on an in-memory database, and both schemas are described the same way
 * and compared. Tables and views by their columns (pragma table_xinfo), indexes by table,
 * uniqueness and columns, foreign keys, triggers by their SQL (whitespace and comments
 * ignored). SQLite's own objects (sqlite_*, e.g. sqlite_stat1 after ANALYZE) are ignored.
 */
import Database from 'better-sqlite3';
import { migrate, type Db } from './connection';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Collapse whitespace and drop SQL comments, so a reformatted trigger still matches. */
function normaliseSql(sql: string | null): string {
  return (sql ?? '')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One line per schema object, keyed by "<type> <name>", describing what matters about it. */
export function describeSchema(db: Db): Map<string, string> {
  const objects = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, name`)
    .all() as SchemaObject[];
  const described = new Map<string, string>();
  for (const o of objects) {
    let what: unknown;
    if (o.type === 'table' || o.type === 'view') {
      const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)`).raw().all(o.name);
      const foreignKeys = o.type === 'table' ? db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?)`).raw().all(o.name) : [];
      // A virtual table (FTS5) is known by its module arguments as well as its columns.
      const virtual = /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '') ? normaliseSql(o.sql) : '';
      what = { columns, foreignKeys, virtual };
    } else if (o.type === 'index') {
      const info = db.prepare(`SELECT "unique", origin, partial FROM pragma_index_list(?) WHERE name = ?`).raw().get(o.tbl_name, o.name);
      const columns = db.prepare(`SELECT name, "desc", coll FROM pragma_index_xinfo(?) WHERE key = 1`).raw().all(o.name);
      what = { table: o.tbl_name, info, columns, where: /\sWHERE\s/i.test(o.sql ?? '') ? normaliseSql(o.sql) : '' };
    } else {
      what = { table: o.tbl_name, sql: normaliseSql(o.sql) };
    }
    described.set(`${o.type} ${o.name}`, JSON.stringify(what));
  }
  return described;
}

/** For a table or view: " (no column a, b; column c not expected)", or "" when the names agree. */
function columnDifference(expected: string, actual: string): string {
  const names = (shape: string): string[] => ((JSON.parse(shape) as { columns?: unknown[][] }).columns ?? []).map((c) => String(c[0]));
  const want = names(expected);
  const have = names(actual);
  const missing = want.filter((n) => !have.includes(n));
  const extra = have.filter((n) => !want.includes(n));
  const parts = [missing.length ? `no column ${missing.join(', ')}` : '', extra.length ? `column ${extra.join(', ')} not expected` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

const references = new Map<string, Map<string, string>>();

/** The schema the migrations produce at `version` (built once per version and list). */
export function referenceSchema(version: number, migrations: readonly Migration[] = allMigrations): Map<string, string> {
  const key = `${version}:${migrations.map((m) => m.version).join(',')}`;
  let described = references.get(key);
  if (!described) {
    const ref = new Database(':memory:');
    try {
      migrate(ref, 0, migrations.filter((m) => m.version <= version));
      described = describeSchema(ref);
    } finally {
      ref.close();
    }
    references.set(key, described);
  }
  return described;
}

/**
 * How `db`'s schema differs from what the migrations produce at `version`, in words
 * ("table segments differs", "index x missing", "table y is not Jiaodui's"); empty when it matches.
 */
export function schemaDifferences(db: Db, version: number, migrations: readonly Migration[] = allMigrations): string[] {
  const expected = referenceSchema(version, migrations);
  const actual = describeSchema(db);
  const differences: string[] = [];
  for (const [key, shape] of expected) {
    const found = actual.get(key);
    if (found === undefined) differences.push(`${key} missing`);
    else if (found !== shape) differences.push(`${key} differs${columnDifference(shape, found)}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) differences.push(`${key} is not Jiaodui's`);
  return differences;
}
