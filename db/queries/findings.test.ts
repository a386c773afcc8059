import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openService } from '../../core/context';
import { tempDir } from '../../core/test-helpers';
import { checkRowKey, checkRowKeys, insertFindings, type NewFinding } from './findings';

describe('checkRowKeys', () => {
  it('builds in SQL the very key checkRowKey builds for the rows as inserted (NULLs, dismissals, message data or none)', async () => {
    const { dir, cleanup } = tempDir();
    const svc = await openService(join(dir, 'j.db'));
    try {
      const imported = svc.importBytes(new Uint8Array(Buffer.from('公司營收48.6億元。\n\n董事長王震表示,前景樂觀。\n')), { fileName: 'k.txt' });
      const [s1, s2] = svc.getSegments({ documentId: imported.documentId });
      const base = { documentId: imported.documentId, createdAt: '2026-12-02T00:00:00.000Z' };
      const rows: NewFinding[] = [
        { ...base, segmentId: s1.id, rule: 'number-format', severity: 'error', start: 4, end: 9, text: '48.6億', message: 'A message.', messageData: null, fixes: [], group: null, scope: 'segment' },
        { ...base, segmentId: s1.id, rule: 'halfwidth-punctuation', severity: 'warning', start: 1, end: 2, text: ',', message: 'Long group message.', messageData: '{"key":"k","params":{"n":2}}', fixes: [{ start: 1, end: 2, replacement: '，' }], group: 'halfwidth-punctuation', scope: 'segment' },
        { ...base, segmentId: s2.id, rule: 'entity-consistency', severity: 'warning', start: 3, end: 5, text: '王震', message: 'Names.', messageData: '', fixes: [{ start: 3, end: 5, replacement: '王征' }], group: 'entity:王', scope: 'document', dismissedReason: 'ok', dismissedAt: '2026-12-02T01:00:00.000Z', dismissedSegmentText: s2.text },
        { ...base, segmentId: s2.id, rule: 'claims-crosscheck', severity: 'info', start: 0, end: 1, text: '董', message: 'Left out.', fixes: [], group: null, scope: 'segment' },
      ];
      insertFindings(svc.db, rows);
      const stored = checkRowKeys(svc.db, imported.documentId, 'claims-crosscheck');
      expect(stored.map((r) => r.key).sort()).toEqual(rows.slice(0, 3).map((r) => checkRowKey(r)).sort());
      // a subset of rules
      expect(checkRowKeys(svc.db, imported.documentId, 'claims-crosscheck', ['number-format']).map((r) => r.key)).toEqual([checkRowKey(rows[0])]);
    } finally {
      svc.db.close();
      cleanup();
    }
  });
});
