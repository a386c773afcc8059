import { describe, expect, it } from 'vitest';
import { useFreshService, importSample } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { databaseDigest } from '../db/digest';
import type { Segment } from '../shared/domain/schemas';
import { getConverter } from '../shared/text/convert';
import { HAS_XMLLINT, xmllint } from './testing/xmllint';

const fresh = useFreshService();

/** Call through the contract (argument and result validation), as every transport does. */
function call<T>(method: string, args: unknown): T {
  return dispatch(fresh.service, method, args, { checkResults: true }) as T;
}

function segWith(documentId: number, needle: string): Segment {
  const s = fresh.service.getSegments({ documentId }).find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no segment contains ${needle}`);
  return s;
}

const WANG = { term: '王征', variants: ['王震', '王徵'], type: 'person' as const, note: 'CFO of 商湯科技', english: 'Wang Zheng' };
const HANS_TEXT = '商汤科技首席财务官王征介绍了公司的财务状况。\n\n王征表示，生成式人工智能业务增长很快。\n';

function importHans(projectName: string) {
  return fresh.service.importBytes(new Uint8Array(Buffer.from(HANS_TEXT)), { fileName: 'hans.txt', projectName });
}

describe('glossary entries', () => {
  it('creates, lists, updates and deletes entries in a project or document scope', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    const saved = call<{ entry: { id: number; scope: string; projectId: number; documentId: number | null; variants: string[] } }>('saveGlossaryEntry', { projectId, ...WANG });
    expect(saved.entry).toMatchObject({ scope: 'project', projectId, documentId: null, variants: ['王震', '王徵'] });
    const docEntry = call<{ entry: { id: number } }>('saveGlossaryEntry', { documentId, term: '徐立', variants: ['徐力'], type: 'person' });
    expect(call<{ term: string; scope: string; projectId: number }[]>('listGlossary', { documentId }).map((e) => [e.term, e.scope, e.projectId])).toEqual([
      ['王征', 'project', projectId],
      ['徐立', 'document', projectId],
    ]);
    expect(call<unknown[]>('listGlossary', { projectId }).length).toBe(1);
    // update: a new note and a move to the project scope
    const upd = call<{ entry: { id: number; scope: string; note: string } }>('saveGlossaryEntry', { id: docEntry.entry.id, projectId, term: '徐立', variants: ['徐力'], type: 'person', note: 'CEO' });
    expect(upd.entry).toMatchObject({ id: docEntry.entry.id, scope: 'project', note: 'CEO' });
    expect(call<unknown[]>('listGlossary', { projectId }).length).toBe(2);
    call('deleteGlossaryEntry', { id: docEntry.entry.id });
    expect(call<unknown[]>('listGlossary', { projectId }).length).toBe(1);
    expect(() => call('deleteGlossaryEntry', { id: docEntry.entry.id })).toThrow(/no glossary entry/);
  });

  it('refuses invalid entries and conflicts with clear errors, changing nothing', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    call('saveGlossaryEntry', { projectId, ...WANG });
    const before = databaseDigest(fresh.service.db);
    const err = (args: object) => {
      try {
        call('saveGlossaryEntry', args);
      } catch (e) {
        return `${(e as { code: string }).code}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    expect(err({ projectId, term: '  ' })).toMatch(/^invalid-input: .*term is empty/);
    expect(err({ projectId, term: '長'.repeat(201) })).toMatch(/^invalid-input: .*term: a term is at most 200 characters/);
    expect(err({ projectId, term: '甲', variants: Array.from({ length: 51 }, (_, i) => `乙${i}`) })).toMatch(/^invalid-input: .*at most 50 variants/);
    expect(err({ projectId, term: '甲', variants: ['乙'.repeat(201)] })).toMatch(/^invalid-input: .*at most 200 characters/);
    expect(err({ projectId, term: '甲', variants: ['甲'] })).toMatch(/^invalid-input: the variant "甲" is the term itself/);
    expect(err({ projectId, term: '甲|乙' })).toMatch(/^invalid-input: .*contains “\|”/);
    expect(err({ projectId, documentId, term: '甲' })).toMatch(/^invalid-input: .*either documentId or projectId/);
    expect(err({ term: '甲' })).toMatch(/^invalid-input/);
    expect(err({ projectId, term: '王征' })).toMatch(/^conflict: Cannot save "王征": "王征" is already in this glossary/);
    expect(err({ projectId, term: '王震' })).toMatch(/^conflict: .*"王震" is listed as a wrong variant of "王征"/);
    expect(err({ projectId, term: '王正', variants: ['王征'] })).toMatch(/^conflict: .*the variant "王征" is itself a term/);
    expect(err({ projectId, term: '王正', variants: ['王徵'] })).toMatch(/^conflict: .*"王徵" is already a variant of "王征"/);
    expect(err({ projectId: 999, term: '甲' })).toMatch(/^not-found/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
    // Another scope may say otherwise: in this document 王徵 is a real, different person.
    expect(err({ documentId, term: '王徵' })).toBe('no error');
  });
});

