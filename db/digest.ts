import { createHash } from 'node:crypto';
import type { Db } from './connection';

/**
 * A hash over the contents of every table (FTS shadow tables included), to prove
 * that a refused request changed nothing at all — stronger than comparing row counts.
 */
export function databaseDigest(db: Db): string {
  const h = createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const t of tables) {
    if (t === 'segments_fts') continue; // the virtual table itself; its shadow tables are hashed
    h.update(`\u0000table ${t}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v)));
  }
  h.update(`user_version ${db.pragma('user_version', { simple: true })}`);
  return h.digest('hex');
}
