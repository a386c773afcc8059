/**
 * `jiaodui claims DOC …`: the stored claims of DOC (a table, JSON, or an export as CSV /
 * schema.org ClaimReview), the claim candidates detected in it (--candidates), the
 * cross-checks between its claims (--cross-check), and the fact-checker's writes: a claim of
 * a segment or a span of it (--add), every open candidate accepted (--accept-candidates),
 * a claim's verdict, status, assignee and evidence (--set ID). JSON outputs have schemas in
 * shared/contract/cli.ts.
 */
import { JiaoduiError } from '../shared/errors';
import type { ContractCaller } from './call';
import { formatTable } from './format';
import { writeOutputFile } from '../core/files';
import { quantitySummary } from '../shared/claims/export';
import { CLAIM_STATUSES, CLAIM_VERDICTS } from '../shared/claims/types';
import type { ClaimT } from '../shared/claims/schemas';
import { isWebUrl } from '../shared/urls';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

function usage(message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', message);
}

/** A value of an option that takes one of a list. */
function oneOf<T extends string>(values: readonly T[], v: string | boolean | undefined, option: string): T | undefined {
  if (v === undefined) return undefined;
  const found = values.find((x) => x === v);
  if (!found) throw usage(`${option} must be one of ${values.join(', ')}${typeof v === 'string' ? `, got "${v}"` : ''}.`);
  return found;
}

function count(v: string | boolean | undefined, option: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw usage(`${option} must be a whole number (a character offset), got "${String(v)}".`);
  return Number(v);
}

const text = (v: string | boolean | undefined, option: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw usage(`${option} needs a value.`);
  return v;
};

const CLAIM_TABLE = ['ID', 'ROW', 'TYPE', 'CLAIMANT', 'VERDICT', 'STATUS', 'ASSIGNEE', 'EVIDENCE', 'TEXT'];
const claimRow = (c: ClaimT) => [c.id, c.segmentIndex + 1, c.type, c.claimant ?? '', c.verdict, c.status, c.assignee, c.evidence.length, (c.orphaned ? '(orphaned) ' : '') + c.text];

const WRITE_OPTIONS = ['segment', 'start', 'end', 'claimant', 'verdict', 'status', 'assignee', 'evidence', 'note'] as const;

