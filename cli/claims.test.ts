import { cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openService, SAMPLE_FILE } from '../core/context';
import { CliClaimCandidatesOutput, CliClaimCrossCheckOutput, CliClaimsOutput, cliOutputSchemas } from '../shared/contract/cli';

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
});
