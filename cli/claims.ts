/**
 * `jiaodui claims DOC [--format json|csv|claimreview] [--candidates] [--cross-check] [--out FILE]`:
 * the stored claims of DOC (a table, JSON, or an export as CSV / schema.org ClaimReview),
 * the claim candidates detected in it (--candidates), or the cross-checks between its
 * claims (--cross-check). JSON outputs have schemas in shared/contract/cli.ts.
 */
import { JiaoduiError } from '../shared/errors';
import type { ContractCaller } from './call';
import { formatTable } from './format';
import { writeOutputFile } from '../core/files';
import { quantitySummary } from '../shared/claims/export';

type Flags = Record<string, string | boolean | undefined>;

function usage(message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', message);
}

export function runClaims(api: ContractCaller, args: string[], f: Flags): number {
  const doc = args[0];
  if (doc === undefined || !/^\d+$/.test(doc) || Number(doc) <= 0) throw usage('DOC must be a document id: jiaodui claims DOC [--candidates] [--cross-check] [--format json|csv|claimreview].');
  const documentId = Number(doc);
  const format = typeof f.format === 'string' ? f.format : 'text';
  const json = format === 'json';
  const write = (s: string) => process.stdout.write(s);
  if (f.candidates && f['cross-check']) throw usage('Use either --candidates or --cross-check.');
  if ((f.candidates || f['cross-check']) && (format === 'csv' || format === 'claimreview')) throw usage(`--format ${format} exports stored claims; use --format json with --candidates or --cross-check.`);
  if (f.candidates) {
    const c = api.call('listClaimCandidates', { documentId });
    write(json ? JSON.stringify(c, null, 2) + '\n' : c.length ? formatTable(['#', 'SEGMENT', 'TYPE', 'CLAIMANT', 'QUANTITIES', 'TEXT'], c.map((x) => [x.index + 1, x.segmentId, x.type, x.claimant ?? '', quantitySummary(x), x.text])) : 'No claim candidates.\n');
    return 0;
  }
  if (f['cross-check']) {
    const r = api.call('crossCheckClaims', { documentId });
    write(json ? JSON.stringify(r, null, 2) + '\n' : r.length ? r.map((x) => `${x.severity}: ${x.message} [claims ${x.claimIds.join(', ')}]\n`).join('') : 'No cross-checks (create claims first).\n');
    return 0;
  }
  if (format === 'csv' || format === 'claimreview') {
    const out = api.call('exportClaims', { documentId, format });
    if (typeof f.out === 'string') {
      writeOutputFile(f.out, out.content, 'utf8');
      process.stderr.write(`Wrote ${out.fileName} to ${f.out}.\n`);
    } else write(out.content);
    return 0;
  }
  const claims = api.call('listClaims', { documentId });
  write(
    json
      ? JSON.stringify(claims, null, 2) + '\n'
      : claims.length
        ? formatTable(['ID', 'TYPE', 'CLAIMANT', 'VERDICT', 'STATUS', 'TEXT'], claims.map((c) => [c.id, c.type, c.claimant ?? '', c.verdict, c.status, (c.orphaned ? '(orphaned) ' : '') + c.text]))
        : 'No claims yet (see --candidates).\n',
  );
  return 0;
}
