/**
 * Issue 16: many writers on one database. Each race is made deterministic with a second
 * service on its own connection to the same file, which commits between the first one's
 * read and its write (the read outside the transaction is hooked through the store).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService } from './context';
import { freshService, importSample, type FreshService } from './test-helpers';
import type { JiaoduiService } from './service';
import { callerContext } from '../shared/contract/caller';
import { dispatch } from '../shared/contract/dispatch';
import { editConflictOf } from '../shared/contract/conflict';
import { RecordConflictDetails, type Segment } from '../shared/domain/schemas';

const alice = callerContext('window', 1, 'alice');
const bob = callerContext('cli', 2, 'bob');

let fx: FreshService;
let app: JiaoduiService; // the window (alice)
let other: JiaoduiService; // another process on the same file (bob)
let documentId: number;

beforeEach(async () => {
  fx = await freshService();
  documentId = importSample(fx.service).documentId;
  app = fx.service;
  other = await openService(fx.dbPath);
});
afterEach(() => {
  other.db.close();
  fx.cleanup();
});

const segs = (s: JiaoduiService = app) => s.getSegments({ documentId });
const seg = (id: number, s: JiaoduiService = app) => segs(s).find((x) => x.id === id)!;
const pick = (i = 3): Segment => segs()[i];

/** Run `between` once, right after the next read of segment `id` through `service`'s store (the read before the write transaction). */
function afterNextRead(service: JiaoduiService, id: number, between: () => void): void {
  const store = service.store as { segment: (id: number) => unknown };
  const read = store.segment;
  store.segment = (x: number) => {
    const r = read(x);
    if (x === id) {
      store.segment = read;
      between();
    }
    return r;
  };
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('reads that build a revision happen inside the write transaction', () => {
  for (const method of ['editSegment', 'setStatus', 'setFurniture'] as const) {
    it(`${method}: another process's commit between the read and the write is the revision's "before", and undo restores it`, () => {
      const s = pick();
      const call = () =>
        method === 'editSegment'
          ? app.editSegment({ segmentId: s.id, text: 'alice的文字' }, alice)
          : method === 'setStatus'
            ? app.setStatus({ segmentIds: [s.id], status: 'approved' }, alice)
            : app.setFurniture({ segmentId: s.id, furniture: true }, alice);
      afterNextRead(app, s.id, () => {
        if (method === 'editSegment') other.editSegment({ segmentId: s.id, text: 'bob的文字' }, bob);
        else if (method === 'setStatus') other.setStatus({ segmentIds: [s.id], status: 'edited' }, bob);
        else other.setFurniture({ segmentId: s.id, furniture: true }, bob); // already furniture: alice's is then no change
      });
      call();
      const field = method === 'editSegment' ? 'zh' : method === 'setStatus' ? 'status' : 'furniture';
      const revs = app.segmentHistory({ segmentId: s.id }).filter((r) => r.field === field);
      for (let i = 1; i < revs.length; i++) expect(revs[i].before).toBe(revs[i - 1].after);
      if (method === 'editSegment') {
        expect(revs.map((r) => r.author)).toEqual(['bob', 'alice']);
        app.undo({ projectId: pickProject() }, alice);
        expect(seg(s.id).text).toBe('bob的文字'); // not the text before bob's save
      }
    });
  }

  it('split reads the text inside the transaction: a text changed meanwhile is split, not the old one', () => {
    const s = pick();
    afterNextRead(app, s.id, () => other.editSegment({ segmentId: s.id, text: '甲乙丙丁戊己' }, bob));
    const r = app.splitSegment({ segmentId: s.id, at: 2 }, alice);
    expect(r.segments.map((x) => x.text)).toEqual(['甲乙', '丙丁戊己']);
  });

  it('merge reads both segments inside the transaction', () => {
    const [a, b] = [pick(3), pick(4)];
    afterNextRead(app, a.id, () => other.editSegment({ segmentId: b.id, text: '後來的文字' }, bob));
    const r = app.mergeSegments({ segmentId: a.id }, alice);
    expect(r.segments[0].text.endsWith('後來的文字')).toBe(true);
  });
});

const pickProject = () => app.getDocument({ documentId }).projectId;

describe('versions per field', () => {
  it('every segment read carries its fields\' versions; a write returns the new ones', () => {
    const s = pick();
    expect(s.versions).toEqual({ text: null, status: null, furniture: null, en: null, enStatus: null });
    const r = app.editSegment({ segmentId: s.id, text: '新的', version: s.versions!.text }, alice);
    const v = r.segments[0].versions!;
    const revs = app.segmentHistory({ segmentId: s.id });
    expect(v.text).toBe(revs.find((x) => x.field === 'zh')!.id);
    expect(v.status).toBe(revs.find((x) => x.field === 'status')!.id);
    expect(seg(s.id).versions).toEqual(v);
    // the rows a window fetches for a change made elsewhere (the feed) carry them too
    expect(other.getSegmentsById({ segmentIds: [s.id] })[0].versions).toEqual(v);
    // the new version is accepted, the old one no longer
    app.editSegment({ segmentId: s.id, text: '再改', version: v.text }, alice);
    expect(editConflictOf(thrown(() => app.editSegment({ segmentId: s.id, text: '舊的', version: v.text }, alice)))).not.toBeNull();
  });

  it('a save based on an old read is refused with base, theirs and mine; nothing is stored', () => {
    const s = pick();
    const seen = s.versions!.text; // the window read the segment
    other.editSegment({ segmentId: s.id, text: 'bob的更正' }, bob); // another process saves first
    const before = app.segmentHistory({ segmentId: s.id }).length;
    const e = thrown(() => app.editSegment({ segmentId: s.id, text: 'alice的更正', version: seen }, alice));
    expect(e).toMatchObject({ code: 'edit-conflict', message: expect.stringMatching(/row 4 was changed by bob/) });
    expect(editConflictOf(e)).toMatchObject({ segmentId: s.id, field: 'text', base: s.text, theirs: 'bob的更正', mine: 'alice的更正', theirsAuthor: 'bob', row: 4 });
    expect(seg(s.id).text).toBe('bob的更正');
    expect(app.segmentHistory({ segmentId: s.id })).toHaveLength(before);
    // keep mine: a new write against theirs' version is an ordinary revision
    const theirs = editConflictOf(e)!.theirsVersion;
    app.editSegment({ segmentId: s.id, text: 'alice的更正', version: theirs }, alice);
    expect(seg(s.id).text).toBe('alice的更正');
  });

  it('the comparison is inside the transaction: a commit between the read and the write is caught', () => {
    const s = pick();
    afterNextRead(app, s.id, () => other.editSegment({ segmentId: s.id, text: 'bob搶先' }, bob));
    expect(editConflictOf(thrown(() => app.editSegment({ segmentId: s.id, text: 'alice', version: s.versions!.text }, alice)))).toMatchObject({ theirs: 'bob搶先' });
  });

  it('the transports carry the details: dispatch envelope and HTTP status 409', async () => {
    const s = pick();
    other.editSegment({ segmentId: s.id, text: 'bob' }, bob);
    const { envelope } = await import('../shared/contract/dispatch');
    const env = await envelope(app, 'editSegment', { segmentId: s.id, text: 'alice', version: s.versions!.text });
    expect(env).toMatchObject({ ok: false, error: { code: 'edit-conflict', details: { base: s.text, theirs: 'bob', mine: 'alice' } } });
    const { statusForError } = await import('./http-policy');
    expect(statusForError('edit-conflict')).toBe(409);
    const { unwrap } = await import('../shared/contract/client');
    expect(editConflictOf(thrown(() => unwrap(JSON.parse(JSON.stringify(env)))))).toMatchObject({ theirs: 'bob' });
  });

  it('--if-text: an expected-value compare where the client has no version', () => {
    const s = pick();
    other.editSegment({ segmentId: s.id, text: 'bob' }, bob);
    expect(editConflictOf(thrown(() => dispatch(app, 'editSegment', { segmentId: s.id, text: 'alice', ifText: s.text })))).toMatchObject({ base: s.text, theirs: 'bob' });
    dispatch(app, 'editSegment', { segmentId: s.id, text: 'alice', ifText: 'bob' });
    expect(seg(s.id).text).toBe('alice');
  });

  it('no conflict when the stored value already is what the write wants, or writes without versions (older scripts)', () => {
    const s = pick();
    other.editSegment({ segmentId: s.id, text: '同一個' }, bob);
    expect(app.editSegment({ segmentId: s.id, text: '同一個', version: s.versions!.text }, alice).operationId).toBeNull();
    app.editSegment({ segmentId: s.id, text: '不帶版本' }, alice);
    expect(seg(s.id).text).toBe('不帶版本');
  });

  it('setStatus: a status changed since refuses the whole step; versions must match segmentIds', () => {
    const [a, b] = [pick(3), pick(4)];
    other.setStatus({ segmentIds: [b.id], status: 'approved' }, bob);
    const e = thrown(() => app.setStatus({ segmentIds: [a.id, b.id], status: 'edited', versions: [a.versions!.status, b.versions!.status] }, alice));
    expect(editConflictOf(e)).toMatchObject({ segmentId: b.id, field: 'status', base: 'unreviewed', theirs: 'approved', mine: 'edited' });
    expect(seg(a.id).status).toBe('unreviewed');
    expect(thrown(() => app.setStatus({ segmentIds: [a.id, b.id], status: 'edited', versions: [null] }, alice))).toMatchObject({ code: 'invalid-input' });
  });

  it('an approval does not conflict with a concurrent edit of the English (fields are independent)', () => {
    app.attachParallelText({ documentId, kind: 'english', fileName: 'en.txt', data: Buffer.from(segs().map((_, i) => `Sentence ${i}.`).join('\n')).toString('base64') });
    const s = pick();
    other.editEnglish({ segmentId: s.id, text: 'Bob’s English.' }, bob);
    app.setStatus({ segmentIds: [s.id], status: 'approved', versions: [s.versions!.status] }, alice);
    expect(seg(s.id)).toMatchObject({ status: 'approved', english: { text: 'Bob’s English.' } });
    // while an English edit based on the old English version is refused
    expect(editConflictOf(thrown(() => app.editEnglish({ segmentId: s.id, text: 'Alice’s.', version: s.versions!.en }, alice)))).toMatchObject({ field: 'en', theirs: 'Bob’s English.' });
  });

  it('split and merge refuse a text changed since it was read', () => {
    const [a, b] = [pick(3), pick(4)];
    other.editSegment({ segmentId: b.id, text: 'bob' }, bob);
    expect(editConflictOf(thrown(() => app.mergeSegments({ segmentId: a.id, version: a.versions!.text, nextSegmentId: b.id, nextVersion: b.versions!.text }, alice)))).toMatchObject({ segmentId: b.id });
    other.splitSegment({ segmentId: b.id, at: 1 }, bob);
    expect(thrown(() => app.mergeSegments({ segmentId: a.id, nextSegmentId: b.id }, alice))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/split or merged/) });
    other.editSegment({ segmentId: a.id, text: '改過了的文字' }, bob);
    expect(editConflictOf(thrown(() => app.splitSegment({ segmentId: a.id, at: 2, version: a.versions!.text }, alice)))).not.toBeNull();
  });
});

