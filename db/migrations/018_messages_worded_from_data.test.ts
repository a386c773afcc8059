/** Migration 018 on a database of version 17 whose findings keep their English beside their message data, as stored before it. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openService } from '../../core/context';
import { importSample, tempDir } from '../../core/test-helpers';
import { formatFindingMessage, parseFindingMessage } from '../../shared/finding-messages';

describe('migration 018: finding messages worded from their data', () => {
  it('blanks the English its data words, keeps any other, and every reader words the same messages as before', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'old.db');
    try {
      const service = await openService(path);
      const { documentId } = importSample(service);
      service.runChecks({ documentId });
      const before = service.listFindings({ documentId }).findings.map((f) => [f.id, f.message]);
      expect(before.length).toBeGreaterThan(3);
      service.db.close();

      // as version 17 stored them: every row with its English; one row's English its data does not word
      const raw = new Database(path);
      const rows = raw.prepare(`SELECT id, message_data AS d FROM findings WHERE document_id = ?`).all(documentId) as { id: number; d: string }[];
      const english = raw.prepare(`UPDATE findings SET message = ? WHERE id = ?`);
      for (const r of rows) english.run(formatFindingMessage(parseFindingMessage(r.d)!), r.id);
      english.run('Worded by hand.', rows[0].id);
      // a row whose data names a key no template has, from elsewhere (a bundle): kept as it is, never a failed opening
      raw.prepare(`UPDATE findings SET message = 'Imported.', message_data = ? WHERE id = ?`).run('{"key":"constructor","params":{}}', rows[1].id);
      raw.pragma('user_version = 17');
      raw.close();

      const again = await openService(path);
      try {
        const stored = again.db.prepare(`SELECT id, message FROM findings WHERE document_id = ? ORDER BY id`).all(documentId) as { id: number; message: string }[];
        expect(stored.filter((r) => r.message !== '').map((r) => [r.id, r.message])).toEqual([
          [rows[0].id, 'Worded by hand.'],
          [rows[1].id, 'Imported.'],
        ]);
        const after = new Map(again.listFindings({ documentId }).findings.map((f) => [f.id, f.message]));
        for (const [id, message] of before) expect(after.get(id as number)).toBe(id === rows[0].id ? 'Worded by hand.' : id === rows[1].id ? 'Imported.' : message);
        expect(again.db.pragma('user_version', { simple: true })).toBe(18);
      } finally {
        again.db.close();
      }
      // the migration was backed up first, as every migration is
      expect(readdirSync(dir).filter((f) => f.startsWith('old.db.backup-v17-'))).toHaveLength(1);
    } finally {
      cleanup();
    }
  });
});
