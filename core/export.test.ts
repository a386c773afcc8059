import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshService, importSample, SAMPLE_TEXT } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { databaseDigest } from '../db/digest';
import { PACKAGE_ROOT } from './context';
import type { JiaoduiService } from './service';
import type { Segment } from '../shared/domain/schemas';
import { getConverter } from '../shared/text/convert';
import { parseCsvRecords } from '../shared/glossary/csv';
import type { ChangeReport } from '../shared/export/report';

let ctx: Awaited<ReturnType<typeof freshService>>;
let service: JiaoduiService;
beforeEach(async () => {
  ctx = await freshService();
  service = ctx.service;
});
afterEach(() => ctx.cleanup());

function call<T>(method: string, args: unknown): T {
  return dispatch(service, method, args, { checkResults: true }) as T;
}
const exp = (args: Record<string, unknown>) => call<{ fileName: string; mime: string; content: string }>('exportDocument', args);

function segWith(documentId: number, needle: string): Segment {
  const s = service.getSegments({ documentId }).find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no segment contains ${needle}`);
  return s;
}

const SCHEMA = join(PACKAGE_ROOT, 'tests', 'fixtures', 'xliff', 'xliff_core_2.0.xsd');
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

describe('exportDocument through the contract', () => {
  it('clean exports of an untouched document: txt exactly, md and html with every paragraph, in both scripts', () => {
    const { documentId } = importSample(service);
    expect(exp({ documentId, format: 'txt', script: 'hant' }).content).toBe(SAMPLE_TEXT);
    const paras = SAMPLE_TEXT.split(/\r?\n/).filter((l) => l.trim());
    const html = exp({ documentId, format: 'html', script: 'hant' }).content;
    const md = exp({ documentId, format: 'md', script: 'hant' }).content;
    for (const p of paras) {
      expect(html).toContain(p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
      expect(md.replace(/\\(.)/g, '$1')).toContain(p.trim());
    }
    const hans = exp({ documentId, format: 'txt', script: 'hans' }).content;
    expect(hans).toBe(getConverter('t2s').convert(SAMPLE_TEXT));
  });

  it('marked exports show the correction; furniture can be left out', () => {
    const { documentId } = importSample(service);
    const seg = segWith(documentId, '王震');
    service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    expect(exp({ documentId, format: 'txt', script: 'hant', marked: true }).content).toContain('王[-震-]{+征+}');
    expect(exp({ documentId, format: 'md', script: 'hans', marked: true }).content).toContain('王~~震~~**征**');
    expect(exp({ documentId, format: 'html', script: 'hant', marked: true }).content).toContain('王<del>震</del><ins>征</ins>');
    expect(exp({ documentId, format: 'txt', script: 'hant' }).content).toBe(SAMPLE_TEXT.replace('王震', '王征'));
    const furniture = service.getSegments({ documentId }).filter((s) => s.furniture);
    expect(furniture.length).toBeGreaterThan(0);
    const without = exp({ documentId, format: 'txt', script: 'hant', includeFurniture: false }).content;
    for (const f of furniture) expect(without).not.toContain(f.text);
    expect(without).toContain(seg.text.replace('王震', '王征'));
  });

  it('Simplified goes through the glossary-aware converter: protected names stay', () => {
    const text = '商汤科技首席财务官王征介绍了公司的财务状况。\n';
    const { documentId } = service.importBytes(new Uint8Array(Buffer.from(text)), { fileName: 'hans.txt', projectName: 'G' });
    const plain = getConverter('s2t').convert('王征');
    expect(plain).not.toBe('王征'); // OpenCC alone would change the name
    service.saveGlossaryEntry({ documentId, term: '王征', variants: [], type: 'person' });
    const out = exp({ documentId, format: 'txt', script: 'hant' }).content;
    expect(out).toContain('王征');
    expect(out).not.toContain(plain);
    expect(exp({ documentId, format: 'txt', script: 'hans' }).content).toBe(text);
  });

  it('bilingual CSV with both scripts, status and annotation notes', () => {
    const { documentId } = importSample(service);
    const seg = segWith(documentId, '王震');
    service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: '=check name' });
    const r = exp({ documentId, format: 'csv', script: 'hant' });
    expect(r.fileName).toMatch(/\.bilingual\.csv$/);
    expect(r.content.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsvRecords(r.content).map((x) => x.fields);
    expect(rows).toHaveLength(service.getSegments({ documentId }).length + 1);
    const row = rows.find((x) => x[1] === String(seg.id))!;
    expect(row[2]).toContain('王征');
    expect(row[3]).toBe(getConverter('t2s').convert(row[2]));
    expect(row[4]).toBe('edited');
    expect(row[6]).toContain('=check name');
  });

  it('change report (JSON and HTML): revisions with reasons, dismissed findings, summary', () => {
    const { documentId } = importSample(service);
    const seg = segWith(documentId, '王震');
    service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    service.setStatus({ segmentIds: [seg.id], status: 'approved' });
    const report = service.runChecks({ documentId });
    const f = report.findings?.[0] as { id: number } | undefined;
    expect(f, "the sample raises at least one finding").toBeDefined();
    if (f) service.dismissFinding({ findingId: f.id, reason: 'house style', scope: 'one' });
    const json = JSON.parse(exp({ documentId, format: 'report-json', script: 'hant' }).content) as ChangeReport;
    expect(json.summary).toMatchObject({ segments: service.getSegments({ documentId }).length, approved: 1, changed: 1, charactersChanged: 2 });
    const c = json.changes.find((x) => x.segmentId === seg.id)!;
    expect(c.revisions).toEqual([expect.objectContaining({ reason: 'manual', before: seg.text })]);
    expect(c.diff.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['震', '征']);
    if (f) {
      expect(json.changes.some((x) => x.dismissedFindings.some((d) => d.dismissedReason === 'house style'))).toBe(true);
      expect(Object.values(json.summary.findingsByRule).some((v) => v.dismissed === 1)).toBe(true);
    }
    const html = exp({ documentId, format: 'report-html', script: 'hant' });
    expect(html.mime).toMatch(/text\/html/);
    expect(html.content).toContain('王<del>震</del><ins>征</ins>');
  });
});

describe('XLIFF', () => {
  it.skipIf(!HAS_XMLLINT)('exports XLIFF 2.0 that validates against the OASIS schema (skipped when xmllint is not installed)', () => {
    const { documentId } = importSample(service);
    const seg = segWith(documentId, '王震');
    service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    service.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: 'check <name> & title' });
    const x = exp({ documentId, format: 'xliff', script: 'hant' });
    expect(x.fileName).toMatch(/\.xlf$/);
    expect(x.content).toContain('state="translated"');
    const file = join(ctx.dir, 'out.xlf');
    writeFileSync(file, x.content);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('imports changed targets as one operation with reason xliff-import; undo restores', () => {
    const { documentId } = importSample(service);
    const doc = service.getDocument({ documentId });
    const xml = exp({ documentId, format: 'xliff', script: 'hant' }).content;
    const seg = segWith(documentId, '王震');
    const edited = xml.replace(/(<unit id="s\d+"[^>]*>[\s\S]*?<target>[^<]*)王震/, '$1王征');
    expect(edited).not.toBe(xml);
    const r = call<{ changed: number; units: number; operationId: number }>('importXliff', { documentId, content: edited });
    expect(r).toMatchObject({ changed: 1, units: service.getSegments({ documentId }).length });
    expect(service.getSegments({ documentId }).find((s) => s.id === seg.id)?.text).toBe(seg.text.replace('王震', '王征'));
    expect(service.segmentHistory({ segmentId: seg.id })[0]).toMatchObject({ reason: 'xliff-import', field: 'zh' });
    service.undo({ projectId: doc.projectId });
    expect(exp({ documentId, format: 'txt', script: 'hant' }).content).toBe(SAMPLE_TEXT);
    // the unchanged file is a no-op
    expect(call<{ changed: number; operationId: number | null }>('importXliff', { documentId, content: xml })).toMatchObject({ changed: 0, operationId: null });
  });

  it('unknown ids and malformed XML are refused and nothing is applied', () => {
    const { documentId } = importSample(service);
    const other = service.importBytes(new Uint8Array(Buffer.from('另一篇。\n')), { fileName: 'o.txt', projectName: 'O' });
    const xml = exp({ documentId, format: 'xliff', script: 'hant' }).content;
    const changedAll = xml.replace(/<target>([^<])/g, '<target>改$1');
    const before = databaseDigest(service.db);
    const bad = changedAll.replace(/<unit id="s(\d+)"/, '<unit id="s999999"');
    expect(() => call('importXliff', { documentId, content: bad })).toThrow(/s999999.*Nothing was imported/);
    const otherId = service.getSegments({ documentId: other.documentId })[0].id;
    expect(() => call('importXliff', { documentId, content: changedAll.replace(/<unit id="s(\d+)"/, `<unit id="s${otherId}"`) })).toThrow(/do not match/);
    expect(() => call('importXliff', { documentId, content: changedAll.replace('</file>', '') })).toThrow(/XML line/);
    expect(() => call('importXliff', { documentId, content: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + changedAll.replace(/^<\?xml[^>]*\?>\n/, '') })).toThrow(
      /DOCTYPE/,
    );
    expect(databaseDigest(service.db)).toBe(before);
  });
});

describe('W3C Web Annotation export', () => {
  it('exports annotations with quote and code-point position selectors over the transcript', () => {
    const { documentId } = importSample(service);
    const seg = segWith(documentId, '王震');
    const at = seg.text.indexOf('王震');
    service.addAnnotation({ segmentId: seg.id, start: at, end: at + 2, kind: 'comment', body: 'check the name' });
    const r = exp({ documentId, format: 'annotations', script: 'hant' });
    expect(r.fileName).toMatch(/\.annotations\.jsonld$/);
    const c = JSON.parse(r.content) as { first: { items: { target: { selector: { type: string; start?: number; end?: number; exact?: string }[] } }[] } };
    const [quote, pos] = c.first.items[0].target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: '王震' });
    expect(Array.from(SAMPLE_TEXT).slice(pos.start, pos.end).join('')).toBe('王震');
  });
});
