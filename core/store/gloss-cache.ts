/**
 * The CC-CEDICT gloss cache's store: a separate SQLite file beside the database (built by
 * core/gloss-cache.ts, read by core/glosses.ts), never the project database, so it is not
 * part of `Store` and has no transactions of the engine: filling it is its own transaction.
 */
import type { Db } from '../../db/connection';
import * as gq from '../../db/queries/glosses';

export type { GlossReader, GlossRow } from '../../db/queries/glosses';

export function glossCacheStore(db: Db) {
  return {
    /** Fill an empty cache with every entry and mark it as built from `version`, all or nothing. */
    fill(entries: Iterable<gq.GlossRow>, version: string): void {
      db.transaction(() => {
        gq.createGlossSchema(db);
        const insert = gq.glossInserter(db);
        for (const e of entries) insert(e);
        gq.indexGlossEntries(db);
        gq.setGlossMeta(db, 'source', version);
      })();
    },
    /** Entries by word (prepared once). */
    reader: (): gq.GlossReader => gq.glossReader(db),
  };
}
