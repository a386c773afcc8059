import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFreshService, importSample, SAMPLE_TEXT } from './test-helpers';
import { dispatch, dispatchAsync } from '../shared/contract/dispatch';
import { databaseDigest } from '../db/digest';
import { PACKAGE_ROOT } from './context';
import type { Segment } from '../shared/domain/schemas';
import { getConverter } from '../shared/text/convert';
import { parseCsvRecords } from '../shared/csv/csv';
import type { ChangeReport } from '../shared/export/report';
import { docxParts, paragraphTexts, tableRows, trackedChanges } from '../shared/export/docx-test-helpers';
import { JiaoduiError } from '../shared/errors';
import { XLIFF12_SCHEMA, XLIFF20_SCHEMA, xmllint } from './testing/xmllint';

const fresh = useFreshService();

function call<T>(method: string, args: unknown): T {
  return dispatch(fresh.service, method, args, { checkResults: true }) as T;
}
type Exported = { fileName: string; mime: string; content: string; encoding?: 'utf8' | 'base64' };
const exp = async (args: Record<string, unknown>) => (await dispatchAsync(fresh.service, 'exportDocument', args, { checkResults: true })) as Exported;

function segWith(documentId: number, needle: string): Segment {
  const s = fresh.service.getSegments({ documentId }).find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no segment contains ${needle}`);
  return s;
}

const SCHEMA = join(PACKAGE_ROOT, 'tests', 'fixtures', 'xliff', 'xliff_core_2.0.xsd');
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

describe('exportDocument through the contract', () => {
  it('clean exports of an untouched document: txt exactly, md and html with every paragraph, in both scripts', async () => {
    const { documentId } = importSample(fresh.service);
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
    const paras = SAMPLE_TEXT.split(/\r?\n/).filter((l) => l.trim());
    const html = (await exp({ documentId, format: 'html', script: 'hant', includeFurniture: true })).content;
    const md = (await exp({ documentId, format: 'md', script: 'hant', includeFurniture: true })).content;
    for (const p of paras) {
      expect(html).toContain(p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
      expect(md.replace(/\\(.)/g, '$1')).toContain(p.trim());
    }
    const hans = (await exp({ documentId, format: 'txt', script: 'hans' })).content;
    expect(hans).toBe(getConverter('t2s').convert(SAMPLE_TEXT));
  });

  it('marked exports show the correction; furniture can be left out', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    expect((await exp({ documentId, format: 'txt', script: 'hant', marked: true })).content).toContain('王[-震-]{+征+}');
    expect((await exp({ documentId, format: 'md', script: 'hans', marked: true })).content).toContain('王~~震~~**征**');
    expect((await exp({ documentId, format: 'html', script: 'hant', marked: true })).content).toContain('王<del>震</del><ins>征</ins>');
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT.replace('王震', '王征'));
    const furniture = fresh.service.getSegments({ documentId }).filter((s) => s.furniture);
    expect(furniture.length).toBeGreaterThan(0);
    const without = (await exp({ documentId, format: 'txt', script: 'hant', includeFurniture: false })).content;
    for (const f of furniture) expect(without).not.toContain(f.text);
    expect(without).toContain(seg.text.replace('王震', '王征'));
  });

  it('reading copies (md, html, docx) leave page furniture out by default and keep it when asked; txt, tables and XLIFF keep it', async () => {
    const { documentId } = importSample(fresh.service);
    const probes = ['share_log', '搶先評論', '譯文內容由第三人軟體翻譯。'];
    const furniture = new Set(fresh.service.getSegments({ documentId }).filter((s) => s.furniture).map((s) => s.text));
    for (const p of probes) expect(furniture.has(p), p).toBe(true);
    const body = '商湯科技';
    for (const format of ['md', 'html'] as const) {
      const reading = (await exp({ documentId, format, script: 'hant' })).content;
      const kept = (await exp({ documentId, format, script: 'hant', includeFurniture: true })).content;
      expect(reading).toContain(body);
      for (const p of probes) {
        expect(reading.replace(/\\(.)/g, '$1'), `${format} by default`).not.toContain(p);
        expect(kept.replace(/\\(.)/g, '$1'), `${format} with furniture`).toContain(p);
      }
    }
    const docx = async (args: Record<string, unknown>) => paragraphTexts(docxParts((await exp({ documentId, format: 'docx', script: 'hant', ...args })).content)['word/document.xml']).join('\n');
    const docxReading = await docx({});
    const docxKept = await docx({ includeFurniture: true });
    for (const p of probes) {
      expect(docxReading).not.toContain(p);
      expect(docxKept).toContain(p);
    }
    expect(docxReading).toContain(body);
    // lossless formats keep it: txt byte for byte, the tables and both XLIFF versions list every segment
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
    for (const format of ['csv', 'xliff', 'xliff12'] as const) {
      const out = (await exp({ documentId, format, script: 'hant' })).content;
      for (const p of probes) expect(out, format).toContain(p);
    }
    const table = docxParts((await exp({ documentId, format: 'docx-bilingual', script: 'hant' })).content)['word/document.xml'];
    for (const p of probes) expect(table, 'docx-bilingual').toContain(p);
    // and a txt can still be asked to drop it
    expect((await exp({ documentId, format: 'txt', script: 'hant', includeFurniture: false })).content).not.toContain('share_log');
  });

  it('Simplified goes through the glossary-aware converter: protected names stay', async () => {
    const text = '商汤科技首席财务官王征介绍了公司的财务状况。\n';
    const { documentId } = fresh.service.importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'hans.txt', projectName: 'G' });
    const plain = getConverter('s2t').convert('王征');
    expect(plain).not.toBe('王征'); // OpenCC alone would change the name
    fresh.service.saveGlossaryEntry({ documentId, term: '王征', variants: [], type: 'person' });
    const out = (await exp({ documentId, format: 'txt', script: 'hant' })).content;
    expect(out).toContain('王征');
    expect(out).not.toContain(plain);
    expect((await exp({ documentId, format: 'txt', script: 'hans' })).content).toBe(text);
  });

  it('bilingual CSV with both scripts, status and annotation notes', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: '=check name' });
    const r = (await exp({ documentId, format: 'csv', script: 'hant' }));
    expect(r.fileName).toMatch(/\.bilingual\.csv$/);
    expect(r.content.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsvRecords(r.content).map((x) => x.fields);
    expect(rows).toHaveLength(fresh.service.getSegments({ documentId }).length + 1);
    const row = rows.find((x) => x[1] === String(seg.id))!;
    expect(row[2]).toContain('王征');
    expect(row[3]).toBe(getConverter('t2s').convert(row[2]));
    expect(row[4]).toBe('edited');
    expect(row[6]).toContain('=check name');
  });

  it('change report (JSON and HTML): revisions with reasons, dismissed findings, summary', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    fresh.service.setStatus({ segmentIds: [seg.id], status: 'approved' });
    const report = fresh.service.runChecks({ documentId });
    const f = report.findings?.[0] as { id: number } | undefined;
    expect(f, "the sample raises at least one finding").toBeDefined();
    if (f) fresh.service.dismissFinding({ findingId: f.id, reason: 'house style', scope: 'one' });
    const json = JSON.parse((await exp({ documentId, format: 'report-json', script: 'hant' })).content) as ChangeReport;
    expect(json.summary).toMatchObject({ segments: fresh.service.getSegments({ documentId }).length, approved: 1, changed: 1, charactersChanged: 2 });
    const c = json.changes.find((x) => x.segmentId === seg.id)!;
    expect(c.revisions).toEqual([expect.objectContaining({ reason: 'manual', before: seg.text })]);
    expect(c.diff.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['震', '征']);
    if (f) {
      expect(json.changes.some((x) => x.dismissedFindings.some((d) => d.dismissedReason === 'house style'))).toBe(true);
      expect(Object.values(json.summary.findingsByRule).some((v) => v.dismissed === 1)).toBe(true);
    }
    const html = (await exp({ documentId, format: 'report-html', script: 'hant' }));
    expect(html.mime).toMatch(/text\/html/);
    expect(html.content).toContain('王<del>震</del><ins>征</ins>');
  });
});

describe('change report: operations, fixes and local times from the database', () => {
  it('lists the fix, its undo and redo, the approval; counts the fix apart; times in the given zone', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const g = fresh.service.listFindings({ documentId }).findings.find((f) => f.rule === 'entity-consistency' && [f, ...f.related].some((l) => l.text === '王震'))!;
    fresh.service.applyFix({ findingId: g.id, scope: 'group' });
    fresh.service.undo({ projectId: doc.projectId });
    fresh.service.redo({ projectId: doc.projectId });
    const other = fresh.service.getSegments({ documentId }).find((s) => s.text.includes('商湯科技') && !s.furniture && s.status === 'unreviewed')!;
    fresh.service.setStatus({ segmentIds: [other.id], status: 'approved' });
    const json = JSON.parse((await exp({ documentId, format: 'report-json', script: 'hant', timeZone: 'Asia/Taipei', locale: 'en' })).content) as ChangeReport;
    expect(json.operations.map((o) => o.kind)).toEqual(['fix', 'undo', 'redo', 'status']);
    expect(json.operations[0].changes).toBe('replaced 2 characters in 2 segments');
    expect(json.operations[3].changes).toBe('approved 1 segment');
    expect(json.summary).toMatchObject({ approved: 1, changed: 2, fixedAutomatically: 2, editedByHand: 0 });
    expect(json.fixedFindings.map((f) => [f.rule, f.after])).toEqual([
      ['entity-consistency', expect.stringContaining('王征')],
      ['entity-consistency', expect.stringContaining('王征')],
    ]);
    expect(json.operations[0].at).toMatch(/ UTC\+08:00$/);
    const zh = (await exp({ documentId, format: 'report-html', script: 'hant', timeZone: 'Asia/Taipei', locale: 'zh-Hant' })).content;
    expect(zh).toContain('替換 2 字 於 2 段');
    expect(zh).toContain('復原');
  });

  it('in Chinese: operation labels, finding messages and rule names from their stored key + params, no English where a key exists', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const findings = fresh.service.listFindings({ documentId }).findings;
    const g = findings.find((f) => f.rule === 'entity-consistency' && [f, ...f.related].some((l) => l.text === '王震'))!;
    fresh.service.applyFix({ findingId: g.id, scope: 'group' });
    fresh.service.undo({ projectId: doc.projectId });
    fresh.service.redo({ projectId: doc.projectId });
    const toDismiss = fresh.service.listFindings({ documentId }).findings.find((f) => f.rule === 'conversion-ambiguity' && !f.dismissedReason)!;
    fresh.service.dismissFinding({ findingId: toDismiss.id, reason: '原文如此', scope: 'group' });
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.text.includes('商湯科技') && !s.furniture)!;
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text + '。', approve: true });
    // an operation stored before labels had keys (migration 009): its English is kept
    const old = fresh.service.getSegments({ documentId }).find((s) => s.status === 'unreviewed' && !s.furniture)!;
    const before = fresh.service.setStatus({ segmentIds: [old.id], status: 'approved' }).operationId!;
    fresh.service.db.prepare('UPDATE operations SET label_data = NULL WHERE id = ?').run(before);

    const en = JSON.parse((await exp({ documentId, format: 'report-json', script: 'hant', locale: 'en' })).content) as ChangeReport;
    const zhJson = JSON.parse((await exp({ documentId, format: 'report-json', script: 'hant', locale: 'zh-Hant' })).content) as ChangeReport;
    const zh = (await exp({ documentId, format: 'report-html', script: 'hant', locale: 'zh-Hant' })).content;
    expect(en.operations.map((o) => o.kind)).toEqual(['fix', 'undo', 'redo', 'dismiss', 'edit', 'status']);
    expect(zhJson.operations.map((o) => o.label)).toEqual([
      expect.stringMatching(/^修正 \d+ 處人名寫法不一致$/),
      expect.stringMatching(/^復原「修正 \d+ 處人名寫法不一致」$/),
      expect.stringMatching(/^重做「修正 \d+ 處人名寫法不一致」$/),
      '略過檢查結果：簡轉繁一對多可能轉錯',
      `編輯並核准第 ${seg.index + 1} 段`,
      `Mark segment ${old.index + 1} approved`, // no key stored: the English, as stored
    ]);
    // no English label or message of a keyed row anywhere in the page
    for (const o of en.operations.slice(0, 5)) expect(zh).not.toContain(o.label);
    expect(en.dismissedFindings.length).toBeGreaterThan(0);
    for (const f of en.dismissedFindings) {
      expect(zh).not.toContain(f.message);
      expect(zhJson.dismissedFindings.find((x) => x.text === f.text)!.message).toMatch(/簡體/);
    }
    expect(zh).toContain('>人名寫法不一致<'); // the rule's name, not its id
    expect(zh).not.toMatch(/<td>entity-consistency<\/td>/);
    // the revisions' reasons too
    expect(zh).toContain('<td>檢查修正：人名寫法不一致</td>');
    expect(zh).toContain('<td>手動修改</td>');
    expect(zh).not.toMatch(/<td>(manual|fix:[a-z-]+|undo|redo)<\/td>/);
    // English keeps the stored text exactly
    const html = (await exp({ documentId, format: 'report-html', script: 'hant', locale: 'en' })).content;
    for (const o of en.operations) expect(html).toContain(o.label.replace(/&/g, '&amp;'));
    expect(html).toContain('<td>entity-consistency</td>');
    expect(html).toContain('<td>fix:entity-consistency</td>');
  });

  it('refuses a time zone the system does not know', async () => {
    const { documentId } = importSample(fresh.service);
    await expect(exp({ documentId, format: 'report-html', script: 'hant', timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
  });
});

describe('XLIFF', () => {
  it.skipIf(!HAS_XMLLINT)('exports XLIFF 2.0 that validates against the OASIS schema (skipped when xmllint is not installed)', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: 'check <name> & title' });
    const x = (await exp({ documentId, format: 'xliff', script: 'hant' }));
    expect(x.fileName).toMatch(/\.xlf$/);
    expect(x.content).toContain('state="translated"');
    const file = join(fresh.dir, 'out.xlf');
    writeFileSync(file, x.content);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('imports changed targets as one operation with reason xliff-import; undo restores', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const xml = (await exp({ documentId, format: 'xliff', script: 'hant' })).content;
    const seg = segWith(documentId, '王震');
    const edited = xml.replace(/(<unit id="s\d+"[^>]*>[\s\S]*?<target>[^<]*)王震/, '$1王征');
    expect(edited).not.toBe(xml);
    const r = call<{ changed: number; units: number; operationId: number }>('importXliff', { documentId, content: edited });
    expect(r).toMatchObject({ changed: 1, units: fresh.service.getSegments({ documentId }).length });
    expect(fresh.service.getSegments({ documentId }).find((s) => s.id === seg.id)?.text).toBe(seg.text.replace('王震', '王征'));
    expect(fresh.service.segmentHistory({ segmentId: seg.id })[0]).toMatchObject({ reason: 'xliff-import', field: 'zh' });
    fresh.service.undo({ projectId: doc.projectId });
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
    // the unchanged file is a no-op
    expect(call<{ changed: number; operationId: number | null }>('importXliff', { documentId, content: xml })).toMatchObject({ changed: 0, operationId: null });
  });

  it('control characters, markup and astral text: both versions validate, re-import as no change, and a changed target with them lands exactly', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = segWith(documentId, '王震');
    const hostile = seg.text.replace('王震', '王征\u000b換行\u000c分頁\u001bESC\u0008BS\u0000NUL ]]> & < 𠀋 \u200f\u202e &amp; &constructor;');
    fresh.service.editSegment({ segmentId: seg.id, text: hostile });
    fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 4, kind: 'comment', body: 'note \u001b\u000b ]]> & <x>' });
    const other = segWith(documentId, '商湯');
    for (const [format, schema, code] of [
      ['xliff', XLIFF20_SCHEMA, '<cp hex="001B"/>'],
      ['xliff12', XLIFF12_SCHEMA, '<x id="cp9" ctype="x-jiaodui-cp-001B"/>'],
    ] as const) {
      const xml = (await exp({ documentId, format, script: 'hant' })).content;
      if (HAS_XMLLINT) expect(xmllint(xml, schema).stderr, format).toContain('validates');
      // the app reads its own file: nothing changed, nothing written
      const before = databaseDigest(fresh.service.db);
      expect(call<{ changed: number; operationId: number | null }>('importXliff', { documentId, content: xml }), format).toMatchObject({ changed: 0, operationId: null });
      expect(databaseDigest(fresh.service.db)).toBe(before);
      // a CAT tool puts a control character into another target: it arrives as the character
      const at = new RegExp(`(<(?:unit|trans-unit) id="s${other.id}"[\\s\\S]*?<target[^>]*>)`);
      expect(at.test(xml)).toBe(true);
      const r = call<{ changed: number }>('importXliff', { documentId, content: xml.replace(at, `$1前${code}後`) });
      expect(r.changed, format).toBe(1);
      expect(fresh.service.getSegments({ documentId }).find((s) => s.id === other.id)?.text, format).toBe(`前\u001b後${other.text}`);
      expect(fresh.service.getSegments({ documentId }).find((s) => s.id === seg.id)?.text, format).toBe(hostile);
      fresh.service.undo({ projectId: doc.projectId });
    }
  });

  it.skipIf(!HAS_XMLLINT)('exports XLIFF 1.2 that validates against the strict schema, and imports it like 2.0 (skipped when xmllint is not installed)', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = segWith(documentId, '王震');
    fresh.service.setStatus({ segmentIds: [seg.id], status: 'approved' });
    fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: 'check <name> & title' });
    const x = await exp({ documentId, format: 'xliff12', script: 'hant' });
    expect(x).toMatchObject({ mime: 'application/xliff+xml' });
    expect(x.fileName).toMatch(/\.xliff12\.xlf$/);
    // the text's version at export (never revised: 0) rides in extradata, so an import can tell it changed since
    expect(x.content).toContain(`<trans-unit id="s${seg.id}" resname="${seg.index + 1}" approved="yes" extradata="jiaodui-base:0">`);
    expect(x.content).toContain('check &lt;name&gt; &amp; title');
    expect(xmllint(x.content, XLIFF12_SCHEMA).stderr).toContain('validates');
    const edited = x.content.replace(new RegExp(`(<trans-unit id="s${seg.id}"[\\s\\S]*?<target[^>]*>[^<]*)王震`), '$1王征');
    expect(call<{ changed: number; units: number }>('importXliff', { documentId, content: edited })).toMatchObject({
      changed: 1,
      units: fresh.service.getSegments({ documentId }).length,
    });
    expect(fresh.service.segmentHistory({ segmentId: seg.id }).find((h) => h.field === 'zh')).toMatchObject({ reason: 'xliff-import', after: seg.text.replace('王震', '王征') });
    fresh.service.undo({ projectId: doc.projectId });
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
  });

  it('unknown ids and malformed XML are refused and nothing is applied', async () => {
    const { documentId } = importSample(fresh.service);
    const other = fresh.service.importBytes(new Uint8Array(Buffer.from('另一篇。\n')), { fileName: 'o.txt', projectName: 'O' });
    const xml = (await exp({ documentId, format: 'xliff', script: 'hant' })).content;
    const changedAll = xml.replace(/<target>([^<])/g, '<target>改$1');
    const before = databaseDigest(fresh.service.db);
    const bad = changedAll.replace(/<unit id="s(\d+)"/, '<unit id="s999999"');
    expect(() => call('importXliff', { documentId, content: bad })).toThrow(/s999999.*Nothing was imported/);
    const otherId = fresh.service.getSegments({ documentId: other.documentId })[0].id;
    expect(() => call('importXliff', { documentId, content: changedAll.replace(/<unit id="s(\d+)"/, `<unit id="s${otherId}"`) })).toThrow(/do not match/);
    expect(() => call('importXliff', { documentId, content: changedAll.replace('</file>', '') })).toThrow(/XML line/);
    expect(() => call('importXliff', { documentId, content: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + changedAll.replace(/^<\?xml[^>]*\?>\n/, '') })).toThrow(
      /DOCTYPE/,
    );
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });
});

describe('W3C Web Annotation export', () => {
  it('exports annotations with quote and code-point position selectors over the transcript', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    const at = seg.text.indexOf('王震');
    fresh.service.addAnnotation({ segmentId: seg.id, start: at, end: at + 2, kind: 'comment', body: 'check the name' });
    const r = (await exp({ documentId, format: 'annotations', script: 'hant' }));
    expect(r.fileName).toMatch(/\.annotations\.jsonld$/);
    const c = JSON.parse(r.content) as { first: { items: { target: { selector: { type: string; start?: number; end?: number; exact?: string }[] } }[] } };
    const [quote, pos] = c.first.items[0].target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: '王震' });
    expect(Array.from(SAMPLE_TEXT).slice(pos.start, pos.end).join('')).toBe('王震');
  });
});

describe('DOCX through the contract', () => {
  const lines = (t: string) => t.split(/\r\n|\r|\n/).filter((l) => l.trim());

  it('clean DOCX of an untouched document: base64, the input’s paragraphs exactly; Simplified keeps glossary names', async () => {
    const { documentId } = importSample(fresh.service);
    const r = await exp({ documentId, format: 'docx', script: 'hant', includeFurniture: true });
    expect(r).toMatchObject({ encoding: 'base64', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(r.fileName).toMatch(/\.zh-Hant\.docx$/);
    expect(Buffer.from(r.content, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(paragraphTexts(docxParts(r.content)['word/document.xml'])).toEqual(lines(SAMPLE_TEXT));
    // text formats stay as they were: no encoding field needed
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).encoding).toBeUndefined();

    const hans = await exp({ documentId, format: 'docx', script: 'hans', includeFurniture: true });
    expect(paragraphTexts(docxParts(hans.content)['word/document.xml'])).toEqual(lines(getConverter('t2s').convert(SAMPLE_TEXT)));
  });

  it('DOCX in the other script goes through the glossary-aware converter: protected names stay', async () => {
    const text = '商汤科技首席财务官王征介绍了公司的财务状况。\n';
    const { documentId } = fresh.service.importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'hans.txt', projectName: 'G' });
    fresh.service.saveGlossaryEntry({ documentId, term: '王征', variants: [], type: 'person' });
    const r = await exp({ documentId, format: 'docx', script: 'hant' });
    const paras = paragraphTexts(docxParts(r.content)['word/document.xml']);
    expect(paras).toEqual(lines((await exp({ documentId, format: 'txt', script: 'hant' })).content));
    expect(paras[0]).toContain('王征');
    expect(paras[0]).toContain('商湯');
  });

  it('marked DOCX: the correction as w:del/w:ins by the reviser; accepting all gives the corrected transcript', async () => {
    const { documentId } = importSample(fresh.service);
    fresh.service.updateSettings({ author: '林編輯' });
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    const r = await exp({ documentId, format: 'docx', script: 'hant', marked: true, includeFurniture: false });
    expect(r.fileName).toMatch(/\.marked\.docx$/);
    const xml = docxParts(r.content)['word/document.xml'];
    expect(trackedChanges(xml)).toEqual([expect.objectContaining({ kind: 'del', text: '震', author: '林編輯' }), expect.objectContaining({ kind: 'ins', text: '征', author: '林編輯' })]);
    const clean = (await exp({ documentId, format: 'txt', script: 'hant', includeFurniture: false })).content;
    expect(paragraphTexts(xml, 'accepted')).toEqual(lines(clean));
    expect(xml).not.toContain('share_log');
  });

  it('claims appendix: footnotes in DOCX, numbered notes in txt', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    const start = seg.text.indexOf('交由CFO王震');
    const claim = fresh.service.createClaim({ segmentId: seg.id, start, end: start + '交由CFO王震'.length, claimant: '徐立' });
    fresh.service.updateClaim({ claimId: claim.id, verdict: 'false', evidence: [{ kind: 'url', url: 'https://example.org/a?b=1&c=2', note: '年報' }], notes: '<b>不對</b>' });
    const r = await exp({ documentId, format: 'docx', script: 'hant', claims: true });
    const parts = docxParts(r.content);
    expect(parts['word/document.xml']).toMatch(/交由CFO王震<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    expect(parts['word/footnotes.xml']).toContain('「交由CFO王震」查核結果：錯誤。聲稱者：徐立');
    expect(parts['word/footnotes.xml']).toContain('https://example.org/a?b=1&amp;c=2 (年報)');
    expect(parts['word/footnotes.xml']).toContain('&lt;b&gt;不對&lt;/b&gt;');
    const txt = (await exp({ documentId, format: 'txt', script: 'hans', claims: true })).content;
    expect(txt).toContain('交由CFO王震[1]介绍');
    expect(txt).toMatch(/\n事实核查\n\[1\] 「交由CFO王震」核查结果：错误。/);
    // without the option nothing changes
    expect((await exp({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
  });

  it('bilingual table as DOCX: a row per segment with both scripts, status and notes', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = segWith(documentId, '王震');
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    fresh.service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: 'check & <name>' });
    const r = await exp({ documentId, format: 'docx-bilingual', script: 'hant' });
    expect(r).toMatchObject({ encoding: 'base64' });
    expect(r.fileName).toMatch(/\.bilingual\.docx$/);
    const rows = tableRows(docxParts(r.content)['word/document.xml']);
    expect(rows).toHaveLength(fresh.service.getSegments({ documentId }).length + 1);
    const row = rows.find((x) => x[1] === seg.text.replace('王震', '王征'))!;
    expect(row[2]).toBe(getConverter('t2s').convert(row[1]));
    expect(row[3]).toBe('edited 已改');
    expect(row[4]).toContain('check & <name>');
  });

  it('new arguments are validated strictly', async () => {
    const { documentId } = importSample(fresh.service);
    await expect(exp({ documentId, format: 'docx', script: 'hant', claims: 'yes' })).rejects.toThrow(/Invalid arguments for exportDocument: claims/);
    await expect(exp({ documentId, format: 'pdf', script: 'hant' })).rejects.toThrow(JiaoduiError);
    await expect(exp({ documentId: 999999, format: 'docx', script: 'hant' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
