/** Deleting a project: only an empty one, with its glossary and settings; no document's history goes with it. */
import { describe, expect, it } from 'vitest';
import { thrownJiaoduiError } from '../shared/error-test-helpers';
import { dispatchAsync } from '../shared/contract/dispatch';
import type { ChangeReport } from '../shared/export/report';
import { importSample, useFreshService } from './test-helpers';

const refusal = thrownJiaoduiError;

describe('deleteProject', () => {
  const fresh = useFreshService();

  it('deletes an empty project with its glossary and settings; its name is free again', () => {
    const s = fresh.service;
    const p = s.createProject({ name: 'Earnings calls' });
    s.saveGlossaryEntry({ projectId: p.id, term: '王征', variants: ['王徵', '王震'], type: 'person' });
    s.saveGlossaryEntry({ projectId: p.id, term: '商湯', variants: ['商汤'] });
    s.updateProjectSettings({ projectId: p.id, standardForms: 'press' });

    expect(s.deleteProject({ projectId: p.id })).toEqual({ projectId: p.id, glossaryEntries: 2 });
    expect(s.listProjects({}).map((x) => x.name)).not.toContain('Earnings calls');
    expect(refusal(() => s.getProjectSettings({ projectId: p.id })).code).toBe('not-found');
    const again = s.createProject({ name: 'Earnings calls' });
    expect(s.listGlossary({ projectId: again.id })).toEqual([]);
    expect(s.getProjectSettings({ projectId: again.id }).standardForms).toBe('unset');
  });

  it('refuses a project that holds documents, in the library or in the Trash, and changes nothing', () => {
    const s = fresh.service;
    const { documentId } = importSample(s, 'Holding');
    const projectId = s.getDocument({ documentId }).projectId;
    s.saveGlossaryEntry({ projectId, term: '王征', variants: ['王徵'] });

    const live = refusal(() => s.deleteProject({ projectId }));
    expect(live.code).toBe('conflict');
    expect(live.messageData).toEqual({ key: 'conflict.project-not-empty', params: { name: 'Holding', live: 1, trashed: 0 } });
    expect(live.message).toContain('1 in the library, 0 in the Trash');

    s.trashDocument({ documentId });
    const inTrash = refusal(() => s.deleteProject({ projectId }));
    expect(inTrash.messageData).toEqual({ key: 'conflict.project-in-trash', params: { name: 'Holding', trashed: 1 } });
    expect(inTrash.message).toContain('restore and move them, or empty the Trash');
    expect(s.listGlossary({ projectId })).toHaveLength(1);
    expect(s.listProjects({}).some((x) => x.id === projectId)).toBe(true);

    s.emptyTrash({});
    expect(s.deleteProject({ projectId }).glossaryEntries).toBe(1);
  });

  it('keeps the history a project made on a document since moved elsewhere, in effect in its change report, no longer undoable', async () => {
    const s = fresh.service;
    const { documentId } = importSample(s, 'Before');
    const from = s.getDocument({ documentId }).projectId;
    s.saveGlossaryEntry({ projectId: from, term: '王征', variants: ['王徵', '王震'], type: 'person' });
    const applied = s.applyGlossary({ projectId: from });
    expect(applied.segments.length).toBeGreaterThan(0);
    const changed = applied.segments[0].id;
    const to = s.createProject({ name: 'After' });
    s.moveDocument({ documentId, projectId: to.id });

    s.deleteProject({ projectId: from });
    const history = s.segmentHistory({ segmentId: changed });
    expect(history.some((r) => r.after?.includes('王征'))).toBe(true);
    expect(s.getSegmentsById({ segmentIds: [changed] })[0].text).toContain('王征');
    // the step is history now, not the new project's to undo
    expect(s.undoState({ projectId: to.id }).canUndo).toBe(false);
    const exported = (await dispatchAsync(s, 'exportDocument', { documentId, format: 'report-json', script: 'hant', locale: 'en' })) as { content: string };
    const report = JSON.parse(exported.content) as ChangeReport;
    expect(report.operations.find((o) => o.kind === 'glossary')).toMatchObject({ undone: false });
    expect(report.summary.fixedAutomatically).toBe(applied.segments.length);
  });

  it('says which project is unknown', () => {
    expect(refusal(() => fresh.service.deleteProject({ projectId: 999 })).code).toBe('not-found');
  });
});