export function runClaims(api: ContractCaller, args: string[], f: Flags): number {
  const doc = args[0];
  if (doc === undefined || !/^\d+$/.test(doc) || Number(doc) <= 0) throw usage('DOC must be a document id: jiaodui claims DOC [--candidates] [--cross-check] [--add …] [--accept-candidates] [--set ID …] [--format json|csv|claimreview].');
  const documentId = Number(doc);
  const format = typeof f.format === 'string' ? f.format : 'text';
  const json = format === 'json';
  const write = (s: string) => process.stdout.write(s);
  const modes = (['candidates', 'cross-check', 'add', 'accept-candidates', 'set'] as const).filter((m) => f[m] !== undefined && f[m] !== false);
  if (modes.length > 1) throw usage(`Use one of ${modes.map((m) => `--${m}`).join(', ')} at a time.`);
  const mode = modes[0];
  if (mode && format !== 'json' && format !== 'text' && format !== 'txt') throw usage(`--format ${format} exports stored claims; use --format json with --${mode}.`);
  // options of the writes belong to --add / --set only
  const allowed: Record<string, readonly string[]> = { add: ['segment', 'start', 'end', 'claimant'], set: ['verdict', 'status', 'assignee', 'evidence', 'note'] };
  for (const o of WRITE_OPTIONS) if (f[o] !== undefined && !(mode && allowed[mode]?.includes(o))) throw usage(`--${o} goes with ${Object.keys(allowed).filter((m) => allowed[m].includes(o)).map((m) => `--${m}`).join(' or ')}.`);

  if (mode === 'candidates') {
    const c = api.call('listClaimCandidates', { documentId });
    write(json ? JSON.stringify(c, null, 2) + '\n' : c.length ? formatTable(['#', 'SEGMENT', 'TYPE', 'CLAIMANT', 'QUANTITIES', 'TEXT'], c.map((x) => [x.index + 1, x.segmentId, x.type, x.claimant ?? '', quantitySummary(x), x.text])) : 'No claim candidates.\n');
    return 0;
  }
  if (mode === 'cross-check') {
    const r = api.call('crossCheckClaims', { documentId });
    write(json ? JSON.stringify(r, null, 2) + '\n' : r.length ? r.map((x) => `${x.severity}: ${x.message} [claims ${x.claimIds.join(', ')}]\n`).join('') : 'No cross-checks (create claims first).\n');
    return 0;
  }
  if (mode === 'add') {
    const segment = text(f.segment, '--segment');
    if (segment === undefined || !/^\d+$/.test(segment) || Number(segment) <= 0) throw usage('--add needs --segment N (a segment id, as `jiaodui show DOC` lists them).');
    const start = count(f.start, '--start');
    const end = count(f.end, '--end');
    if ((start === undefined) !== (end === undefined)) throw usage('Give both --start and --end, or neither (the whole segment).');
    const seg = api.call('getSegmentsById', { segmentIds: [Number(segment)] })[0];
    if (!seg || seg.documentId !== documentId) throw usage(`Segment ${segment} is not a segment of document ${documentId}.`);
    const claimant = text(f.claimant, '--claimant');
    const c = api.call('addClaim', { segmentId: seg.id, ...(start !== undefined && end !== undefined ? { start, end } : {}), ...(claimant !== undefined ? { claimant } : {}) });
    write(json ? JSON.stringify(c, null, 2) + '\n' : `Claim ${c.id} made in row ${c.segmentIndex + 1}: ${c.text}\n`);
    return 0;
  }
  if (mode === 'accept-candidates') {
    const made: ClaimT[] = [];
    for (const c of api.call('listClaimCandidates', { documentId })) {
      if (c.claimId !== null || c.rejected) continue;
      made.push(api.call('addClaim', { segmentId: c.segmentId, start: c.start, end: c.end }));
    }
    write(json ? JSON.stringify(made, null, 2) + '\n' : made.length ? `${plural(made.length, 'claim')} made.\n${formatTable(CLAIM_TABLE, made.map(claimRow))}` : 'No open candidates.\n');
    return 0;
  }
  if (mode === 'set') {
    const id = text(f.set, '--set');
    if (id === undefined || !/^\d+$/.test(id) || Number(id) <= 0) throw usage('--set needs a claim id: jiaodui claims DOC --set ID [--verdict V] [--status S] [--assignee A] [--evidence URL | --note TEXT].');
    const claimId = Number(id);
    const claim = api.call('listClaims', { documentId, includeDiscarded: true }).find((c) => c.id === claimId);
    if (!claim) throw usage(`Claim ${claimId} is not a claim of document ${documentId}.`);
    const verdict = oneOf(CLAIM_VERDICTS, f.verdict, '--verdict');
    const status = oneOf(CLAIM_STATUSES, f.status, '--status');
    const assignee = text(f.assignee, '--assignee');
    const url = text(f.evidence, '--evidence');
    const note = text(f.note, '--note');
    if (verdict === undefined && status === undefined && assignee === undefined && url === undefined && note === undefined) throw usage('--set needs something to change: --verdict, --status, --assignee, --evidence or --note.');
    if (url !== undefined && !isWebUrl(url)) throw usage(`--evidence must be an http:// or https:// URL, got "${url}".`);
    // the fields first (a refused change, e.g. publishing without a verdict, adds nothing), then the evidence
    let c = claim;
    if (verdict !== undefined || status !== undefined || assignee !== undefined) {
      c = api.call('updateClaim', { claimId, version: c.version, ...(verdict !== undefined ? { verdict } : {}), ...(status !== undefined ? { status } : {}), ...(assignee !== undefined ? { assignee } : {}) });
    }
    if (url !== undefined) c = api.call('addClaimEvidence', { claimId, evidence: { kind: 'url', url, note: note ?? '' }, version: c.version });
    else if (note !== undefined) c = api.call('addClaimEvidence', { claimId, evidence: { kind: 'note', note }, version: c.version });
    write(json ? JSON.stringify(c, null, 2) + '\n' : formatTable(CLAIM_TABLE, [claimRow(c)]));
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
  write(json ? JSON.stringify(claims, null, 2) + '\n' : claims.length ? formatTable(CLAIM_TABLE, claims.map(claimRow)) : 'No claims yet (see --candidates, --add).\n');
  return 0;
}
