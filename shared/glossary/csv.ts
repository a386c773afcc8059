/**
 * Glossary as CSV: header `term,variants,type,note,english`, variants separated by
 * `|`. Writing, reading and the formula guard are the shared CSV module's
 * (shared/csv/csv.ts), so a round trip keeps terms that start with = + - @. Pure functions.
 */
import { csvDocument, csvError, parseCsvRecords } from '../csv/csv';
import { errPart } from '../error-messages';
import type { GlossaryFields, ParsedGlossaryEntry } from './schemas';
import { normalizeFields } from './validate';

export const CSV_COLUMNS = ['term', 'variants', 'type', 'note', 'english'] as const;
type Column = (typeof CSV_COLUMNS)[number];
export const VARIANT_SEPARATOR = '|';

/** The CSV file for a list of entries (starts with a BOM, ends with CRLF; formula-guarded cells). */
export function glossaryToCsv(entries: readonly GlossaryFields[]): string {
  return csvDocument(
    CSV_COLUMNS,
    entries.map((e) => [e.term, e.variants.join(VARIANT_SEPARATOR), e.type, e.note, e.english]),
  );
}

/**
 * Parse a glossary CSV into entries (normalised and checked field by field). Blank
 * lines and rows of empty cells are skipped; the header may list the five columns in any order.
 */
export function parseGlossaryCsv(text: string): ParsedGlossaryEntry[] {
  // Blank lines and rows of empty cells (spreadsheets write ",,,,") are skipped.
  const records = parseCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!records.length) throw csvError(1, 'csv.glossary-empty', { header: CSV_COLUMNS.join(',') });
  const [header, ...rows] = records;
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const repeated = names.filter((c, k) => names.indexOf(c) !== k);
  if (missing.length || unknown.length || repeated.length) {
    const why = [
      missing.length ? errPart('csv.why.missing', { columns: missing.join(', ') }) : null,
      unknown.length ? errPart('csv.why.unknown', { columns: unknown.map((u) => `"${u}"`).join(', ') }) : null,
      repeated.length ? errPart('csv.why.repeated', { columns: repeated.join(', ') }) : null,
    ].filter((p) => p !== null);
    // "missing a; unknown "b"": each part but the last ends with the separator (the parts are joined by a space in English)
    const parts = why.map((p, k) => (k < why.length - 1 ? { ...p, params: { ...p.params, sep: [errPart('csv.why.sep')] } } : { ...p, params: { ...p.params, sep: '' } }));
    throw csvError(header.line, 'csv.glossary-header', { header: CSV_COLUMNS.join(','), why: parts });
  }
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  return rows.map((r) => {
    if (r.fields.length !== CSV_COLUMNS.length) throw csvError(r.line, 'csv.glossary-fields', { expected: CSV_COLUMNS.length, header: CSV_COLUMNS.join(','), found: r.fields.length });
    const where = errPart('glossary.where.csv', { line: r.line });
    const get = (c: Column) => r.fields[col[c]];
    const fields = normalizeFields(
      { term: get('term'), variants: get('variants').split(VARIANT_SEPARATOR), type: get('type'), note: get('note'), english: get('english') },
      where,
    );
    return { fields, where };
  });
}
