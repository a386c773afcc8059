import { cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_TEXT } from '../core/test-helpers';
import { SAMPLE_FILE } from '../core/context';
import { CliApplyGlossaryOutput, CliGlossaryExportOutput, CliGlossaryImportOutput, cliOutputSchemas } from '../shared/contract/cli';
import { parseGlossaryTbx } from '../shared/glossary/tbx';
import { parseGlossaryCsv } from '../shared/glossary/csv';

const cli = cliTestDatabase();
const { run } = cli;

describe('jiaodui glossary / apply-glossary', () => {
  let doc = '';
  const file = (name: string) => join(cli.dir, name);

  it('imports a CSV glossary into the project, exports it as TBX and CSV', () => {
    const imp = run('import', SAMPLE_FILE, '--project', 'SenseTime');
    expect(imp.code, imp.err).toBe(0);
    doc = String(cliOutputSchemas.import.parse(JSON.parse(imp.out)).documentId);
    writeFileSync(file('g.csv'), '\uFEFFterm,variants,type,note,english\r\n王征,王震|王徵,person,CFO of 商湯科技,Wang Zheng\r\n');
    const r = run('glossary', 'import', doc, file('g.csv'), '--project', 'sensetime');
    expect(r.code, r.err).toBe(0);
    expect(CliGlossaryImportOutput.parse(JSON.parse(r.out))).toMatchObject({ scope: 'project', documentId: null, added: 1, updated: 0 });

    const tbx = run('glossary', 'export', doc, file('out.tbx'), '--project', 'SenseTime');
    expect(tbx.code, tbx.err).toBe(0);
    expect(CliGlossaryExportOutput.parse(JSON.parse(tbx.out))).toMatchObject({ scope: 'project', format: 'tbx', entries: 1 });
    expect(parseGlossaryTbx(readFileSync(file('out.tbx'), 'utf8')).map((e) => e.fields.term)).toEqual(['王征']);
    // the document's own glossary is still empty
    const own = run('glossary', 'export', doc, file('own.csv'));
    expect(CliGlossaryExportOutput.parse(JSON.parse(own.out))).toMatchObject({ scope: 'document', entries: 0 });
    const bytes = readFileSync(file('own.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseGlossaryCsv(bytes.toString('utf8'))).toEqual([]);
  });

  it('applies the glossary as one undoable step and prints what changed', () => {
    const r = run('apply-glossary', doc);
    expect(r.code, r.err).toBe(0);
    const out = CliApplyGlossaryOutput.parse(JSON.parse(r.out));
    expect(out).toMatchObject({ scope: 'document', segmentsChanged: 2, replacements: 2, undoLabel: 'Apply glossary to 2 segments' });
    expect(out.operationId).toBeGreaterThan(0);
    expect(out.changes.map((c) => [c.before.includes('王震') || c.before.includes('王徵'), c.after.includes('王征'), c.statusAfter])).toEqual([
      [true, true, 'edited'],
      [true, true, 'edited'],
    ]);
    let txt = run('export', doc, '--format', 'txt', '--script', 'hant');
    expect(txt.out).toBe(SAMPLE_TEXT.replace('王震', '王征').replace('王徵', '王征'));
    // nothing left to apply
    expect(CliApplyGlossaryOutput.parse(JSON.parse(run('apply-glossary', doc).out))).toMatchObject({ operationId: null, segmentsChanged: 0 });
    const u = run('undo', doc, '--format', 'json');
    expect(u.code, u.err).toBe(0);
    expect(cliOutputSchemas.undo.parse(JSON.parse(u.out)).segments).toHaveLength(2);
    txt = run('export', doc, '--format', 'txt', '--script', 'hant');
    expect(txt.out).toBe(SAMPLE_TEXT);
  });

  it('errors: one line on stderr, exit 2, nothing imported', () => {
    writeFileSync(file('bad.csv'), 'term,variants,type,note,english\n徐立,,person,,\n王正,"王震,person,,\n');
    writeFileSync(file('bad.tbx'), '<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "x.dtd">\n<tbx/>');
    const cases: [string[], RegExp][] = [
      [['glossary', 'import', doc, file('bad.csv')], /CSV line 3: a quoted field is never closed/],
      [['glossary', 'import', doc, file('bad.tbx')], /XML line 2, column 1: DOCTYPE/],
      [['glossary', 'import', doc, file('missing.csv')], /Cannot read/],
      [['glossary', 'import', doc, file('g.txt')], /must end in \.csv or \.tbx/],
      [['glossary', 'import', doc, file('g.csv'), '--project', 'Other'], /is in project "SenseTime", not "Other"/],
      [['glossary', 'frob', doc, file('g.csv')], /Unknown glossary command/],
      [['glossary', 'export', 'abc', file('x.csv')], /DOC must be a document id/],
      [['apply-glossary', '9999'], /no document 9999/],
    ];
    for (const [args, re] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(/^jiaodui: /);
      expect(r.err, args.join(' ')).toMatch(re);
    }
    const list = run('glossary', 'export', doc, file('check.csv'), '--project', 'SenseTime');
    expect(CliGlossaryExportOutput.parse(JSON.parse(list.out)).entries).toBe(1);
  });
});
