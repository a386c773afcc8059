/**
 * `jiaodui check --project NAME|ID`: every document's checks, then the cross-document rules
 * (the app's "check project" button), printed per document. Goes through the contract's
 * dispatcher like the app. Exit 1 when an error-severity finding remains, 2 for an unknown project.
 */
import type { z } from 'zod';
import type { CliCheckProjectOutput } from '../shared/contract/cli';
import type { Project, StoredFinding } from '../shared/domain/schemas';
import type { ContractCaller } from './call';
import { UsageError } from './args';
import { formatFindings, fromStored, tableNotes, type CheckRow } from './check';
import { formatTable, type Fit } from './format';
import { progressOn, type Progress } from './progress';
import { plural } from './output';

type Output = z.infer<typeof CliCheckProjectOutput>;
type CrossRow = Output['crossDocument'][number];

/** A project of a list by id (digits) or by name (case-insensitive, as the app treats project names); undefined when none. */
export function findProject(projects: readonly Project[], ref: string): Project | undefined {
  const wanted = ref.trim();
  return (/^\d+$/.test(wanted) && projects.find((p) => p.id === Number(wanted))) || projects.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
}

/** A project by id (digits) or by name (case-insensitive, as the app treats project names). */
function resolveProject(api: ContractCaller, ref: string): Project {
  const found = findProject(api.call('listProjects', {}), ref);
  if (!found) throw new UsageError(`There is no project "${ref.trim()}" (jiaodui list shows the projects).`);
  return found;
}

function crossRow(f: StoredFinding): CrossRow {
  const loc = (l: StoredFinding['related'][number]) => ({ documentId: l.documentId, segmentId: l.segmentId, segmentIndex: l.segmentIndex, start: l.start, end: l.end, text: l.text, fixes: l.fixes });
  return { ...loc(f), rule: f.rule, severity: f.severity, message: f.message, messageData: f.messageData, related: f.related.map(loc) };
}

/** Check every live document of the project (findings are stored, as in the app), then the project as a whole. */
export function checkProject(api: ContractCaller, ref: string, progress: Progress = progressOn()): Output {
  if (!ref.trim()) throw new UsageError('--project needs a project name or id: jiaodui check --project NAME|ID.');
  const project = resolveProject(api, ref);
  const docs = api.call('listDocuments', { projectId: project.id }).sort((a, b) => a.id - b.id);
  const documents = docs.map((d, i) => {
    progress.update(`checking ${d.title}`, i, docs.length); // on a terminal only (cli/progress.ts)
    const r = api.call('runChecks', { documentId: d.id });
    // project-scope rows stored in the document are listed once, below, with every document's locations
    const own = r.findings.filter((f) => !f.dismissedReason && f.scope !== 'project');
    return { documentId: d.id, title: d.title, findings: own.map(fromStored) };
  });
  progress.update('checking across documents', docs.length, docs.length);
  const cross = api.call('checkProject', { projectId: project.id });
  progress.end();
  return { project: { id: project.id, name: project.name }, documents, crossDocument: cross.findings.filter((f) => !f.dismissedReason).map(crossRow) };
}

export function formatProjectFindings(o: Output, fit?: Fit): string {
  const parts = o.documents.map((d) => `## Document ${d.documentId}: ${d.title}\n${formatFindings(d.findings, fit)}`);
  const where = (l: { documentId: number; segmentIndex: number; text: string }) => `${l.text} (doc ${l.documentId} #${l.segmentIndex + 1})`;
  // a per-place family's places (the converter's vocabulary across documents): its explanation once, in a note under the table
  const notes = tableNotes();
  parts.push(
    `## Across documents\n` +
      (o.crossDocument.length
        ? formatTable(
            ['SEVERITY', 'RULE', 'PLACES', 'MESSAGE'],
            o.crossDocument.map((f) => [f.severity, f.rule, [f, ...f.related].map(where).join('; '), notes.cell(f)]),
            80,
            fit,
          ) + notes.lines()
        : 'No findings.\n'),
  );
  return `# Project ${o.project.id}: ${o.project.name} (${plural(o.documents.length, 'document')})\n\n${parts.join('\n')}`;
}

/** Exit code: 1 when any finding (a document's or a cross-document one) has severity error. */
export function projectExitCode(o: Output): number {
  const rows: { severity: string }[] = [...o.documents.flatMap((d) => d.findings as CheckRow[]), ...o.crossDocument];
  return rows.some((r) => r.severity === 'error') ? 1 : 0;
}
