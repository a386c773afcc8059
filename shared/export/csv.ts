/**
 * The bilingual table: one row per segment with the final Traditional text, its
 * Simplified rendering, the review status and the annotation comments, as CSV
 * (RFC 4180, UTF-8 with BOM, CRLF). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab / carriage return) get a leading apostrophe. Pure.
 */
import type { ExportDoc, ExportSegment } from './model';

export const TABLE_COLUMNS = ['#', 'segment', 'traditional', 'simplified', 'status', 'furniture', 'notes'] as const;

/** Neutralise spreadsheet formula injection (OWASP): prefix an apostrophe. */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote fields holding a quote, comma or line break; double the quotes. */
export function csvField(cell: string): string {
  const v = guardFormula(cell);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((c) => csvField(String(c))).join(',');
}

export interface TableOptions {
  /** text → Traditional, text → Simplified (each identity for the document's own script) */
  toHant: (text: string) => string;
  toHans: (text: string) => string;
  /** notes (annotation comments) per segment id */
  notes: ReadonlyMap<number, readonly string[]>;
  includeFurniture?: boolean;
}

/** The segments a bilingual table lists. */
export function tableSegments(doc: ExportDoc, opts: Pick<TableOptions, 'includeFurniture'>): ExportSegment[] {
  return doc.segments.filter((s) => !(s.furniture && opts.includeFurniture === false));
}

/** Whether a table gets the English column: only when some listed segment has an English text. */
export function hasEnglish(segments: readonly ExportSegment[]): boolean {
  return segments.some((s) => typeof s.english === 'string' && s.english.trim() !== '');
}

export function bilingualCsv(doc: ExportDoc, opts: TableOptions): string {
  const segments = tableSegments(doc, opts);
  const english = hasEnglish(segments);
  const header: string[] = [...TABLE_COLUMNS];
  if (english) header.splice(header.indexOf('simplified') + 1, 0, 'english');
  const rows = [csvRow(header)];
  for (const s of segments) {
    const cells: (string | number)[] = [s.index + 1, s.id, opts.toHant(s.text), opts.toHans(s.text), s.status, s.furniture ?? '', (opts.notes.get(s.id) ?? []).join('\n')];
    if (english) cells.splice(4, 0, s.english ?? '');
    rows.push(csvRow(cells));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
