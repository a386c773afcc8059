/** `jiaodui check --project NAME|ID`: per-document and cross-document findings, exit codes. */
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliCheckProjectOutput, CliErrorOutput } from '../shared/contract/cli';
import { cliTestDatabase } from './test-helpers';

const cli = cliTestDatabase('check-project.db');
const run = cli.run;

describe('jiaodui check --project', () => {
  let docA = 0;
  let docB = 0;
  let projectId = 0;
  beforeAll(() => {
    // one chief executive, written 張明 in one release and 張銘 in the other
    const a = join(cli.dir, 'q1.txt');
    const b = join(cli.dir, 'q2.txt');
    writeFileSync(a, '首席執行官張明表示，本季收入增長。\n');
    writeFileSync(b, '首席執行官張銘表示，本季成本下降。\n');
    const ra = JSON.parse(run('import', a, '--project', '季度公告').out);
    const rb = JSON.parse(run('import', b, '--project', '季度公告').out);
    docA = ra.documentId;
    docB = rb.documentId;
    projectId = JSON.parse(run('show', String(docA), '--format', 'json').out).document.projectId;
    // an unrelated project whose finding must not show up
    const c = join(cli.dir, 'other.txt');
    writeFileSync(c, '公司收入為1,2345億元。\n');
    run('import', c, '--project', 'Other');
  }, 120_000);

  it('finds the name that differs across the two documents, by name or by id, in JSON', { timeout: 60_000 }, () => {
    for (const ref of ['季度公告', String(projectId)]) {
      const r = run('check', '--project', ref, '--format', 'json');
      expect(r.code, r.err).toBe(0);
      const o = CliCheckProjectOutput.parse(JSON.parse(r.out));
      expect(o.project).toEqual({ id: projectId, name: '季度公告' });
      expect(o.documents.map((d) => d.documentId).sort()).toEqual([docA, docB].sort());
      expect(o.crossDocument).toHaveLength(1);
      const f = o.crossDocument[0];
      expect(f.rule).toBe('entity-consistency');
      expect([f, ...f.related].map((l) => [l.documentId, l.text]).sort()).toEqual(
        [[docA, '張明'], [docB, '張銘']].sort(),
      );
      // the other project's malformed number is not part of this run
      expect(o.documents.flatMap((d) => d.findings).some((x) => x.rule === 'number-format')).toBe(false);
    }
  });

  it('prints the findings grouped by document, then across documents', () => {
    const r = run('check', '--project', '季度公告');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`## Document ${docA}: `));
    expect(r.out).toMatch(new RegExp(`## Document ${docB}: `));
    const across = r.out.slice(r.out.indexOf('## Across documents'));
    expect(across).toMatch(/entity-consistency/);
    expect(across).toContain('張明');
    expect(across).toContain('張銘');
  });

  it('exits 1 when a document of the project has an error-severity finding', () => {
    const r = run('check', '--project', 'other', '--format', 'json');
    expect(r.code).toBe(1);
    const o = CliCheckProjectOutput.parse(JSON.parse(r.out));
    expect(o.documents[0].findings.some((f) => f.severity === 'error' && f.rule === 'number-format')).toBe(true);
  });

  it('an unknown project is one line on stderr and exit 2 (JSON error on stdout with --format json)', { timeout: 120_000 }, () => {
    for (const args of [['check', '--project', 'Nope'], ['check', '--project', '9999'], ['check', '--project', ''], ['check', '1', '--project', '季度公告']]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^jiaodui: /);
    }
    const j = run('check', '--project', 'Nope', '--format', 'json');
    expect(j.code).toBe(2);
    expect(CliErrorOutput.parse(JSON.parse(j.out)).error.message).toMatch(/no project "Nope"/);
  });
});
