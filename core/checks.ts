/**
 * Checks in the service: run the pure rules of shared/checks over a document's
 * segments, store the findings (one row per location, grouped by key), keep
 * dismissals while the text they were dismissed on is unchanged, and re-check a
 * segment whenever its text changes.
 */
import type { FindingRow, NewFinding, ParallelForChecks, Store } from './store';
import { RULES, checkSegment, runChecks, runProjectRules, type CheckContext, type CheckSegment, type Finding, type RuleId } from '../shared/checks';
import type { FindingsReport, StoredFinding } from '../shared/domain/schemas';
import { contextAround } from '../shared/text/context';
import { parseFindingMessage, serializeFindingMessage } from '../shared/finding-messages';
import { CLAIMS_RULE, refreshClaimFindings } from './claims-findings';

const SCOPE = new Map(RULES.map((r) => [r.id as string, r.scope]));

export function toCheckSegment(s: { id: number; text: string; furniture: string | null; speaker: string | null; rendering: string; paragraph: number }): CheckSegment {
  return { id: s.id, text: s.text, furniture: s.furniture, speaker: s.speaker, rendering: s.rendering, paragraph: s.paragraph };
}

/** A check segment with its parallel texts (core/parallel.ts): the English rendering and the original source, when there are any. */
function withParallel(seg: CheckSegment, par: ParallelForChecks | undefined): CheckSegment {
  return par ? { ...seg, english: par.english, source: par.source } : seg;
}

/** Script, variant and the glossary that applies to the document (confirmed names feed the name and glossary rules). */
export function checkContext(store: Store, documentId: number, rules?: RuleId[]): CheckContext {
  const doc = store.documentScript(documentId);
  const glossary = store.glossaryForDocument(documentId).map((e) => ({
    term: e.term,
    variants: e.variants,
    type: e.type,
    note: e.note ?? undefined,
    english: e.english ?? undefined,
  }));
  return { script: doc.script, variant: doc.variant, rules, glossary };
}

type DismissalKey = string;
const keyOf = (rule: string, segmentId: number, start: number, end: number, text: string): DismissalKey => `${rule}|${segmentId}|${start}|${end}|${text}`;

/** Findings → rows: the primary location first, then the related ones, sharing a group key. */
export function findingRows(documentId: number, findings: readonly Finding[], now: string): NewFinding[] {
  const rows: NewFinding[] = [];
  for (const f of findings) {
    const group = f.group ?? (f.related.length ? `${f.rule}:${f.segmentId}:${f.start}` : null);
    const scope = (SCOPE.get(f.rule) ?? 'document') as FindingRow['scope'];
    // one object literal per row (a grouped finding can have thousands of locations)
    const messageData = serializeFindingMessage(f.messageData);
    const row = (l: Omit<Finding['related'][number], 'documentId'>): NewFinding => ({
      documentId, rule: f.rule, severity: f.severity, message: f.message, messageData, group, scope, createdAt: now,
      segmentId: l.segmentId, start: l.start, end: l.end, text: l.text, fixes: l.fixes,
    });
    rows.push(row(f));
    for (const r of f.related) {
      if (r.documentId !== undefined && r.documentId !== documentId) continue;
      rows.push(row(r));
    }
  }
  return rows;
}

function carryDismissals(store: Store, documentId: number, rows: NewFinding[], segmentId?: number): NewFinding[] {
  if (!rows.length) return rows;
  const dismissed = new Map<DismissalKey, FindingRow>();
  const previous = segmentId === undefined ? store.dismissedFindings(documentId) : store.dismissedFindingsOfSegment(segmentId);
  for (const d of previous) dismissed.set(keyOf(d.rule, d.segmentId, d.start, d.end, d.text), d);
  if (!dismissed.size) return rows;
  const textOf = new Map<number, string>();
  return rows.map((r) => {
    const d = dismissed.get(keyOf(r.rule, r.segmentId, r.start, r.end, r.text));
    if (!d) return r;
    if (!textOf.has(r.segmentId)) textOf.set(r.segmentId, store.segment(r.segmentId)?.text ?? '');
    // Not raised again until the text changes.
    if (d.dismissedSegmentText !== textOf.get(r.segmentId)) return r;
    return { ...r, dismissedReason: d.dismissedReason, dismissedAt: d.dismissedAt, dismissedSegmentText: d.dismissedSegmentText };
  });
}

/**
 * The project-scope rules across the documents of a project (the same person or role written
 * differently in two documents; a variant form in the minority over the project). Each location is stored in its own document, scope
 * 'project', sharing the group key, so every document's panel shows the whole group.
 */
export function runProjectChecks(store: Store, documentIds: number[], now: string): number {
  const t = performance.now();
  if (!documentIds.length) return 0;
  const docs = documentIds.map((documentId) => ({ documentId, segments: store.liveSegments(documentId).map(toCheckSegment), ctx: checkContext(store, documentId) }));
  const findings = runProjectRules(docs, checkContext(store, documentIds[0]));
  store.deleteProjectFindings(documentIds);
  const rows: NewFinding[] = [];
  for (const f of findings) {
    const group = `project:${f.group ?? `${f.rule}:${f.segmentId}:${f.start}`}`;
    const base = { rule: f.rule, severity: f.severity, message: f.message, messageData: serializeFindingMessage(f.messageData), group, scope: 'project' as const, createdAt: now };
    for (const l of [f, ...f.related]) {
      const documentId = l.documentId ?? f.documentId;
      if (documentId === undefined) continue;
      rows.push({ ...base, documentId, segmentId: l.segmentId, start: l.start, end: l.end, text: l.text, fixes: l.fixes });
    }
  }
  store.addFindings(rows);
  return performance.now() - t;
}