describe('applying the glossary', () => {
  function setup() {
    const a = importSample(fresh.service, 'SenseTime');
    const b = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    call('saveGlossaryEntry', { projectId, ...WANG });
    // a reviewer already approved one affected segment
    const approved = segWith(a.documentId, '王震');
    fresh.service.setStatus({ segmentIds: [approved.id], status: 'approved' });
    return { a: a.documentId, b: b.documentId, projectId, approvedId: approved.id };
  }

  it('previews every change as a diff, then applies across the project as one undo step', () => {
    const { a, b, projectId, approvedId } = setup();
    const preview = call<{
      segments: number;
      documents: number;
      replacements: number;
      approvedReset: number;
      changes: { segmentId: number; before: string; after: string; parts: { op: string; text: string }[]; status: string; statusAfter: string }[];
    }>('previewGlossary', { projectId });
    expect(preview).toMatchObject({ segments: 4, documents: 2, replacements: 4, approvedReset: 1 });
    const first = preview.changes.find((c) => c.segmentId === approvedId)!;
    expect(first.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: '震' },
      { op: 'insert', text: '征' },
    ]);
    expect(first).toMatchObject({ status: 'approved', statusAfter: 'edited' });
    // the preview changed nothing
    const digest = databaseDigest(fresh.service.db);
    call('previewGlossary', { documentId: a });
    expect(databaseDigest(fresh.service.db)).toBe(digest);

    const r = call<{ operationId: number; segments: Segment[]; undo: { undoLabel: string } }>('applyGlossary', { projectId });
    expect(r.operationId).toBeGreaterThan(0);
    expect(r.segments).toHaveLength(4);
    expect(r.undo.undoLabel).toBe('Apply glossary to 4 segments');
    for (const d of [a, b]) {
      const texts = fresh.service.getSegments({ documentId: d }).map((s) => s.text).join('');
      expect(texts).not.toMatch(/王震|王徵/);
      expect(texts.match(/王征/g)).toHaveLength(2);
    }
    // a revision per segment, reason 'glossary'; the approved one went back to 'edited'
    const hist = fresh.service.segmentHistory({ segmentId: approvedId });
    expect(hist.slice(-2).map((h) => [h.field, h.before, h.after, h.reason, h.operationId])).toEqual([
      ['zh', first.before, first.after, 'glossary', r.operationId],
      ['status', 'approved', 'edited', 'glossary', r.operationId],
    ]);
    expect(fresh.service.getSegments({ documentId: a }).find((s) => s.id === approvedId)!.status).toBe('edited');
    // applying again finds nothing
    expect(call<{ segments: number }>('previewGlossary', { projectId }).segments).toBe(0);
    expect(call<{ operationId: number | null }>('applyGlossary', { projectId }).operationId).toBeNull();

    // one undo restores every segment and status
    const u = fresh.service.undo({ projectId });
    expect(u.segments).toHaveLength(4);
    expect(fresh.service.getSegments({ documentId: a }).find((s) => s.id === approvedId)!.status).toBe('approved');
    for (const d of [a, b]) {
      const segs = fresh.service.getSegments({ documentId: d });
      expect(segs.every((s) => s.text === s.machineText)).toBe(true);
    }
    expect(fresh.service.undoState({ projectId })).toMatchObject({ canRedo: true, redoLabel: 'Apply glossary to 4 segments' });
    fresh.service.redo({ projectId });
    expect(segWith(b, '交由CFO').text).toContain('王征介紹');
  });

  it('applies to one document only when asked', () => {
    const { a, b } = setup();
    const r = call<{ segments: Segment[] }>('applyGlossary', { documentId: a });
    expect(new Set(r.segments.map((s) => s.documentId))).toEqual(new Set([a]));
    expect(segWith(b, '交由CFO').text).toContain('王震');
  });

  it('a failure mid-way changes nothing at all', () => {
    const { projectId, b } = setup();
    const victim = segWith(b, '王徵');
    // A segment write that fails (the last change of the plan) after the others succeeded.
    fresh.service.db.exec(`CREATE TEMP TRIGGER fail_write BEFORE UPDATE OF current_text ON segments WHEN new.id = ${victim.id} BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`);
    const before = databaseDigest(fresh.service.db);
    expect(() => fresh.service.applyGlossary({ projectId })).toThrow(/injected write failure/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
    fresh.service.db.exec('DROP TRIGGER fail_write');
    expect(fresh.service.applyGlossary({ projectId }).segments).toHaveLength(4);
  });

  it('keeps terms intact and respects document entries over project entries', () => {
    const { a, b, projectId } = setup();
    call('saveGlossaryEntry', { documentId: b, term: '王徵', type: 'person', note: 'a different person' });
    call('applyGlossary', { projectId });
    expect(segWith(a, '剛才王').text).toContain('王征介紹');
    expect(segWith(b, '剛才王').text).toContain('王徵介紹');
    expect(segWith(b, '交由CFO').text).toContain('王征介紹');
  });
});

