/**
 * Project bundles (issue 19, push/pull): a project with every kind of stored data goes to a
 * bundle and into another database (whose ids differ), and comes back out with the same digest
 * and the same id-free form; the copy works (redo of an undone step, evidence and dismissals
 * pointing at the copied rows). Refusals: a tampered field, a name in use, a newer format.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshService, importSample, type FreshService } from './test-helpers';
import type { JiaoduiService } from './service';
import { digestOf } from './bundle';
import { callerContext } from '../shared/contract/caller';
import type { ProjectBundle } from '../shared/bundle/schema';
import { envelope } from '../shared/contract/dispatch';

let a: FreshService;
let b: FreshService;
beforeEach(async () => {
  a = await freshService();
  b = await freshService();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const ann = callerContext('cli', 1, 'Ann');
const bo = callerContext('cli', 2, 'Bo');

/** A project touched by every feature that stores something, by two reviewers; returns its id. */
function richProject(s: JiaoduiService): { projectId: number; documentId: number } {
  const { documentId } = importSample(s, 'Moving');
  const other = importSample(s, 'Elsewhere'); // a document edited in another project, then moved in
  const projectId = s.getDocument({ documentId }).projectId;
  const segs = s.getSegments({ documentId });
  const [s0, s1, s2, s3] = segs;
  s.editSegment({ segmentId: s0.id, text: `${s0.text}（改）` }, ann);
  s.setStatus({ segmentIds: [s1.id], status: 'approved' }, bo);
  s.splitSegment({ segmentId: s2.id, at: 2 }, ann);
  s.mergeSegments({ segmentId: s0.id }, bo);
  s.undo({ projectId }, bo); // the merge: undone, then dead (Bo's later steps clear the redo)
  s.editSegment({ segmentId: s3.id, text: `${s3.text}！` }, ann);
  s.undo({ projectId }, ann);
  s.redo({ projectId }, ann);
  // annotations with a label, a reply, an edit (record version), a resolution
  const label = s.createLabel({ name: 'Source?', color: '#aa5500' });
  const note = s.addAnnotation({ segmentId: s1.id, start: 0, end: 2, kind: 'comment', body: 'who said this', labelId: label.id }, ann);
  s.updateAnnotation({ annotationId: note.id, body: 'who said this, exactly?' }, bo);
  s.replyToAnnotation({ annotationId: note.id, body: 'the CFO' }, ann);
  s.resolveAnnotation({ annotationId: note.id, resolved: true }, bo);
  // claims with segment evidence, a note, a verdict, history; a rejected candidate
  const live = s.getSegments({ documentId });
  const claim = s.createClaim({ segmentId: live[4].id, start: 0, end: 4 }, ann);
  s.addClaimEvidence({ claimId: claim.id, evidence: { kind: 'segment', segmentId: live[5].id, note: 'said later' } }, bo);
  s.addClaimEvidence({ claimId: claim.id, evidence: { kind: 'note', note: 'company statement only' } }, ann);
  s.updateClaim({ claimId: claim.id, verdict: 'mostly-true', status: 'in-progress' }, bo);
  const candidates = s.listClaimCandidates({ documentId });
  if (candidates.length) s.rejectClaimCandidate({ segmentId: candidates[0].segmentId, start: candidates[0].start, end: candidates[0].end }, ann);
  // glossary: a project entry and a document entry, one edited (record version)
  const entry = s.saveGlossaryEntry({ projectId, term: '商湯', variants: ['商汤'], type: 'organisation' }, bo);
  s.saveGlossaryEntry({ id: entry.entry.id, version: entry.entry.version, projectId, term: '商湯', variants: ['商汤', '商湯科技'], type: 'organisation', note: 'SenseTime' }, ann);
  s.saveGlossaryEntry({ documentId, term: '人工智能', variants: ['AI'] }, ann);
  // findings with a dismissal (a 'finding' revision), check runs of the document and the project
  const report = s.runChecks({ documentId });
  const open = report.findings.find((f) => !f.dismissedReason);
  if (open) s.dismissFinding({ findingId: open.id, reason: 'house style', scope: 'one' }, bo);
  s.attachParallelText({ documentId, kind: 'english', fileName: 'en.txt', data: Buffer.from('SenseTime results.\n\nRevenue grew.\n').toString('base64') });
  s.editEnglish({ segmentId: s1.id, text: 'Revenue grew fast.' }, ann);
  const otherSeg = s.getSegments({ documentId: other.documentId })[0];
  s.editSegment({ segmentId: otherSeg.id, text: `${otherSeg.text}。` }, ann); // an operation of project Elsewhere
  s.moveDocument({ documentId: other.documentId, projectId });
  s.checkProject({ projectId });
  const last = s.getSegments({ documentId })[6];
  s.editSegment({ segmentId: last.id, text: `${last.text}（待定）` }, bo);
  s.undo({ projectId }, bo); // Bo's last step, undone: on Bo's redo stack
  s.splitSegment({ segmentId: s.getSegments({ documentId })[8].id, at: 1 }, ann); // Ann's last step: a split to undo
  return { projectId, documentId };
}