describe('undo is the reviewer\'s own', () => {
  it('undo and its label take the caller\'s latest operation, not another process\'s later one', () => {
    const [a, b] = [pick(3), pick(4)];
    app.editSegment({ segmentId: a.id, text: 'alice的' }, alice);
    other.editSegment({ segmentId: b.id, text: 'bob的' }, bob); // the CLI, later
    const projectId = pickProject();
    expect(app.undoState({ projectId }, alice).undoLabel).toBe('Edit segment 4');
    expect(app.undoState({ projectId }, bob).undoLabel).toBe('Edit segment 5');
    app.undo({ projectId }, alice);
    expect(seg(a.id).text).toBe(a.text);
    expect(seg(b.id).text).toBe('bob的');
    // alice's redo survives bob's new operation (redo is each reviewer's own too)
    other.editSegment({ segmentId: pick(6).id, text: 'bob又改' }, bob);
    app.redo({ projectId }, alice);
    expect(seg(a.id).text).toBe('alice的');
  });

  it('an undo whose field someone else changed since is refused, naming who, and changes nothing', () => {
    const a = pick(3);
    app.editSegment({ segmentId: a.id, text: 'alice的' }, alice);
    other.editSegment({ segmentId: a.id, text: 'bob的更新' }, bob);
    const projectId = pickProject();
    const e = thrown(() => app.undo({ projectId }, alice));
    expect(e).toMatchObject({ code: 'edit-conflict', message: 'Cannot undo "Edit segment 4": the text of row 4 was changed since by bob; nothing was undone.' });
    expect(editConflictOf(e)).toMatchObject({ base: 'alice的', theirs: 'bob的更新', mine: a.text });
    expect(seg(a.id).text).toBe('bob的更新');
    expect(app.undoState({ projectId }, alice).undoLabel).toBe('Edit segment 4');
  });

  it('a chain of the reviewer\'s own edits on one segment still undoes step by step', () => {
    const a = pick(3);
    app.editSegment({ segmentId: a.id, text: '一' }, alice);
    app.editSegment({ segmentId: a.id, text: '二' }, alice);
    const projectId = pickProject();
    app.undo({ projectId }, alice);
    app.undo({ projectId }, alice);
    expect(seg(a.id)).toMatchObject({ text: a.text, status: 'unreviewed' });
    app.redo({ projectId }, alice);
    expect(seg(a.id).text).toBe('一');
  });

  it('an undo of a split is refused once someone else merged the parts', () => {
    const a = pick(3);
    const parts = app.splitSegment({ segmentId: a.id, at: 2 }, alice).segments;
    other.mergeSegments({ segmentId: parts[0].id }, bob);
    expect(thrown(() => app.undo({ projectId: pickProject() }, alice))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/split or merge .* by bob/) });
  });
});