describe('confirmed names feed the conversion', () => {
  it('protects a confirmed name in the Traditional rendering of a Simplified document, and re-renders on change', () => {
    const { documentId, script } = importHans('Hans');
    expect(script).toBe('hans');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    const seg = segWith(documentId, '首席财务官');
    expect(seg.rendering).toContain('王徵'); // OpenCC's s2t over-conversion
    const saved = call<{ entry: { id: number }; rerendered: number }>('saveGlossaryEntry', { projectId, ...WANG });
    expect(saved.rerendered).toBe(2);
    expect(segWith(documentId, '首席财务官').rendering).toContain('首席財務官王征介紹');
    expect(segWith(documentId, '表示').rendering).toMatch(/^王征表示/);
    // a later edit keeps using the glossary
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('介绍了', '说明了') });
    expect(segWith(documentId, '首席财务官').rendering).toContain('王征說明');
    // a document imported into the project later is rendered with it straight away
    const later = importHans('Hans');
    expect(segWith(later.documentId, '首席财务官').rendering).toContain('王征');
    // deleting the entry re-renders back to OpenCC's output
    expect(call<{ rerendered: number }>('deleteGlossaryEntry', { id: saved.entry.id }).rerendered).toBe(4);
    expect(segWith(documentId, '首席财务官').rendering).toContain('王徵');
  });

  it('renders a Traditional document’s names as units and re-renders when it moves to another project', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const other = fresh.service.createProject({ name: 'Other' });
    call('saveGlossaryEntry', { projectId: other.id, term: '王震', variants: [], type: 'person' });
    const seg = segWith(documentId, '交由CFO');
    expect(seg.rendering).toBe(getConverter('t2s').convert(seg.text));
    fresh.service.moveDocument({ documentId, projectId: other.id });
    expect(segWith(documentId, '交由CFO').rendering).toBe(getConverter('t2s', [['王震', '王震']]).convert(seg.text));
  });

  it('a glossary write whose re-rendering fails is not stored', () => {
    const { documentId } = importHans('Hans');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    fresh.service.db.exec(`CREATE TEMP TRIGGER fail_render BEFORE UPDATE OF rendering ON segments BEGIN SELECT RAISE(ABORT, 'injected render failure'); END`);
    const before = databaseDigest(fresh.service.db);
    expect(() => fresh.service.saveGlossaryEntry({ projectId, ...WANG })).toThrow(/injected render failure/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });
});

