/**
 * Issue 19: every contract method × every role, through the dispatcher and the envelope every
 * transport uses: a call the role table allows is never refused for its role, a call it does
 * not allow gets 'forbidden' (HTTP 403) with a message naming the role, and writes nothing.
 * A caller without an account (local use) is never refused.
 */
import { describe, expect, it } from 'vitest';
import { envelope } from '../shared/contract/dispatch';
import { accountCaller, callerContext, type CallerContext } from '../shared/contract/caller';
import { methodNames, type ArgsOf, type MethodName } from '../shared/contract/api';
import { requiredRole, roleAtLeast, ROLES, type Role } from '../shared/contract/roles';
import { statusForError } from './http-policy';
import { importSample, useFreshService } from './test-helpers';
import type { JiaoduiService } from './service';

const fresh = useFreshService();

/** Valid arguments for every method (a missing method is a type error), on the sample document. */
function argsFor(service: JiaoduiService): { [M in MethodName]: ArgsOf<M> } {
  const { documentId } = importSample(service);
  const doc = service.getDocument({ documentId });
  const projectId = doc.projectId;
  const segs = service.getSegments({ documentId });
  const seg = segs[3];
  const next = segs[4];
  const annotation = service.addAnnotation({ segmentId: seg.id, start: 0, end: 1, kind: 'comment', body: 'look' });
  const claim = service.createClaim({ segmentId: seg.id, start: 0, end: 2 });
  const label = service.createLabel({ name: 'Check', color: '#cc3333' });
  const b64 = Buffer.from('名字\n').toString('base64');
  const glossaryCsv = Buffer.from('term,variants,type,note,english\n臺灣,台灣,,,\n').toString('base64');
  return {
    getInfo: {},
    recoveryStatus: {},
    recoverDatabase: { choice: 'new' },
    getSettings: {},
    updateSettings: { locale: 'en' },
    listProjects: {},
    createProject: { name: 'Another' },
    renameProject: { projectId, name: 'Renamed' },
    deleteProject: { projectId: service.createProject({ name: 'Empty' }).id },
    getProjectSettings: { projectId },
    updateProjectSettings: { projectId, standardForms: 'press' },
    listDocuments: {},
    getDocument: { documentId },
    updateDocument: { documentId, title: 'Retitled' },
    moveDocument: { documentId, projectId },
    trashDocument: { documentId: 999_999 },
    restoreDocument: { documentId: 999_999 },
    emptyTrash: {},
    previewImport: { fileName: 'x.txt', data: b64 },
    importDocument: { fileName: 'x.txt', data: b64, projectName: 'Imports' },
    getSegments: { documentId },
    getSegmentsById: { segmentIds: [seg.id] },
    editSegment: { segmentId: seg.id, text: `${seg.text}。` },
    setStatus: { segmentIds: [seg.id], status: 'approved' },
    setFurniture: { segmentId: next.id, furniture: false },
    splitSegment: { segmentId: 999_999, at: 1 },
    mergeSegments: { segmentId: 999_999 },
    undo: { projectId },
    redo: { projectId },
    undoState: { projectId },
    segmentHistory: { segmentId: seg.id },
    search: { query: '的' },
    exportDocument: { documentId, format: 'txt', script: 'hant' },
    importXliff: { documentId, content: '<xliff/>' },
    listRules: {},
    runChecks: { documentId, rules: ['no-such-rule'] },
    checkProject: { projectId },
    listFindings: { documentId },
    applyFix: { findingId: 999_999, scope: 'one' },
    dismissFinding: { findingId: 999_999, reason: 'fine', scope: 'one' },
    listAnnotations: { documentId },
    addAnnotation: { segmentId: seg.id, start: 0, end: 1, kind: 'comment', body: 'again' },
    previewReplace: { find: '的', replace: '得', scope: { kind: 'document', documentId } },
    replaceAll: { find: '不存在的字串', replace: '得', scope: { kind: 'document', documentId } },
    replaceHits: { find: '的', replace: '得', scope: { kind: 'document', documentId }, hitIds: ['0:0:0'] },
    findRepetitions: { segmentId: seg.id },
    propagateEdit: { segmentId: seg.id, targetIds: [999_999] },
    revertSegment: { segmentId: seg.id, revisionId: null },
    documentChangeLog: { documentId },
    updateAnnotation: { annotationId: annotation.id, body: 'changed' },
    replyToAnnotation: { annotationId: annotation.id, body: 'yes' },
    resolveAnnotation: { annotationId: annotation.id, resolved: true },
    deleteAnnotation: { annotationId: annotation.id },
    restoreAnnotation: { annotationId: annotation.id },
    listLabels: {},
    createLabel: { name: 'Team label', color: '#3366cc' },
    updateLabel: { labelId: label.id, name: 'Checked' },
    deleteLabel: { labelId: 999_999 },
    attention: { documentId },
    listGlossary: { documentId },
    saveGlossaryEntry: { documentId, term: '臺灣', variants: ['台灣'] },
    deleteGlossaryEntry: { id: 999_999 },
    previewGlossary: { documentId },
    applyGlossary: { documentId },
    importGlossary: { documentId, fileName: 'g.csv', data: glossaryCsv },
    exportGlossary: { documentId, format: 'csv' },
    listClaimCandidates: { documentId },
    createClaim: { segmentId: seg.id, start: 0, end: 1 },
    updateClaim: { claimId: claim.id, status: 'published', verdict: 'true' },
    addClaim: { segmentId: seg.id },
    addClaimEvidence: { claimId: claim.id, evidence: { kind: 'note', note: 'company statement only' } },
    removeClaimEvidence: { claimId: claim.id, evidenceId: 999 },
    claimsReport: { documentId },
    listPeople: { documentId },
    getClaimReviewSettings: {},
    updateClaimReviewSettings: { organisation: 'Example Fact Check' },
    listClaims: { documentId },
    claimHistory: { claimId: claim.id },
    crossCheckClaims: { documentId },
    exportClaims: { documentId, format: 'claimreview' },
    deleteClaim: { claimId: 999_999 },
    rejectClaimCandidate: { segmentId: seg.id, start: 0, end: 1 },
    restoreClaimCandidate: { segmentId: seg.id, start: 0, end: 1 },
    attachParallelText: { documentId: 999_999, kind: 'english', fileName: 'en.txt', data: b64 },
    listParallelTexts: { documentId },
    realignParallel: { documentId, kind: 'english' },
    editEnglish: { segmentId: seg.id, text: 'Hello' },
    setEnglishStatus: { segmentIds: [seg.id], status: 'approved' },
    editAlignment: { segmentId: seg.id, kind: 'english', op: 'merge' },
    getMtSettings: {},
    updateMtSettings: { model: 'm' },
    startTranslation: { documentId: 999_999, scope: 'untranslated' },
    getTranslationJob: { jobId: 'none' },
    cancelTranslation: { jobId: 'none' },
    lookupGloss: { word: '台灣', documentId: 999_999 },
    glossAt: { text: '台灣', offset: 0, documentId: 999_999 },
    whoAmI: {},
    listUsers: {},
    addUser: { name: 'New Reviewer', role: 'reviewer' },
    revokeUser: { name: 'Nobody' },
    exportProjectBundle: { projectId },
    importProjectBundle: { bundle: service.exportProjectBundle({ projectId }), name: 'Moved here' },
    presence: { documentId },
  };
}