describe('bulk writes carry the snapshot of their preview', () => {
  it('replace all: a matching segment edited since the preview refuses the step (with its base); without a snapshot it runs as before', () => {
    const scope = { kind: 'document' as const, documentId };
    const preview = app.previewReplace({ find: '商湯', replace: '商汤', scope });
    expect(preview.hits.length).toBeGreaterThan(1);
    const hit = preview.hits[preview.hits.length - 1];
    other.editSegment({ segmentId: hit.segmentId, text: `${hit.before}（bob補充）` }, bob);
    const e = thrown(() => app.replaceAll({ find: '商湯', replace: '商汤', scope, snapshot: preview.snapshot }, alice));
    expect(editConflictOf(e)).toMatchObject({ segmentId: hit.segmentId, base: hit.before, theirs: `${hit.before}（bob補充）`, theirsAuthor: 'bob' });
    expect(seg(hit.segmentId).text).toBe(`${hit.before}（bob補充）`);
    // previewed again, the step goes through
    const again = app.previewReplace({ find: '商湯', replace: '商汤', scope });
    expect(app.replaceAll({ find: '商湯', replace: '商汤', scope, snapshot: again.snapshot }, alice).replaced).toBe(again.total);
  });

  it('apply glossary: refused when a segment it would change was edited since the preview', () => {
    const projectId = pickProject();
    app.saveGlossaryEntry({ projectId, term: '商湯科技', variants: ['商湯'], type: 'organisation' });
    const preview = app.previewGlossary({ documentId });
    expect(preview.changes.length).toBeGreaterThan(0);
    const c = preview.changes[0];
    other.editSegment({ segmentId: c.segmentId, text: `${c.before}!` }, bob);
    expect(editConflictOf(thrown(() => app.applyGlossary({ documentId, snapshot: preview.snapshot }, alice)))).toMatchObject({ segmentId: c.segmentId, theirsAuthor: 'bob' });
    expect(app.applyGlossary({ documentId, snapshot: app.previewGlossary({ documentId }).snapshot }, alice).operationId).not.toBeNull();
  });
});

