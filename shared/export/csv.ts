/**
 * The bilingual table: one row per segment with the final Traditional text, its
 * Simplified rendering, the review status and the annotation comments, as CSV
 * written by the shared CSV module (shared/csv/csv.ts: RFC 4180, BOM, CRLF, formula guard). Pure.
 */
import { csvDocument } from '../csv/csv';
import type { ExportDoc, ExportSegment } from './model';

export const TABLE_COLUMNS = ['#', 'segment', 'traditional', 'simplified', 'status', 'furniture', 'notes'] as const;

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
  const rows: (string | number)[][] = [];
  for (const s of segments) {
    const cells: (string | number)[] = [s.index + 1, s.id, opts.toHant(s.text), opts.toHans(s.text), s.status, s.furniture ?? '', (opts.notes.get(s.id) ?? []).join('\n')];
    if (english) cells.splice(4, 0, s.english ?? '');
    rows.push(cells);
  }
  return csvDocument(header, rows);
}
