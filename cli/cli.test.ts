import { cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_TEXT } from '../core/test-helpers';
import { SAMPLE_FILE, PACKAGE_ROOT } from '../core/context';
import { cliOutputSchemas, CliErrorOutput, CliCheckOutput } from '../shared/contract/cli';
import type { z } from 'zod';

const cli = cliTestDatabase();
const { run } = cli;
type Schemas = typeof cliOutputSchemas;
function json<K extends keyof Schemas>(cmd: K, ...args: string[]): z.infer<Schemas[K]> {
  const r = run(cmd, ...args, '--format', 'json');
  expect(r.code, r.err).toBe(0);
  return cliOutputSchemas[cmd].parse(JSON.parse(r.out)) as z.infer<Schemas[K]>;
}

describe('jiaodui CLI', () => {
  let documentId = 0;

  it('imports and prints the import JSON', () => {
    const r = run('import', SAMPLE_FILE, '--project', 'SenseTime');
    expect(r.code, r.err).toBe(0);
    const out = cliOutputSchemas.import.parse(JSON.parse(r.out));
    expect(out).toMatchObject({ encoding: 'utf-8', script: 'hant', variant: 't' });
    documentId = out.documentId;
  });

  it('imports a Big5 file with detection and an override', () => {
    const fixture = join(PACKAGE_ROOT, 'tests', 'fixtures', 'encodings', 'big5.txt');
    expect(cliOutputSchemas.import.parse(JSON.parse(run('import', fixture).out)).encoding).toBe('big5');
    expect(cliOutputSchemas.import.parse(JSON.parse(run('import', fixture, '--encoding', 'Big-5').out)).encoding).toBe('big5');
  });

  it('lists, shows and searches with JSON that matches the schemas', () => {
    const list = json('list');
    expect(list.some((d) => d.id === documentId && d.projectName === 'SenseTime')).toBe(true);
    const show = json('show', String(documentId));
    expect(show.segments.length).toBeGreaterThan(100);
    expect(show.segments[0]).toHaveProperty('rendering');
    const hits = json('search', '王徵');
    expect(hits).toHaveLength(1);
  });

  it('edits, undoes and redoes through the service; export shows the result', () => {
    const show = json('show', String(documentId));
    const seg = show.segments.find((s) => s.text.includes('王震'))!;
    const edit = json('edit', String(documentId), String(seg.id), '--text', seg.text.replace('王震', '王征'));
    expect(edit.segments[0].status).toBe('edited');
    let txt = run('export', String(documentId), '--format', 'txt', '--script', 'hant');
    expect(txt.out).toBe(SAMPLE_TEXT.replace('王震', '王征'));
    json('undo', String(documentId));
    txt = run('export', String(documentId), '--format', 'txt', '--script', 'hant');
    expect(txt.out).toBe(SAMPLE_TEXT);
    json('redo', String(documentId));
    const out = join(cli.dir, 'out.txt');
    expect(run('export', String(documentId), '--format', 'txt', '--script', 'hans', '--out', out).code).toBe(0);
    const hans = readFileSync(out, 'utf8');
    expect(hans).toContain('王征');
    expect(hans).toContain('商汤科技');
  });

  it('usage and input errors: one line on stderr, exit 2', () => {
    const bin = join(cli.dir, 'x.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const empty = join(cli.dir, 'empty.txt');
    writeFileSync(empty, '');
    const cases: string[][] = [
      ['frobnicate'],
      ['import'],
      ['import', join(cli.dir, 'missing.txt')],
      ['import', bin],
      ['import', empty],
      ['import', SAMPLE_FILE, '--encoding', 'latin-1'],
      ['show', 'abc'],
      ['show', '9999'],
      ['edit', String(documentId), '1'],
      ['export', String(documentId), '--script', 'klingon'],
      ['--no-such-flag'],
    ];
    for (const c of cases) {
      const r = run(...c);
      expect(r.code, c.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), c.join(' ')).toHaveLength(1);
      expect(r.err, c.join(' ')).toMatch(/^jiaodui: /);
    }
  });

  it('errors in JSON mode keep stdout JSON-only', () => {
    const r = run('show', '9999', '--format', 'json');
    expect(r.code).toBe(2);
    CliErrorOutput.parse(JSON.parse(r.out));
  });

  it('check DOC stores and prints findings; exit 0 when no error-severity finding remains', () => {
    const r = run('check', String(documentId), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const rows = CliCheckOutput.parse(JSON.parse(r.out));
    expect(rows.some((f) => f.rule === 'entity-consistency')).toBe(true);
    const text = run('check', String(documentId), '--rules', 'entity-consistency');
    expect(text.out).toMatch(/entity-consistency/);
    expect(text.out).not.toMatch(/halfwidth/);
    expect(run('check', String(documentId), '--rules', 'bogus').code).toBe(2);
  });

  it('check FILE works without importing and exits 1 on errors', () => {
    const bad = join(cli.dir, 'bad.txt');
    writeFileSync(bad, '公司收入為1,2345億元。\n');
    const listBefore = run('list', '--format', 'json').out;
    const r = run('check', bad, '--format', 'json');
    expect(r.code).toBe(1);
    const rows = CliCheckOutput.parse(JSON.parse(r.out));
    expect(rows.some((f) => f.severity === 'error' && f.rule === 'number-format')).toBe(true);
    expect(run('list', '--format', 'json').out).toBe(listBefore);
    expect(run('check', join(cli.dir, 'nope.txt')).code).toBe(2);
  });

  it('check FILE words a per-place family’s explanation once, under the table, and each place in a short line', () => {
    // OpenCC's s2twp output of a Simplified text: its Taiwan words are per-place findings
    const file = join(cli.dir, 's2twp.txt');
    writeFileSync(file, '新竹一家半導體裝置商今天公佈第三季財報，營收年增18%，主要來自先進封裝裝置出貨。\n公司表示，客戶端的使用者數已見改善，今年新建的廠房專案也按進度推進。\n財務長指出，臺灣與日本的使用者調查顯示，工廠裡的裝置明年仍需擴充。\n');
    const rows = CliCheckOutput.parse(JSON.parse(run('check', file, '--format', 'json').out));
    const places = rows.filter((f) => f.messageData?.key === 'conversion.vocabulary.document');
    expect(places.length).toBeGreaterThanOrEqual(5);
    const out = run('check', file, '--wide').out;
    expect(out.match(/reads as the output of OpenCC's Taiwan phrasing/g)).toHaveLength(1);
    expect(out).toMatch(/^\[note 1\] This document reads as the output/m);
    expect(out.match(/\[note 1\] check this place — perhaps (設備|用戶|項目)\./g)).toHaveLength(places.length);
    // other findings keep their own message
    expect(out).toMatch(/Taiwan's standard is 公布/);
  });

  it('refuses a file over the import limit without reading it whole', () => {
    const big = join(cli.dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 0x41));
    const r = run('import', big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/limit is 10 MB/);
  });
});
