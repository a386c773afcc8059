/**
 * Glossary as CSV (RFC 4180): header `term,variants,type,note,english`, variants
 * separated by `|`, UTF-8 with a byte order mark (so spreadsheet programs read the
 * Chinese correctly), CRLF line ends, fields quoted when they hold `"`, `,`, a line
 * break or surrounding spaces. Pure functions.
 */
import { JiaoduiError } from '../errors';
import type { GlossaryFields, ParsedGlossaryEntry } from './schemas';
import { normalizeFields } from './validate';

export const CSV_COLUMNS = ['term', 'variants', 'type', 'note', 'english'] as const;
type Column = (typeof CSV_COLUMNS)[number];
export const VARIANT_SEPARATOR = '|';
const BOM = '\uFEFF';

function csvError(line: number, message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', `CSV line ${line}: ${message}`);
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The CSV file for a list of entries (starts with a BOM, ends with CRLF). */
export function glossaryToCsv(entries: readonly GlossaryFields[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of entries) rows.push([e.term, e.variants.join(VARIANT_SEPARATOR), e.type, e.note, e.english].map(quote).join(','));
  return BOM + rows.join('\r\n') + '\r\n';
}

interface CsvRecord {
  /** physical line the record starts on (1-based) */
  line: number;
  fields: string[];
}

/** RFC 4180 records; accepts CRLF, LF or CR line ends. Throws naming the line on malformed quoting. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) throw csvError(openLine, 'a quoted field is never closed (a missing ")');
          const c = s[i];
          if (c === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        if (i < n && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          throw csvError(line, `unexpected text after a closing quote (${JSON.stringify(s.slice(i, i + 10))}); a quote inside a quoted field is written ""`);
        }
      } else {
        while (i < n && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          if (s[i] === '"') throw csvError(line, 'a quote (") inside an unquoted field; enclose the field in quotes and double the quote');
          field += s[i++];
        }
      }
      fields.push(field);
      if (i < n && s[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      // line end
      if (s[i] === '\r' && s[i + 1] === '\n') i += 2;
      else i++;
      line++;
    }
    records.push({ line: start, fields });
  }
  return records;
}

/**
 * Parse a glossary CSV into entries (normalised and checked field by field). Blank
 * lines and rows of empty cells are skipped; the header may list the five columns in any order.
 */
export function parseGlossaryCsv(text: string): ParsedGlossaryEntry[] {
  // Blank lines and rows of empty cells (spreadsheets write ",,,,") are skipped.
  const records = parseCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!records.length) throw csvError(1, `the file is empty; the first line must be the header ${CSV_COLUMNS.join(',')}`);
  const [header, ...rows] = records;
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const repeated = names.filter((c, k) => names.indexOf(c) !== k);
  if (missing.length || unknown.length || repeated.length) {
    const why = [missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.map((u) => `"${u}"`).join(', ')}` : '', repeated.length ? `repeated ${repeated.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    throw csvError(header.line, `the header must be ${CSV_COLUMNS.join(',')} (${why})`);
  }
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  return rows.map((r) => {
    if (r.fields.length !== CSV_COLUMNS.length) throw csvError(r.line, `expected ${CSV_COLUMNS.length} fields (${CSV_COLUMNS.join(',')}), found ${r.fields.length}`);
    const where = `CSV line ${r.line}`;
    const get = (c: Column) => r.fields[col[c]];
    const fields = normalizeFields(
      { term: get('term'), variants: get('variants').split(VARIANT_SEPARATOR), type: get('type'), note: get('note'), english: get('english') },
      where,
    );
    return { fields, where };
  });
}
