import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openService } from '../../core/context';
import { tempDir } from '../../core/test-helpers';
import { findingMessage, serializeFindingMessage } from '../../shared/finding-messages';
import { checkRowKey, checkRowKeyer, checkRowKeys, findingDetails, findingsInGroup, getFinding, groupHead, insertFindings, listFindings, setDocumentGroupMessage, type NewFinding } from './findings';

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
      expect(stored.heads.size).toBe(3);
      expect(stored.rows.map((r) => r.key).sort()).toEqual(rows.slice(0, 3).map((r) => checkRowKey(r, stored.heads)).sort());
      expect(stored.rows.map((r) => [r.segmentId, r.group])).toEqual(rows.slice(0, 3).map((r) => [r.segmentId, r.group]));
      // the rule left out has no head, so its row keys as new
      expect(checkRowKey(rows[3], stored.heads)).toBeUndefined();
      // a subset of rules
      const subset = checkRowKeys(svc.db, imported.documentId, 'claims-crosscheck', ['number-format']);
      expect(subset.heads.size).toBe(1);
      expect(subset.rows.map((r) => r.key)).toEqual([checkRowKey(rows[0], subset.heads)]);
    } finally {
      svc.db.close();
      cleanup();
    }
  });

  it('numbers a head once for all the rows of a group and tells rows apart by place, fixes, message and dismissal', async () => {
    const { dir, cleanup } = tempDir();
    const svc = await openService(join(dir, 'j.db'));
    try {
      const imported = svc.importBytes(new Uint8Array(Buffer.from('公司營收48.6億元,增長,明顯。\n\n董事長王震表示,前景樂觀。\n')), { fileName: 'k.txt' });
      const [s1, s2] = svc.getSegments({ documentId: imported.documentId });
      const head = { documentId: imported.documentId, createdAt: '2026-12-02T00:00:00.000Z', rule: 'halfwidth-punctuation', severity: 'warning' as const, message: 'Half-width.', messageData: '{"key":"halfwidth.many","params":{"count":3}}', group: 'halfwidth-punctuation', scope: 'segment' as const, text: ',' };
      const rows: NewFinding[] = [
        { ...head, segmentId: s1.id, start: 10, end: 11, fixes: [{ start: 10, end: 11, replacement: '，' }] },
        { ...head, segmentId: s1.id, start: 13, end: 14, fixes: [{ start: 13, end: 14, replacement: '，' }] },
        { ...head, segmentId: s2.id, start: 7, end: 8, fixes: [{ start: 7, end: 8, replacement: '，' }] },
      ];
      insertFindings(svc.db, rows);
      const stored = checkRowKeys(svc.db, imported.documentId, 'claims-crosscheck');
      expect(stored.heads.size).toBe(1);
      expect(new Set(stored.rows.map((r) => r.key)).size).toBe(3);
      expect(stored.rows.every((r) => r.group === 'halfwidth-punctuation')).toBe(true);
      // new rows built apart (fresh strings, as a run builds them) key as their stored twins, in any order
      const again = rows.map((r) => ({ ...r, message: `Half-${'width.'}`, messageData: JSON.stringify(JSON.parse(r.messageData!)), fixes: r.fixes.map((f) => ({ ...f })) }));
      const keyOf = checkRowKeyer(stored.heads);
      expect([again[2], again[0], again[1]].map(keyOf)).toEqual([stored.rows[2].key, stored.rows[0].key, stored.rows[1].key]);
      // anything a run writes differently is another key: a fix, an offset, a dismissal; another message is another head
      expect(keyOf({ ...again[0], fixes: [{ start: 10, end: 11, replacement: '、' }] })).not.toBe(stored.rows[0].key);
      expect(keyOf({ ...again[0], start: 11, end: 12 })).not.toBe(stored.rows[0].key);
      expect(keyOf({ ...again[0], dismissedReason: 'ok', dismissedAt: 'now', dismissedSegmentText: s1.text })).not.toBe(stored.rows[0].key);
      expect(keyOf({ ...again[0], messageData: '{"key":"halfwidth.many","params":{"count":4}}' })).toBeUndefined();
      expect(keyOf({ ...again[0], severity: 'error' })).toBeUndefined();
      expect(keyOf(again[1])).toBe(stored.rows[1].key);
    } finally {
      svc.db.close();
      cleanup();
    }
  });
});

