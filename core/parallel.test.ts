import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSample, useFreshService } from './test-helpers';
import { PACKAGE_ROOT } from './context';
import type { JiaoduiService } from './service';
import { dispatch } from '../shared/contract/dispatch';

const FIX = join(PACKAGE_ROOT, 'tests', 'fixtures', 'parallel');
const fixture = (name: string) => readFileSync(join(FIX, name));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

const fresh = useFreshService();

function importMt() {
  return fresh.service.importBytes(new Uint8Array(fixture('mt-output.zh-Hant.txt')), { fileName: 'mt.txt', projectName: 'MT' });
}

describe('migration 007', () => {
  it('creates the parallel tables', () => {
    const tables = fresh.service.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['parallel_texts', 'segment_parallel']));
    expect(fresh.service.getInfo().schemaVersion).toBeGreaterThanOrEqual(7);
  });
});

describe('attachParallelText', () => {
  it('aligns a source in another encoding (UTF-16 with BOM) and shows it per segment', () => {
    const doc = importMt();
    const text = fixture('mt-source.zh-Hans.txt').toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = dispatch(fresh.service, 'attachParallelText', { documentId: doc.documentId, kind: 'source', fileName: 'src.txt', data: b64(utf16) }) as ReturnType<JiaoduiService['attachParallelText']>;
    expect(r.encoding).toBe('utf-16le');
    expect(r.aligned).toBe(2);
    const segs = fresh.service.getSegments({ documentId: doc.documentId });
    expect(segs.map((s) => s.source)).toEqual(text.trim().split('\n'));
    expect(segs[0].english).toBeNull();
    expect(fresh.service.listParallelTexts({ documentId: doc.documentId }).map((p) => p.kind)).toEqual(['source']);
  });

  it('refuses empty and binary files, changing nothing', () => {
    const doc = importMt();
    expect(() => fresh.service.attachParallelText({ documentId: doc.documentId, kind: 'english', fileName: 'x.txt', data: b64('   \n') })).toThrow(/empty|no text/);
    expect(() => fresh.service.attachParallelText({ documentId: doc.documentId, kind: 'english', fileName: 'x.pdf', data: b64('%PDF-1.4\0\0\0binary') })).toThrow();
    expect(fresh.service.listParallelTexts({ documentId: doc.documentId })).toEqual([]);
    expect(fresh.service.getSegments({ documentId: doc.documentId })[0].english).toBeUndefined();
  });

  it('source divergence: a changed name and a changed number are findings with the source reading as fix', () => {
    const doc = importMt();
    fresh.service.attachParallelText({ documentId: doc.documentId, kind: 'source', fileName: 'src.txt', data: b64(fixture('mt-source.zh-Hans.txt')) });
    const rep = fresh.service.runChecks({ documentId: doc.documentId });
    const div = rep.findings.filter((f) => f.rule === 'source-divergence');
    expect(div.map((f) => [f.text, f.fixes[0]?.replacement])).toEqual([
      ['震', '征'],
      ['43', '34'],
    ]);
    // fixing applies the source reading as an ordinary undoable revision
    const fixed = fresh.service.applyFix({ findingId: div[0].id, scope: 'one' });
    expect(fixed.segments[0].text).toContain('王征');
    expect(fresh.service.runChecks({ documentId: doc.documentId }).findings.filter((f) => f.rule === 'source-divergence').map((f) => f.text)).toEqual(['43']);
  });
});

