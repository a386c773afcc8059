import { cliTestDatabase } from './test-helpers';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliOutputSchemas, CliErrorOutput, CliReplacePreviewOutput } from '../shared/contract/cli';
import { normalizeReplaceArgv } from './usage';

const cli = cliTestDatabase();
const { run } = cli;

const A = '財務總監王震介紹了業績。\n王震表示，GPU數量達45000個。\n';
const B = '王震在2023年說。\n';

beforeAll(() => {
  writeFileSync(join(cli.dir, 'a.txt'), A);
  writeFileSync(join(cli.dir, 'b.txt'), B);
});

describe('normalizeReplaceArgv', () => {
  it('turns the replace flag --project into --scope=project, and leaves import alone', () => {
    expect(normalizeReplaceArgv(['--db', 'x.db', 'replace', '3', '--project', '--find', 'a'])).toEqual(['--db', 'x.db', 'replace', '3', '--scope=project', '--find', 'a']);
    expect(normalizeReplaceArgv(['import', 'f.txt', '--project', 'P'])).toEqual(['import', 'f.txt', '--project', 'P']);
  });
});

describe('jiaodui replace', () => {
  it('replaces in a document as one operation, undone by jiaodui undo; --project widens the scope; --dry-run changes nothing', () => {
    const a = cliOutputSchemas.import.parse(JSON.parse(run('import', join(cli.dir, 'a.txt'), '--project', 'P').out)).documentId;
    const b = cliOutputSchemas.import.parse(JSON.parse(run('import', join(cli.dir, 'b.txt'), '--project', 'P').out)).documentId;
    const exportA = () => run('export', String(a), '--format', 'txt', '--script', 'hant').out;
    const exportB = () => run('export', String(b), '--format', 'txt', '--script', 'hant').out;

    const dry = run('replace', String(a), '--find', '王震', '--replace', '王征', '--dry-run', '--format', 'json');
    expect(dry.code, dry.err).toBe(0);
    expect(CliReplacePreviewOutput.parse(JSON.parse(dry.out))).toMatchObject({ total: 2, segments: 2 });
    expect(exportA()).toBe(A);

    const r = run('replace', String(a), '--find', '王震', '--replace', '王征', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const out = cliOutputSchemas.replace.parse(JSON.parse(r.out));
    expect(out).toMatchObject({ replaced: 2, changedSegments: 2 });
    expect(exportA()).toBe(A.replaceAll('王震', '王征'));
    expect(exportB()).toBe(B); // document scope: the other document is untouched

    expect(run('undo', String(a)).code).toBe(0);
    expect(exportA()).toBe(A);

    const p = run('replace', String(a), '--project', '--regex', '--find', '王(震|徵)', '--replace', '王征');
    expect(p.code, p.err).toBe(0);
    expect(p.out).toMatch(/^Replaced 3 matches in 3 segments \(operation \d+\)\. Undo with: jiaodui undo \d+\n$/);
    expect(exportB()).toBe(B.replace('王震', '王征'));
    expect(run('undo', String(b)).code).toBe(0);
    expect(exportA()).toBe(A);
    expect(exportB()).toBe(B);
  });

  it('a bad regular expression is a one-line usage error (exit 2), JSON on stdout with --format json', () => {
    const r = run('replace', '1', '--regex', '--find', '王(', '--replace', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^jiaodui: .*regular expression is not valid/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const j = run('replace', '1', '--regex', '--find', '王(', '--replace', 'x', '--format', 'json');
    expect(CliErrorOutput.parse(JSON.parse(j.out)).error.code).toBe('invalid-input');
    expect(run('replace', '1', '--find', 'x').err).toMatch(/Missing --replace/);
  });
});
