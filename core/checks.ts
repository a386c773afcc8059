/**
 * Checks in the service: run the pure rules of shared/checks over a document's
 * segments, store the findings (one row per location, grouped by key), keep
 * dismissals while the text they were dismissed on is unchanged, and re-check a
 * segment whenever its text changes.
 */
import { checkRowKeyer, type CheckMark, type FindingDetails, type FindingLocationRow, type FindingRow, type NewFinding, type ParallelForChecks, type Store, type StoredCheckRows } from './store';
import { AnalysisCarry, CROSS_SEGMENT_RULES, DOCUMENT_GROUPS, DocumentEvidence, documentGroupMessage, documentHouseEvidence, holdsSegments, RULES, checkSegment, runChecks, runProjectRules, type CheckContext, type CheckSegment, type Finding, type RuleId } from '../shared/checks';
import { houseStyleOf, type HouseStyle, type WriterEvidence } from '../shared/checks/house-style';
import type { AnalysisSource } from '../shared/checks/analysis';
import type { DocumentSenses } from '../shared/checks/conversion';
import type { FindingsReport, ProjectCheckState, StoredFinding } from '../shared/domain/schemas';
import { contextAround } from '../shared/text/context';
import { isBrandGroup } from '../shared/checks/brand-names';
import { parseFindingMessage, serializeFindingMessage } from '../shared/finding-messages';
import { CLAIMS_RULE, refreshClaimFindings } from './claims-findings';
import { mergeStoredCards } from '../shared/checks/merge';

const SCOPE = new Map(RULES.map((r) => [r.id as string, r.scope]));

/** `machineText`: the segment's text as imported, given only where it differs from `text` (a reviewer changed it). */
export function toCheckSegment(s: { id: number; text: string; furniture: string | null; speaker: string | null; rendering: string; paragraph: number; machineText?: string | null }): CheckSegment {
  const seg: CheckSegment = { id: s.id, text: s.text, furniture: s.furniture, speaker: s.speaker, rendering: s.rendering, paragraph: s.paragraph };
  if (s.machineText != null && s.machineText !== s.text) seg.machineText = s.machineText;
  return seg;
}

/** A check segment with its parallel texts (core/parallel.ts): the English rendering and the original source, when there are any. */
function withParallel(seg: CheckSegment, par: ParallelForChecks | undefined): CheckSegment {
  return par ? { ...seg, english: par.english, source: par.source } : seg;
}

/**
 * Script, variant and the glossary that applies to the document (confirmed names feed the name and glossary rules),
 * and its project's house style for standard forms (migration 015; shared/checks/house-style.ts): while the
 * reviewer has not set one, what the project's other documents show, read only when a rule asks.
 */
export function checkContext(store: Store, documentId: number, rules?: RuleId[]): CheckContext {
  const doc = store.documentScript(documentId);
  const glossary = store.glossaryForDocument(documentId).map((e) => ({
    term: e.term,
    variants: e.variants,
    type: e.type,
    note: e.note ?? undefined,
    english: e.english ?? undefined,
  }));
  const standardForms = store.standardFormsOfDocument(documentId);
  let house: HouseStyle | undefined;
  const houseStyle = () => (house ??= projectHouseStyleOf(store, documentId));
  return { script: doc.script, variant: doc.variant, rules, glossary, standardForms, ...(standardForms === 'unset' ? { houseStyle } : {}) };
}

/** Put `value` last in a map kept as most-recently-used last, dropping the oldest entries past `max`. */
function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/**
 * What each document says about its project's house style (shared/checks `documentHouseEvidence`), kept
 * per store while the document's live segments, texts and script stand: a document's check asks about
 * every other document of its project, and replaying each one for each would cost the project's size squared.
 */
const keptHouseEvidence = new WeakMap<Store, Map<number, { key: string; evidence: WriterEvidence | null }>>();
const HOUSE_EVIDENCE_DOCUMENTS = 500;

function houseEvidenceOf(store: Store, documentId: number): WriterEvidence | null {
  let kept = keptHouseEvidence.get(store);
  if (!kept) keptHouseEvidence.set(store, (kept = new Map()));
  const d = store.documentScript(documentId);
  const m = store.checkMark(documentId);
  const key = `${m.live}|${m.updated}|${m.revision}|${d.script}|${d.variant}`;
  const hit = kept.get(documentId);
  if (hit?.key === key) return hit.evidence;
  const evidence = documentHouseEvidence(store.segmentsToCheck(documentId).map(toCheckSegment), { script: d.script, variant: d.variant });
  keepRecent(kept, documentId, { key, evidence }, HOUSE_EVIDENCE_DOCUMENTS);
  return evidence;
}

