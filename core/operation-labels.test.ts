/** Operation labels as key + params (migration 009): undoState, undo/redo and the change log carry them; older rows fall back to the English text. */
import { describe, expect, it } from 'vitest';
import { useFreshService, importSample } from './test-helpers';

const fresh = useFreshService();

describe('operation label keys', () => {
  it('undoState carries the label key and params next to the English label, through undo and redo and a restart', async () => {
    const { documentId } = importSample(fresh.service);
    const { projectId } = fresh.service.getDocument({ documentId });
    const seg = fresh.service.getSegments({ documentId })[4];
    const r = fresh.service.editSegment({ segmentId: seg.id, text: seg.text + '。' });
    expect(r.undo).toMatchObject({ undoLabel: 'Edit segment 5', undoLabelKey: { key: 'segment.edit', params: { n: 5 } }, redoLabelKey: null });
    fresh.service.setStatus({ segmentIds: [seg.id], status: 'approved' });
    expect(fresh.service.undoState({ projectId }).undoLabelKey).toEqual({ key: 'segment.status', params: { n: 5, status: 'approved' } });
    const u = fresh.service.undo({ projectId });
    expect(u.undo).toMatchObject({ undoLabel: 'Edit segment 5', redoLabel: 'Mark segment 5 approved', redoLabelKey: { key: 'segment.status' } });
    await fresh.reopen();
    expect(fresh.service.undoState({ projectId }).redoLabelKey).toEqual({ key: 'segment.status', params: { n: 5, status: 'approved' } });

    const log = fresh.service.documentChangeLog({ documentId });
    const undoEntry = log.entries.find((e) => e.operationKind === 'undo')!;
    expect(undoEntry.operationLabel).toBe('Undo Mark segment 5 approved');
    expect(undoEntry.operationLabelKey).toEqual({ key: 'undo', params: { label: 'Mark segment 5 approved' }, of: { key: 'segment.status', params: { n: 5, status: 'approved' } } });
    expect(log.entries.find((e) => e.operationKind === 'edit')!.operationLabelKey).toEqual({ key: 'segment.edit', params: { n: 5 } });
  });

  it('operations stored before migration 009 have no key: the English label stands', () => {
    const { documentId } = importSample(fresh.service);
    const { projectId } = fresh.service.getDocument({ documentId });
    const seg = fresh.service.getSegments({ documentId })[2];
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text + '。' });
    fresh.service.db.prepare(`UPDATE operations SET label_data = NULL`).run();
    expect(fresh.service.undoState({ projectId })).toMatchObject({ undoLabel: 'Edit segment 3', undoLabelKey: null });
    fresh.service.undo({ projectId });
    const log = fresh.service.documentChangeLog({ documentId });
    const undoEntry = log.entries.find((e) => e.operationKind === 'undo')!;
    // the undo is new: it has a key, wrapping the old operation's English text
    expect(undoEntry.operationLabelKey).toEqual({ key: 'undo', params: { label: 'Edit segment 3' } });
    expect(log.entries.find((e) => e.operationKind === 'edit')!.operationLabelKey).toBeNull();
  });

  it('stores the key as JSON beside the English label (find and replace)', () => {
    const { documentId } = importSample(fresh.service);
    const { projectId } = fresh.service.getDocument({ documentId });
    const row = fresh.service.db.prepare(`SELECT label, label_data AS labelData FROM operations ORDER BY id DESC LIMIT 1`);
    expect(row.get()).toBeUndefined();
    fresh.service.replaceAll({ find: '王震', replace: '王征', scope: { kind: 'document', documentId } });
    expect(fresh.service.undoState({ projectId }).undoLabelKey).toEqual({ key: 'replace', params: { find: '王震', replace: '王征' } });
    expect(JSON.parse((row.get() as { labelData: string }).labelData)).toEqual({ key: 'replace', params: { find: '王震', replace: '王征' } });
  });
});
