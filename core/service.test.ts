import { describe, expect, it } from 'vitest';
import { useFreshService, importSample, SAMPLE_BYTES, SAMPLE_TEXT } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { databaseDigest } from '../db/digest';
import { JiaoduiError } from '../shared/errors';
import { readFileSync } from 'node:fs';
import { decodeText } from '../shared/text/encoding';

const fresh = useFreshService();

function segmentWith(documentId: number, needle: string) {
  const s = fresh.service.getSegments({ documentId }).find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no segment contains ${needle}`);
  return s;
}

describe('import', () => {
  it('imports the sample with detected encoding, script, variant and metadata', () => {
    const r = importSample(fresh.service);
    expect(r).toMatchObject({ encoding: 'utf-8', script: 'hant', variant: 't' });
    const doc = fresh.service.getDocument({ documentId: r.documentId });
    expect(doc.title).toBe('商湯科技(00020)業績交流會:2023年上線GPU達45000個 生成式AI業務爲重點發展方向');
    expect(doc.source).toBe('智通財經');
    expect(doc.date).toBe('--03-28');
    expect(doc.projectName).toBe('Samples');
    expect(doc.progress.total).toBe(r.segments);
    expect(doc.progress.furniture).toBeGreaterThanOrEqual(5);
  });

  it('renders Simplified for every segment and keeps machine text', () => {
    const { documentId } = importSample(fresh.service);
    const seg = segmentWith(documentId, '王震');
    expect(seg.machineText).toBe(seg.text);
    expect(seg.rendering).toContain('王震');
    expect(seg.rendering).toContain('财务');
  });

  it('a clean export of an untouched document reproduces the input exactly', async () => {
    const { documentId } = importSample(fresh.service);
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
  });

  it('refuses empty and binary files without changing anything stored', () => {
    importSample(fresh.service);
    const before = databaseDigest(fresh.service.db);
    expect(() => fresh.service.importBytes(new Uint8Array(0), { fileName: 'empty.txt' })).toThrow(JiaoduiError);
    expect(() => fresh.service.importBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { fileName: 'x.png' })).toThrow(/PNG|binary/i);
    expect(() => fresh.service.importBytes(new Uint8Array(Buffer.from('   \n\n  ')), { fileName: 'ws.txt' })).toThrow(JiaoduiError);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });

  it('keeps offsets into the original: every segment is the slice it says it is', () => {
    const { documentId } = importSample(fresh.service);
    for (const seg of fresh.service.getSegments({ documentId })) expect(SAMPLE_TEXT.slice(seg.start, seg.end)).toBe(seg.machineText);
  });

  it('imports every supported encoding and exports exactly the decoded text', async () => {
    const dir = new URL('../tests/fixtures/encodings/', import.meta.url);
    const cases: [string, string][] = [
      ['big5.txt', 'big5'],
      ['gb18030.txt', 'gb18030'],
      ['utf16le-bom.txt', 'utf-16le'],
      ['utf16be-bom.txt', 'utf-16be'],
      ['utf16le-nobom.txt', 'utf-16le'],
      ['utf8-bom.txt', 'utf-8'],
    ];
    for (const [file, enc] of cases) {
      const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
      const r = fresh.service.importBytes(bytes, { fileName: file });
      expect(r.encoding, file).toBe(enc);
      const decoded = decodeText(bytes).text;
      const script = fresh.service.getDocument({ documentId: r.documentId }).script;
      expect((await fresh.service.exportDocument({ documentId: r.documentId, format: 'txt', script })).content, file).toBe(decoded);
    }
    expect(fresh.service.importBytes(new Uint8Array(readFileSync(new URL('gb18030.txt', dir))), { fileName: 'x' }).script).toBe('hans');
  });

  it('imports the sample once on first start only', () => {
    expect(fresh.service.ensureSample(SAMPLE_BYTES, 'sample.txt')).toBeTypeOf('number');
    expect(fresh.service.ensureSample(SAMPLE_BYTES, 'sample.txt')).toBeNull();
    expect(fresh.service.listDocuments({})).toHaveLength(1);
  });
});

describe('edits, revisions and undo', () => {
  it('an edit is a revision; status becomes edited; Simplified follows', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segmentWith(documentId, '王震');
    const fixed = seg.text.replace('王震', '王征');
    const r = fresh.service.editSegment({ segmentId: seg.id, text: fixed });
    expect(r.operationId).toBeTypeOf('number');
    expect(r.segments[0]).toMatchObject({ text: fixed, status: 'edited', machineText: seg.text });
    expect(r.segments[0].rendering).toContain('王征');
    const hist = fresh.service.segmentHistory({ segmentId: seg.id });
    expect(hist.map((h) => h.field)).toEqual(['zh', 'status']);
    expect(hist[0]).toMatchObject({ before: seg.text, after: fixed, reason: 'manual' });
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT.replace('王震', '王征'));
  });

  it('undo and redo survive a restart; a new operation clears redo', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = segmentWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    await fresh.reopen();
    expect(fresh.service.undoState({ projectId: doc.projectId })).toMatchObject({ canUndo: true, canRedo: false });
    const u = fresh.service.undo({ projectId: doc.projectId });
    expect(u.segments[0]).toMatchObject({ text: seg.text, status: 'unreviewed' });
    await fresh.reopen();
    expect(fresh.service.undoState({ projectId: doc.projectId })).toMatchObject({ canUndo: false, canRedo: true });
    const r = fresh.service.redo({ projectId: doc.projectId });
    expect(r.segments[0].text).toContain('王征');
    fresh.service.undo({ projectId: doc.projectId });
    const other = segmentWith(documentId, '王徵');
    fresh.service.editSegment({ segmentId: other.id, text: other.text.replace('王徵', '王征') });
    expect(fresh.service.undoState({ projectId: doc.projectId }).canRedo).toBe(false);
    expect(() => fresh.service.redo({ projectId: doc.projectId })).toThrow(/Nothing to redo/);
    // history keeps everything: edit, undo, redo, undo
    expect(fresh.service.segmentHistory({ segmentId: seg.id }).filter((h) => h.field === 'zh').map((h) => h.reason)).toEqual(['manual', 'undo', 'redo', 'undo']);
  });

  it('status changes are undoable operations', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const segs = fresh.service.getSegments({ documentId }).slice(3, 6);
    fresh.service.setStatus({ segmentIds: segs.map((s) => s.id), status: 'approved' });
    expect(fresh.service.getDocument({ documentId }).progress.approved).toBe(3);
    fresh.service.undo({ projectId: doc.projectId });
    expect(fresh.service.getDocument({ documentId }).progress.approved).toBe(0);
  });

  it('split and merge are undoable and keep the export lossless', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = segmentWith(documentId, '算力規模上');
    const n = fresh.service.getSegments({ documentId }).length;
    const at = seg.text.indexOf('P即');
    const r = fresh.service.splitSegment({ segmentId: seg.id, at });
    expect(r.removedSegmentIds).toEqual([seg.id]);
    expect(r.segments.map((s) => s.text).join('')).toBe(seg.text);
    expect(fresh.service.getSegments({ documentId })).toHaveLength(n + 1);
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
    const m = fresh.service.mergeSegments({ segmentId: r.segments[0].id });
    expect(m.segments[0].text).toBe(seg.text);
    expect(fresh.service.getSegments({ documentId })).toHaveLength(n);
    fresh.service.undo({ projectId: doc.projectId }); // undo merge
    expect(fresh.service.getSegments({ documentId })).toHaveLength(n + 1);
    fresh.service.undo({ projectId: doc.projectId }); // undo split
    const back = fresh.service.getSegments({ documentId });
    expect(back).toHaveLength(n);
    expect(back.find((s) => s.id === seg.id)?.text).toBe(seg.text);
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
  });

  it('furniture marking is undoable', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = segmentWith(documentId, '王震');
    fresh.service.setFurniture({ segmentId: seg.id, furniture: true });
    expect(segmentWith(documentId, '王震').furniture).toBe('manual');
    fresh.service.undo({ projectId: doc.projectId });
    expect(segmentWith(documentId, '王震').furniture).toBeNull();
  });

  it('annotations follow edits and split, and orphan when their text is gone', () => {
    const { documentId } = importSample(fresh.service);
    const seg = segmentWith(documentId, '王震');
    const start = seg.text.indexOf('王震介紹');
    const a = fresh.service.addAnnotation({ segmentId: seg.id, start, end: start + 4, kind: 'note', body: 'CFO name' });
    fresh.service.editSegment({ segmentId: seg.id, text: '前言。' + seg.text });
    let ann = fresh.service.listAnnotations({ documentId }).find((x) => x.id === a.id)!;
    expect(ann).toMatchObject({ exact: '王震介紹', orphaned: false, start: start + 3 });
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('交由CFO王震介紹生成式AI後續的增長預期。', '') });
    ann = fresh.service.listAnnotations({ documentId }).find((x) => x.id === a.id)!;
    expect(ann.orphaned).toBe(true);
    expect(ann.exact).toBe('王震介紹');
  });
});

describe('search', () => {
  it('finds 3+ character queries via trigrams and 1–2 character queries by scan', () => {
    const { documentId } = importSample(fresh.service);
    const three = fresh.service.search({ query: '生成式' });
    expect(three.length).toBeGreaterThan(5);
    expect(three.every((h) => h.text.includes('生成式'))).toBe(true);
    const two = fresh.service.search({ query: '算力' });
    expect(two.length).toBeGreaterThan(5);
    expect(two.every((h) => h.text.includes('算力'))).toBe(true);
    const one = fresh.service.search({ query: '徵' });
    expect(one.map((h) => h.segmentId)).toContain(segmentWith(documentId, '王徵').id);
    // Simplified queries match through the rendering.
    const simp = fresh.service.search({ query: '财务' });
    expect(simp[0]).toMatchObject({ matchedIn: 'rendering' });
    expect(simp[0].text).toContain('財務');
  });

  it('indexes are right and edits are searchable at once; trashed documents are not searched', () => {
    const { documentId } = importSample(fresh.service);
    const seg = segmentWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    const hit = fresh.service.search({ query: '王征' })[0];
    expect(hit.segmentId).toBe(seg.id);
    expect(hit.index).toBe(seg.index);
    expect(fresh.service.search({ query: '王震' })).toHaveLength(0);
    fresh.service.trashDocument({ documentId });
    expect(fresh.service.search({ query: '王征' })).toHaveLength(0);
    fresh.service.restoreDocument({ documentId });
    const hits = fresh.service.search({ query: '王征' });
    // 王徵 renders as 王征 in Simplified, so that segment matches through the rendering.
    expect(hits.filter((h) => h.matchedIn === 'text')).toHaveLength(1);
    expect(hits.find((h) => h.matchedIn === 'rendering')?.text).toContain('王徵');
  });

  it('treats FTS syntax in queries as text', () => {
    importSample(fresh.service);
    expect(() => fresh.service.search({ query: '"AND OR NEAR(' })).not.toThrow();
  });
});

describe('projects and trash', () => {
  it('moves, trashes, restores and empties the trash', () => {
    const { documentId } = importSample(fresh.service);
    const p = fresh.service.createProject({ name: 'SenseTime' });
    expect(() => fresh.service.createProject({ name: 'sensetime' })).toThrow(/already exists/);
    fresh.service.moveDocument({ documentId, projectId: p.id });
    expect(fresh.service.listDocuments({ projectId: p.id })).toHaveLength(1);
    fresh.service.trashDocument({ documentId });
    expect(fresh.service.listDocuments({})).toHaveLength(0);
    expect(fresh.service.listDocuments({ trashed: true })).toHaveLength(1);
    fresh.service.restoreDocument({ documentId });
    fresh.service.trashDocument({ documentId });
    expect(fresh.service.emptyTrash()).toEqual({ deleted: 1 });
    expect(() => fresh.service.getDocument({ documentId })).toThrow(/no document/);
  });

  it("emptying the trash removes a deleted document's note of its last check run, and no other's", () => {
    const a = importSample(fresh.service);
    const b = fresh.service.importDocument({ fileName: 'b.txt', data: Buffer.from('董事長表示，收入增長。').toString('base64') });
    fresh.service.runChecks({ documentId: a.documentId });
    fresh.service.runChecks({ documentId: b.documentId });
    const noted = () => (fresh.service.db.prepare(`SELECT key FROM settings WHERE key LIKE 'checks.document.%' ORDER BY key`).pluck().all() as string[]);
    expect(noted()).toEqual([`checks.document.${a.documentId}`, `checks.document.${b.documentId}`].sort());
    fresh.service.trashDocument({ documentId: a.documentId });
    expect(fresh.service.emptyTrash()).toEqual({ deleted: 1 });
    expect(noted()).toEqual([`checks.document.${b.documentId}`]);
  });

  it('changing the variant re-renders the Simplified column', () => {
    const { documentId } = importSample(fresh.service);
    const d = fresh.service.updateDocument({ documentId, variant: 'tw', date: '2024-03-28', title: 'SenseTime results call' });
    expect(d).toMatchObject({ variant: 'tw', date: '2024-03-28', title: 'SenseTime results call' });
  });
});

describe('contract validation', () => {
  it('rejects malformed payloads and changes nothing stored', () => {
    const { documentId } = importSample(fresh.service);
    const seg = segmentWith(documentId, '王震');
    const before = databaseDigest(fresh.service.db);
    const bad: [string, unknown][] = [
      ['editSegment', { segmentId: seg.id }],
      ['editSegment', { segmentId: String(seg.id), text: 'x' }],
      ['editSegment', { segmentId: seg.id, text: 'x', extra: 1 }],
      ['editSegment', { segmentId: -1, text: 'x' }],
      ['editSegment', null],
      ['editSegment', 'text'],
      ['setStatus', { segmentIds: [], status: 'approved' }],
      ['setStatus', { segmentIds: [seg.id], status: 'done' }],
      ['importDocument', { fileName: 'a.txt', data: '%%%not base64%%%' }],
      ['search', { query: '' }],
      ['noSuchMethod', {}],
      ['__proto__', {}],
      ['constructor', {}],
      ['updateDocument', { documentId, date: '28/03' }],
    ];
    for (const [m, a] of bad) expect(() => dispatch(fresh.service, m, a), `${m} ${JSON.stringify(a)}`).toThrow(JiaoduiError);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });

  it('importDocument takes the bytes themselves from an in-process caller (the CLI), as it takes base64', () => {
    const viaBase64 = dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data: Buffer.from(SAMPLE_BYTES).toString('base64'), projectName: 'A' }, { checkResults: true }) as { documentId: number };
    const viaBytes = dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data: new Uint8Array(SAMPLE_BYTES), projectName: 'B' }, { checkResults: true }) as { documentId: number };
    const texts = (id: number) => fresh.service.getSegments({ documentId: id }).map((s) => [s.text, s.rendering]);
    expect(texts(viaBytes.documentId)).toEqual(texts(viaBase64.documentId));
    expect(texts(viaBytes.documentId).length).toBeGreaterThan(10);
    // anything else is still refused, and so are bytes over the base64 form's limit
    const before = databaseDigest(fresh.service.db);
    for (const data of [[1, 2, 3], { 0: 65 }, new Uint16Array(4)]) {
      expect(() => dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data })).toThrow(expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/data: expected the file as base64 text/) }));
    }
    expect(() => dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data: new Uint8Array(15 * 1024 * 1024 + 1) })).toThrow(/data: payload too large/);
    expect(() => dispatch(fresh.service, 'importDocument', { fileName: 'a.txt', data: '%%%' })).toThrow(/data: not base64/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });

  it('results match the contract', async () => {
    const { documentId } = importSample(fresh.service);
    const check = (m: string, a: unknown) => dispatch(fresh.service, m, a, { checkResults: true });
    check('getInfo', {});
    check('listProjects', {});
    check('listDocuments', {});
    check('getSegments', { documentId });
    check('search', { query: '商湯' });
    const seg = segmentWith(documentId, '王震');
    check('editSegment', { segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    check('segmentHistory', { segmentId: seg.id });
    await check('exportDocument', { documentId, format: 'txt', script: 'hans' });
  });
});