describe('fix all carries the snapshot its findings were read at', () => {
  it('a segment of the group edited since the findings were listed refuses the step; listed again, it goes through', () => {
    const first = app.runChecks({ documentId });
    expect(first.snapshot).toBeTypeOf('number');
    const f = first.findings.find((x) => x.group && x.fixes.length && x.related.some((r) => r.segmentId !== x.segmentId))!;
    expect(f, 'the sample has a fixable group across segments').toBeTruthy();
    const other_ = f.related.find((r) => r.segmentId !== f.segmentId)!;
    const before = seg(other_.segmentId).text;
    other.editSegment({ segmentId: other_.segmentId, text: `${before}（bob補充）` }, bob);
    const e = thrown(() => app.applyFix({ findingId: f.id, scope: 'group', snapshot: first.snapshot }, alice));
    expect(editConflictOf(e)).toMatchObject({ segmentId: other_.segmentId, theirsAuthor: 'bob' });
    expect(seg(other_.segmentId).text).toBe(`${before}（bob補充）`);
    const listed = app.listFindings({ documentId });
    expect(listed.snapshot).toBeGreaterThan(first.snapshot!);
    const again = listed.findings.find((x) => x.group === f.group && x.fixes.length)!;
    expect(app.applyFix({ findingId: again.id, scope: 'group', snapshot: listed.snapshot }, alice).operationId).not.toBeNull();
  });
});

