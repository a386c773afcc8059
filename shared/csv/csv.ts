/**
 * The one CSV module: every CSV the app writes (bilingual table, glossary, claims)
 * and reads (glossary import) goes through here. RFC 4180, UTF-8 with a byte order
 * mark (so spreadsheet programs read the Chinese correctly), CRLF line ends. Pure.
 *
 * Formula guard (OWASP "CSV injection"): a cell a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) is written with a
 * leading apostrophe, the spreadsheet's own "this is text" mark. The reader takes
 * that apostrophe off again, so what was written is what is read back. To keep the
 * mapping one-to-one, a cell that already starts with apostrophes followed by a
 * formula character (`'=x`) gets one more apostrophe too; the reader removes exactly one.
 */
import { em, errPart, type ErrorMessageKey, type ErrorMessageParams } from '../error-messages';
import { JiaoduiError } from '../errors';

export const BOM = '\uFEFF';

const GUARDED = /^'*[=+\-@\t\r]/;
const GUARD_MARK = /^'+[=+\-@\t\r]/;

/** Neutralise spreadsheet formula injection: prefix an apostrophe. */
export function guardFormula(cell: string): string {
  return GUARDED.test(cell) ? `'${cell}` : cell;
}

/** The inverse of guardFormula: unguardFormula(guardFormula(x)) === x for every string. */
export function unguardFormula(cell: string): string {
  return GUARD_MARK.test(cell) ? cell.slice(1) : cell;
}

/** One guarded field; quoted when it holds a quote, comma or line break, or starts/ends with white space. */
export function csvField(cell: string): string {
  const v = guardFormula(cell);
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((c) => csvField(String(c))).join(',');
}

/** A whole CSV file: header and rows, BOM first, CRLF after every record. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return BOM + [header, ...rows].map(csvRow).join('\r\n') + '\r\n';
}

/** An input error naming the CSV line: `problem` is a key of shared/error-messages.ts. */
export function csvError(line: number, problem: ErrorMessageKey, params: ErrorMessageParams = {}): JiaoduiError {
  return new JiaoduiError('invalid-input', em('csv.at', { line, problem: [errPart(problem, params)] }));
}

export interface CsvRecord {
  /** physical line the record starts on (1-based) */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records; accepts CRLF, LF or CR line ends and a leading BOM. Each field
 * has its formula guard removed (see unguardFormula). Throws naming the line on malformed quoting.
 */
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
          if (i >= n) throw csvError(openLine, 'csv.unclosed-quote');
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
          throw csvError(line, 'csv.after-quote', { text: JSON.stringify(s.slice(i, i + 10)) });
        }
      } else {
        while (i < n && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          if (s[i] === '"') throw csvError(line, 'csv.bare-quote');
          field += s[i++];
        }
      }
      fields.push(unguardFormula(field));
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
