/** Project and document ids name one row over a database's life (migration 017): never given again after a delete. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations } from '../db/migrations';
import { openService } from './context';
import { tempDir, useFreshService } from './test-helpers';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe('ids never reused', () => {
  const fresh = useFreshService();

  it('a document imported after the newest was deleted (Trash emptied) takes a new id', () => {
    const s = fresh.service;
    const a = s.importBytes(bytes('公司業績會。\n'), { fileName: 'a.txt', projectName: 'P' });
    const b = s.importBytes(bytes('收入增長。\n'), { fileName: 'b.txt', projectName: 'P' });
    s.runChecks({ documentId: b.documentId });
    s.trashDocument({ documentId: b.documentId });
    expect(s.emptyTrash({}).deleted).toBe(1);
    const c = s.importBytes(bytes('利潤下降。\n'), { fileName: 'c.txt', projectName: 'P' });
    expect(c.documentId).toBeGreaterThan(b.documentId);
    expect(a.documentId).toBeLessThan(b.documentId);
    expect(s.getDocument({ documentId: c.documentId }).title).not.toBe(s.getDocument({ documentId: a.documentId }).title);
  });

  it('a project made after the newest was deleted takes a new id', () => {
    const s = fresh.service;
    const p = s.createProject({ name: 'Earnings calls' });
    s.deleteProject({ projectId: p.id });
    const q = s.createProject({ name: 'Earnings calls' });
    expect(q.id).toBeGreaterThan(p.id);
  });

  it('an older database: the ids it holds are the high-water mark, deleted ones before it are not known', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'old.db');
    try {
      const raw = new Database(path);
      raw.exec('PRAGMA foreign_keys = ON');
      for (const m of migrations.filter((x) => x.version <= 16)) m.up(raw);
      raw.pragma('user_version = 16');
      const t = '2024-01-02T03:04:05.000Z';
      raw.prepare(`INSERT INTO projects (id, name, created_at) VALUES (5, 'P', ?)`).run(t);
      raw.prepare(`INSERT INTO documents (id, project_id, title, doc_date, script, variant, encoding, byte_size, content_sha256, imported_at) VALUES (9, 5, 'D', '2023-08-18', 'hant', 'tw', 'utf-8', 10, 'x', ?)`).run(t);
      raw.close();
      const s = await openService(path);
      try {
        s.trashDocument({ documentId: 9 });
        s.emptyTrash({});
        const next = s.importBytes(bytes('公司業績會。\n'), { fileName: 'n.txt', projectName: 'P' });
        expect(next.documentId).toBe(10);
        expect(s.getDocument({ documentId: next.documentId }).projectId).toBe(5);
      } finally {
        s.db.close();
      }
    } finally {
      cleanup();
    }
  });
});
