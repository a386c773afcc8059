import type { Migration } from './types';

/**
 * Cheaper full-text indexing (issue 9): an import indexes ≈2 MB of trigrams per 1 MB document
 * (the text and its rendering), which was the largest cost of an import.
 *
 * - `detail=none`: the index records which rows contain a trigram, not where. A query of 3+
 *   characters becomes "every trigram of the query" (a superset of the hits) and the row is then
 *   checked for the whole query as a substring (db/queries/search.ts), which is what the
 *   positional phrase match did. Less to build, write and merge.
 * - `columnsize=0`: no per-row token counts (only ranking functions such as bm25 read them;
 *   search orders by document and position).
 * - `hashsize` 8 MB: FTS5 flushes pending postings to a new index segment whenever its
 *   in-memory hash exceeds this (default 1 MB), and every flush triggers merging; a 1 MB
 *   document now goes in as one segment at commit. The price is up to 8 MB of memory during a
 *   large import.
 * - `automerge` 8 (default 4): segments are merged once 8 of a size have piled up rather than 4,
 *   so each posting is rewritten fewer times as the index grows (about 10 ms less per 1 MB
 *   import, averaged over 20 imports); a query may read up to 7 segments per level instead of 3.
 * Both are persistent FTS5 settings, stored in segments_fts_config.
 *
 * The table is rebuilt from `segments` (external content, so no text is copied); the triggers
 * of migration 001 name the table, not its options, and keep working.
 */
export const migration008: Migration = {
  version: 8,
  name: 'full-text index: detail=none, columnsize=0, larger in-memory hash, automerge 8',
  up: (db) => {
    db.exec(`
      DROP TABLE segments_fts;
      CREATE VIRTUAL TABLE segments_fts USING fts5(
        current_text, rendering, content='segments', content_rowid='id', tokenize='trigram', detail='none', columnsize=0
      );
      INSERT INTO segments_fts(segments_fts, rank) VALUES ('hashsize', 8388608);
      INSERT INTO segments_fts(segments_fts, rank) VALUES ('automerge', 8);
      INSERT INTO segments_fts(segments_fts) VALUES ('rebuild');
    `);
  },
};