/** Run every (or the chosen) rule over a document and replace its stored findings. */
export function runDocumentChecks(store: Store, documentId: number, now: string, rules?: RuleId[]): number {
  const t = performance.now();
  const par = store.parallelForChecks(documentId);
  const segs = store.segmentsToCheck(documentId).map((s) => withParallel(toCheckSegment(s), par.get(s.id)));
  const findings = runChecks(segs, checkContext(store, documentId, rules));
  const rows = carryDismissals(store, documentId, findingRows(documentId, findings, now));
  replaceFindings(store, documentId, rows, rules);
  // the claims cross-check keeps its own rows (and dismissals) and is recomputed from the claims
  if (!rules?.length || (rules as string[]).includes(CLAIMS_RULE)) refreshClaimFindings(store, documentId, now);
  return performance.now() - t;
}

/** With a rule subset, only those rules' findings are replaced; the others stay. */
function replaceFindings(store: Store, documentId: number, rows: NewFinding[], rules?: RuleId[]): void {
  if (rules?.length) {
    store.deleteFindingsById(
      store.documentFindings(documentId).filter((f) => f.rule !== CLAIMS_RULE && rules.includes(f.rule as RuleId)).map((f) => f.id),
    );
  } else {
    store.deleteCheckFindingsExcept(documentId, CLAIMS_RULE);
  }
  store.addFindings(rows);
}

/**
 * After a segment's text changed: re-run the per-segment rules on it, and drop
 * document-level findings on it whose text is no longer there (resolved by the edit).
 */
export function recheckSegment(store: Store, segmentId: number, now: string): void {
  const seg = store.segment(segmentId);
  if (!seg || seg.retired) return;
  const stale: number[] = [];
  for (const f of store.segmentFindings(segmentId)) {
    if (f.scope === 'segment' || seg.text.slice(f.start, f.end) !== f.text) stale.push(f.id);
  }
  const rows = carryDismissals(store, seg.documentId, findingRows(seg.documentId, checkSegment(withParallel(toCheckSegment(seg), store.parallelForSegment(seg.id, seg.documentId)), checkContext(store, seg.documentId)), now), seg.id);
  store.deleteFindingsById(stale);
  store.addFindings(rows);
}

/** Stored rows → findings with their group's other locations, as the app shows them. */
export function assembleFindings(store: Store, documentId: number, includeDismissed = true): StoredFinding[] {
  const rows = store.documentFindings(documentId);
  const groups = new Map<string, FindingRow[]>();
  const order: string[] = [];
  for (const r of rows) {
    const k = r.group ?? `#${r.id}`;
    if (!groups.has(k)) {
      groups.set(k, []);
      order.push(k);
    }
    groups.get(k)!.push(r);
  }
  // Texts of the segments that have findings only (a point query each, cached per segment):
  // loading a large document's every text here cost more than the rest of the assembly.
  const texts = new Map<number, string | undefined>();
  const contextOf = (r: FindingRow) => {
    if (!texts.has(r.segmentId)) texts.set(r.segmentId, store.segmentText(r.segmentId));
    const text = texts.get(r.segmentId);
    return text === undefined ? {} : contextAround(text, r.start, r.end);
  };
  const out: StoredFinding[] = [];
  for (const k of order) {
    const local = groups.get(k)!;
    // The primary location is in this document; a project-wide group lists the others from every document.
    const primary = local.reduce((a, b) => (a.id <= b.id ? a : b));
    const members = primary.scope === 'project' && primary.group ? store.findingsInProjectGroup(primary.documentId, primary.group) : local;
    if (!includeDismissed && primary.dismissedReason) continue;
    const loc = (r: FindingRow) => ({
      findingId: r.id,
      documentId: r.documentId,
      segmentId: r.segmentId,
      segmentIndex: r.segmentIndex ?? 0,
      start: r.start,
      end: r.end,
      text: r.text,
      fixes: r.fixes,
      ...contextOf(r),
    });
    out.push({
      ...loc(primary),
      id: primary.id,
      rule: primary.rule,
      severity: primary.severity,
      message: primary.message,
      messageData: parseFindingMessage(primary.messageData),
      group: primary.group,
      scope: primary.scope,
      related: members.filter((m) => m.id !== primary.id).map(loc),
      dismissedReason: primary.dismissedReason,
      dismissedAt: primary.dismissedAt,
    });
  }
  return out;
}

export function report(findings: StoredFinding[], ms: number): FindingsReport {
  const byRule: Record<string, number> = {};
  const bySeverity = { error: 0, warning: 0, info: 0 };
  let dismissed = 0;
  for (const f of findings) {
    if (f.dismissedReason) {
      dismissed++;
      continue;
    }
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  return { findings, counts: { byRule, bySeverity, dismissed }, ms };
}
