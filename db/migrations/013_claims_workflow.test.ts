/** Migration 013 on a database of version 11 holding claims and annotations as they were stored before it. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from './index';
import { openService } from '../../core/context';
import { tempDir } from '../../core/test-helpers';

describe('migration 013: claims workflow', () => {
  it('migrates done claims, legacy evidence and “Check fact” annotations; nothing is lost', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'old.db');
    try {
      const raw = new Database(path);
      raw.exec('PRAGMA foreign_keys = ON');
      for (const m of migrations.filter((x) => x.version <= 11)) m.up(raw);
      raw.pragma('user_version = 11');
      const t = '2024-01-02T03:04:05.000Z';
      raw.prepare(`INSERT INTO projects (id, name, created_at) VALUES (1, 'P', ?)`).run(t);
      raw
        .prepare(`INSERT INTO documents (id, project_id, title, doc_date, script, variant, encoding, byte_size, content_sha256, imported_at) VALUES (1, 1, 'D', '2023-08-18', 'hant', 'tw', 'utf-8', 10, 'x', ?)`)
        .run(t);
      const text = '國內生產毛額成長1.45%。';
      raw
        .prepare(`INSERT INTO segments (id, document_id, position, paragraph, machine_text, current_text, sep, start_offset, end_offset, rendering, speaker, updated_at) VALUES (1, 1, 0, 0, ?, ?, '', 0, 13, ?, 'A', ?)`)
        .run(text, text, text, t);
      const claim = raw.prepare(
        `INSERT INTO claims (document_id, segment_id, start_offset, end_offset, exact, prefix, suffix, text, type, evidence, status, author, created_at, updated_at) VALUES (1, 1, 0, 6, 'x', '', '', 'x', 'fact', ?, ?, 'Mei', ?, ?)`,
      );
      claim.run(JSON.stringify([{ url: 'https://example.org/a', note: 'p. 1' }, { url: 'javascript:alert(1)', note: 'bad' }]), 'done', t, t);
      claim.run('[]', 'in-progress', t, t);
      const checkFact = raw.prepare(`SELECT id FROM annotation_labels WHERE name = 'Check fact'`).pluck().get() as number;
      raw
        .prepare(`INSERT INTO annotations (id, segment_id, start_offset, end_offset, exact, prefix, suffix, kind, body, orphaned, created_at, updated_at, label_id, author) VALUES (7, 1, 6, 12, '成長1.45%', '國內生產毛額', '。', 'tag', 'source?', 0, ?, ?, ?, 'Lin')`)
        .run(t, t, checkFact);
      raw.prepare(`INSERT INTO annotation_replies (annotation_id, author, body, created_at) VALUES (7, 'Mei', 'DGBAS table 1', ?)`).run(t);
      raw.close();

      const service = await openService(path);
      try {
        const claims = service.listClaims({ documentId: 1, includeDiscarded: true });
        expect(claims.map((c) => c.status)).toEqual(['ready-for-review', 'in-progress', 'new']);
        expect(claims[0].evidence).toEqual([
          { kind: 'url', url: 'https://example.org/a', note: 'p. 1', id: 1, author: 'Mei', addedAt: t },
          { kind: 'note', note: 'javascript:alert(1) — bad', id: 2, author: 'Mei', addedAt: t },
        ]);
        const fromTag = claims[2];
        expect(fromTag).toMatchObject({ exact: '成長1.45%', text: '成長1.45%', author: 'Lin', createdAt: t, claimant: null, claimDate: '2023-08-18', assignee: '', ratingNote: '', publishedAt: null });
        expect(fromTag.notes).toBe('source?\nMei: DGBAS table 1');
        expect(fromTag.quantities.map((q) => q.value)).toEqual([1.45]);
        const ann = service.listAnnotations({ documentId: 1, includeDeleted: true });
        expect(ann).toHaveLength(1);
        expect(ann[0].deletedAt).toBeTruthy(); // kept, restorable
        expect(service.listLabels().find((l) => l.name === 'Check fact')?.claim).toBe(true);
      } finally {
        service.db.close();
      }
    } finally {
      cleanup();
    }
  });
});
