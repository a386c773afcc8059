import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useFreshService, importSample } from './test-helpers';
import { migrate } from '../db/connection';
import { migrations } from '../db/migrations';
import { trigramsCovering } from '../db/queries/search';

const fresh = useFreshService();

/** Every live segment whose text or rendering contains the query, ignoring case: what search must return. */
function oracle(query: string): number[] {
  const q = query.toLowerCase();
  const ids: number[] = [];
  for (const d of fresh.service.listDocuments({})) {
    for (const s of fresh.service.getSegments({ documentId: d.id })) {
      if (s.text.toLowerCase().includes(q) || s.rendering.toLowerCase().includes(q)) ids.push(s.id);
    }
  }
  return ids.sort((a, b) => a - b);
}
const found = (query: string) => fresh.service.search({ query, limit: 10_000 }).map((h) => h.segmentId).sort((a, b) => a - b);

describe('search over the trigram index (detail=none: trigrams, then the whole query checked)', () => {
  it('returns exactly the segments containing the query, in either script, for queries of every length', () => {
    importSample(fresh.service);
    const queries = ['生成式', '生成式AI', '生成式ai', '業績交流會', '业绩交流会', '業績交流会', '財務總監', '财务总监', '交由CFO王震介紹生成式AI後續的增長預期', '，我們', 'CFO', 'cfo', '不存在的詞語'];
    for (const q of queries) expect(found(q), q).toEqual(oracle(q));
    expect(found('生成式AI').length).toBeGreaterThan(0);
    expect(found('业绩交流会').length).toBeGreaterThan(0);
  });

  it('does not match rows that hold every trigram of the query but not the query itself', () => {
    fresh.service.importBytes(new Uint8Array(Buffer.from('甲乙丙和乙丙丁分開寫。\n\n甲乙丙丁連著寫。\n')), { fileName: 'x.txt' });
    expect(trigramsCovering('甲乙丙丁')).toEqual(['甲乙丙', '乙丙丁']);
    const hits = fresh.service.search({ query: '甲乙丙丁' });
    expect(hits.map((h) => h.text)).toEqual(['甲乙丙丁連著寫。']);
  });

  it('ignores case beyond ASCII, as the trigram index does', () => {
    fresh.service.importBytes(new Uint8Array(Buffer.from('這是ＡＩ晶片的報告。\n\n這是Ａｉ晶片。\n\n與ΣΟΦΙΑ合作。\n')), { fileName: 'x.txt' });
    expect(fresh.service.search({ query: 'ａｉ晶片' })).toHaveLength(2);
    expect(fresh.service.search({ query: 'σοφια' })).toHaveLength(1);
  });

  it('is built by migration 008 from an older database', () => {
    const db = new Database(':memory:');
    migrate(db, 0, migrations.filter((m) => m.version <= 7));
    db.exec(`INSERT INTO projects (id, name, created_at) VALUES (1, 'p', 'now');
      INSERT INTO documents (id, project_id, title, script, variant, encoding, byte_size, content_sha256, imported_at) VALUES (1, 1, 't', 'hant', 't', 'utf-8', 1, 'x', 'now');
      INSERT INTO segments (document_id, position, paragraph, machine_text, current_text, sep, start_offset, end_offset, rendering, updated_at)
        VALUES (1, 0, 0, '生成式模型', '生成式模型', '', 0, 5, '生成式模型', 'now');
      INSERT INTO segments_fts(rowid, current_text, rendering) SELECT id, current_text, rendering FROM segments;`);
    migrate(db, 7, migrations);
    expect(db.prepare(`SELECT rowid FROM segments_fts WHERE segments_fts MATCH '"式模型"'`).all()).toHaveLength(1);
    expect(db.prepare(`INSERT INTO segments_fts(segments_fts) VALUES ('integrity-check')`).run()).toBeTruthy();
    expect(db.prepare(`SELECT k, v FROM segments_fts_config WHERE k IN ('hashsize', 'automerge') ORDER BY k`).all()).toEqual([{ k: 'automerge', v: 8 }, { k: 'hashsize', v: 8388608 }]);
    db.close();
  });
});
