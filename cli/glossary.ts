/**
 * `jiaodui glossary import|export DOC FILE [--project NAME]` and
 * `jiaodui apply-glossary DOC [--project NAME]`. The format comes from FILE's extension
 * (.csv or .tbx); with --project the scope is DOC's project (NAME must be its name),
 * otherwise DOC itself. Output is JSON (schemas in shared/contract/cli.ts); applying is
 * one operation, undoable with `jiaodui undo DOC`.
 */
import { basename } from 'node:path';
import { JiaoduiError, namingFile } from '../shared/errors';
import type { ContractCaller } from './call';
import { applyGlossaryLine, FILE_ERRORS, glossaryExportLine, glossaryImportLine } from './output';
import { readInputFile, writeOutputFile } from '../core/files';
import { glossaryFormatOf } from '../core/glossary';
import { MAX_GLOSSARY_FILE_BYTES } from '../shared/glossary/schemas';
import type { z } from 'zod';
import type { CliApplyGlossaryOutput, CliGlossaryExportOutput, CliGlossaryImportOutput } from '../shared/contract/cli';

type Flags = Record<string, string | boolean | undefined>;

function usage(message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', message);
}

function docId(s: string | undefined, cmd: string): number {
  if (s === undefined || !/^\d+$/.test(s) || Number(s) <= 0) throw usage(`DOC must be a document id: jiaodui ${cmd}.`);
  return Number(s);
}

interface Scope {
  kind: 'document' | 'project';
  documentId: number;
  projectId: number;
  args: { documentId: number } | { projectId: number };
}

/** DOC, or with --project NAME its project (NAME must be the project DOC is in). */
function scopeFor(api: ContractCaller, documentId: number, project: string | boolean | undefined): Scope {
  const doc = api.call('getDocument', { documentId });
  if (project === undefined) return { kind: 'document', documentId, projectId: doc.projectId, args: { documentId } };
  if (typeof project !== 'string' || !project.trim()) throw usage("--project needs the name of the document's project.");
  if (project.trim().toLowerCase() !== doc.projectName.toLowerCase()) {
    throw usage(`Document ${documentId} is in project "${doc.projectName}", not "${project}".`);
  }
  return { kind: 'project', documentId, projectId: doc.projectId, args: { projectId: doc.projectId } };
}

/** JSON when piped or with --format json; the readable line on a terminal (cli/output.ts). */
function out(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);
}

export function runGlossary(api: ContractCaller, args: string[], f: Flags, json = true): number {
  const [sub, docArg, file] = args;
  const cmd = 'glossary import|export DOC FILE [--project NAME]';
  if (sub !== 'import' && sub !== 'export') throw usage(`Unknown glossary command "${sub ?? ''}": jiaodui ${cmd}.`);
  const documentId = docId(docArg, cmd);
  if (!file) throw usage(`Missing FILE: jiaodui ${cmd}.`);
  const format = glossaryFormatOf(file);
  if (!format) throw usage(`FILE must end in .csv or .tbx, got "${basename(file)}".`);
  const scope = scopeFor(api, documentId, f.project);
  const where = { scope: scope.kind, projectId: scope.projectId, documentId: scope.kind === 'document' ? documentId : null, file };
  if (sub === 'import') {
    const data = readInputFile(file, MAX_GLOSSARY_FILE_BYTES, () => `${file} is larger than ${MAX_GLOSSARY_FILE_BYTES / 1048576} MB.`).toString('base64');
    const r = namingFile(basename(file), () => api.call('importGlossary', { ...scope.args, fileName: basename(file), data }), FILE_ERRORS);
    const result: z.infer<typeof CliGlossaryImportOutput> = { ...where, ...r };
    out(json, result, glossaryImportLine(result));
    return 0;
  }
  const r = api.call('exportGlossary', { ...scope.args, format });
  writeOutputFile(file, r.content, 'utf8');
  const entries = api.call('listGlossary', scope.args).filter((e) => (scope.kind === 'project' ? e.scope === 'project' : e.scope === 'document')).length;
  const result: z.infer<typeof CliGlossaryExportOutput> = { ...where, format, entries, bytes: Buffer.byteLength(r.content, 'utf8') };
  out(json, result, glossaryExportLine(result));
  return 0;
}

export function runApplyGlossary(api: ContractCaller, args: string[], f: Flags, json = true): number {
  const documentId = docId(args[0], 'apply-glossary DOC [--project NAME]');
  const scope = scopeFor(api, documentId, f.project);
  const preview = api.call('previewGlossary', scope.args);
  const r = api.call('applyGlossary', scope.args);
  const result: z.infer<typeof CliApplyGlossaryOutput> = {
    operationId: r.operationId,
    scope: scope.kind,
    segmentsChanged: r.segments.length,
    documents: preview.documents,
    replacements: preview.replacements,
    approvedReset: preview.approvedReset,
    changes: preview.changes.map((c) => ({
      segmentId: c.segmentId,
      documentId: c.documentId,
      number: c.index + 1,
      before: c.before,
      after: c.after,
      status: c.status,
      statusAfter: c.statusAfter,
    })),
    undoLabel: r.undo.undoLabel,
  };
  out(json, result, applyGlossaryLine(documentId, result));
  return 0;
}
