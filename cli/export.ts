/** `jiaodui export` (every export format) and `jiaodui import-xliff`. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dispatch } from '../shared/contract/dispatch';
import { ExportFormat } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import type { JiaoduiService } from '../core/service';
import { parseId, UsageError } from './args';

export const EXPORT_USAGE = `  export DOC [--format txt|md|html|csv|report-html|report-json|xliff|annotations] [--marked] [--no-furniture]
         [--script hant|hans] [--out FILE]                    export a transcript, table, report or XLIFF
  import-xliff DOC FILE [--format json]                       apply an XLIFF file's targets (one undo step)`;

export const EXPORT_OPTIONS = {
  marked: { type: 'boolean' },
  'no-furniture': { type: 'boolean' },
} as const;

const MAX_XLIFF_BYTES = 20 * 1024 * 1024;


type Flags = Record<string, string | boolean | undefined>;

export function runExport(service: JiaoduiService, args: string[], f: Flags): number {
  const documentId = parseId(args[0], 'DOC');
  const format = typeof f.format === 'string' ? f.format : 'txt';
  if (!ExportFormat.safeParse(format).success) throw new UsageError(`Unknown export format "${format}" (${ExportFormat.options.join(', ')}).`);
  const script = f.script ?? 'hant';
  if (script !== 'hant' && script !== 'hans') throw new UsageError(`--script must be hant or hans, got "${String(script)}".`);
  const r = dispatch(service, 'exportDocument', {
    documentId,
    format,
    script,
    ...(f.marked ? { marked: true } : {}),
    ...(f['no-furniture'] ? { includeFurniture: false } : {}),
  }) as ReturnType<JiaoduiService['exportDocument']>;
  if (typeof f.out === 'string') {
    writeFileSync(f.out, r.content, 'utf8');
    process.stderr.write(`Wrote ${f.out}\n`);
  } else process.stdout.write(r.content);
  return 0;
}

export function runImportXliff(service: JiaoduiService, args: string[], json: boolean): number {
  const documentId = parseId(args[0], 'DOC');
  const file = args[1];
  if (!file) throw new UsageError('Missing FILE: jiaodui import-xliff DOC FILE.');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file.`);
  }
  if (size > MAX_XLIFF_BYTES) throw new JiaoduiError('import-rejected', `${file} is over the ${MAX_XLIFF_BYTES / 1048576} MB limit.`);
  const content = readFileSync(file, 'utf8');
  const r = dispatch(service, 'importXliff', { documentId, content }) as ReturnType<JiaoduiService['importXliff']>;
  if (json) process.stdout.write(JSON.stringify({ operationId: r.operationId, changed: r.changed, units: r.units }) + '\n');
  else process.stdout.write(r.changed ? `Imported ${r.changed} changed segment(s) of ${r.units} (operation ${r.operationId}; 'jiaodui undo ${documentId}' reverts).\n` : `No changes: all ${r.units} unit(s) match.\n`);
  return 0;
}
