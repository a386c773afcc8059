import { cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openService, SAMPLE_FILE } from '../core/context';
import { CliClaimCandidatesOutput, CliClaimCrossCheckOutput, CliClaimOutput, CliClaimsOutput, CliShowOutput, cliOutputSchemas } from '../shared/contract/cli';

const cli = cliTestDatabase();
const { run } = cli;

describe('jiaodui claims', () => {
  let doc = '';
  it('lists claim candidates as JSON', () => {
    const imp = run('import', SAMPLE_FILE);
    expect(imp.code, imp.err).toBe(0);
    doc = String(cliOutputSchemas.import.parse(JSON.parse(imp.out)).documentId);
    const r = run('claims', doc, '--candidates', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const cands = CliClaimCandidatesOutput.parse(JSON.parse(r.out));
    const c = cands.find((x) => x.text.includes('11.8億'))!;
    expect(c).toMatchObject({ type: 'change', claimant: '徐立' });
    expect(typeof c.segmentId).toBe('number');
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.quantities.map((q) => q.value)).toEqual([1_180_000_000, 200, 35]);
    const table = run('claims', doc, '--candidates');
    expect(table.code).toBe(0);
    expect(table.out).toContain('11.8億 = 1180000000 CNY');
  });

  it('lists, exports and cross-checks stored claims', async () => {
    expect(CliClaimsOutput.parse(JSON.parse(run('claims', doc, '--format', 'json').out))).toEqual([]);
    const service = await openService(cli.dbPath());
    try {
      for (const q of ['11.8億', '18.4億', '3.8億']) {
        const c = service.listClaimCandidates({ documentId: Number(doc) }).find((x) => x.text.includes(q))!;
        const claim = service.createClaim({ segmentId: c.segmentId, start: c.start, end: c.end });
        if (q !== '3.8億') service.updateClaim({ claimId: claim.id, verdict: 'true', status: 'published' });
      }
    } finally {
      service.db.close();
    }
    const claims = CliClaimsOutput.parse(JSON.parse(run('claims', doc, '--format', 'json').out));
    expect(claims.map((c) => c.claimant)).toEqual(['徐立', '徐立', '徐立']);

    const csv = run('claims', doc, '--format', 'csv', '--out', join(cli.dir, 'claims.csv'));
    expect(csv.code, csv.err).toBe(0);
    const bytes = readFileSync(join(cli.dir, 'claims.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').trimEnd().split('\r\n')).toHaveLength(4);

    const ld = run('claims', doc, '--format', 'claimreview');
    expect(ld.code, ld.err).toBe(0);
    const graph = JSON.parse(ld.out)['@graph'];
    // published claims only
    expect(graph.map((g: { '@type': string }) => g['@type'])).toEqual(['ClaimReview', 'ClaimReview']);

    const x = run('claims', doc, '--cross-check', '--format', 'json');
    expect(x.code, x.err).toBe(0);
    const found = CliClaimCrossCheckOutput.parse(JSON.parse(x.out));
    expect(found.find((f) => f.kind === 'shares-total')).toMatchObject({ sum: 100 });
    expect(found.find((f) => f.kind === 'implied-total')?.claimIds).toEqual(claims.map((c) => c.id));
  });

  it('rejects bad usage with exit code 2', () => {
    expect(run('claims').code).toBe(2);
    expect(run('claims', 'x').code).toBe(2);
    const r = run('claims', doc, '--candidates', '--format', 'csv');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exports stored claims/);
    expect(run('claims', doc, '--format', 'xml').code).toBe(2);
    expect(run('claims', '9999', '--format', 'json').code).toBe(2);
  });

  it('--add makes a claim of a whole segment or a span, with a claimant', () => {
    const segs = CliShowOutput.parse(JSON.parse(run('show', doc, '--format', 'json').out)).segments;
    const seg = segs.find((x) => x.text.includes('毛利率在40到45之間'))!;
    const whole = run('claims', doc, '--add', '--segment', String(seg.id), '--format', 'json');
    expect(whole.code, whole.err).toBe(0);
    expect(CliClaimOutput.parse(JSON.parse(whole.out))).toMatchObject({ segmentId: seg.id, start: 0, text: seg.text.trim(), claimant: '王震' });
    const at = seg.text.indexOf('40到45');
    const span = run('claims', doc, '--add', '--segment', String(seg.id), '--start', String(at), '--end', String(at + 5), '--claimant', '王征', '--format', 'json');
    expect(span.code, span.err).toBe(0);
    expect(CliClaimOutput.parse(JSON.parse(span.out))).toMatchObject({ exact: '40到45', claimant: '王征' });
    const text = run('claims', doc, '--add', '--segment', String(seg.id), '--start', String(at), '--end', String(at + 2));
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^Claim \d+ made in row \d+: 40/);
  });

  it('--set changes verdict, status and assignee and adds URL or note evidence; --accept-candidates takes every open candidate', () => {
    const before = CliClaimsOutput.parse(JSON.parse(run('claims', doc, '--format', 'json').out));
    const id = String(before[0].id);
    const set = run('claims', doc, '--set', id, '--verdict', 'mostly-true', '--status', 'ready-for-review', '--assignee', 'Mei', '--evidence', 'https://example.org/report', '--note', 'p. 3', '--format', 'json');
    expect(set.code, set.err).toBe(0);
    expect(CliClaimOutput.parse(JSON.parse(set.out))).toMatchObject({ verdict: 'mostly-true', status: 'ready-for-review', assignee: 'Mei', evidence: [{ kind: 'url', url: 'https://example.org/report', note: 'p. 3' }] });
    const note = run('claims', doc, '--set', id, '--note', 'company statement only', '--format', 'json');
    expect(CliClaimOutput.parse(JSON.parse(note.out)).evidence.map((e) => [e.kind, e.note])).toEqual([
      ['url', 'p. 3'],
      ['note', 'company statement only'],
    ]);
    const table = run('claims', doc, '--set', id, '--status', 'published');
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/published/);
    const open = CliClaimCandidatesOutput.parse(JSON.parse(run('claims', doc, '--candidates', '--format', 'json').out)).filter((c) => c.claimId === null && !c.rejected);
    expect(open.length).toBeGreaterThan(3);
    const acc = run('claims', doc, '--accept-candidates', '--format', 'json');
    expect(acc.code, acc.err).toBe(0);
    expect(CliClaimsOutput.parse(JSON.parse(acc.out))).toHaveLength(open.length);
    expect(CliClaimCandidatesOutput.parse(JSON.parse(run('claims', doc, '--candidates', '--format', 'json').out)).filter((c) => c.claimId === null)).toEqual([]);
    expect(run('claims', doc, '--accept-candidates').out).toBe('No open candidates.\n');
  });

  it('refuses bad writes with exit code 2 and changes nothing', () => {
    const claims = () => run('claims', doc, '--format', 'json').out;
    const was = claims();
    const id = String(CliClaimsOutput.parse(JSON.parse(was))[1].id);
    const bad: string[][] = [
      ['--add'], // no segment
      ['--add', '--segment', 'x'],
      ['--add', '--segment', '1', '--start', '3'], // start without end
      ['--add', '--segment', '999999'],
      ['--set', id], // nothing to change
      ['--set', id, '--verdict', 'maybe'],
      ['--set', id, '--status', 'done'],
      ['--set', id, '--status', 'published'], // no verdict yet
      ['--set', id, '--evidence', 'javascript:alert(1)'],
      ['--set', '999999', '--verdict', 'true'],
      ['--verdict', 'true'], // without --set
      ['--add', '--set', id],
      ['--set', id, '--verdict', 'true', '--format', 'csv'],
    ];
    for (const args of bad) {
      const r = run('claims', doc, ...args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(/^jiaodui: /);
    }
    expect(claims()).toBe(was);
  });
});
