/**
 * What `jiaodui` prints on stdout: JSON or the readable form, and the readable lines of the
 * commands whose default output is JSON. Pure (cli/output.test.ts); no imports beyond types,
 * since cli/usage.ts (the fast --help path) decides the mode with it.
 *
 * The rule: `--format json` always prints JSON; `--format text` (or `txt`) always the readable
 * form. Without --format, the commands in JSON_BY_DEFAULT print JSON when stdout is piped
 * (scripts and tests rely on it) and one readable line on a terminal; every other command
 * prints its readable form (tables, sentences) either way.
 */

/** Commands whose output, piped, is JSON without --format json. */
export const JSON_BY_DEFAULT: readonly string[] = ['import', 'glossary', 'apply-glossary'];

/** Whether stdout carries JSON for this command, --format value and terminal. */
export function printsJson(command: string, format: string | undefined, stdoutIsTTY: boolean): boolean {
  if (format === 'json') return true;
  if (format === 'text' || format === 'txt') return false;
  if (format !== undefined) return false; // export/claims formats: their own output
  return JSON_BY_DEFAULT.includes(command) && !stdoutIsTTY;
}

/** Errors that are about a file the user gave (cli/export.ts import-xliff, cli/glossary.ts import): named with it (namingFile). */
export const FILE_ERRORS = ['invalid-input', 'import-rejected'] as const;

/**
 * A count and its noun, singular for exactly one: "1 segment", "3 segments", "1 entry" /
 * "2 entries" (`many` for irregular plurals). `show` writes the number (e.g. with thousands
 * separators). Every count the CLI prints goes through this (cli/output.test.ts scans for "noun(s)").
 */
export function plural(count: number, one: string, many = `${one}s`, show: (n: number) => string = String): string {
  return `${show(count)} ${count === 1 ? one : many}`;
}

export interface ImportSummary {
  documentId: number;
  segments: number;
  encodingLabel: string;
  encodingConfidence: 'certain' | 'high' | 'low';
  script: 'hant' | 'hans';
  variant: string;
}

/** `Imported "title" — 119 segments, UTF-8, Traditional (t) → document 3` (+ what was attached). */
export function importLine(title: string, r: ImportSummary, attached: readonly string[] = []): string {
  const encoding = r.encodingConfidence === 'low' ? `${r.encodingLabel} (a guess: check the text, or give --encoding)` : r.encodingLabel;
  const script = r.script === 'hant' ? `Traditional (${r.variant})` : 'Simplified';
  const extra = attached.length ? `; ${attached.join(' and ')} attached` : '';
  return `Imported "${title}" — ${plural(r.segments, 'segment')}, ${encoding}, ${script} → document ${r.documentId}${extra}\n`;
}

interface GlossaryWhere {
  scope: 'document' | 'project';
  projectId: number;
  documentId: number | null;
  file: string;
}
const glossaryOf = (w: GlossaryWhere) => (w.scope === 'project' ? `project ${w.projectId}'s glossary` : `document ${w.documentId}'s glossary`);

/** `glossary import`: `names.csv → document 3's glossary: 4 added, 1 updated, 0 unchanged; 12 segments re-rendered` */
export function glossaryImportLine(r: GlossaryWhere & { added: number; updated: number; unchanged: number; rerendered: number }): string {
  return `${r.file} → ${glossaryOf(r)}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged; ${plural(r.rerendered, 'segment')} re-rendered\n`;
}

/** `glossary export`: `document 3's glossary → names.csv: 5 entries (CSV, 210 bytes)` */
export function glossaryExportLine(r: GlossaryWhere & { format: string; entries: number; bytes: number }): string {
  return `${glossaryOf(r)} → ${r.file}: ${plural(r.entries, 'entry', 'entries')} (${r.format.toUpperCase()}, ${plural(r.bytes, 'byte')})\n`;
}

/** `apply-glossary`: what changed and how to undo it, or that nothing needed changing. */
export function applyGlossaryLine(
  documentId: number,
  r: { operationId: number | null; scope: 'document' | 'project'; segmentsChanged: number; documents: number; replacements: number; approvedReset: number },
): string {
  const scope = r.scope === 'project' ? `document ${documentId}'s project` : `document ${documentId}`;
  if (r.operationId === null || r.segmentsChanged === 0) return `No forbidden variants in ${scope}; nothing changed.\n`;
  const where = r.scope === 'project' ? ` in ${plural(r.documents, 'document')}` : '';
  const reset = r.approvedReset ? `; ${plural(r.approvedReset, 'approved segment')} back to edited` : '';
  return `Replaced ${plural(r.replacements, 'forbidden variant')} in ${plural(r.segmentsChanged, 'segment')}${where}${reset} (operation ${r.operationId}; 'jiaodui undo ${documentId}' reverts).\n`;
}
