/** `jiaodui check --project NAME|ID`: per-document and cross-document findings, exit codes. */
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliCheckProjectOutput, CliErrorOutput } from '../shared/contract/cli';
import { cliTestDatabase } from './test-helpers';
import { getConverter } from '../shared/text/convert';

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

describe('jiaodui check --project: per-place findings across documents', () => {
  it('words the family’s explanation once, in a note under the cross-document table, each place a short line', { timeout: 120_000 }, () => {
    // a Taiwan writer's release through OpenCC's round trip with Taiwan phrasing (s2twp): 設備 came out 裝置, twice
    const s2twp = (t: string) => getConverter('s2twp').convert(getConverter('t2s').convert(t));
    const localised = s2twp('物流商今天表示，倉儲設備更新完成，備用設備也已到貨，出貨量優於預期。');
    expect(localised.split('裝置')).toHaveLength(3);
    const a = join(cli.dir, 'localised.txt');
    const b = join(cli.dir, 'story.txt');
    writeFileSync(a, `${localised}\n`);
    writeFileSync(b, '分析師認為倉儲設備更新後，出貨數據將持續改善。\n');
    run('import', a, '--project', '物流');
    run('import', b, '--project', '物流');
    const o = CliCheckProjectOutput.parse(JSON.parse(run('check', '--project', '物流', '--format', 'json').out));
    // each place: the project's reading, merged with the document's own at the same place (one card per place)
    const keys = (f: (typeof o.crossDocument)[number]) =>
      f.messageData?.key === 'place.reasons' ? (f.messageData.params.reasons as { key: string }[]).map((r) => r.key) : [f.messageData?.key];
    const places = o.crossDocument.filter((f) => keys(f).includes('conversion.vocabulary'));
    expect(places.map((f) => [f.text, f.fixes[0]?.replacement, keys(f).sort()])).toEqual([
      ['裝置', '設備', ['conversion.vocabulary', 'conversion.vocabulary.document']],
      ['裝置', '設備', ['conversion.vocabulary', 'conversion.vocabulary.document']],
    ]);
    const out = run('check', '--project', '物流', '--wide').out;
    const across = out.slice(out.indexOf('## Across documents'));
    expect(across.match(/\[note 1, note 2\] check this place — perhaps 設備\./g)).toHaveLength(2);
    // each explanation once, under the table: the project's (the word another document writes) and the document's own
    expect(across.match(/^\[note 1\] /gm)).toHaveLength(1);
    expect(across.match(/^\[note 2\] /gm)).toHaveLength(1);
    expect(across).not.toContain('flagged for 2 reasons');
  });
});
