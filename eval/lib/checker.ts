/**
 * Running today's checks the way the app does: each cluster is one project, its documents imported
 * through the contract (importDocument), then runChecks on every document and checkProject on the
 * project, all through the dispatcher. Findings come back flattened to document offsets.
 */
import { dispatchAsync } from '../../shared/contract/dispatch';
import type { JiaoduiService } from '../../core/service';
import type { StoredFinding, Segment, ImportResult, DocumentMeta, FindingsReport } from '../../shared/domain/schemas';
import type { StandardForms } from '../../shared/domain/values';
import type { ScoredFinding } from './score';

async function call<T>(service: JiaoduiService, method: string, args: unknown): Promise<T> {
  return (await dispatchAsync(service, method, args)) as T;
}

export interface CheckedProject {
  findings: ScoredFinding[];
  /** segments marked as page furniture, per document, in document offsets */
  furniture: { doc: string; start: number; end: number }[];
}

/**
 * `standardForms`: the project's house style for standard forms, set as a reviewer would before the
 * checks run (`unset`, the default, leaves the project as an import makes it).
 */
export async function checkAsProject(service: JiaoduiService, projectName: string, docs: { file: string; text: string }[], standardForms: StandardForms = 'unset'): Promise<CheckedProject> {
  const segStart = new Map<number, { doc: string; start: number }>();
  const furniture: CheckedProject['furniture'] = [];
  const docIds: number[] = [];
  let projectId = 0;
  for (const d of docs) {
    const imported = await call<ImportResult>(service, 'importDocument', { fileName: d.file, data: Buffer.from(d.text, 'utf8').toString('base64'), projectName });
    docIds.push(imported.documentId);
    projectId = (await call<DocumentMeta>(service, 'getDocument', { documentId: imported.documentId })).projectId;
    for (const s of await call<Segment[]>(service, 'getSegments', { documentId: imported.documentId })) {
      // offsets are only comparable if the importer kept the text as written
      if (d.text.slice(s.start, s.end) !== s.machineText) throw new Error(`${projectName}/${d.file}: segment ${s.index} is not the text at ${s.start}–${s.end}`);
      segStart.set(s.id, { doc: d.file, start: s.start });
      if (s.furniture) furniture.push({ doc: d.file, start: s.start, end: s.end });
    }
  }
  if (standardForms !== 'unset') await call(service, 'updateProjectSettings', { projectId, standardForms });
  const all = new Map<number, StoredFinding>();
  for (const documentId of docIds) for (const f of (await call<FindingsReport>(service, 'runChecks', { documentId })).findings) all.set(f.id, f);
  for (const f of (await call<FindingsReport>(service, 'checkProject', { projectId })).findings) all.set(f.id, f);
  const place = (l: { segmentId: number; start: number; end: number }) => {
    const s = segStart.get(l.segmentId);
    if (!s) throw new Error(`${projectName}: a finding points at segment ${l.segmentId} outside the project`);
    return { doc: s.doc, start: s.start + l.start, end: s.start + Math.max(l.end, l.start + 1) };
  };
  const findings = [...all.values()]
    .filter((f) => !f.dismissedAt)
    .map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, key: f.messageData?.key, locations: [place(f), ...f.related.map(place)] }));
  return { findings, furniture };
}
