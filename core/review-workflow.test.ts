/**
 * Service-level tests of the review workflow: find and replace (atomic, guarded,
 * across scripts), repetitions, revert, change log, and annotation threads that follow
 * edits (surrogate pairs included).
 */
import { describe, expect, it } from 'vitest';
import { useFreshService } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { databaseDigest } from '../db/digest';
import type { JiaoduiService } from './service';
import { JiaoduiError } from '../shared/errors';
import { charDiff, editDistance } from '../shared/text/diff';
import { mapForward } from '../shared/text/offsetMap';

const fresh = useFreshService();

function importText(text: string, projectName = 'Review', title = 'doc') {
  const r = fresh.service.importBytes(new TextEncoder().encode(text), { fileName: `${title}.txt`, projectName, title });
  return { ...r, projectId: fresh.service.getDocument({ documentId: r.documentId }).projectId };
}
const segs = (documentId: number) => fresh.service.getSegments({ documentId });
/** Call through the dispatcher, as every transport does: arguments and results are validated. */
function call<T>(method: string, args: unknown): T {
  return dispatch(fresh.service, method, args, { checkResults: true }) as T;
}
function errorOf(fn: () => unknown): JiaoduiError {
  try {
    fn();
  } catch (e) {
    return e as JiaoduiError;
  }
  throw new Error('expected an error');
}

const NEWS = ['財務總監王震介紹了業績。', '王震表示，GPU數量達45000個。', '此前王徵曾經說明。', '最後王震總結。'].join('\n');

