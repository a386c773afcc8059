/** `jiaodui check DOC|FILE`: print findings; exit 1 when an error-severity finding remains. */
import type { z } from 'zod';
import { runChecks, type Finding, type RuleId } from '../shared/checks';
import { prepareImport } from '../shared/import/prepare';
import type { CliCheckOutput } from '../shared/contract/cli';
import type { StoredFinding } from '../shared/domain/schemas';
import type { ContractCaller } from './call';
import { formatFindingMessage } from '../shared/finding-messages';
import { placeFamily } from '../shared/finding-families';
import { formatTable, type Fit } from './format';
import { plural } from './output';

export type CheckRow = z.infer<typeof CliCheckOutput>[number];

export function parseRules(flag: string | undefined): RuleId[] | undefined {
  return flag ? (flag.split(',').map((r) => r.trim()).filter(Boolean) as RuleId[]) : undefined;
}

/** A stored document: run the checks through the service (findings are stored, as in the app). */
export function checkDocument(api: ContractCaller, documentId: number, rules?: RuleId[]): CheckRow[] {
  const r = api.call('runChecks', { documentId, rules });
  // Findings of other rules from earlier runs stay stored; print only the requested ones.
  return r.findings.filter((f) => !f.dismissedReason && (!rules || rules.includes(f.rule as RuleId))).map(fromStored);
}

export function fromStored(f: StoredFinding): CheckRow {
  const loc = (l: StoredFinding['related'][number]) => ({ segmentId: l.segmentId, segmentIndex: l.segmentIndex, start: l.start, end: l.end, text: l.text, fixes: l.fixes });
  return { ...loc(f), rule: f.rule, severity: f.severity, message: f.message, messageData: f.messageData, related: f.related.map(loc) };
}

/** A file: decode and segment it in memory and check it; nothing is stored. */
export function checkFile(bytes: Uint8Array, rules?: RuleId[]): CheckRow[] {
  const p = prepareImport(bytes);
  const segs = p.segmented.segments.map((s, i) => ({
    id: i + 1,
    text: s.text,
    furniture: s.furniture,
    speaker: s.speaker,
    rendering: p.renderings[i].text,
    paragraph: s.paragraph,
  }));
  const findings: Finding[] = runChecks(segs, { script: p.script, variant: p.variant, rules });
  const loc = (l: { segmentId: number; start: number; end: number; text: string; fixes: CheckRow['fixes'] }) => ({
    segmentId: l.segmentId,
    segmentIndex: l.segmentId - 1,
    start: l.start,
    end: l.end,
    text: l.text,
    fixes: l.fixes,
  });
  return findings.map((f) => ({ ...loc(f), rule: f.rule, severity: f.severity, message: f.message, messageData: f.messageData, related: f.related.map(loc) }));
}

/**
 * The findings table: cut to the terminal's width, or whole when piped or --wide (fit, cli/format.ts).
 * Places of a per-place family (shared/finding-families.ts: each its own finding and fix, no fix all)
 * get a short line pointing at a note under the table, which words the family's explanation once.
 */
export function formatFindings(rows: CheckRow[], fit?: Fit): string {
  if (!rows.length) return 'No findings.\n';
  const notes = new Map<string, { label: string; text: string }>();
  const noteOf = (r: CheckRow) => {
    const family = placeFamily(r);
    if (!family) return null;
    let note = notes.get(family.key);
    if (!note) notes.set(family.key, (note = { label: String(notes.size + 1), text: formatFindingMessage(family.explanation) }));
    return note;
  };
  const table = formatTable(
    ['#', 'SEVERITY', 'RULE', 'TEXT', 'FIX', 'MESSAGE'],
    rows.map((r) => {
      const note = noteOf(r);
      const fix = r.fixes[0]?.replacement;
      return [
        r.segmentIndex + 1 + (r.related.length ? ` (+${r.related.length})` : ''),
        r.severity,
        r.rule,
        r.text,
        fix ?? '',
        note ? `[note ${note.label}] check this place${fix ? ` — perhaps ${fix}` : ''}.` : r.message,
      ];
    }),
    60,
    fit,
  );
  const noteLines = [...notes.values()].map((n) => `[note ${n.label}] ${n.text}\n`).join('');
  const errors = rows.filter((r) => r.severity === 'error').length;
  return `${table}${noteLines ? `${noteLines}` : ''}${plural(rows.length, 'finding')}, ${plural(errors, 'error')}.\n`;
}