/** The copy's tables, compared without the informative header. */
const contentOf = (bundle: ProjectBundle) => bundle.content;

describe('project bundles', () => {
  it('a project goes to another database and back: same digest, same id-free form, working history', () => {
    const { projectId } = richProject(a.service);
    const bundle = a.service.exportProjectBundle({ projectId });
    expect(bundle).toMatchObject({ format: 'jiaodui-project-bundle', version: 1, name: 'Moving' });
    expect(bundle.counts).toMatchObject({ documents: 2, annotations: 1, claims: 1, glossary: 2 });
    const t = bundle.content.tables;
    // every kind of history is there: undone steps, claim history with evidence, record versions, dismissals
    expect(t.operations.map((o) => o.state)).toEqual(expect.arrayContaining(['done', 'undone', 'dead']));
    expect(t.revisions.map((r) => r.field)).toEqual(expect.arrayContaining(['zh', 'status', 'structure', 'claim', 'en']));
    expect(t.claim_history.some((h) => h.field === 'evidence')).toBe(true);
    expect(t.record_versions.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['annotation', 'claim', 'glossary']));
    expect(t.findings.some((f) => f.dismissed_reason === 'house style')).toBe(true);
    // a bundle's findings carry their English (version 1's meaning), though the database keeps it as data only
    expect(a.service.db.prepare(`SELECT count(*) FROM findings WHERE message = ''`).pluck().get()).toBeGreaterThan(0);
    expect(t.findings.filter((f) => f.message === '')).toEqual([]);
    expect(bundle.content.checkRuns.project).not.toBeNull();
    expect(t.annotations[0]).toMatchObject({ label: 'Source?', author: 'Ann' });

    // the receiving database already holds other rows, so every id differs
    importSample(b.service, 'Already here');
    b.service.createLabel({ name: 'source?', color: '#000000' }); // the same label, spelt differently
    const r = b.service.importProjectBundle({ bundle, name: 'Moved' });
    expect(r).toMatchObject({ digest: bundle.digest, project: { name: 'Moved', documentCount: 2 } });
    const back = b.service.exportProjectBundle({ projectId: r.project.id });
    expect(back.digest).toBe(bundle.digest);
    expect(digestOf(contentOf(back))).toBe(bundle.digest);
    expect({ ...contentOf(back), tables: { ...back.content.tables, annotations: [] } }).toEqual({ ...contentOf(bundle), tables: { ...t, annotations: [] } });

    // the copy works: Bo's undone edit can be redone there, evidence names the copied segment
    const docs = b.service.listDocuments({ projectId: r.project.id }).sort((x, y) => x.id - y.id);
    const sourceDocs = a.service.listDocuments({ projectId }).sort((x, y) => x.id - y.id);
    expect(b.service.getSegments({ documentId: docs[0].id }).map((s) => [s.text, s.status])).toEqual(a.service.getSegments({ documentId: sourceDocs[0].id }).map((s) => [s.text, s.status]));
    const claim = b.service.listClaims({ documentId: docs[0].id })[0];
    const evidence = claim.evidence.find((e) => e.kind === 'segment');
    expect(evidence?.kind === 'segment' && b.service.getSegmentsById({ segmentIds: [evidence.segmentId] })[0].documentId).toBe(docs[0].id);
    expect(b.service.claimHistory({ claimId: claim.id }).map((h) => h.author)).toEqual(a.service.claimHistory({ claimId: a.service.listClaims({ documentId: sourceDocs[0].id })[0].id }).map((h) => h.author));
    expect(b.service.undoState({ projectId: r.project.id }, bo)).toEqual(a.service.undoState({ projectId }, bo));
    const redone = b.service.redo({ projectId: r.project.id }, bo);
    const redoneA = a.service.redo({ projectId }, bo);
    expect(redone.segments.map((s) => s.text)).toEqual(redoneA.segments.map((s) => s.text));
    expect(b.service.getSegments({ documentId: docs[0].id }).map((s) => s.text)).toEqual(a.service.getSegments({ documentId: sourceDocs[0].id }).map((s) => s.text));
    // and Ann's split can be undone there (a structure revision names the copied segments)
    const segmentsBefore = b.service.getSegments({ documentId: docs[0].id }).length;
    b.service.undo({ projectId: r.project.id }, ann);
    a.service.undo({ projectId }, ann);
    expect(b.service.getSegments({ documentId: docs[0].id }).length).toBe(segmentsBefore - 1);
    expect(b.service.getSegments({ documentId: docs[0].id }).map((s) => s.text)).toEqual(a.service.getSegments({ documentId: sourceDocs[0].id }).map((s) => s.text));
    // the glossary still renders (project entry), search finds the copy
    const terms = (svc: JiaoduiService, documentId: number) => svc.listGlossary({ documentId }).map((g) => [g.term, g.scope, g.variants.join(',')]);
    expect(terms(b.service, docs[0].id)).toEqual(terms(a.service, sourceDocs[0].id));
    expect(terms(b.service, docs[0].id).length).toBe(2);
    expect(b.service.search({ query: '商湯', projectId: r.project.id }).length).toBe(a.service.search({ query: '商湯', projectId }).length);
  });

  it('carries the project’s standard forms once set (version, who, when); a project without any has none, as before', () => {
    const { documentId } = importSample(a.service, 'House');
    const projectId = a.service.getDocument({ documentId }).projectId;
    expect(a.service.exportProjectBundle({ projectId }).content.project).toEqual({ created_at: expect.any(String) });
    a.service.updateProjectSettings({ projectId, standardForms: 'ministry' }, ann);
    a.service.updateProjectSettings({ projectId, standardForms: 'press', version: 1 }, bo);
    const bundle = a.service.exportProjectBundle({ projectId });
    expect(bundle.content.project.settings).toMatchObject({ standard_forms: 'press', version: 2, updated_by: 'Bo' });
    const r = b.service.importProjectBundle({ bundle, name: 'House' });
    expect(r.digest).toBe(bundle.digest);
    const { projectId: _a, ...there } = b.service.getProjectSettings({ projectId: r.project.id });
    const { projectId: _b, ...here } = a.service.getProjectSettings({ projectId });
    expect(there).toEqual(here);
    expect(b.service.exportProjectBundle({ projectId: r.project.id }).digest).toBe(bundle.digest);
  });

  it('refuses a bundle with a tampered field (digest), a name in use, a newer format: nothing stored', async () => {
    const { projectId } = richProject(a.service);
    const bundle = a.service.exportProjectBundle({ projectId });
    const before = b.service.listProjects({});
    const tampered = structuredClone(bundle) as { content: { tables: { revisions: { author: string }[] } } };
    tampered.content.tables.revisions[0].author = 'Mallory';
    const call = (args: unknown) => envelope(b.service, 'importProjectBundle', args, { checkResults: true });
    expect(await call({ bundle: tampered })).toMatchObject({ ok: false, error: { code: 'bundle-digest' } });
    expect(await call({ bundle: { ...bundle, version: 2 } })).toMatchObject({ ok: false, error: { code: 'bundle-future', message: expect.stringContaining('version 2') } });
    expect(await call({ bundle: { format: 'something-else', version: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(b.service.listProjects({})).toEqual(before);
    expect(await call({ bundle })).toMatchObject({ ok: true, value: { project: { name: 'Moving' } } });
    expect(await call({ bundle })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('"Moving" already exists') } });
    expect(await call({ bundle, name: 'Moving (copy)' })).toMatchObject({ ok: true, value: { project: { name: 'Moving (copy)' } } });
  });

  it('an import that fails half-way leaves nothing behind', () => {
    const { projectId } = richProject(a.service);
    const bundle = a.service.exportProjectBundle({ projectId });
    // a consistent-looking bundle (digest recomputed) whose last table cannot be stored: a record version of an unknown kind
    const broken = structuredClone(bundle);
    broken.content.tables.record_versions.push({ ...broken.content.tables.record_versions[0], kind: 'nonsense' });
    broken.digest = digestOf(broken.content);
    const projects = b.service.listProjects({}).length;
    const labels = b.service.listLabels({}).length;
    const documents = b.service.listDocuments({}).length;
    expect(() => b.service.importProjectBundle({ bundle: broken })).toThrow(/unknown kind "nonsense"/);
    expect(b.service.listProjects({}).length).toBe(projects);
    expect(b.service.listLabels({}).length).toBe(labels);
    expect(b.service.listDocuments({}).length).toBe(documents);
    expect(b.service.search({ query: '商湯' })).toEqual([]);
  });
});
