/**
 * Issue 17: save and approve (the app's Ctrl+Enter) is one operation — one undo step — with
 * the text and the status versioned like every other write (ARCHITECTURE "Versions and conflicts").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService } from './context';
import { freshService, importSample, type FreshService } from './test-helpers';
import type { JiaoduiService } from './service';
import { editConflictOf } from '../shared/contract/conflict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let fx: FreshService;
let app: JiaoduiService;
let documentId: number;
let projectId: number;

beforeEach(async () => {
  fx = await freshService();
  app = fx.service;
  documentId = importSample(app).documentId;
  projectId = app.getDocument({ documentId }).projectId;
});
afterEach(() => fx.cleanup());

const segAt = (i: number) => app.getSegments({ documentId })[i];

describe('editSegment with approve', () => {
  it('writes the text and the approval in one operation that one undo takes back', () => {
    const seg = segAt(3);
    const r = app.editSegment({ segmentId: seg.id, text: seg.text + '（校）', version: seg.versions?.text, approve: true, statusVersion: seg.versions?.status });
    expect(r.segments[0]).toMatchObject({ text: seg.text + '（校）', status: 'approved' });
    // one status revision, straight to approved (no edited in between)
    const hist = app.segmentHistory({ segmentId: seg.id });
    expect(hist.map((h) => [h.field, h.after])).toEqual([
      ['zh', seg.text + '（校）'],
      ['status', 'approved'],
    ]);
    expect(new Set(hist.map((h) => h.operationId)).size).toBe(1);
    const undo = app.undoState({ projectId });
    expect(undo.undoLabel).toBe(`Edit and approve segment 4`);
    expect(undo.undoLabelKey).toMatchObject({ key: 'segment.editApprove', params: { n: 4 } });

    app.undo({ projectId });
    expect(segAt(3)).toMatchObject({ text: seg.text, status: 'unreviewed' });
    expect(app.undoState({ projectId }).canUndo).toBe(false);
    app.redo({ projectId });
    expect(segAt(3)).toMatchObject({ text: seg.text + '（校）', status: 'approved' });
  });

  it('approves an unchanged text in the same step too', () => {
    const seg = segAt(2);
    app.editSegment({ segmentId: seg.id, text: seg.text, approve: true });
    expect(segAt(2).status).toBe('approved');
    app.undo({ projectId });
    expect(segAt(2).status).toBe('unreviewed');
  });

  it('without approve, an edit leaves the segment edited (the status rule)', () => {
    const seg = segAt(3);
    app.editSegment({ segmentId: seg.id, text: seg.text + '。' });
    expect(segAt(3).status).toBe('edited');
  });

  it('refuses when the status changed since it was read, and writes nothing', async () => {
    const seg = segAt(3);
    const other = await openService(fx.dbPath);
    try {
      other.setStatus({ segmentIds: [seg.id], status: 'edited' });
    } finally {
      other.db.close();
    }
    let err: unknown = null;
    try {
      app.editSegment({ segmentId: seg.id, text: seg.text + '（校）', version: seg.versions?.text, approve: true, statusVersion: seg.versions?.status });
    } catch (e) {
      err = e;
    }
    expect(editConflictOf(err)).toMatchObject({ field: 'status', theirs: 'edited', mine: 'approved' });
    expect(segAt(3)).toMatchObject({ text: seg.text, status: 'edited' });
  });
});

describe('editEnglish with approve', () => {
  const ENGLISH = join(import.meta.dirname, '..', 'tests', 'fixtures', 'parallel', 'sensetime-2023.en.txt');
  it('writes the English and its approval in one operation that one undo takes back; a stale status refuses', () => {
    app.attachParallelText({ documentId, kind: 'english', fileName: 'en.txt', data: readFileSync(ENGLISH).toString('base64') });
    const seg = segAt(4);
    expect(seg.english?.status).toBe('unreviewed');
    const text = `${seg.english!.text} (checked)`;
    app.editEnglish({ segmentId: seg.id, text, version: seg.versions?.en, approve: true, statusVersion: seg.versions?.enStatus });
    expect(segAt(4).english).toMatchObject({ text, status: 'approved' });
    expect(app.undoState({ projectId }).undoLabelKey).toMatchObject({ key: 'english.editApprove', params: { n: 5 } });
    app.undo({ projectId });
    expect(segAt(4).english).toMatchObject({ text: seg.english!.text, status: 'unreviewed' });

    // the English status changed since it was read: refused, nothing written
    const now = segAt(4);
    app.setEnglishStatus({ segmentIds: [now.id], status: 'edited' });
    let err: unknown = null;
    try {
      app.editEnglish({ segmentId: now.id, text, version: now.versions?.en, approve: true, statusVersion: now.versions?.enStatus });
    } catch (e) {
      err = e;
    }
    expect(editConflictOf(err)).toMatchObject({ field: 'enStatus', theirs: 'edited', mine: 'approved' });
    expect(segAt(4).english?.text).toBe(seg.english!.text);
  });
});
