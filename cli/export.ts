/** `jiaodui export` (every export format) and `jiaodui import-xliff`. */
import { EXPORT_FORMATS, isExportFormat } from '../shared/export/formats';
import { isTimeZone, REPORT_LOCALES, type ReportLocale } from '../shared/export/report-wording';
import type { ContractCaller } from './call';
import { parseId, UsageError } from './args';
import { readInputFile, writeOutputFile } from '../core/files';
import { FILE_ERRORS, plural } from './output';
import { basename } from 'node:path';
import { namingFile } from '../shared/errors';

const MAX_XLIFF_BYTES = 20 * 1024 * 1024;


type Flags = Record<string, string | boolean | undefined>;

export async function runExport(api: ContractCaller, args: string[], f: Flags): Promise<number> {
  const documentId = parseId(args[0], 'DOC');
  const format = typeof f.format === 'string' ? f.format : 'txt';
  if (!isExportFormat(format)) throw new UsageError(`Unknown export format "${format}" (${EXPORT_FORMATS.join(', ')}).`);
  const script = f.script ?? 'hant';
  if (script !== 'hant' && script !== 'hans') throw new UsageError(`--script must be hant or hans, got "${String(script)}".`);
  if (format.startsWith('docx') && typeof f.out !== 'string') {
    throw new UsageError(`--format ${format} is a binary file (DOCX): give --out FILE; it is not written to standard output.`);
  }
  if (f['include-furniture'] && f['no-furniture']) throw new UsageError('Give --include-furniture or --no-furniture, not both.');
  const lang = f.lang;
  if (lang !== undefined && !format.startsWith('report')) throw new UsageError('--lang is for the change report (--format report-html or report-json).');
  if (lang !== undefined && !REPORT_LOCALES.includes(lang as ReportLocale)) throw new UsageError(`--lang must be ${REPORT_LOCALES.join(' or ')}, got "${String(lang)}".`);
  // the report's language: --lang, else the UI language set in the app (Settings)
  const locale = (lang as ReportLocale | undefined) ?? (format.startsWith('report') ? api.call('getSettings', {}).locale : undefined);
  const r = await api.callAsync('exportDocument', {
    documentId,
    format,
    script,
    ...(f.marked ? { marked: true } : {}),
    // reading copies (md, html, docx) leave page furniture out unless asked; txt and tables keep it unless asked
    ...(f['no-furniture'] ? { includeFurniture: false } : f['include-furniture'] ? { includeFurniture: true } : {}),
    ...(f.claims ? { claims: true } : {}),
    // the change report's times in this process's time zone (TZ), with their UTC offset
    ...(format.startsWith('report') ? { timeZone: processTimeZone(), locale } : {}),
  });
  const binary = r.encoding === 'base64';
  if (typeof f.out === 'string') {
    writeOutputFile(f.out, binary ? Buffer.from(r.content, 'base64') : r.content, binary ? undefined : 'utf8');
    process.stderr.write(`Wrote ${f.out}\n`);
  } else if (binary) throw new UsageError('This export is a binary file: give --out FILE.');
  else process.stdout.write(r.content);
  return 0;
}

/** This process's IANA time zone (TZ, else the system's); UTC when the runtime cannot tell. */
export function processTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

export function runImportXliff(api: ContractCaller, args: string[], json: boolean): number {
  const documentId = parseId(args[0], 'DOC');
  const file = args[1];
  if (!file) throw new UsageError('Missing FILE: jiaodui import-xliff DOC FILE.');
  const content = readInputFile(file, MAX_XLIFF_BYTES, () => `${file} is over the ${MAX_XLIFF_BYTES / 1048576} MB limit.`).toString('utf8');
  const r = namingFile(basename(file), () => api.call('importXliff', { documentId, content }), FILE_ERRORS);
  if (json) process.stdout.write(JSON.stringify({ operationId: r.operationId, changed: r.changed, units: r.units }) + '\n');
  else process.stdout.write(r.changed ? `Imported ${plural(r.changed, 'changed segment')} of ${r.units} (operation ${r.operationId}; 'jiaodui undo ${documentId}' reverts).\n` : `No changes: ${r.units === 1 ? 'its one unit matches' : `all ${r.units} units match`}.\n`);
  return 0;
}