describe('glossary files', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

  it('exports CSV and TBX and imports them into another scope (round trip)', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    call('saveGlossaryEntry', { projectId, ...WANG });
    call('saveGlossaryEntry', { projectId, term: '商湯科技', variants: ['商汤科技'], type: 'organisation', note: 'SenseTime, "AI" company', english: 'SenseTime' });
    const list = () => call<{ term: string; variants: string[]; type: string; note: string; english: string }[]>('listGlossary', { projectId: target.id });
    const fields = (es: { term: string; variants: string[]; type: string; note: string; english: string }[]) => es.map(({ term, variants, type, note, english }) => ({ term, variants, type, note, english }));
    const target = fresh.service.createProject({ name: 'Target' });
    for (const format of ['csv', 'tbx'] as const) {
      const out = call<{ fileName: string; mime: string; content: string }>('exportGlossary', { projectId, format });
      expect(out.fileName).toBe(`SenseTime.glossary.${format}`);
      if (format === 'csv') expect(out.content.startsWith('\uFEFFterm,variants,type,note,english\r\n')).toBe(true);
      const r = call<{ added: number; updated: number; unchanged: number }>('importGlossary', { projectId: target.id, fileName: out.fileName, data: b64(out.content) });
      expect(r).toMatchObject(format === 'csv' ? { added: 2, updated: 0, unchanged: 0 } : { added: 0, updated: 0, unchanged: 2 });
      expect(fields(list())).toEqual(fields(call('listGlossary', { projectId })));
    }
    // an edited file updates what changed
    const csv = '\uFEFFterm,variants,type,note,english\r\n王征,王震|王徵|王正,person,CFO,Wang Zheng\r\n徐立,,person,CEO,Xu Li\r\n';
    expect(call('importGlossary', { projectId: target.id, fileName: 'g.csv', data: b64(csv) })).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    expect(list().find((e) => e.term === '王征')!.variants).toEqual(['王震', '王徵', '王正']);
  });

  it('a note with a vertical tab or form feed is stored with line breaks; ESC or NUL is refused and nothing stored; the TBX stays well-formed', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    const saved = call<{ entry: { note: string } }>('saveGlossaryEntry', { projectId, ...WANG, note: 'CFO\u000bsince 2018\u000cpage 2 ]]> & <b>' });
    expect(saved.entry.note).toBe('CFO\nsince 2018\npage 2 ]]> & <b>');
    const before = databaseDigest(fresh.service.db);
    for (const bad of ['\u001b[31m', 'nul\u0000', 'bs\u0008']) {
      expect(() => call('saveGlossaryEntry', { projectId, term: '徐立', variants: [], type: 'person', note: bad })).toThrow(/the note of "徐立" contains U\+00(1B|00|08)/);
    }
    expect(databaseDigest(fresh.service.db)).toBe(before);
    const tbx = call<{ content: string }>('exportGlossary', { projectId, format: 'tbx' }).content;
    if (HAS_XMLLINT) expect(xmllint(tbx).status).toBe(0);
    const target = fresh.service.createProject({ name: 'Target' });
    call('importGlossary', { projectId: target.id, fileName: 'g.tbx', data: b64(tbx) });
    expect(call<{ note: string }[]>('listGlossary', { projectId: target.id })[0].note).toBe('CFO\nsince 2018\npage 2 ]]> & <b>');
  });

  it('refuses malformed files and conflicts naming the line or element, importing nothing', () => {
    const { documentId } = importSample(fresh.service, 'SenseTime');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    call('saveGlossaryEntry', { projectId, ...WANG });
    const before = databaseDigest(fresh.service.db);
    const H = 'term,variants,type,note,english\n';
    const err = (fileName: string, text: string | Buffer) => {
      try {
        call('importGlossary', { projectId, fileName, data: typeof text === 'string' ? b64(text) : text.toString('base64') });
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err('g.csv', H + '徐立,,person,,\n王正,"王震,person,,\n')).toMatch(/CSV line 3: a quoted field is never closed/);
    expect(err('g.csv', H + '徐立,,person,,\n王正,王震,person,,\n')).toMatch(/CSV line 3: the variant "王震" is already a variant of "王征"\. Nothing was imported/);
    expect(err('g.csv', H + '徐立,,person,,\n徐立,,person,,\n')).toMatch(/CSV line 3: "徐立" is already defined \(CSV line 2\)/);
    expect(err('g.tbx', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<tbx/>')).toMatch(/XML line 2, column 1: DOCTYPE declarations are not accepted/);
    expect(err('g.tbx', '<tbx><text><body>\n<conceptEntry>\n</conceptEntry></body></text></tbx>')).toMatch(/TBX <conceptEntry> at line 2: has no Chinese term/);
    // the file named in front, once (the CLI's namingFile finds it named already)
    expect(err('g.tbx', '<tbx><text><body>\n<conceptEntry>\n</conceptEntry></body></text></tbx>')).toMatch(/^g\.tbx: TBX <conceptEntry>/);
    expect(err('g.txt', H)).toMatch(/use a \.csv or \.tbx file/);
    expect(err('g.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x74, 0xff, 0xfe]))).toMatch(/not UTF-8/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });
});