describe('annotations, claims and glossary entries: an expected-value compare of their updatedAt', () => {
  it('a change based on an old read is refused; with the stamp just read it goes through', async () => {
    const s = pick();
    const ann = app.addAnnotation({ segmentId: s.id, start: 0, end: 2, kind: 'comment', body: '原本' }, alice);
    await new Promise((r) => setTimeout(r, 5)); // the stamps have millisecond resolution
    other.updateAnnotation({ annotationId: ann.id, body: 'bob改的' }, bob);
    expect(thrown(() => app.updateAnnotation({ annotationId: ann.id, body: 'alice改的', ifUpdatedAt: ann.updatedAt }, alice))).toMatchObject({ code: 'edit-conflict', message: /annotation was changed since you read it/ });
    const now = app.listAnnotations({ documentId }).find((a) => a.id === ann.id)!;
    expect(now.body).toBe('bob改的');
    expect(app.updateAnnotation({ annotationId: ann.id, body: 'alice改的', ifUpdatedAt: now.updatedAt }, alice).body).toBe('alice改的');

    const projectId = pickProject();
    const entry = app.saveGlossaryEntry({ projectId, term: '王征', variants: ['王震'], type: 'person' }, alice).entry;
    await new Promise((r) => setTimeout(r, 5));
    other.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震', '王徵'], type: 'person' }, bob);
    expect(thrown(() => app.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震'], type: 'person', note: 'CFO', ifUpdatedAt: entry.updatedAt }, alice))).toMatchObject({ code: 'edit-conflict' });

    const claim = app.createClaim({ segmentId: s.id, start: 0, end: 2 }, alice);
    await new Promise((r) => setTimeout(r, 5));
    other.updateClaim({ claimId: claim.id, notes: 'bob的筆記' }, bob);
    expect(thrown(() => app.updateClaim({ claimId: claim.id, notes: 'alice的筆記', ifUpdatedAt: claim.updatedAt }, alice))).toMatchObject({ code: 'edit-conflict' });
    expect(app.listClaims({ documentId }).find((c) => c.id === claim.id)!.notes).toBe('bob的筆記');
  });
});

describe('annotations, claims and glossary entries: record versions (migration 012) and the three sides of a conflict', () => {
  const recordConflictOf = (e: unknown) => (e as { code?: string; details?: RecordConflictDetails }).details;

  it('two changes of an annotation in one millisecond are told apart; the refusal carries base, theirs and mine', () => {
    const s = pick();
    const ann = app.addAnnotation({ segmentId: s.id, start: 0, end: 2, kind: 'comment', body: '原本' }, alice);
    expect(ann.version).toBe(1);
    const bobs = other.updateAnnotation({ annotationId: ann.id, body: 'bob改的' }, bob);
    expect(bobs.version).toBe(2);
    // bob's save landed within the same millisecond as alice's read: the stamp cannot tell them apart
    fx.service.db.prepare('UPDATE annotations SET updated_at = ? WHERE id = ?').run(ann.updatedAt, ann.id);
    const e = thrown(() => app.updateAnnotation({ annotationId: ann.id, body: 'alice改的', version: ann.version }, alice));
    expect(e).toMatchObject({ code: 'edit-conflict' });
    expect((e as Error).message).toMatch(/annotation on row 4 was changed by bob since you read it \(body\)/);
    expect(recordConflictOf(e)).toMatchObject({
      record: 'annotation',
      id: ann.id,
      segmentId: s.id,
      row: 4,
      documentId,
      baseVersion: 1,
      theirsVersion: 2,
      theirsAuthor: 'bob',
      fields: [{ field: 'body', base: '原本', theirs: 'bob改的', mine: 'alice改的', conflicting: true }],
    });
    expect(RecordConflictDetails.safeParse(recordConflictOf(e)).success).toBe(true);
    expect(app.listAnnotations({ documentId }).find((a) => a.id === ann.id)!.body).toBe('bob改的');
    // the resolution: an ordinary write against THEIR version
    const mine = app.updateAnnotation({ annotationId: ann.id, body: 'alice改的', version: 2 }, alice);
    expect(mine).toMatchObject({ body: 'alice改的', version: 3 });
    // the stamp compare of older scripts is still accepted, its base found by the stamp
    const old = thrown(() => app.updateAnnotation({ annotationId: ann.id, body: '腳本', ifUpdatedAt: bobs.updatedAt }, bob));
    expect(recordConflictOf(old)).toMatchObject({ baseVersion: null, fields: [{ field: 'body', theirs: 'alice改的', mine: '腳本', conflicting: true }] });
  });

  it('a claim change of another field goes through; one of the same field is refused; an undo moves the version too', () => {
    const s = pick();
    const claim = app.createClaim({ segmentId: s.id, start: 0, end: 2 }, alice);
    other.updateClaim({ claimId: claim.id, notes: 'bob的筆記', version: claim.version }, bob);
    // alice read version 1 and changes the verdict only: nothing of bob's is lost
    const v = app.updateClaim({ claimId: claim.id, verdict: 'mostly-true', version: claim.version }, alice);
    expect(v).toMatchObject({ notes: 'bob的筆記', verdict: 'mostly-true', version: 3 });
    const e = thrown(() => app.updateClaim({ claimId: claim.id, notes: 'alice的筆記', verdict: 'mostly-true', version: claim.version }, alice));
    expect(recordConflictOf(e)).toMatchObject({
      record: 'claim',
      theirsAuthor: 'alice',
      theirsVersion: 3,
      fields: [
        { field: 'verdict', theirs: 'mostly-true', mine: 'mostly-true', conflicting: false },
        { field: 'notes', base: '', theirs: 'bob的筆記', mine: 'alice的筆記', conflicting: true },
      ],
    });
    // an undo moves the version: alice read bob's notes (version 2), bob undid them since
    const c2 = app.createClaim({ segmentId: pick(5).id, start: 0, end: 2 }, alice);
    const read = other.updateClaim({ claimId: c2.id, notes: 'bob的筆記' }, bob);
    other.undo({ projectId: pickProject() }, bob);
    expect(app.listClaims({ documentId }).find((c) => c.id === c2.id)).toMatchObject({ notes: '', version: read.version + 1 });
    expect(recordConflictOf(thrown(() => app.updateClaim({ claimId: c2.id, notes: 'alice的', version: read.version }, alice)))).toMatchObject({
      fields: [{ field: 'notes', base: 'bob的筆記', theirs: '', mine: 'alice的', conflicting: true }],
    });
  });

  it('a glossary entry saved whole from an old read is refused when it would undo another field, naming that field', () => {
    const projectId = pickProject();
    const entry = app.saveGlossaryEntry({ projectId, term: '王征', variants: ['王震'], type: 'person' }, alice).entry;
    expect(entry.version).toBe(1);
    other.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震', '王徵'], type: 'person', version: 1 }, bob);
    // alice changed only the English; her save would put back the variants bob added
    const e = thrown(() => app.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震'], type: 'person', english: 'Wang Zheng', version: 1 }, alice));
    const d = recordConflictOf(e)!;
    expect(d).toMatchObject({ record: 'glossary', id: entry.id, baseVersion: 1, theirsVersion: 2, theirsAuthor: 'bob', scope: { projectId } });
    expect((e as Error).message).toMatch(/glossary entry was changed by bob since you read it \(variants\)/);
    expect(d.fields.filter((f) => f.conflicting)).toEqual([{ field: 'variants', base: '王震', theirs: '王震, 王徵', mine: '王震', conflicting: true }]);
    expect(d.fields.find((f) => f.field === 'english')).toEqual({ field: 'english', base: '', theirs: '', mine: 'Wang Zheng', conflicting: false });
    expect(app.listGlossary({ projectId }).find((g) => g.id === entry.id)!.variants).toEqual(['王震', '王徵']);
    const merged = app.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震', '王徵'], type: 'person', english: 'Wang Zheng', version: 2 }, alice).entry;
    expect(merged).toMatchObject({ variants: ['王震', '王徵'], english: 'Wang Zheng', version: 3 });
  });
});

describe('a glossary entry\'s scope is one of its fields', () => {
  it('a stale save that would move an entry back where someone else moved it from is refused; a move nobody else made goes through', () => {
    const projectId = pickProject();
    const entry = app.saveGlossaryEntry({ documentId, term: '王征', variants: ['王震'], type: 'person' }, alice).entry;
    // bob widens the entry to the whole project
    other.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震'], type: 'person', version: entry.version }, bob);
    // alice, who read the document-scoped entry, adds the English and saves it where she read it
    const e = thrown(() => app.saveGlossaryEntry({ id: entry.id, documentId, term: '王征', variants: ['王震'], type: 'person', english: 'Wang Zheng', version: entry.version }, alice));
    const d = (e as { details?: RecordConflictDetails }).details!;
    expect(d.fields.filter((f) => f.conflicting)).toEqual([{ field: 'scope', base: `document:${documentId}`, theirs: `project:${projectId}`, mine: `document:${documentId}`, conflicting: true }]);
    expect((e as Error).message).toMatch(/glossary entry was changed by bob since you read it \(scope\)/);
    expect(app.listGlossary({ projectId }).find((g) => g.id === entry.id)).toMatchObject({ scope: 'project', english: '' });
    // bob changes only the note; alice's stale save moving the entry back to the document is hers to make
    const now = app.listGlossary({ projectId }).find((g) => g.id === entry.id)!;
    other.saveGlossaryEntry({ id: entry.id, projectId, term: '王征', variants: ['王震'], type: 'person', note: 'CFO', version: now.version }, bob);
    const moved = app.saveGlossaryEntry({ id: entry.id, documentId, term: '王征', variants: ['王震'], type: 'person', note: 'CFO', version: now.version }, alice).entry;
    expect(moved).toMatchObject({ scope: 'document', documentId, note: 'CFO' });
  });
});

describe('a parallel text attached again moves the versions of the fields it replaces', () => {
  const english = (prefix: string) => Buffer.from(segs().map((_, i) => `${prefix} ${i}.`).join('\n')).toString('base64');

  it('an English edit opened before another process attached a new English is refused, not saved over it; the undo stack is untouched', () => {
    app.attachParallelText({ documentId, kind: 'english', fileName: 'en.txt', data: english('First') }, alice);
    const s = pick(4);
    const read = seg(s.id);
    expect(read.english?.text).toMatch(/^First /);
    const undoBefore = app.undoState({ projectId: pickProject() }, bob);
    // bob attaches a corrected English while alice's editor is open on the first one
    other.attachParallelText({ documentId, kind: 'english', fileName: 'en2.txt', data: english('Second') }, bob);
    const now = seg(s.id);
    expect(now.english?.text).toMatch(/^Second /);
    expect(now.versions!.en).not.toBe(read.versions!.en);
    const e = thrown(() => app.editEnglish({ segmentId: s.id, text: 'Alice’s English.', version: read.versions!.en }, alice));
    expect(editConflictOf(e)).toMatchObject({ field: 'en', base: read.english!.text, theirs: now.english!.text, mine: 'Alice’s English.', theirsAuthor: 'bob' });
    expect(seg(s.id).english?.text).toBe(now.english!.text);
    // the history names the attach; nobody's Undo takes it back
    expect(app.segmentHistory({ segmentId: s.id }).filter((r) => r.field === 'en').at(-1)).toMatchObject({ reason: 'attach', before: read.english!.text, after: now.english!.text });
    expect(app.undoState({ projectId: pickProject() }, bob)).toEqual(undoBefore);
    // against the version now shown, the save goes through
    expect(app.editEnglish({ segmentId: s.id, text: 'Alice’s English.', version: now.versions!.en }, alice).segments[0].english?.text).toBe('Alice’s English.');
  });
});

describe('record versions: one change, one version', () => {
  it('an annotation change of text and label together moves its version by one', () => {
    const s = pick();
    const label = app.listLabels({})[0];
    const ann = app.addAnnotation({ segmentId: s.id, start: 0, end: 2, kind: 'comment', body: '甲' }, alice);
    const both = app.updateAnnotation({ annotationId: ann.id, body: '乙', labelId: label.id, version: ann.version }, alice);
    expect(both).toMatchObject({ body: '乙', labelId: label.id, version: ann.version + 1 });
    // nothing changed: no new version
    expect(app.updateAnnotation({ annotationId: ann.id, body: '乙', version: both.version }, alice).version).toBe(both.version);
  });
});
