import { cliRunner, cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_TEXT } from '../core/test-helpers';
import { openService, SAMPLE_FILE } from '../core/context';
import { docxParts, paragraphTexts } from '../shared/export/docx-test-helpers';

const cli = cliTestDatabase('cli-export.db');
const { run } = cli;

describe('jiaodui export / import-xliff', () => {
  let doc = '';

  it('exports every format; txt stays the default and exact', () => {
    const imp = run('import', SAMPLE_FILE);
    expect(imp.code, imp.err).toBe(0);
    doc = String((JSON.parse(imp.out) as { documentId: number }).documentId);
    expect(run('export', doc).out).toBe(SAMPLE_TEXT);
    expect(run('export', doc, '--format', 'txt', '--script', 'hant').out).toBe(SAMPLE_TEXT);
    expect(run('export', doc, '--format', 'html').out).toMatch(/^<!DOCTYPE html>/);
    expect(run('export', doc, '--format', 'md', '--script', 'hans').out).toContain('商汤科技');
    expect(run('export', doc, '--format', 'csv').out.startsWith('\uFEFF#,segment,')).toBe(true);
    expect(JSON.parse(run('export', doc, '--format', 'report-json').out)).toHaveProperty('summary');
    expect(run('export', doc, '--format', 'report-html').out).toContain('Change report');
    const noFurniture = run('export', doc, '--no-furniture').out;
    expect(noFurniture).not.toContain('share_log');
    const out = join(cli.dir, 'doc.xlf');
    const x = run('export', doc, '--format', 'xliff', '--out', out);
    expect(x.code, x.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('urn:oasis:names:tc:xliff:document:2.0');
  });

  it('md, html and docx leave page furniture out unless --include-furniture; txt keeps it unless --no-furniture', () => {
    for (const format of ['md', 'html']) {
      // Markdown escapes the underscore
      expect(run('export', doc, '--format', format).out.replace(/\\_/g, '_')).not.toContain('share_log');
      expect(run('export', doc, '--format', format, '--include-furniture').out.replace(/\\_/g, '_')).toContain('share_log');
    }
    expect(run('export', doc, '--format', 'txt').out).toContain('share_log');
    const both = run('export', doc, '--format', 'md', '--include-furniture', '--no-furniture');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--include-furniture or --no-furniture, not both/);
  });

  it("the change report's times are in the process's time zone (TZ), with the UTC offset", () => {
    const runIn = cliRunner(cli.dbPath, { TZ: 'Asia/Taipei' });
    const r = runIn('export', doc, '--format', 'report-json');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as { timeZone: string; generatedAtLocal: string; generatedAt: string };
    expect(report.timeZone).toBe('Asia/Taipei');
    expect(report.generatedAtLocal).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00$/);
    expect(runIn('export', doc, '--format', 'report-html').out).toMatch(/times in Asia\/Taipei \(UTC\+08:00\)/);
    const utc = cliRunner(cli.dbPath, { TZ: 'UTC' })('export', doc, '--format', 'report-json');
    expect((JSON.parse(utc.out) as { generatedAtLocal: string }).generatedAtLocal).toMatch(/UTC\+00:00$/);
  });

  it("the change report's language: --lang en|zh-Hant, else the app's UI language; operation labels worded from their keys", async () => {
    // a document of its own (the tests below want an untouched one)
    const doc = String((JSON.parse(run('import', SAMPLE_FILE, '--project', 'Lang').out) as { documentId: number }).documentId);
    const seg = (JSON.parse(run('show', doc, '--format', 'json').out) as { segments: { id: number; index: number; furniture: string | null }[] }).segments.find((s) => !s.furniture)!;
    expect(run('edit', doc, String(seg.id), '--text', '商湯。').code).toBe(0);
    const zh = run('export', doc, '--format', 'report-html', '--lang', 'zh-Hant');
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toContain('修改報告');
    expect(zh.out).toContain(`編輯第 ${seg.index + 1} 段`);
    expect(zh.out).not.toContain(`Edit segment ${seg.index + 1}`);
    const en = run('export', doc, '--format', 'report-html', '--lang', 'en');
    expect(en.out).toContain(`Edit segment ${seg.index + 1}`);
    // without --lang: the UI language set in the app
    expect(run('export', doc, '--format', 'report-html').out).toContain('Change report');
    const service = await openService(cli.dbPath());
    try {
      service.updateSettings({ locale: 'zh-Hant' });
    } finally {
      service.db.close();
    }
    expect(run('export', doc, '--format', 'report-json').out).toContain(`"label": "編輯第 ${seg.index + 1} 段"`);
    expect(run('export', doc, '--format', 'report-html', '--lang', 'en').out).toContain('Change report');
    // a language the report has not, or --lang on another format: usage errors
    const bad = run('export', doc, '--format', 'report-html', '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--lang must be en or zh-Hant, got "fr"/);
    expect(run('export', doc, '--format', 'txt', '--lang', 'zh-Hant').code).toBe(2);
    const back = await openService(cli.dbPath());
    try {
      back.updateSettings({ locale: 'en' });
    } finally {
      back.db.close();
    }
  });

  it('docx and docx-bilingual are written as bytes with --out, never to standard output', () => {
    const file = join(cli.dir, 'doc.docx');
    const r = run('export', doc, '--format', 'docx', '--marked', '--claims', '--include-furniture', '--out', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(paragraphTexts(docxParts(bytes.toString('base64'))['word/document.xml'])).toEqual(SAMPLE_TEXT.split(/\r\n|\r|\n/).filter((l) => l.trim()));
    const table = join(cli.dir, 'table.docx');
    expect(run('export', doc, '--format', 'docx-bilingual', '--out', table).code).toBe(0);
    expect(docxParts(readFileSync(table).toString('base64'))['word/document.xml']).toContain('<w:tbl>');
    const refused = run('export', doc, '--format', 'docx');
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^jiaodui: .*binary file \(DOCX\): give --out FILE/);
  });

  it('import-xliff applies changed targets (one undo step) and --marked shows them', () => {
    const file = join(cli.dir, 'doc.xlf');
    const xml = readFileSync(file, 'utf8');
    writeFileSync(file, xml.replace(/(<target>[^<]*)王震/, '$1王征'));
    const r = run('import-xliff', doc, file, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ changed: 1 });
    expect(run('export', doc, '--marked').out).toContain('王[-震-]{+征+}');
    expect(run('undo', doc).code).toBe(0);
    expect(run('export', doc).out).toBe(SAMPLE_TEXT);
  });

  it('--format xliff12 writes XLIFF 1.2, and import-xliff reads it back (version from the root element)', () => {
    const file = join(cli.dir, 'doc.xliff12.xlf');
    const x = run('export', doc, '--format', 'xliff12', '--out', file);
    expect(x.code, x.err).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">');
    expect(run('import-xliff', doc, file).out).toMatch(/^No changes: all \d+ units match\./);
    writeFileSync(file, xml.replace(/(<trans-unit id="s\d+"[^>]*>\s*<source>[^<]*<\/source>\s*<target[^>]*>[^<]*)王震/, '$1王征'));
    const r = run('import-xliff', doc, file, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ changed: 1 });
    expect(run('undo', doc).code).toBe(0);
    expect(run('export', doc).out).toBe(SAMPLE_TEXT);
  }, 60_000); // five CLI processes; slow when the machine is shared

  it('usage and input errors: one line on stderr, exit 2, nothing applied', () => {
    const bad = join(cli.dir, 'bad.xlf');
    writeFileSync(bad, '<xliff');
    for (const c of [
      ['export', doc, '--format', 'pdf'],
      ['export', doc, '--script', 'klingon'],
      ['import-xliff', doc],
      ['import-xliff', doc, join(cli.dir, 'missing.xlf')],
      ['import-xliff', doc, bad],
    ]) {
      const r = run(...c);
      expect(r.code, c.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), c.join(' ')).toHaveLength(1);
      expect(r.err, c.join(' ')).toMatch(/^jiaodui: /);
    }
    expect(run('export', doc).out).toBe(SAMPLE_TEXT);
  });
});

describe('jiaodui backup / restore', () => {
  it('backs up and restores; refuses a non-Jiaodui file', () => {
    const file = join(cli.dir, 'backup.jiaodui');
    const b = run('backup', file);
    expect(b.code, b.err).toBe(0);
    expect(run('backup', file).code).toBe(2); // never overwrites
    const list = run('list', '--format', 'json').out;
    const imp = run('import', SAMPLE_FILE, '--project', 'Later');
    expect(imp.code, imp.err).toBe(0);
    const notDb = join(cli.dir, 'not-a-db.txt');
    writeFileSync(notDb, 'hello');
    const bad = run('restore', notDb);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^jiaodui: .*not a Jiaodui backup/);
    const r = run('restore', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/previous database was kept/);
    expect(run('list', '--format', 'json').out).toBe(list);
  });
});
