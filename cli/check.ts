/** `jiaodui check DOC|FILE`: print findings; exit 1 when an error-severity finding remains. */
import type { z } from 'zod';
import { runChecks, type Finding, type RuleId } from '../shared/checks';
import { prepareImport } from '../shared/import/prepare';
import type { CliCheckOutput } from '../shared/contract/cli';
import type { StoredFinding } from '../shared/domain/schemas';
import type { ContractCaller } from './call';
import { formatFindingMessage } from '../shared/finding-messages';
import { placeNotes, type FamilyFinding } from '../shared/finding-families';
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
 * Notes of per-place families (shared/finding-families.ts `placeNotes`) for a table: `cell` gives a
 * place a short line pointing at its family's note (a place flagged for several reasons, at each
 * per-place reason's note, with its other reasons worded), `lines` the notes for under the table.
 */
export function tableNotes() {
  const notes = placeNotes();
  return {
    /** the message cell of a finding: its notes' short line, or its own message (no reason of it is one place of a family) */
    cell(r: FamilyFinding & { message: string; fixes: readonly { replacement: string }[] }): string {
      const { labels, others } = notes.of(r);
      if (!labels.length) return r.message;
      const fix = r.fixes[0]?.replacement;
      return `[${labels.map((l) => `note ${l}`).join(', ')}] check this place${fix ? ` — perhaps ${fix}` : ''}.${others.length ? ` ${others.map((o) => formatFindingMessage(o)).join(' ')}` : ''}`;
    },
    lines: () =>
      notes
        .notes()
        .map((n) => `[note ${n.label}] ${formatFindingMessage(n.explanation)}\n`)
        .join(''),
  };
}

/**
 * The findings table: cut to the terminal's width, or whole when piped or --wide (fit, cli/format.ts).
 * Places of a per-place family get a short line pointing at a note under the table, which words the
 * family's explanation once (`placeNotes`).
 */
export function formatFindings(rows: CheckRow[], fit?: Fit): string {
  if (!rows.length) return 'No findings.\n';
  const notes = tableNotes();
  const table = formatTable(
    ['#', 'SEVERITY', 'RULE', 'TEXT', 'FIX', 'MESSAGE'],
    rows.map((r) => [r.segmentIndex + 1 + (r.related.length ? ` (+${r.related.length})` : ''), r.severity, r.rule, r.text, r.fixes[0]?.replacement ?? '', notes.cell(r)]),
    60,
    fit,
  );
  const errors = rows.filter((r) => r.severity === 'error').length;
  return `${table}${notes.lines()}${plural(rows.length, 'finding')}, ${plural(errors, 'error')}.\n`;
}