describe('find and replace', () => {
  it('previews every hit with its replacement and diff text; replace all is one undoable operation', () => {
    const { documentId, projectId } = importText(NEWS);
    const before = segs(documentId);
    fresh.service.setStatus({ segmentIds: [before[1].id], status: 'approved' });
    const scope = { kind: 'document' as const, documentId };
    const preview = call<ReturnType<JiaoduiService['previewReplace']>>('previewReplace', { find: '王震', replace: '王征', scope });
    expect(preview).toMatchObject({ total: 3, segments: 3, approvedSegments: 1, truncated: false });
    expect(preview.hits[0]).toMatchObject({ matched: '王震', replacement: '王征', before: before[0].text, after: before[0].text.replace('王震', '王征') });

    const r = call<ReturnType<JiaoduiService['replaceAll']>>('replaceAll', { find: '王震', replace: '王征', scope });
    expect(r).toMatchObject({ replaced: 3, changedSegments: 3, unapproved: 1 });
    expect(r.undo.undoLabel).toBe('Replace “王震” with “王征”');
    const after = segs(documentId);
    expect(after.map((s) => s.text).join('\n')).toBe(NEWS.replaceAll('王震', '王征'));
    // The approved segment went back to 'edited'; the others are 'edited' too.
    expect(after.map((s) => s.status)).toEqual(['edited', 'edited', 'unreviewed', 'edited']);
    const hist = fresh.service.segmentHistory({ segmentId: before[1].id });
    expect(hist.slice(-2).map((h) => [h.field, h.before, h.after, h.reason])).toEqual([
      ['zh', before[1].text, after[1].text, 'replace'],
      ['status', 'approved', 'edited', 'replace'],
    ]);

    // One undo restores every text and the approval.
    fresh.service.undo({ projectId });
    expect(segs(documentId).map((s) => [s.text, s.status])).toEqual(before.map((s, i) => [s.text, i === 1 ? 'approved' : 'unreviewed']));
  });

  it('replace all changes nothing when it fails mid-way (database digest unchanged)', () => {
    const { documentId } = importText(NEWS);
    const third = segs(documentId)[3];
    // A write failure on the last segment, after the first ones were written in the transaction.
    fresh.service.db.exec(`CREATE TRIGGER fail_replace BEFORE UPDATE OF current_text ON segments WHEN new.id = ${third.id} BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
    const digest = databaseDigest(fresh.service.db);
    expect(() => fresh.service.replaceAll({ find: '王震', replace: '王征', scope: { kind: 'document', documentId } })).toThrow(/disk trouble/);
    expect(databaseDigest(fresh.service.db)).toBe(digest);
    fresh.service.db.exec('DROP TRIGGER fail_replace');
    expect(segs(documentId).some((s) => s.text.includes('王征'))).toBe(false);
  });

  it('a bad regular expression is invalid-input with a clear message, and changes nothing', () => {
    const { documentId } = importText(NEWS);
    const digest = databaseDigest(fresh.service.db);
    const e = errorOf(() => call('replaceAll', { find: '王(震', replace: 'x', regex: true, scope: { kind: 'document', documentId } }));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/^The regular expression is not valid: .*/);
    expect(errorOf(() => call('previewReplace', { find: 'x'.repeat(501), replace: '', scope: { kind: 'document', documentId } })).code).toBe('invalid-input');
    expect(databaseDigest(fresh.service.db)).toBe(digest);
  });

  it('stops a catastrophic regular expression within the time budget', () => {
    const { documentId } = importText(`${'a'.repeat(34)}b。\n${'a'.repeat(30)}c。`);
    const digest = databaseDigest(fresh.service.db);
    const t0 = Date.now();
    const e = errorOf(() => fresh.service.replaceAll({ find: '(a+)+$', replace: 'x', regex: true, scope: { kind: 'document', documentId } }));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/took longer than 2 s/);
    expect(Date.now() - t0).toBeLessThan(6_000);
    expect(databaseDigest(fresh.service.db)).toBe(digest);
  });

  it('caps the number of matches: preview is truncated, replace all is refused', () => {
    const { documentId } = importText(Array.from({ length: 60 }, (_, i) => `第${i}段${'甲'.repeat(100)}。`).join('\n'));
    const scope = { kind: 'document' as const, documentId };
    const p = fresh.service.previewReplace({ find: '甲', replace: '乙', scope });
    expect(p.truncated).toBe(true);
    expect(p.hits).toHaveLength(5_000);
    const digest = databaseDigest(fresh.service.db);
    expect(errorOf(() => fresh.service.replaceAll({ find: '甲', replace: '乙', scope })).message).toMatch(/More than 5,000 matches/);
    expect(databaseDigest(fresh.service.db)).toBe(digest);
  });

  it('finds across scripts: 王征 also finds 王徵 (via the Simplified rendering), on the right characters', () => {
    const { documentId } = importText(NEWS.replace('最後王震總結。', '最後王征總結。'));
    const scope = { kind: 'document' as const, documentId };
    expect(fresh.service.previewReplace({ find: '王征', replace: 'X', scope }).hits.map((h) => h.matched)).toEqual(['王征']);
    const p = fresh.service.previewReplace({ find: '王征', replace: '王征', scope, crossScript: true });
    expect(p.hits.map((h) => [h.matched, h.matchedIn])).toEqual([
      ['王徵', 'rendering'],
      ['王征', 'text'],
    ]);
    const r = fresh.service.replaceAll({ find: '王征', replace: '王征', scope, crossScript: true });
    expect(r.changedSegments).toBe(1); // 王徵 → 王征; 王征 → 王征 is no change
    expect(segs(documentId)[2].text).toBe('此前王征曾經說明。');
  });

  it('regex with groups and project scope; replace one hit; a stale hit is refused', () => {
    const a = importText(NEWS, 'Shared', 'a');
    const b = importText('王震在2023年說。\n王震在2024年說。', 'Shared', 'b');
    const project = { kind: 'project' as const, projectId: a.projectId };
    const p = fresh.service.previewReplace({ find: '(\\d{4})年', replace: '$1 年', regex: true, scope: project });
    expect(p.hits.map((h) => h.after)).toEqual(['王震在2023 年說。', '王震在2024 年說。']);
    const one = fresh.service.replaceHits({ find: '王震', replace: '王征', scope: project, hitIds: [fresh.service.previewReplace({ find: '王震', replace: '王征', scope: project }).hits[3].id] });
    expect(one).toMatchObject({ replaced: 1, changedSegments: 1 });
    expect(segs(b.documentId)[0].text).toBe('王征在2023年說。');
    // The same hit again: the text changed, so it is gone.
    const stale = errorOf(() => fresh.service.replaceHits({ find: '王震', replace: '王征', scope: project, hitIds: [one.segments[0].id + ':0:2'] }));
    expect(stale.code).toBe('conflict');
    // Selection scope: only the selected segment changes.
    const r = fresh.service.replaceAll({ find: '王震', replace: '王征', scope: { kind: 'segments', segmentIds: [segs(a.documentId)[0].id] } });
    expect(r.replaced).toBe(1);
    expect(segs(a.documentId).map((s) => s.text.includes('王征'))).toEqual([true, false, false, false]);
  });
});

describe('repetitions', () => {
  it('offers the correction for identical machine text elsewhere in the project and applies it as one operation', () => {
    const a = importText('王震介紹。\n其他句子。\n王震介紹。', 'Calls', 'a');
    const b = importText('王震介紹。', 'Calls', 'b');
    importText('王震介紹。', 'Elsewhere', 'c'); // another project: not a repetition
    const [s0, , s2] = segs(a.documentId);
    const sb = segs(b.documentId)[0];
    fresh.service.setStatus({ segmentIds: [sb.id], status: 'approved' });
    fresh.service.editSegment({ segmentId: s0.id, text: '王征介紹。' });
    const reps = call<ReturnType<JiaoduiService['findRepetitions']>>('findRepetitions', { segmentId: s0.id });
    expect(reps.text).toBe('王征介紹。');
    expect(reps.repetitions.map((r) => r.segmentId).sort()).toEqual([s2.id, sb.id].sort());

    const r = call<ReturnType<JiaoduiService['propagateEdit']>>('propagateEdit', { segmentId: s0.id, targetIds: [s2.id, sb.id] });
    expect(r).toMatchObject({ changedSegments: 2, unapproved: 1 });
    expect(segs(b.documentId)[0]).toMatchObject({ text: '王征介紹。', status: 'edited' });
    expect(fresh.service.segmentHistory({ segmentId: sb.id }).at(-1)).toMatchObject({ field: 'status', before: 'approved', after: 'edited', reason: 'propagate' });
    expect(fresh.service.findRepetitions({ segmentId: s0.id }).repetitions).toEqual([]);

    fresh.service.undo({ projectId: a.projectId });
    expect(segs(b.documentId)[0]).toMatchObject({ text: '王震介紹。', status: 'approved' });
    expect(segs(a.documentId)[2].text).toBe('王震介紹。');
    // Not a repetition: refused, nothing changed.
    const other = segs(a.documentId)[1];
    expect(errorOf(() => fresh.service.propagateEdit({ segmentId: s0.id, targetIds: [other.id] })).code).toBe('invalid-input');
  });
});

describe('history: revert and change log', () => {
  it('reverts to any revision (a new revision with reason revert, undoable) and to the machine text', () => {
    const { documentId, projectId } = importText(NEWS);
    const s = segs(documentId)[0];
    fresh.service.editSegment({ segmentId: s.id, text: '財務總監王征介紹了業績。' });
    fresh.service.editSegment({ segmentId: s.id, text: '財務總監王征介紹了全年業績。' });
    fresh.service.setStatus({ segmentIds: [s.id], status: 'approved' });
    const first = fresh.service.segmentHistory({ segmentId: s.id }).find((h) => h.field === 'zh')!;
    const r = call<ReturnType<JiaoduiService['revertSegment']>>('revertSegment', { segmentId: s.id, revisionId: first.id });
    expect(r.segments[0]).toMatchObject({ text: '財務總監王征介紹了業績。', status: 'edited' });
    expect(fresh.service.segmentHistory({ segmentId: s.id }).slice(-2).map((h) => [h.field, h.reason])).toEqual([
      ['zh', 'revert'],
      ['status', 'revert'],
    ]);
    fresh.service.undo({ projectId });
    expect(segs(documentId)[0]).toMatchObject({ text: '財務總監王征介紹了全年業績。', status: 'approved' });
    fresh.service.revertSegment({ segmentId: s.id, revisionId: null });
    expect(segs(documentId)[0]).toMatchObject({ text: s.machineText, status: 'unreviewed' });
    expect(errorOf(() => fresh.service.revertSegment({ segmentId: segs(documentId)[1].id, revisionId: first.id })).code).toBe('not-found');
  });

  it('lists a document’s revisions newest first, filterable, with changed segments and characters', () => {
    const { documentId } = importText(NEWS);
    const [a, b] = segs(documentId);
    fresh.service.editSegment({ segmentId: a.id, text: a.text.replace('王震', '王征') });
    fresh.service.replaceAll({ find: 'GPU', replace: 'GPU（圖形處理器）', scope: { kind: 'document', documentId } });
    fresh.service.setStatus({ segmentIds: [b.id], status: 'approved' });
    const log = call<ReturnType<JiaoduiService['documentChangeLog']>>('documentChangeLog', { documentId });
    expect(log.entries.map((e) => [e.index, e.field, e.reason])).toEqual([
      [1, 'status', 'review'],
      [1, 'status', 'replace'],
      [1, 'zh', 'replace'],
      [0, 'status', 'manual'],
      [0, 'zh', 'manual'],
    ]);
    expect(log.entries[2].operationKind).toBe('replace');
    expect(log.reasons).toEqual(['manual', 'replace', 'review']);
    expect(log.changedSegments).toBe(2);
    const expected = segs(documentId).reduce((n, s) => n + editDistance(charDiff(s.machineText, s.text)), 0);
    expect(log.charsChanged).toBe(expected);
    expect(log.charsChanged).toBe(2 + '（圖形處理器）'.length);
    expect(fresh.service.documentChangeLog({ documentId, reason: 'replace' }).entries).toHaveLength(2);
    expect(fresh.service.documentChangeLog({ documentId, author: 'nobody' }).entries).toHaveLength(0);
  });
});

describe('annotation threads', () => {
  it('a comment follows insertions, deletions and replacements around and inside it, surrogate pairs included', () => {
    const { documentId } = importText('交由CFO王震介紹𠼤字與😀表情。');
    const s = segs(documentId)[0];
    const start = s.text.indexOf('王震');
    const a = fresh.service.addAnnotation({ segmentId: s.id, start, end: start + 2, kind: 'comment', body: 'CFO name?' });
    const b = fresh.service.addAnnotation({ segmentId: s.id, start: s.text.indexOf('𠼤'), end: s.text.indexOf('𠼤') + 2, kind: 'tag', body: '', labelId: 1 });
    const c = fresh.service.addAnnotation({ segmentId: s.id, start: s.text.indexOf('😀'), end: s.text.indexOf('😀') + 3, kind: 'comment', body: 'emoji and 表' });
    const at = (id: number) => fresh.service.listAnnotations({ documentId }).find((x) => x.id === id)!;
    const quoteOk = (id: number) => {
      const x = at(id);
      const text = segs(documentId)[0].text;
      expect(text.slice(x.start, x.end)).toBe(x.exact);
      return x;
    };
    // insertion before everything (an astral character, two units)
    fresh.service.editSegment({ segmentId: s.id, text: '𠀀' + s.text });
    expect(quoteOk(a.id)).toMatchObject({ exact: '王震', start: start + 2, orphaned: false });
    expect(quoteOk(b.id).exact).toBe('𠼤');
    expect(quoteOk(c.id).exact).toBe('😀表');
    // a deletion before the spans and a replacement inside the first one, in one edit
    let text = segs(documentId)[0].text;
    fresh.service.editSegment({ segmentId: s.id, text: text.replace('交由', '').replace('王震', '王征') });
    expect(quoteOk(a.id)).toMatchObject({ exact: '王征', orphaned: false });
    // a deletion between two spans
    text = segs(documentId)[0].text;
    fresh.service.editSegment({ segmentId: s.id, text: text.replace('介紹', '') });
    expect(quoteOk(a.id)).toMatchObject({ exact: '王征', orphaned: false });
    expect(quoteOk(c.id).exact).toBe('😀表');
    // an insertion inside the emoji span's neighbourhood and right at its end stays outside it
    text = segs(documentId)[0].text;
    fresh.service.editSegment({ segmentId: s.id, text: text.replace('😀表', '😀表🎉') });
    expect(quoteOk(c.id).exact).toBe('😀表');
    // deleting the tagged character orphans the tag; it is kept, with its last quote
    text = segs(documentId)[0].text;
    fresh.service.editSegment({ segmentId: s.id, text: text.replace('𠼤字', '') });
    expect(at(b.id)).toMatchObject({ orphaned: true, exact: '𠼤' });
    for (const x of fresh.service.listAnnotations({ documentId })) {
      const t = segs(documentId)[0].text;
      const code = t.charCodeAt(x.start);
      expect(code >= 0xdc00 && code <= 0xdfff, `annotation ${x.id} starts inside a surrogate pair`).toBe(false);
    }
  });

  it('a selection in the Simplified column lands on the Traditional characters it came from', () => {
    const { documentId } = importText('商湯科技的財務總監王徵。');
    const s = segs(documentId)[0];
    const rs = s.rendering.indexOf('王征');
    expect(rs).toBeGreaterThan(0);
    const a = call<ReturnType<JiaoduiService['addAnnotation']>>('addAnnotation', { segmentId: s.id, start: rs, end: rs + 2, kind: 'comment', body: '王徵 or 王征?', in: 'rendering' });
    expect(a.exact).toBe('王徵');
    // and it maps forward onto the rendering for display
    expect(s.rendering.slice(mapForward(s.renderingMap, a.start, 'start'), mapForward(s.renderingMap, a.end, 'end'))).toBe('王征');
  });

  it('replies, resolves, deletes explicitly (kept, restorable) and manages labels', () => {
    const { documentId } = importText(NEWS);
    const s = segs(documentId)[0];
    const labels = call<ReturnType<JiaoduiService['listLabels']>>('listLabels', {});
    expect(labels.map((l) => [l.name, l.shortcut])).toEqual([
      ['Name', '1'],
      ['Number', '2'],
      ['Terminology', '3'],
      ['Style', '4'],
      ['Check fact', '5'],
    ]);
    const a = fresh.service.addAnnotation({ segmentId: s.id, start: 4, end: 6, kind: 'comment', body: 'Check the CFO name', labelId: labels[0].id });
    expect(a).toMatchObject({ labelId: labels[0].id, author: fresh.service.getSettings().author, resolvedAt: null, replies: [] });
    const replied = call<ReturnType<JiaoduiService['replyToAnnotation']>>('replyToAnnotation', { annotationId: a.id, body: '王征, per the filing.' });
    expect(replied.replies.map((r) => r.body)).toEqual(['王征, per the filing.']);
    expect(fresh.service.attention({ documentId }).openComments).toEqual([s.id]);
    expect(fresh.service.resolveAnnotation({ annotationId: a.id, resolved: true }).resolvedAt).not.toBeNull();
    expect(fresh.service.attention({ documentId }).openComments).toEqual([]);
    fresh.service.resolveAnnotation({ annotationId: a.id, resolved: false });

    const deleted = fresh.service.deleteAnnotation({ annotationId: a.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect(fresh.service.listAnnotations({ documentId })).toEqual([]);
    expect(fresh.service.listAnnotations({ documentId, includeDeleted: true }).map((x) => x.id)).toEqual([a.id]);
    expect(fresh.service.restoreAnnotation({ annotationId: a.id }).deletedAt).toBeNull();
    expect(fresh.service.listAnnotations({ documentId })[0].replies).toHaveLength(1);

    const l = call<ReturnType<JiaoduiService['createLabel']>>('createLabel', { name: 'Speaker', color: '#AA00FF', shortcut: '6' });
    expect(l).toMatchObject({ name: 'Speaker', color: '#aa00ff', shortcut: '6', uses: 0 });
    expect(errorOf(() => fresh.service.createLabel({ name: 'speaker', color: '#000000' })).code).toBe('conflict');
    expect(errorOf(() => fresh.service.updateLabel({ labelId: l.id, shortcut: '1' })).message).toMatch(/already used by the label "Name"/);
    expect(fresh.service.updateLabel({ labelId: l.id, name: 'Speaker name' }).name).toBe('Speaker name');
    expect(errorOf(() => fresh.service.deleteLabel({ labelId: labels[0].id })).code).toBe('conflict');
    expect(fresh.service.deleteLabel({ labelId: l.id }).some((x) => x.id === l.id)).toBe(false);
    expect(errorOf(() => call('createLabel', { name: 'x', color: 'red' })).code).toBe('invalid-input');
  });
});