describe('the English message of a row with message data', () => {
  it('is not stored where the data words it exactly, and every reader words it back; a message its data does not word is kept', async () => {
    const { dir, cleanup } = tempDir();
    const svc = await openService(join(dir, 'j.db'));
    try {
      const imported = svc.importBytes(new Uint8Array(Buffer.from('公司營收48.6億元,增長,明顯。\n\n董事長王震表示,前景樂觀。\n')), { fileName: 'k.txt' });
      const [s1, s2] = svc.getSegments({ documentId: imported.documentId });
      const worded = findingMessage('halfwidth.many', { count: 3, summary: '3× ,' });
      const head = { documentId: imported.documentId, createdAt: '2026-12-02T00:00:00.000Z', rule: 'halfwidth-punctuation', severity: 'warning' as const, ...worded, messageData: serializeFindingMessage(worded.messageData), group: 'halfwidth-punctuation', scope: 'segment' as const, text: ',' };
      const rows: NewFinding[] = [
        { ...head, segmentId: s1.id, start: 10, end: 11, fixes: [{ start: 10, end: 11, replacement: '，' }] },
        { ...head, segmentId: s2.id, start: 7, end: 8, fixes: [{ start: 7, end: 8, replacement: '，' }] },
        // data that does not word this message (a message edited after it was worded), data of an unknown key, no data
        { ...head, segmentId: s2.id, start: 1, end: 2, group: null, message: 'Another wording.', fixes: [] },
        { ...head, segmentId: s2.id, start: 2, end: 3, group: null, message: 'Unknown key.', messageData: '{"key":"no.such.key","params":{}}', fixes: [] },
        { ...head, segmentId: s2.id, start: 3, end: 4, group: null, message: 'No data.', messageData: null, fixes: [] },
      ];
      insertFindings(svc.db, rows);
      const stored = svc.db.prepare(`SELECT message FROM findings WHERE document_id = ? ORDER BY id`).pluck().all(imported.documentId);
      expect(stored).toEqual(['', '', 'Another wording.', 'Unknown key.', 'No data.']);
      const messages = rows.map((r) => r.message);
      expect(listFindings(svc.db, imported.documentId).sort((a, b) => a.id - b.id).map((r) => r.message)).toEqual(messages);
      const ids = (svc.db.prepare(`SELECT id FROM findings WHERE document_id = ? ORDER BY id`).pluck().all(imported.documentId) as number[]);
      expect(ids.map((id) => getFinding(svc.db, id)!.message)).toEqual(messages);
      expect(ids.map((id) => findingDetails(svc.db, ids).get(id)!.message)).toEqual(messages);
      expect(findingsInGroup(svc.db, imported.documentId, 'halfwidth-punctuation').map((r) => r.message)).toEqual([worded.message, worded.message]);
      expect(groupHead(svc.db, imported.documentId, 'halfwidth-punctuation', 'halfwidth-punctuation', s2.id)?.message).toBe(worded.message);
      // a group worded anew stores no English either, and reads back worded
      const again = findingMessage('halfwidth.many', { count: 2, summary: '2× ,' });
      setDocumentGroupMessage(svc.db, imported.documentId, 'halfwidth-punctuation', 'halfwidth-punctuation', again.message, serializeFindingMessage(again.messageData));
      expect(svc.db.prepare(`SELECT DISTINCT message FROM findings WHERE group_key = 'halfwidth-punctuation'`).pluck().all()).toEqual(['']);
      expect(findingsInGroup(svc.db, imported.documentId, 'halfwidth-punctuation').map((r) => r.message)).toEqual([again.message, again.message]);
      // what the service answers: the English message, as before
      expect(svc.listFindings({ documentId: imported.documentId }).findings.map((f) => f.message)).toContain(again.message);
    } finally {
      svc.db.close();
      cleanup();
    }
  });
});