/** The house style the other live documents of a document's project show. */
function projectHouseStyleOf(store: Store, documentId: number): HouseStyle {
  const projectId = store.document(documentId)?.projectId;
  if (projectId === undefined) return {};
  const evidence = store
    .liveProjectDocumentIds(projectId)
    .filter((id) => id !== documentId)
    .map((id) => houseEvidenceOf(store, id))
    .filter((e): e is WriterEvidence => e !== null);
  return houseStyleOf(evidence);
}

type DismissalKey = string;
const keyOf = (rule: string, segmentId: number, start: number, end: number, text: string): DismissalKey => `${rule}|${segmentId}|${start}|${end}|${text}`;

/** Findings → rows: the primary location first, then the related ones, sharing a group key. */
export function findingRows(documentId: number, findings: readonly Finding[], now: string): NewFinding[] {
  const rows: NewFinding[] = [];
  for (const f of findings) {
    const group = f.group ?? (f.related.length ? `${f.rule}:${f.segmentId}:${f.start}` : null);
    const scope = (f.scope ?? SCOPE.get(f.rule) ?? 'document') as FindingRow['scope'];
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

/** Runs `fn` in one short IMMEDIATE write transaction (the service's `tx`). */
export type WriteTx = <T>(fn: () => T) => T;
/** Test seam: called after each computation, before its results are written. */
export type AfterCompute = (attempt: number) => void;

/**
 * Long work outside the write lock (issue #16): read a snapshot of the inputs with their
 * marks (db/queries/check-inputs.ts) in a read transaction, compute the findings without any
 * transaction open, then write them in one short IMMEDIATE transaction — never findings of an
 * older text over a newer one. Inside that transaction `changedSinceMark` says what changed
 * since the snapshot: nothing (write everything); only some segments' texts or statuses (issue
 * 19: on a team server saves land every few hundred milliseconds, so a run of a second or more
 * is always overtaken): write everything except the rows on those segments and the groups that
 * reach them, which keep what the saves' own re-check (`recheckSegment`) left, and are
 * brought up to date by the next run; or 'all' (the live segments, parallel texts, glossary
 * changed, or another check run stored findings): compute again from a new snapshot. After
 * three such attempts the last one computes inside the write lock (as before), so a run
 * always ends.
 */
function outsideLock<C extends { marks: CheckMark[] }>(tx: WriteTx, store: Store, snapshot: () => C, compute: (c: C) => (edited: ReadonlySet<number>) => void, afterCompute?: AfterCompute): number {
  const t = performance.now();
  for (let attempt = 1; attempt <= 3; attempt++) {
    const c = snapshot();
    const write = compute(c);
    afterCompute?.(attempt);
    const written = tx(() => {
      const edited = new Set<number>();
      for (const mark of c.marks) {
        const changed = store.changedSinceMark(mark);
        if (changed === 'all') return false;
        for (const id of changed) edited.add(id);
      }
      write(edited);
      return true;
    });
    if (written) return performance.now() - t;
  }
  tx(() => compute(snapshot())(new Set()));
  return performance.now() - t;
}

/**
 * Rows of a replace step that an overtaken run must leave alone: those on `edited` segments and
 * every row (stored or new) of a group with a member there. Returns a test for a row.
 */
function frozenRows(edited: ReadonlySet<number>, stored: readonly { segmentId: number; group: string | null }[], rows: readonly { segmentId: number; group: string | null }[]): (r: { segmentId: number; group: string | null }) => boolean {
  if (!edited.size) return () => false;
  const groups = new Set<string>();
  for (const r of [...stored, ...rows]) if (r.group !== null && edited.has(r.segmentId)) groups.add(r.group);
  return (r) => edited.has(r.segmentId) || (r.group !== null && groups.has(r.group));
}

/**
 * The project-scope rules across the documents of a project (the same person or role written
 * differently in two documents; a variant form in the minority over the project). Each location is stored in its own document, scope
 * 'project', sharing the group key, so every document's panel shows the whole group. Computed
 * outside the write lock (see `outsideLock`).
 */
export function runProjectChecks(store: Store, tx: WriteTx, documentIds: number[], now: () => string, afterCompute?: AfterCompute): number {
  if (!documentIds.length) return 0;
  const read = () => ({
    marks: documentIds.map((id) => store.checkMark(id)),
    // the newest text revision the inputs include: the run is out of date past it
    revision: store.contentRevision(documentIds),
    docs: documentIds.map((documentId) => ({ documentId, segments: store.liveSegments(documentId).map(toCheckSegment), ctx: checkContext(store, documentId) })),
    ctx: checkContext(store, documentIds[0]),
  });
  const snapshot = () => store.readSnapshot(read) as ReturnType<typeof read>;
  const compute = (c: ReturnType<typeof read>) => {
    const at = now();
    const rows = projectFindingRows(runProjectRules(c.docs, c.ctx), at);
    return (edited: ReadonlySet<number>) => {
      if (!edited.size) {
        store.deleteProjectFindings(documentIds);
        store.addFindings(rows);
      } else {
        const stored = store.projectFindingPlaces(documentIds);
        const frozen = frozenRows(edited, stored, rows);
        store.deleteFindingsInBulk(stored.filter((r) => !frozen(r)).map((r) => r.id));
        store.addFindings(rows.filter((r) => !frozen(r)));
      }
      const projectId = store.document(documentIds[0])?.projectId;
      if (projectId !== undefined) {
        const run: ProjectCheckRun = { at, revision: c.revision, documents: [...documentIds].sort((a, b) => a - b) };
        store.setSetting(projectCheckKey(projectId), JSON.stringify(run));
      }
    };
  };
  return outsideLock(tx, store, snapshot, compute, afterCompute);
}

function projectFindingRows(findings: readonly Finding[], now: string): NewFinding[] {
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
  return rows;
}

/**
 * Run every (or the chosen) rule over a document and replace its stored findings, computed
 * outside the write lock (see `outsideLock`); dismissals are carried and the claims
 * cross-check refreshed inside the short write.
 */
export function runDocumentChecks(store: Store, tx: WriteTx, documentId: number, now: () => string, rules?: RuleId[], afterCompute?: AfterCompute): number {
  return checkDocument(store, tx, documentId, now, rules, afterCompute).ms;
}

/**
 * `runDocumentChecks`, with the document's findings as `assembleFindings` reads them back when the
 * run wrote every row the document holds (a first check: nothing stored before, no claims; none
 * overtaken): built from the rows it wrote and the texts it read (`writtenFindings`), without
 * reading ~19,000 rows back on the 1 MB bench text, and `snapshot`, the newest revision id as of
 * that write (core/versions.ts: what they are as of). Otherwise `findings` is null: read them back.
 */
export function checkDocument(store: Store, tx: WriteTx, documentId: number, now: () => string, rules?: RuleId[], afterCompute?: AfterCompute): { ms: number; findings: StoredFinding[] | null; snapshot?: number } {
  // a first check's rows as written, and the newest revision id as of that write
  const last: { written?: { rows: NewFinding[]; segments: CheckSegment[]; ids: { first: number; positions: Map<number, number> }; revision: number } } = {};
  const read = () => {
    const par = store.parallelForChecks(documentId);
    const plain = store.segmentsToCheck(documentId).map(toCheckSegment);
    return {
      marks: [store.checkMark(documentId)],
      // the newest revision the texts read here include (the evidence built from them below notes it)
      revision: store.newestRevision(),
      plain,
      segs: plain.map((s) => withParallel(s, par.get(s.id))),
      ctx: checkContext(store, documentId, rules),
      stored: store.checkRowKeys(documentId, CLAIMS_RULE, rules),
    };
  };
  const snapshot = () => store.readSnapshot(read) as ReturnType<typeof read>;
  const compute = (c: ReturnType<typeof read>) => {
    const at = now();
    // unchanged segments' analyses (with what they memoised) from the document's kept evidence, and
    // the evidence brought to this snapshot's texts from the run's: the next re-run and the next save start from them
    const kept = keptEvidenceOf(store, documentId, c.ctx);
    const content = c.plain.filter((s) => !s.furniture);
    // a kept evidence already holding these texts is what a new one would be (a re-run over unchanged text): its senses are the run's
    const holds = kept?.holds(content) ?? false;
    const carry = new AnalysisCarry(kept?.source(), holds ? kept!.evidence.senses : undefined);
    const found = runChecks(c.segs, c.ctx, carry);
    carry.detach();
    keepEvidence(store, documentId, holds ? kept!.evidence : { content, ctx: evidenceContext(c.ctx), carry }, c.revision, c.ctx);
    // dismissals are read after the snapshot: one made since is a revision of its segment, whose rows this result then leaves alone
    const rows = carryDismissals(store, documentId, findingRows(documentId, found, at));
    // the difference is computed here, outside the lock; only a run overtaken by saves computes it again, without their segments
    const whole = findingsDifference(c.stored, rows);
    return (edited: ReadonlySet<number>) => {
      const frozen = frozenRows(edited, c.stored.rows, rows);
      const change = edited.size ? findingsDifference({ heads: c.stored.heads, rows: c.stored.rows.filter((r) => !frozen(r)) }, rows.filter((r) => !frozen(r))) : whole;
      store.deleteFindingsInBulk(change.remove);
      const ids = store.addFindings(change.add);
      // noted once (undo and redo re-run the cross-segment rules where checks have run); a re-run that changes nothing writes nothing
      if (!documentChecked(store, documentId)) store.setSetting(documentCheckKey(documentId), JSON.stringify({ at }));
      // the claims cross-check keeps its own rows (and dismissals) and is recomputed from the claims
      if (!rules?.length || (rules as string[]).includes(CLAIMS_RULE)) refreshClaimFindings(store, documentId, at);
      // every row the document now holds is one this write added, on the texts read: the answer needs no reading back (built after the write)
      const mine = !edited.size && change.remove.length === 0 ? writtenRows(store, documentId, change.add, ids) : null;
      last.written = mine ? { rows: change.add, segments: c.plain, ids: mine, revision: store.maxRevisionId() } : undefined;
    };
  };
  const ms = outsideLock(tx, store, snapshot, compute, afterCompute);
  const w = last.written;
  const findings = w ? writtenFindings(store, documentId, w.rows, w.ids, w.segments) : null;
  return findings ? { ms, findings, snapshot: w!.revision } : { ms, findings: null };
}

/**
 * What replacing the stored rows of a run (with a rule subset, only those rules' rows; the
 * claims cross-check's rows stay) by `rows` changes, computed outside the write lock: rows
 * equal to a stored one are kept, stored rows no longer found are removed, the rest added. A
 * re-run over mostly unchanged text then writes a few rows instead of tens of thousands.
 */
function findingsDifference(stored: StoredCheckRows, rows: readonly NewFinding[]): { remove: number[]; add: NewFinding[] } {
  // nothing stored (a first check): every row is new, none keyed
  if (!stored.rows.length) return { remove: [], add: [...rows] };
  const byKey = new Map<string, number[]>();
  for (const r of stored.rows) {
    const ids = byKey.get(r.key);
    if (ids) ids.push(r.id);
    else byKey.set(r.key, [r.id]);
  }
  const add: NewFinding[] = [];
  const keyOf = checkRowKeyer(stored.heads);
  for (const r of rows) {
    const key = keyOf(r);
    const ids = key === undefined ? undefined : byKey.get(key);
    if (ids?.length) ids.pop();
    else add.push(r);
  }
  return { remove: [...byKey.values()].flat(), add };
}

/** Where a document's or project's last check run is noted (the settings table). */
export const documentCheckKey = (documentId: number) => `checks.document.${documentId}` as const;
export const projectCheckKey = (projectId: number) => `checks.project.${projectId}` as const;

/** A project check as noted when its findings were stored: when, the newest text revision it saw, which documents. */
interface ProjectCheckRun {
  at: string;
  revision: number;
  documents: number[];
}

/** Whether the document's checks have ever been run (and stored). */
export function documentChecked(store: Store, documentId: number): boolean {
  return store.setting(documentCheckKey(documentId)) !== undefined;
}

/**
 * The project's last project check, and whether its results are out of date: a text or
 * structure revision of its documents newer than the one it saw (an edit, fix, undo or redo
 * since), or documents added to or moved out of the project. Null: never run.
 */
export function projectCheckState(store: Store, projectId: number): ProjectCheckState | null {
  const raw = store.setting(projectCheckKey(projectId));
  if (raw === undefined) return null;
  let run: ProjectCheckRun;
  try {
    run = JSON.parse(raw) as ProjectCheckRun;
  } catch {
    return null;
  }
  const ids = store.documents({ projectId }).map((d) => d.id).sort((a, b) => a - b);
  const sameDocuments = ids.length === run.documents.length && ids.every((id, i) => id === run.documents[i]);
  return { at: run.at, stale: !sameDocuments || store.contentRevision(ids) > run.revision };
}

/**
 * After an undo or redo changed texts: the per-segment rules already ran on each segment
 * (applyText), but a group (a name written two ways, a quantity stated twice…) spans
 * segments, so its findings neither come back nor go away with one segment's text. Re-run
 * the cross-segment rules over each document whose checks have been run, computed outside
 * the write lock right after the replay's commit (see `outsideLock`). Project-wide groups are
 * not re-run here (a project check reads every document): their state reports them out of
 * date (`projectCheckState`).
 */
export function recheckAfterReplay(store: Store, tx: WriteTx, documentIds: readonly number[], now: () => string): void {
  for (const id of new Set(documentIds)) {
    if (documentChecked(store, id)) runDocumentChecks(store, tx, id, now, [...CROSS_SEGMENT_RULES]);
  }
}

/**
 * A document's evidence kept for its segments' re-checks (shared/checks/evidence.ts): what the
 * whole document says about a segment (names introduced elsewhere, the document's senses and
 * region), so a re-check finds what the full check finds there. Kept per store for the two
 * documents last checked or re-checked (~13 MB of heap each on the 1 MB bench text); left by a
 * whole-document run at the texts it read (its analyses, with what they memoised, are the next
 * run's: `AnalysisCarry`), or built before a first save takes the write lock (`prepareEvidence`);
 * brought up to date by the revisions since it was last read (this save's, and any other
 * process's), and built anew when the document's live segments, its script, variant or glossary
 * changed.
 */
class KeptEvidence {
  private built: DocumentEvidence | undefined;
  private pending: RunEvidence | undefined;
  /**
   * `source`: the evidence, or what a whole-document run leaves to build it from when first asked
   * for (`RunEvidence`): the run's answer does not need it, the document's next save or run does
   * (~10 ms of a first check on the 1 MB bench text; in the app the runs are offloaded to a worker
   * whose store never saves, so there it is built only if the same document is checked again).
   */
  constructor(
    source: DocumentEvidence | RunEvidence,
    /** the newest revision of the database the evidence has seen */
    public revision: number,
    /** script, variant and glossary it was built with */
    readonly ctxKey: string,
  ) {
    if (source instanceof DocumentEvidence) this.built = source;
    else this.pending = source;
  }

  get evidence(): DocumentEvidence {
    if (!this.built) {
      const p = this.pending!;
      this.built = new DocumentEvidence(p.content, p.ctx, p.carry);
      this.pending = undefined;
    }
    return this.built;
  }

  /** The evidence if it is built, without building it. */
  peek(): DocumentEvidence | undefined {
    return this.built;
  }

  /** Where a new run or evidence takes earlier analyses from: the evidence, or the run's own analyses while it is not built. */
  source(): AnalysisSource {
    return this.built ?? this.pending!.carry;
  }

  /** `DocumentEvidence.holds`, without building it: the same content segments, in order, with the same texts and renderings. */
  holds(segments: readonly CheckSegment[]): boolean {
    if (this.built) return this.built.holds(segments);
    const mine = this.pending!.content;
    return holdsSegments(mine.length, (i) => mine[i], segments);
  }
}

/** What a whole-document run leaves to build its document's evidence from: its snapshot's content segments and its analyses, nothing else of the run. */
interface RunEvidence {
  content: readonly CheckSegment[];
  ctx: CheckContext;
  carry: AnalysisCarry<DocumentSenses>;
}

const EVIDENCE_DOCUMENTS = 2;
const keptEvidence = new WeakMap<Store, Map<number, KeptEvidence>>();

const evidenceKey = (ctx: CheckContext) => JSON.stringify([ctx.script, ctx.variant, ctx.glossary ?? [], ctx.standardForms ?? 'unset']);
/** The context a document's evidence is built with: a run's without its rule subset (the evidence serves every rule). */
const evidenceContext = (ctx: CheckContext): CheckContext => ({ ...ctx, rules: undefined });

function keptOf(store: Store): Map<number, KeptEvidence> {
  let kept = keptEvidence.get(store);
  if (!kept) keptEvidence.set(store, (kept = new Map()));
  return kept;
}

/**
 * The document's kept evidence as a source of earlier analyses for a run under `ctx` (none under
 * another script, variant or glossary). Not brought up to date: a run takes over only the
 * analyses of segments whose text and rendering are those it reads (`AnalysisCarry`).
 */
function keptEvidenceOf(store: Store, documentId: number, ctx: CheckContext): KeptEvidence | undefined {
  const entry = keptEvidence.get(store)?.get(documentId);
  return entry && entry.ctxKey === evidenceKey(ctx) ? entry : undefined;
}

/** Keep a document's evidence (or what builds it when first asked for), built from the texts as of database revision `revision` (the newest of the snapshot they were read in). */
function keepEvidence(store: Store, documentId: number, evidence: DocumentEvidence | RunEvidence, revision: number, ctx: CheckContext): void {
  const kept = keptOf(store);
  const before = kept.get(documentId);
  // the same evidence kept again: it has seen at least the revision it noted
  const same = evidence instanceof DocumentEvidence && before?.peek() === evidence;
  keepRecent(kept, documentId, new KeptEvidence(evidence, same ? Math.max(before!.revision, revision) : revision, evidenceKey(ctx)), EVIDENCE_DOCUMENTS);
}

/** The document's evidence, up to date with the stored texts (`seg`: the segment being re-checked, as stored now). */
export function evidenceFor(store: Store, seg: { id: number; documentId: number; text: string; furniture: string | null; speaker: string | null; rendering: string; paragraph: number }, ctx: CheckContext): DocumentEvidence {
  const kept = keptOf(store);
  const documentId = seg.documentId;
  const ctxKey = evidenceKey(ctx);
  const newest = store.newestRevision();
  let entry = kept.get(documentId);
  kept.delete(documentId);
  if (entry && (entry.ctxKey !== ctxKey || newest < entry.revision)) entry = undefined;
  // after a split, merge or furniture change: built anew, over the analyses of the unchanged segments
  let previous: AnalysisSource | undefined;
  if (entry && newest > entry.revision) {
    const since = store.revisedSince(documentId, entry.revision);
    // a furniture segment edited (page furniture is no part of the evidence, before or after) changes nothing here
    const segs = since.structure ? null : since.segments.map((id) => store.segment(id)).filter((s) => !(s && s.furniture && !entry!.evidence.has(s.id)));
    if (!segs || segs.some((s) => !s || s.retired || s.furniture) || !entry.evidence.update(segs.map((s) => toCheckSegment(s!)))) {
      previous = entry.source();
      entry = undefined;
    } else entry.revision = newest;
  }
  // the segment's stored text, whatever the revisions said (a text written without one)
  if (entry && entry.evidence.textOf(seg.id) !== seg.text && !entry.evidence.update([toCheckSegment(seg)])) {
    previous = entry.source();
    entry = undefined;
  }
  entry ??= new KeptEvidence(new DocumentEvidence(store.segmentsToCheck(documentId).filter((s) => !s.furniture).map(toCheckSegment), ctx, previous), newest, ctxKey);
  keepRecent(kept, documentId, entry, EVIDENCE_DOCUMENTS);
  return entry.evidence;
}

/**
 * Before a save of the segment takes the write lock: when no evidence of its document is kept,
 * build it now, in a read snapshot (0.2–0.4 s on a 1 MB document; one a whole-document run left
 * to build from its analyses, ~10 ms, is built here too), so that the save's re-check
 * inside the lock only brings it up to date by the revisions since (`evidenceFor`) — never stores
 * anything from it here. A document whose evidence is kept and built (a save or a check run before)
 * costs a map look-up. Only saves call it (`editSegment`); other writes on a segment (a fix, a
 * replace, an undo) build a run's left evidence inside their lock, ~10 ms once, where the run and
 * the write share a store (not in the app, whose runs are offloaded to a worker with its own).
 */
export function prepareEvidence(store: Store, seg: { id: number; documentId: number; furniture: string | null }): void {
  if (seg.furniture) return;
  const entry = keptEvidence.get(store)?.get(seg.documentId);
  // left by a whole-document run for its first use: built here, outside the lock
  if (entry) return void entry.evidence;
  store.readSnapshot(() => {
    const now = store.segment(seg.id);
    if (now && !now.retired && !now.furniture) evidenceFor(store, now, checkContext(store, now.documentId));
  });
}

/** Whether a document's evidence is kept, and built or left to build at its first use (tests, diagnostics). */
export function keptEvidenceState(store: Store, documentId: number): 'none' | 'left to build' | 'built' {
  const entry = keptEvidence.get(store)?.get(documentId);
  return !entry ? 'none' : entry.peek() ? 'built' : 'left to build';
}

/** The evidence kept for a document and the database revision it has seen, built if it was left to build (tests, diagnostics). */
export function keptDocumentEvidence(store: Store, documentId: number): { evidence: DocumentEvidence; revision: number } | undefined {
  const entry = keptEvidence.get(store)?.get(documentId);
  return entry && { evidence: entry.evidence, revision: entry.revision };
}

/**
 * After a segment's text changed: re-run the per-segment rules on it, with the document's
 * evidence (`evidenceFor`), and drop document-level findings on it whose text is no longer
 * there (resolved by the edit).
 */
export function recheckSegment(store: Store, segmentId: number, now: string): void {
  const seg = store.segment(segmentId);
  if (!seg || seg.retired) return;
  const stale: number[] = [];
  const before = store.segmentFindings(segmentId);
  // a place the document decided (a document-scope row kept while its text stands) keeps its one card: the re-check's own
  // reading there gives way, and inside a company's name the name's card reports (as the whole run's `yieldToBrands`)
  const decided: { rule: string; start: number; end: number; text: string; group: string | null }[] = [];
  const isDecided = (r: { rule: string; start: number; end: number; text: string }) =>
    decided.some((d) => d.rule === r.rule && (isBrandGroup(d.group) ? r.start < d.end && d.start < r.end : d.start === r.start && d.end === r.end && d.text === r.text));
  for (const f of before) {
    if (f.scope === 'segment' || seg.text.slice(f.start, f.end) !== f.text) stale.push(f.id);
    else if (f.scope === 'document') decided.push(f);
  }
  const ctx = checkContext(store, seg.documentId);
  const evidence = seg.furniture ? undefined : evidenceFor(store, seg, ctx).forSegment(seg.id);
  let found = checkSegment(withParallel(toCheckSegment(seg), store.parallelForSegment(seg.id, seg.documentId)), ctx, evidence);
  // the segment's places of a document-wide group (half-width punctuation, rows without English) join the document's group
  for (const [rule, group] of DOCUMENT_GROUPS) found = joinDocumentGroup(store, seg.documentId, seg.id, rule, group, found);
  // rows of this segment only (a document-wide group lists the others' places too)
  const rows = carryDismissals(store, seg.documentId, findingRows(seg.documentId, found, now).filter((r) => r.segmentId === seg.id && !isDecided(r)), seg.id);
  store.deleteFindingsById(stale);
  store.addFindings(rows);
  // a document-wide group whose places here changed: its count and summary follow, worded once
  // per transaction (wordDocumentGroups: a fix all changes hundreds of its segments)
  let after: typeof before | undefined;
  for (const [rule, group] of DOCUMENT_GROUPS) {
    const places = (fs: readonly { rule: string; group: string | null; start: number; end: number; text: string; scope: string }[]) =>
      fs
        .filter((f) => f.rule === rule && f.group === group && f.scope !== 'project')
        .map((f) => `${f.start}|${f.end}|${f.text}`)
        .sort()
        .join('\n');
    // the segment's rows as stored now, read once for every group (a save's hot path)
    if (places(before) === places((after ??= store.segmentFindings(segmentId)))) continue;
    let pending = groupsToWord.get(store);
    if (!pending) groupsToWord.set(store, (pending = new Map()));
    pending.set(`${seg.documentId}|${rule}`, { documentId: seg.documentId, rule, group });
  }
}

/** Document-wide groups whose places a re-check changed, to be worded anew before the transaction commits. */
const groupsToWord = new WeakMap<Store, Map<string, { documentId: number; rule: RuleId; group: string }>>();

/**
 * Word anew each document-wide group (half-width punctuation, rows without English) whose places a
 * segment's re-check changed: its count and summary over every place stored, written on every row
 * of the group (they share it), as the full check words it. The write transaction calls it before
 * COMMIT (core/operations/engine.ts `tx`); after a rollback, `discard`.
 */
export function wordDocumentGroups(store: Store, discard = false): void {
  const pending = groupsToWord.get(store);
  if (!pending?.size) return;
  groupsToWord.delete(store);
  if (discard) return;
  for (const { documentId, rule, group } of pending.values()) {
    const texts = store.documentGroupTexts(documentId, group, rule);
    if (!texts.length) continue;
    const m = documentGroupMessage(rule, texts);
    store.setDocumentGroupMessage(documentId, group, rule, m.message, serializeFindingMessage(m.messageData));
  }
}

/**
 * A segment's re-check of a rule that runChecks gathers into one group per document (half-width
 * punctuation, rows without English): the segment's places join the group stored for the
 * document's other places, with its severity and key (recheckSegment then words the group anew,
 * counting every place, when the segment's places in it changed: a save that changes none reads
 * nothing more). Without other places the segment's own stand.
 */
function joinDocumentGroup(store: Store, documentId: number, segmentId: number, rule: RuleId, group: string, found: Finding[]): Finding[] {
  if (!found.some((f) => f.rule === rule)) return found;
  const head = store.groupHead(documentId, group, rule, segmentId);
  if (!head) return found;
  const messageData = parseFindingMessage(head.messageData);
  return found.map((f) => (f.rule === rule ? { ...f, severity: head.severity, message: head.message, ...(messageData ? { messageData } : {}), group } : f));
}

/** Stored rows → findings with their group's other locations, as the app shows them. */
export function assembleFindings(store: Store, documentId: number, includeDismissed = true): StoredFinding[] {
  // one snapshot: the rows, their segments' texts and their primaries' details read together
  return store.readSnapshot(() => assembleFindingsNow(store, documentId, includeDismissed)) as StoredFinding[];
}

function assembleFindingsNow(store: Store, documentId: number, includeDismissed: boolean): StoredFinding[] {
  // rows without their message (the same for a whole group): the shown rows' messages are read below
  const rows = store.findingLocations(documentId);
  // Texts of the segments that have findings only, read in one statement (loading a large
  // document's every text cost more than the rest of the assembly; a point query per segment,
  // ~8,800 on the 1 MB bench text, cost more than the one read); a project group's rows in
  // other documents are read a point query each.
  const texts = new Map<number, string | undefined>(store.findingSegmentTexts(documentId));
  const textOf = (segmentId: number) => {
    if (!texts.has(segmentId)) texts.set(segmentId, store.segmentText(segmentId));
    return texts.get(segmentId);
  };
  return assembleRows(store, rows, textOf, (ids) => store.findingDetails(ids), includeDismissed);
}

/**
 * Whether the document's rows are exactly `rows`, given the ids `ids` in their order (its row count
 * and id range are theirs), with each live segment's row number: what `writtenFindings` needs.
 * Called inside the write transaction, after its last write; null when they are not.
 */
function writtenRows(store: Store, documentId: number, rows: readonly NewFinding[], ids: { first: number; count: number } | null): { first: number; positions: Map<number, number> } | null {
  if (!ids || ids.count !== rows.length) return null;
  const span = store.documentFindingSpan(documentId);
  if (span.count !== rows.length || span.min !== ids.first || span.max !== ids.first + rows.length - 1) return null;
  return { first: ids.first, positions: store.livePositions(documentId) };
}

/**
 * A first check's findings from the rows it wrote (`writtenRows`) and the texts it read, as
 * `assembleFindingsNow` reads them back; null when a row's segment is not among them (then read back).
 */
function writtenFindings(store: Store, documentId: number, rows: readonly NewFinding[], written: { first: number; positions: Map<number, number> }, segments: readonly CheckSegment[]): StoredFinding[] | null {
  const { first, positions } = written;
  const texts = new Map<number, string>();
  for (const s of segments) texts.set(s.id, s.text);
  const located = new Array<FindingLocationRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const segmentIndex = positions.get(r.segmentId);
    if (segmentIndex === undefined || !texts.has(r.segmentId)) return null;
    located[i] = { id: first + i, documentId, segmentId: r.segmentId, start: r.start, end: r.end, text: r.text, fixes: storedFixes(r.fixes), group: r.group ?? null, segmentIndex };
  }
  // listFindingLocations' order
  located.sort((a, b) => a.segmentIndex! - b.segmentIndex! || a.start - b.start || a.id - b.id);
  const details = (primaries: readonly number[]) => {
    const out = new Map<number, FindingDetails>();
    for (const id of primaries) {
      const r = rows[id - first];
      out.set(id, { rule: r.rule, severity: r.severity, scope: r.scope, message: r.message, messageData: r.messageData ?? null, dismissedReason: r.dismissedReason ?? null, dismissedAt: r.dismissedAt ?? null });
    }
    return out;
  };
  return assembleRows(store, located, (id) => texts.get(id) ?? store.segmentText(id), details, true);
}

/** A row's fixes as reading them back gives them (insertFindings stores them as JSON): a copy, through JSON unless they are plain. */
function storedFixes(fixes: NewFinding['fixes']): NewFinding['fixes'] {
  const out: NewFinding['fixes'] = [];
  for (const f of fixes) {
    // exactly start, end, replacement in that order (JSON would give them so), integers and a string
    let n = 0;
    for (const key in f) {
      if (key !== FIX_KEYS[n]) {
        n = -1;
        break;
      }
      n++;
    }
    const plain = n === 3 && Number.isSafeInteger(f.start) && Number.isSafeInteger(f.end) && !Object.is(f.start, -0) && !Object.is(f.end, -0) && typeof f.replacement === 'string';
    if (!plain) return JSON.parse(JSON.stringify(fixes)) as NewFinding['fixes'];
    out.push({ start: f.start, end: f.end, replacement: f.replacement });
  }
  return out;
}
const FIX_KEYS = ['start', 'end', 'replacement'];

/**
 * Rows in `listFindingLocations`' order → findings: grouped by key, the group's first row by id its
 * primary, whose details (`details`) the finding shows; each location with the text around it.
 */
function assembleRows(store: Store, rows: readonly FindingLocationRow[], textOf: (segmentId: number) => string | undefined, details: (primaryIds: number[]) => Map<number, FindingDetails>, includeDismissed: boolean): StoredFinding[] {
  const groups = new Map<string, FindingLocationRow[]>();
  const order: string[] = [];
  for (const r of rows) {
    const k = r.group ?? `#${r.id}`;
    if (!groups.has(k)) {
      groups.set(k, []);
      order.push(k);
    }
    groups.get(k)!.push(r);
  }
  const contextOf = (r: FindingLocationRow) => {
    const text = textOf(r.segmentId);
    return text === undefined ? undefined : contextAround(text, r.start, r.end);
  };
  // The primary location is in this document; a project-wide group lists the others from every document.
  const primaries = order.map((k) => groups.get(k)!.reduce((a, b) => (a.id <= b.id ? a : b)));
  // rule, severity, scope, message and dismissal: the same on every row of a group, shown once
  const detailsById = details(primaries.map((p) => p.id));
  const loc = (r: FindingLocationRow) => {
    const l: StoredFinding['related'][number] = { findingId: r.id, documentId: r.documentId, segmentId: r.segmentId, segmentIndex: r.segmentIndex ?? 0, start: r.start, end: r.end, text: r.text, fixes: r.fixes };
    const c = contextOf(r);
    if (c) {
      l.before = c.before;
      l.after = c.after;
    }
    return l;
  };
  const out: StoredFinding[] = [];
  for (const [i, k] of order.entries()) {
    const primary = primaries[i];
    const d = detailsById.get(primary.id)!;
    if (!includeDismissed && d.dismissedReason) continue;
    const members: FindingLocationRow[] = d.scope === 'project' && primary.group ? store.findingsInProjectGroup(primary.documentId, primary.group) : groups.get(k)!;
    const related: StoredFinding['related'] = [];
    for (const m of members) if (m.id !== primary.id) related.push(loc(m));
    out.push({
      ...loc(primary),
      id: primary.id,
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      messageData: parseFindingMessage(d.messageData),
      group: primary.group,
      scope: d.scope,
      related,
      dismissedReason: d.dismissedReason,
      dismissedAt: d.dismissedAt,
    });
  }
  // a project check's finding and the document's own at the same place: one card with every reason
  return mergeStoredCards(out);
}

/** `snapshot`: the newest revision id, taken before the findings were read (core/versions.ts). */
export function report(findings: StoredFinding[], ms: number, snapshot?: number, projectCheck?: ProjectCheckState | null): FindingsReport {
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
  return { findings, counts: { byRule, bySeverity, dismissed }, ms, snapshot, ...(projectCheck !== undefined ? { projectCheck } : {}) };
}