describe('English on the sample', () => {
  let documentId: number;
  let projectId: number;
  beforeEach(() => {
    documentId = importSample(fresh.service).documentId;
    projectId = fresh.service.getDocument({ documentId }).projectId;
    fresh.service.attachParallelText({ documentId, kind: 'english', fileName: 'en.txt', data: b64(fixture('sensetime-2023.en.txt')) });
  });

  it('aligns the English fixture to the first segments', () => {
    const segs = fresh.service.getSegments({ documentId });
    const en = (i: number) => segs[i].english?.text;
    expect(en(0)).toBe(''); // share_log
    expect(en(2)).toMatch(/^SenseTime \(00020\) results call/);
    expect(en(4)).toBe('Recently, SenseTime (00020) held a results call.');
    expect(en(9)).toBe('The number of GPUs online reached 45,000.');
    expect(en(13)).toMatch(/^Generative AI revenue last year was 1.18 billion/);
    expect(en(16)).toMatch(/^Xu Li also said that SenseAuto/);
    expect(en(40)).toBe('');
  });

  it('English edits are revisions with their own status, undoable', () => {
    const seg = fresh.service.getSegments({ documentId })[4];
    const r = fresh.service.editEnglish({ segmentId: seg.id, text: 'Recently, SenseTime held its results call.' });
    expect(r.segments[0].english).toEqual({ text: 'Recently, SenseTime held its results call.', aligned: 'Recently, SenseTime (00020) held a results call.', status: 'edited' });
    expect(r.segments[0].status).toBe('unreviewed'); // the Chinese side is untouched
    const hist = fresh.service.segmentHistory({ segmentId: seg.id });
    expect(hist.map((h) => h.field)).toEqual(['en', 'en-status']);
    fresh.service.setEnglishStatus({ segmentIds: [seg.id], status: 'approved' });
    expect(fresh.service.getSegments({ documentId })[4].english?.status).toBe('approved');
    fresh.service.undo({ projectId });
    const u = fresh.service.undo({ projectId });
    expect(u.segments[0].english).toEqual({ text: 'Recently, SenseTime (00020) held a results call.', aligned: 'Recently, SenseTime (00020) held a results call.', status: 'unreviewed' });
    const redo = fresh.service.redo({ projectId });
    expect(redo.segments[0].english?.text).toBe('Recently, SenseTime held its results call.');
  });

  it('alignment edits (shift, merge, split) are revisions, undone in one step', () => {
    const segs = fresh.service.getSegments({ documentId });
    const before = segs.map((s) => s.english?.text);
    const r = fresh.service.editAlignment({ segmentId: segs[4].id, kind: 'english', op: 'shift', direction: 'down' });
    expect(r.segments.map((s) => s.english?.text)).toEqual(['Recently, SenseTime (00020) held a results call. ' + before[5], '']);
    fresh.service.editAlignment({ segmentId: segs[5].id, kind: 'english', op: 'split', at: 'Recently, SenseTime (00020) held a results call.'.length });
    expect(fresh.service.getSegments({ documentId }).slice(4, 7).map((s) => s.english?.text)).toEqual(['', before[4], `${before[5]} ${before[6]}`]);
    fresh.service.undo({ projectId });
    fresh.service.undo({ projectId });
    expect(fresh.service.getSegments({ documentId }).map((s) => s.english?.text)).toEqual(before);
    fresh.service.editAlignment({ segmentId: segs[4].id, kind: 'english', op: 'merge' });
    expect(fresh.service.getSegments({ documentId })[4].english?.text).toBe(`${before[4]} ${before[5]}`);
    expect(() => fresh.service.editAlignment({ segmentId: segs[4].id, kind: 'english', op: 'split' })).toThrow(/position/);
  });

  it('split and merge of the Chinese segments carry the English', () => {
    const segs = fresh.service.getSegments({ documentId });
    const m = fresh.service.mergeSegments({ segmentId: segs[4].id });
    expect(m.segments[0].english?.text).toBe(`${segs[4].english?.text} ${segs[5].english?.text}`);
    fresh.service.undo({ projectId });
    expect(fresh.service.getSegments({ documentId })[5].english?.text).toBe(segs[5].english?.text);
  });

  it('checks: numbers agree (11.8億 = 1.18 billion), empty English is info, a changed English number is a mismatch', () => {
    const rep = fresh.service.runChecks({ documentId, rules: ['number-mismatch', 'english-empty'] });
    const segs = fresh.service.getSegments({ documentId });
    expect(rep.findings.filter((f) => f.rule === 'number-mismatch' && f.segmentId === segs[13].id)).toEqual([]);
    // one grouped finding for the document, every row without English a location of it
    const empty = rep.findings.filter((f) => f.rule === 'english-empty');
    expect(empty).toHaveLength(1);
    expect(empty[0].related.length).toBeGreaterThan(50);
    fresh.service.editEnglish({ segmentId: segs[13].id, text: 'Generative AI revenue last year was 1.8 billion, up 200% year on year, raising its share of total revenue to 35%.' });
    const after = fresh.service.listFindings({ documentId }).findings.filter((f) => f.rule === 'number-mismatch' && f.segmentId === segs[13].id);
    expect(after.length).toBeGreaterThan(0); // re-checked on the English edit
  });

  it('rows without English: a save of a row’s English re-counts the document’s card, as the full check counts it', () => {
    fresh.service.runChecks({ documentId, rules: ['english-empty'] });
    const card = () => fresh.service.listFindings({ documentId }).findings.filter((f) => f.rule === 'english-empty');
    const [before] = card();
    const n = before.related.length + 1;
    expect(before.messageData?.params.count).toBe(n);
    const row = fresh.service.getSegments({ documentId }).find((g) => g.id === before.related[0].segmentId)!;
    fresh.service.editEnglish({ segmentId: row.id, text: 'An English rendering of this row.' });
    expect(card().map((f) => [f.related.length + 1, f.messageData?.params.count])).toEqual([[n - 1, n - 1]]);
    fresh.service.editEnglish({ segmentId: row.id, text: '' });
    expect(card().map((f) => [f.related.length + 1, f.messageData?.params.count])).toEqual([[n, n]]);
  });

  it('realigns from the stored raw text', () => {
    const segs = fresh.service.getSegments({ documentId });
    fresh.service.editAlignment({ segmentId: segs[4].id, kind: 'english', op: 'merge' });
    const info = fresh.service.realignParallel({ documentId, kind: 'english' });
    expect(info.aligned).toBeGreaterThan(10);
    expect(fresh.service.getSegments({ documentId })[5].english?.text).toBe(segs[5].english?.text);
  });
});