async function callAs(service: JiaoduiService, caller: CallerContext, method: MethodName, args: unknown) {
  const before = service.feed.latest();
  const env = await envelope(service, method, args, { caller, checkResults: true });
  return { env, wrote: service.feed.latest() !== before };
}

describe('roles × methods through the contract', () => {
  for (const role of ROLES) {
    it(`a ${role}: allowed methods run, the others get 403 and write nothing`, async () => {
      const args = argsFor(fresh.service);
      const caller = accountCaller('server', '10.0.0.9', { name: `Team ${role}`, role });
      const refused: string[] = [];
      for (const m of methodNames) {
        const needed: Role = requiredRole(m, args[m] as never);
        const { env, wrote } = await callAs(fresh.service, caller, m, args[m]);
        const code = env.ok ? null : env.error.code;
        if (roleAtLeast(role, needed)) {
          expect(code, `${m} as ${role}: ${env.ok ? '' : env.error.message}`).not.toBe('forbidden');
        } else {
          refused.push(m);
          expect(code, `${m} as ${role}`).toBe('forbidden');
          expect(statusForError(code!)).toBe(403);
          expect(env.ok ? '' : env.error.message).toContain(`Team ${role} is a ${role}; `);
          expect(env.ok ? '' : env.error.message).toContain(`needs the ${needed} role`);
          expect(wrote, `${m} refused but wrote`).toBe(false);
        }
      }
      // the sample arguments exercise the refusals the brief names
      if (role === 'reviewer') expect(refused).toEqual(expect.arrayContaining(['setStatus', 'updateClaim', 'exportClaims', 'dismissFinding', 'saveGlossaryEntry', 'addUser', 'listUsers', 'importProjectBundle']));
      if (role === 'lead') expect(refused.sort()).toEqual(['addUser', 'emptyTrash', 'listUsers', 'recoverDatabase', 'revokeUser', 'updateClaimReviewSettings', 'updateMtSettings', 'updateSettings']);
      if (role === 'admin') expect(refused).toEqual([]);
    });
  }

  it('local callers (no account) are never refused', async () => {
    const args = argsFor(fresh.service);
    for (const caller of [callerContext('window', 1), callerContext('cli', 2, 'Someone'), callerContext('server', '127.0.0.1')]) {
      for (const m of methodNames) {
        const { env } = await callAs(fresh.service, caller, m, args[m]);
        expect(env.ok ? null : env.error.code, m).not.toBe('forbidden');
      }
    }
  });

  it('signs what a team account writes with its name', async () => {
    const args = argsFor(fresh.service);
    const caller = accountCaller('server', '10.0.0.9', { name: 'Lee', role: 'lead' });
    const seg = fresh.service.getSegmentsById(args.getSegmentsById)[0];
    const { env } = await callAs(fresh.service, caller, 'setStatus', { segmentIds: [seg.id], status: 'approved' });
    expect(env.ok).toBe(true);
    expect(fresh.service.segmentHistory({ segmentId: seg.id }).at(-1)).toMatchObject({ field: 'status', author: 'Lee' });
    expect((await callAs(fresh.service, caller, 'whoAmI', {})).env).toEqual({ ok: true, value: { account: { name: 'Lee', role: 'lead' } } });
    expect((await callAs(fresh.service, callerContext('window', 1), 'whoAmI', {})).env).toEqual({ ok: true, value: { account: null } });
  });
});
