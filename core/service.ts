/**
 * The Jiaodui service: implements the API contract over db/ and shared/.
 * Every write runs in one IMMEDIATE transaction (one user action = one operation).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { deferCheckpoints, type CheckpointScheduler } from '../db/checkpoint';
import * as projq from '../db/queries/projects';
import * as docq from '../db/queries/documents';
import * as segq from '../db/queries/segments';
import * as histq from '../db/queries/history';
import * as searchq from '../db/queries/search';
import * as setq from '../db/queries/settings';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { ArgsOf, JiaoduiApi, ResultOf } from '../shared/contract/api';
import type { ChangeResult, OperationKind, SegmentStatus, Settings, UndoState } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import * as labels from '../shared/operation-labels';
import { prepareImport } from '../shared/import/prepare';

import { charDiff } from '../shared/text/diff';
import { mapPosition } from '../shared/text/anchor';
import { applyField, encodeStructure, render, writeText, type FindingState, type StructureState } from './segment-writes';
import { assembleFindings, report, runDocumentChecks, runProjectChecks } from './checks';
import { RULES, type RuleId } from '../shared/checks';
import * as fq from '../db/queries/findings';
import type { ReviewHost } from './review-host';
import * as replace from './replace';
import * as history from './history';
import * as annotations from './annotations';
import * as glossary from './glossary';
import * as claims from './claims';
import { CLAIMS_RULE_INFO } from './claims-findings';
import * as exporting from './export';
import * as parallel from './parallel';
import { englishAccess, MtController } from './mt';
import { Glosses, glossCachePath } from './glosses';
import { MAX_SEGMENT_LENGTH } from '../shared/text/limits';
import * as glossaryq from '../db/queries/glossary';

export interface ServiceOptions {
  dbPath: string;
  version: string;
  /** Default author name (the OS user) until the reviewer sets one. */
  defaultAuthor: string;
}

const DEFAULT_PROJECT = 'Inbox';
export const SAMPLE_PROJECT = 'Samples';

function base64ToBytes(data: string): Uint8Array {
  return new Uint8Array(Buffer.from(data, 'base64'));
}

export class JiaoduiService implements JiaoduiApi {
  /** WAL checkpoints run after writes pause, not inside a reviewer's save (db/checkpoint.ts). */
  private readonly checkpoints: CheckpointScheduler;

  constructor(
    readonly db: Db,
    private readonly opts: ServiceOptions,
  ) {
    this.checkpoints = deferCheckpoints(db);
  }

  private now(): string {
    return new Date().toISOString();
  }

  private tx<T>(fn: () => T): T {
    try {
      const r = this.db.transaction(fn).immediate();
      if (!this.db.inTransaction) this.checkpoints.noteCommit();
      return r;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new JiaoduiError('db-busy', 'The database is busy: another Jiaodui window or command is writing to it. Nothing was changed; try again in a moment.');
      }
      throw e;
    }
  }

  // ---- info & settings ----------------------------------------------------------------

  getInfo(): ResultOf<'getInfo'> {
    const sample = projq.findProjectByName(this.db, SAMPLE_PROJECT);
    return {
      version: this.opts.version,
      dbPath: this.opts.dbPath,
      schemaVersion: LATEST_SCHEMA_VERSION,
      author: this.getSettings().author,
      sampleProjectId: sample?.id ?? null,
    };
  }

  /** The database opened fine: nothing to recover (core/recovery-api.ts answers these when it did not). */
  recoveryStatus(): ResultOf<'recoveryStatus'> {
    return { state: 'ok', dbPath: this.opts.dbPath, problem: null, backups: [] };
  }

  recoverDatabase(): Promise<ResultOf<'recoverDatabase'>> {
    return Promise.reject(new JiaoduiError('conflict', 'The database is fine; there is nothing to recover.'));
  }

  getSettings(): Settings {
    return {
      author: setq.getSetting(this.db, 'author') ?? this.opts.defaultAuthor,
      locale: (setq.getSetting(this.db, 'locale') as Settings['locale'] | undefined) ?? 'en',
    };
  }

  updateSettings(args: ArgsOf<'updateSettings'>): Settings {
    this.tx(() => {
      if (args.author !== undefined) setq.setSetting(this.db, 'author', args.author.trim());
      if (args.locale !== undefined) setq.setSetting(this.db, 'locale', args.locale);
    });
    return this.getSettings();
  }

  // ---- projects ------------------------------------------------------------------------

  listProjects(): ResultOf<'listProjects'> {
    return projq.listProjects(this.db);
  }

  createProject(args: ArgsOf<'createProject'>): ResultOf<'createProject'> {
    return this.tx(() => {
      if (projq.findProjectByName(this.db, args.name)) throw new JiaoduiError('conflict', `A project named "${args.name}" already exists.`);
      return projq.getProject(this.db, projq.insertProject(this.db, args.name, this.now()))!;
    });
  }

  renameProject(args: ArgsOf<'renameProject'>): ResultOf<'renameProject'> {
    return this.tx(() => {
      this.requireProject(args.projectId);
      const other = projq.findProjectByName(this.db, args.name);
      if (other && other.id !== args.projectId) throw new JiaoduiError('conflict', `A project named "${args.name}" already exists.`);
      projq.renameProject(this.db, args.projectId, args.name);
      return projq.getProject(this.db, args.projectId)!;
    });
  }

  private requireProject(id: number) {
    const p = projq.getProject(this.db, id);
    if (!p) throw new JiaoduiError('not-found', `There is no project ${id}.`);
    return p;
  }

  private projectIdFor(args: { projectId?: number; projectName?: string }): number {
    if (args.projectId !== undefined) return this.requireProject(args.projectId).id;
    const name = args.projectName ?? DEFAULT_PROJECT;
    return projq.findProjectByName(this.db, name)?.id ?? projq.insertProject(this.db, name, this.now());
  }

  // ---- documents -----------------------------------------------------------------------

  listDocuments(args: ArgsOf<'listDocuments'>): ResultOf<'listDocuments'> {
    return docq.listDocuments(this.db, args);
  }

  getDocument(args: ArgsOf<'getDocument'>): ResultOf<'getDocument'> {
    return this.requireDocument(args.documentId);
  }

  private requireDocument(id: number) {
    const d = docq.getDocument(this.db, id);
    if (!d) throw new JiaoduiError('not-found', `There is no document ${id}.`);
    return d;
  }

  updateDocument(args: ArgsOf<'updateDocument'>): ResultOf<'updateDocument'> {
    return this.tx(() => {
      const before = this.requireDocument(args.documentId);
      docq.updateDocument(this.db, args.documentId, { title: args.title, source: args.source, date: args.date, variant: args.variant });
      if (args.variant && args.variant !== before.variant) this.rerender(args.documentId);
      return this.requireDocument(args.documentId);
    });
  }

  private rerender(documentId: number): void {
    const doc = docq.getDocumentScript(this.db, documentId);
    for (const s of segq.segmentTexts(this.db, documentId)) {
      const r = render(doc, s.text);
      segq.updateRendering(this.db, s.id, r.text, r.map);
    }
  }

  moveDocument(args: ArgsOf<'moveDocument'>): ResultOf<'moveDocument'> {
    return this.tx(() => {
      this.requireDocument(args.documentId);
      this.requireProject(args.projectId);
      // another project, another glossary: re-render what it changes
      glossary.withGlossaryRerender(this.db, [args.documentId], () => docq.updateDocument(this.db, args.documentId, { projectId: args.projectId }));
      return this.requireDocument(args.documentId);
    });
  }

  trashDocument(args: ArgsOf<'trashDocument'>): ResultOf<'trashDocument'> {
    return this.tx(() => {
      this.requireDocument(args.documentId);
      docq.updateDocument(this.db, args.documentId, { trashedAt: this.now() });
      return this.requireDocument(args.documentId);
    });
  }

  restoreDocument(args: ArgsOf<'restoreDocument'>): ResultOf<'restoreDocument'> {
    return this.tx(() => {
      this.requireDocument(args.documentId);
      docq.updateDocument(this.db, args.documentId, { trashedAt: null });
      return this.requireDocument(args.documentId);
    });
  }

  emptyTrash(): ResultOf<'emptyTrash'> {
    return this.tx(() => ({ deleted: docq.deleteTrashedDocuments(this.db) }));
  }

  // ---- import --------------------------------------------------------------------------

  previewImport(args: ArgsOf<'previewImport'>): ResultOf<'previewImport'> {
    const bytes = base64ToBytes(args.data);
    const p = prepareImport(bytes, { encoding: args.encoding, variant: args.variant });
    return {
      guess: p.guess,
      encoding: p.encoding,
      preview: p.text.slice(0, 400),
      script: p.script,
      variant: p.variant,
      segments: p.segmented.segments.length,
      title: p.metadata.title,
      byteSize: bytes.length,
    };
  }

  importDocument(args: ArgsOf<'importDocument'>): ResultOf<'importDocument'> {
    return this.importBytes(base64ToBytes(args.data), args);
  }

  /** Import raw bytes (the CLI and first-start sample import call this directly). */
  importBytes(
    bytes: Uint8Array,
    args: Omit<ArgsOf<'importDocument'>, 'data'>,
  ): ResultOf<'importDocument'> {
    const p = prepareImport(bytes, { encoding: args.encoding, variant: args.variant }); // throws before any write
    const sha = createHash('sha256').update(bytes).digest('hex');
    const now = this.now();
    return this.tx(() => {
      const projectId = this.projectIdFor(args);
      const documentId = docq.insertDocument(this.db, {
        projectId,
        title: args.title ?? p.metadata.title ?? args.fileName,
        source: p.metadata.source,
        date: p.metadata.date,
        dateText: p.metadata.dateText,
        script: p.script,
        variant: p.variant,
        encoding: p.encoding,
        fileName: args.fileName,
        byteSize: bytes.length,
        contentSha256: sha,
        leading: p.segmented.leading,
        importedAt: now,
      });
      segq.insertSegments(
        this.db,
        p.segmented.segments.map((s, i) => ({
          documentId,
          position: i,
          paragraph: s.paragraph,
          machineText: s.text,
          currentText: s.text,
          sep: s.sep,
          start: s.start,
          end: s.end,
          rendering: p.renderings[i].text,
          renderingMap: p.renderings[i].map,
          status: 'unreviewed',
          furniture: s.furniture,
          speaker: s.speaker,
          turn: s.turn,
          parentId: null,
          updatedAt: now,
        })),
      );
      segq.indexDocumentSegments(this.db, documentId);
      glossary.rerenderForGlossary(this.db, [documentId]); // the project's confirmed names
      return { documentId, segments: p.segmented.segments.length, encoding: p.encoding, encodingDetected: p.detected, encodingConfidence: p.confidence, script: p.script, variant: p.variant };
    });
  }

  /** First start: import the bundled sample into "Samples", once per database. */
  ensureSample(bytes: Uint8Array, fileName: string): number | null {
    if (setq.getSetting(this.db, 'sampleImported') || docq.countDocuments(this.db) > 0) return null;
    const r = this.importBytes(bytes, { fileName, projectName: SAMPLE_PROJECT });
    setq.setSetting(this.db, 'sampleImported', String(r.documentId));
    return r.documentId;
  }

  // ---- segments and operations ---------------------------------------------------------

  getSegments(args: ArgsOf<'getSegments'>): ResultOf<'getSegments'> {
    this.requireDocument(args.documentId);
    return parallel.withParallel(this.db, segq.listSegments(this.db, args.documentId).map(segq.toPublic));
  }

  private requireLiveSegment(id: number): segq.SegmentRow {
    const s = segq.getSegment(this.db, id);
    if (!s) throw new JiaoduiError('not-found', `There is no segment ${id}.`);
    if (s.retired) throw new JiaoduiError('conflict', `Segment ${id} was split or merged; reload the document.`);
    return s;
  }

  /**
   * Run one undoable operation: clears redo, records revisions, returns the changed segments.
   * With `extend`, the revisions join that operation instead (relabelled), as long as it is
   * still the project's newest operation and not undone: a background job's writes are then
   * one undo step; anything done in between starts a new operation.
   */
  private operation(
    projectId: number,
    kind: OperationKind,
    label: labels.OperationLabel,
    body: (record: (r: histq.NewRevision) => void, now: string) => { touched: number[]; removed?: number[] },
    extend?: { operationId: number; label: labels.OperationLabel } | null,
  ): ChangeResult {
    return this.tx(() => {
      const now = this.now();
      const author = this.getSettings().author;
      const revs: histq.NewRevision[] = [];
      const { touched, removed = [] } = body((r) => revs.push(r), now);
      let operationId: number | null = null;
      if (revs.length) {
        const newest = extend ? histq.newestOperation(this.db, projectId) : undefined;
        if (extend && newest?.id === extend.operationId && newest.state === 'done') {
          operationId = extend.operationId;
          histq.setOperationLabel(this.db, operationId, extend.label.text, labels.serializeOperationLabel(extend.label));
        } else {
          histq.clearRedo(this.db, projectId);
          operationId = histq.insertOperation(this.db, { projectId, kind, label: label.text, labelData: labels.serializeOperationLabel(label), author, createdAt: now });
        }
        histq.insertRevisions(this.db, operationId, author, now, revs);
      }
      return this.changeResult(projectId, operationId, touched, removed);
    });
  }

  private changeResult(projectId: number, operationId: number | null, touched: number[], removed: number[]): ChangeResult {
    const segments = [...new Set(touched)]
      .map((id) => segq.getSegment(this.db, id))
      .filter((s): s is segq.SegmentRow => !!s && !s.retired)
      .map(segq.toPublic);
    return { operationId, segments: parallel.withParallel(this.db, segments), removedSegmentIds: removed, undo: this.undoState({ projectId }) };
  }

  editSegment(args: ArgsOf<'editSegment'>): ResultOf<'editSegment'> {
    const seg = this.requireLiveSegment(args.segmentId);
    return this.operation(seg.projectId, 'edit', labels.editSegmentLabel(seg.index + 1), (record, now) => {
      writeText(this.db, record, seg, args.text, args.reason ?? 'manual', now);
      return { touched: [seg.id] };
    });
  }

  setStatus(args: ArgsOf<'setStatus'>): ResultOf<'setStatus'> {
    const segs = args.segmentIds.map((id) => this.requireLiveSegment(id));
    const projectIds = new Set(segs.map((s) => s.projectId));
    if (projectIds.size > 1) throw new JiaoduiError('invalid-input', 'Segments from several projects cannot change status in one step.');
    const label = labels.statusLabel(segs.map((s) => s.index + 1), args.status);
    return this.operation(segs[0].projectId, 'status', label, (record, now) => {
      for (const s of segs) {
        if (s.status === args.status) continue;
        record({ segmentId: s.id, field: 'status', before: s.status, after: args.status, reason: 'review' });
        segq.updateSegmentStatus(this.db, s.id, args.status, now);
      }
      return { touched: segs.map((s) => s.id) };
    });
  }

  setFurniture(args: ArgsOf<'setFurniture'>): ResultOf<'setFurniture'> {
    const seg = this.requireLiveSegment(args.segmentId);
    const after = args.furniture ? (seg.furniture ?? 'manual') : null;
    return this.operation(seg.projectId, 'furniture', labels.furnitureLabel(seg.index + 1, args.furniture), (record, now) => {
      if (after === seg.furniture) return { touched: [seg.id] };
      record({ segmentId: seg.id, field: 'furniture', before: seg.furniture, after, reason: 'manual' });
      segq.updateSegmentFurniture(this.db, seg.id, after, now);
      return { touched: [seg.id] };
    });
  }

  splitSegment(args: ArgsOf<'splitSegment'>): ResultOf<'splitSegment'> {
    const seg = this.requireLiveSegment(args.segmentId);
    const text = seg.text;
    if (args.at <= 0 || args.at >= text.length) throw new JiaoduiError('invalid-input', 'Split inside the text, not at its start or end.');
    if (/[\uDC00-\uDFFF]/.test(text[args.at]) && /[\uD800-\uDBFF]/.test(text[args.at - 1])) throw new JiaoduiError('invalid-input', `Position ${args.at} is inside a character (a surrogate pair); split before or after it.`);
    const left = text.slice(0, args.at).replace(/\s+$/u, '');
    const rightRaw = text.slice(args.at);
    const right = rightRaw.replace(/^\s+/u, '');
    if (!left || !right) throw new JiaoduiError('invalid-input', 'Both parts of a split need some text.');
    const mid = text.slice(left.length, text.length - right.length);
    // The machine text splits at the corresponding point of the machine version.
    const m = mapPosition(charDiff(text, seg.machineText), args.at);
    const mLeft = seg.machineText.slice(0, m).replace(/\s+$/u, '');
    const mRightRaw = seg.machineText.slice(m);
    const mRight = mRightRaw.replace(/^\s+/u, '');
    const doc = docq.getDocumentScript(this.db, seg.documentId);
    return this.operation(seg.projectId, 'split', labels.splitLabel(seg.index + 1), (record, now) => {
      const next = segq.nextLiveSegment(this.db, seg.documentId, seg.position);
      const pos2 = next ? (seg.position + next.position) / 2 : seg.position + 1;
      const common = { documentId: seg.documentId, paragraph: seg.paragraph, status: seg.status, furniture: seg.furniture, speaker: seg.speaker, turn: seg.turn, parentId: seg.id, updatedAt: now };
      const rl = render(doc, left);
      const rr = render(doc, right);
      const a = segq.insertSegment(this.db, { ...common, position: seg.position, machineText: mLeft, currentText: left, sep: mid, start: seg.start, end: seg.start + mLeft.length, rendering: rl.text, renderingMap: rl.map });
      const b = segq.insertSegment(this.db, { ...common, position: pos2, machineText: mRight, currentText: right, sep: seg.sep, start: seg.end - mRight.length, end: seg.end, rendering: rr.text, renderingMap: rr.map });
      segq.setRetired(this.db, [a, b], true, now);
      parallel.carryParallel(this.db, [seg.id], [a, b], now);
      claims.carryCandidateDecisions(this.db, [seg.id], [{ id: a, text: left }, { id: b, text: right }]);
      const before: StructureState = { live: [seg.id], retired: [a, b] };
      const after: StructureState = { live: [a, b], retired: [seg.id] };
      record({ segmentId: seg.id, field: 'structure', before: encodeStructure(before), after: encodeStructure(after), reason: 'split' });
      applyField(this.db, seg.id, 'structure', encodeStructure(after), now);
      return { touched: [a, b], removed: [seg.id] };
    });
  }

  mergeSegments(args: ArgsOf<'mergeSegments'>): ResultOf<'mergeSegments'> {
    const seg = this.requireLiveSegment(args.segmentId);
    const nextRef = segq.nextLiveSegment(this.db, seg.documentId, seg.position);
    if (!nextRef) throw new JiaoduiError('invalid-input', 'The last segment has nothing after it to merge with.');
    const next = this.requireLiveSegment(nextRef.id);
    const doc = docq.getDocumentScript(this.db, seg.documentId);
    const text = seg.text + seg.sep + next.text;
    if (text.length > MAX_SEGMENT_LENGTH) {
      throw new JiaoduiError('invalid-input', `Merged, these segments would hold ${text.length} characters, more than a segment may (${MAX_SEGMENT_LENGTH}); they were left as they are.`);
    }
    const status: SegmentStatus =
      seg.status === 'approved' && next.status === 'approved' ? 'approved' : seg.status === 'unreviewed' && next.status === 'unreviewed' ? 'unreviewed' : 'edited';
    return this.operation(seg.projectId, 'merge', labels.mergeLabel(seg.index + 1), (record, now) => {
      const r = render(doc, text);
      const u = segq.insertSegment(this.db, {
        documentId: seg.documentId,
        position: seg.position,
        paragraph: seg.paragraph,
        machineText: seg.machineText + seg.sep + next.machineText,
        currentText: text,
        sep: next.sep,
        start: seg.start,
        end: next.end,
        rendering: r.text,
        renderingMap: r.map,
        status,
        furniture: seg.furniture && next.furniture ? seg.furniture : null,
        speaker: seg.speaker ?? next.speaker,
        turn: seg.turn ?? next.turn,
        parentId: seg.id,
        updatedAt: now,
      });
      segq.setRetired(this.db, [u], true, now);
      parallel.carryParallel(this.db, [seg.id, next.id], [u], now);
      claims.carryCandidateDecisions(this.db, [seg.id, next.id], [{ id: u, text }]);
      const before: StructureState = { live: [seg.id, next.id], retired: [u] };
      const after: StructureState = { live: [u], retired: [seg.id, next.id] };
      record({ segmentId: seg.id, field: 'structure', before: encodeStructure(before), after: encodeStructure(after), reason: 'merge' });
      applyField(this.db, seg.id, 'structure', encodeStructure(after), now);
      return { touched: [u], removed: [seg.id, next.id] };
    });
  }

  undoState(args: ArgsOf<'undoState'>): UndoState {
    const u = histq.lastDoneOperation(this.db, args.projectId);
    const r = histq.lastUndoneOperation(this.db, args.projectId);
    return {
      canUndo: !!u,
      canRedo: !!r,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
      undoLabelKey: labels.parseOperationLabel(u?.labelData),
      redoLabelKey: labels.parseOperationLabel(r?.labelData),
    };
  }

  undo(args: ArgsOf<'undo'>): ResultOf<'undo'> {
    return this.replay(args.projectId, 'undo');
  }

  redo(args: ArgsOf<'redo'>): ResultOf<'redo'> {
    return this.replay(args.projectId, 'redo');
  }

  /** Undo and redo are new operations whose revisions restore the old values: history is never rewritten. */
  private replay(projectId: number, kind: 'undo' | 'redo'): ChangeResult {
    this.requireProject(projectId);
    return this.tx(() => {
      const target = kind === 'undo' ? histq.lastDoneOperation(this.db, projectId) : histq.lastUndoneOperation(this.db, projectId);
      if (!target) throw new JiaoduiError('conflict', kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      const now = this.now();
      const author = this.getSettings().author;
      const revs = histq.revisionsOfOperation(this.db, target.id);
      const ordered = kind === 'undo' ? [...revs].reverse() : revs;
      const label = labels.replayLabel(kind, { label: target.label, structured: labels.parseOperationLabel(target.labelData) });
      const opId = histq.insertOperation(this.db, {
        projectId,
        kind,
        label: label.text,
        labelData: labels.serializeOperationLabel(label),
        author,
        createdAt: now,
        targetOperationId: target.id,
      });
      const touched: number[] = [];
      const removed: number[] = [];
      const newRevs: histq.NewRevision[] = [];
      for (const r of ordered) {
        const value = kind === 'undo' ? r.before : r.after;
        const old = kind === 'undo' ? r.after : r.before;
        if (r.field === 'claim' || r.field === 'claim-candidate') claims.applyClaimRevision(this.db, r.field, value, now, author);
        else applyField(this.db, r.segmentId, r.field, value, now);
        newRevs.push({ segmentId: r.segmentId, field: r.field, before: old, after: value, reason: kind });
        if (r.field === 'structure') {
          const st = JSON.parse(value ?? '{}') as StructureState;
          touched.push(...st.live);
          removed.push(...st.retired);
        } else touched.push(r.segmentId);
      }
      histq.insertRevisions(this.db, opId, author, now, newRevs);
      if (kind === 'undo') histq.markUndone(this.db, target.id, opId);
      else histq.markDone(this.db, target.id);
      return this.changeResult(projectId, opId, touched.filter((id) => !removed.includes(id)), removed);
    });
  }

  segmentHistory(args: ArgsOf<'segmentHistory'>): ResultOf<'segmentHistory'> {
    if (!segq.getSegment(this.db, args.segmentId)) throw new JiaoduiError('not-found', `There is no segment ${args.segmentId}.`);
    return histq.revisionsOfSegment(this.db, args.segmentId);
  }

  // ---- search, export, annotations -----------------------------------------------------

  search(args: ArgsOf<'search'>): ResultOf<'search'> {
    const q = args.query;
    const limit = args.limit ?? 200;
    const rows = Array.from(q).length >= 3 ? searchq.searchTrigram(this.db, q, args.projectId, limit) : searchq.searchScan(this.db, q, args.projectId, limit);
    const lq = q.toLowerCase();
    return rows.map((r) => {
      const at = r.text.toLowerCase().indexOf(lq);
      return {
        documentId: r.documentId,
        documentTitle: r.documentTitle,
        projectId: r.projectId,
        segmentId: r.segmentId,
        index: r.position,
        text: r.text,
        matchStart: at >= 0 ? at : null,
        matchEnd: at >= 0 ? at + q.length : null,
        matchedIn: at >= 0 ? ('text' as const) : ('rendering' as const),
      };
    });
  }

  /** Asynchronous (DOCX packing); the database is read before the first await. */
  async exportDocument(args: ArgsOf<'exportDocument'>): Promise<ResultOf<'exportDocument'>> {
    return exporting.exportDocument(this.db, this.requireDocument(args.documentId), args, this.now(), this.getSettings().author);
  }

  importXliff(args: ArgsOf<'importXliff'>): ResultOf<'importXliff'> {
    return exporting.importXliff(this.review, args.documentId, args.content);
  }

  // ---- checks and findings -------------------------------------------------------------

  listRules(): ResultOf<'listRules'> {
    return [...RULES, CLAIMS_RULE_INFO].map((r) => ({ id: r.id, title: r.title, scope: r.scope, description: r.description }));
  }

  runChecks(args: ArgsOf<'runChecks'>): ResultOf<'runChecks'> {
    this.requireDocument(args.documentId);
    const known = new Set<string>([...RULES.map((r) => r.id), CLAIMS_RULE_INFO.id]);
    const unknown = (args.rules ?? []).filter((r) => !known.has(r));
    if (unknown.length) throw new JiaoduiError('invalid-input', `Unknown rule(s): ${unknown.join(', ')}. Rules: ${[...known].join(', ')}.`);
    const ms = this.tx(() => runDocumentChecks(this.db, args.documentId, this.now(), args.rules as RuleId[] | undefined));
    return report(assembleFindings(this.db, args.documentId), ms);
  }

  checkProject(args: ArgsOf<'checkProject'>): ResultOf<'checkProject'> {
    this.requireProject(args.projectId);
    const ids = docq.listDocuments(this.db, { projectId: args.projectId }).map((d) => d.id);
    const ms = this.tx(() => runProjectChecks(this.db, ids, this.now()));
    const findings = ids.flatMap((id) => assembleFindings(this.db, id).filter((f) => f.scope === 'project' && f.documentId === id));
    // one finding per group (each document holds the group's members)
    const seen = new Set<string>();
    return report(findings.filter((f) => !f.group || (!seen.has(f.group) && seen.add(f.group))), ms);
  }

  listFindings(args: ArgsOf<'listFindings'>): ResultOf<'listFindings'> {
    this.requireDocument(args.documentId);
    return report(assembleFindings(this.db, args.documentId), 0);
  }

  private requireFinding(id: number) {
    const f = fq.getFinding(this.db, id);
    if (!f) throw new JiaoduiError('not-found', `There is no finding ${id} (the checks may have run again since).`);
    return f;
  }

  /** The rows a group-wide action touches: the finding alone, or every location of its group. */
  private findingTargets(id: number, scope: 'one' | 'group') {
    const f = this.requireFinding(id);
    if (scope !== 'group' || !f.group) return [f];
    return f.scope === 'project' ? fq.findingsInProjectGroup(this.db, f.documentId, f.group) : fq.findingsInGroup(this.db, f.documentId, f.group);
  }

  applyFix(args: ArgsOf<'applyFix'>): ResultOf<'applyFix'> {
    const targets = this.findingTargets(args.findingId, args.scope).filter((t) => !t.dismissedReason || t.id === args.findingId);
    const first = this.requireFinding(args.findingId);
    const doc = this.requireDocument(first.documentId);
    const label = labels.fixLabel(first.rule, targets.length, (segq.getSegment(this.db, first.segmentId)?.index ?? 0) + 1);
    return this.operation(doc.projectId, 'fix', label, (record, now) => {
      // Apply fixes per segment from the end backwards, so earlier offsets stay valid.
      const bySegment = new Map<number, { start: number; end: number; replacement: string; text: string; locStart: number; locEnd: number }[]>();
      for (const t of targets) {
        const fix = t.fixes[t.id === args.findingId ? (args.fixIndex ?? 0) : 0];
        if (!fix) continue;
        const list = bySegment.get(t.segmentId) ?? [];
        list.push({ ...fix, text: t.text, locStart: t.start, locEnd: t.end });
        bySegment.set(t.segmentId, list);
      }
      if (!bySegment.size) throw new JiaoduiError('invalid-input', 'This finding has no suggested fix; edit the segment instead.');
      const touched: number[] = [];
      for (const [segmentId, fixes] of bySegment) {
        const seg = this.requireLiveSegment(segmentId);
        let text = seg.text;
        for (const fx of fixes.sort((a, b) => b.start - a.start)) {
          if (seg.text.slice(fx.locStart, fx.locEnd) !== fx.text) {
            throw new JiaoduiError('conflict', 'The text changed since the checks ran; run the checks again.');
          }
          text = text.slice(0, fx.start) + fx.replacement + text.slice(fx.end);
        }
        writeText(this.db, record, seg, text, `fix:${first.rule}`, now);
        touched.push(segmentId);
      }
      return { touched };
    });
  }

  dismissFinding(args: ArgsOf<'dismissFinding'>): ResultOf<'dismissFinding'> {
    const targets = this.findingTargets(args.findingId, args.scope);
    const first = targets[0];
    const doc = this.requireDocument(first.documentId);
    this.operation(doc.projectId, 'dismiss', labels.dismissLabel(first.rule), (record, now) => {
      const before: FindingState = { ids: targets.map((t) => t.id), reason: null };
      const after: FindingState = { ids: before.ids, reason: args.reason };
      record({ segmentId: first.segmentId, field: 'finding', before: JSON.stringify(before), after: JSON.stringify(after), reason: `dismiss: ${args.reason}` });
      fq.dismissFindings(this.db, before.ids, args.reason, now);
      return { touched: [] };
    });
    return report(assembleFindings(this.db, doc.id), 0);
  }

  // ---- review workflow: find/replace, repetitions, history, annotations (core/replace.ts, history.ts, annotations.ts)

  private reviewHost?: ReviewHost;
  private get review(): ReviewHost {
    return (this.reviewHost ??= {
      db: this.db,
      tx: (fn) => this.tx(fn),
      now: () => this.now(),
      author: () => this.getSettings().author,
      operation: (projectId, kind, label, body, extend) => this.operation(projectId, kind, label, body, extend),
      requireLiveSegment: (id) => this.requireLiveSegment(id),
      requireDocument: (id) => this.requireDocument(id),
      requireProject: (id) => this.requireProject(id),
    });
  }

  listAnnotations(args: ArgsOf<'listAnnotations'>): ResultOf<'listAnnotations'> {
    return annotations.listAnnotations(this.review, args);
  }
  addAnnotation(args: ArgsOf<'addAnnotation'>): ResultOf<'addAnnotation'> {
    return annotations.addAnnotation(this.review, args);
  }
  previewReplace(args: ArgsOf<'previewReplace'>): ResultOf<'previewReplace'> {
    return replace.previewReplace(this.review, args);
  }
  replaceAll(args: ArgsOf<'replaceAll'>): ResultOf<'replaceAll'> {
    return replace.replaceAll(this.review, args);
  }
  replaceHits(args: ArgsOf<'replaceHits'>): ResultOf<'replaceHits'> {
    return replace.replaceHits(this.review, args);
  }
  findRepetitions(args: ArgsOf<'findRepetitions'>): ResultOf<'findRepetitions'> {
    return replace.findRepetitions(this.review, args);
  }
  propagateEdit(args: ArgsOf<'propagateEdit'>): ResultOf<'propagateEdit'> {
    return replace.propagateEdit(this.review, args);
  }
  revertSegment(args: ArgsOf<'revertSegment'>): ResultOf<'revertSegment'> {
    return history.revertSegment(this.review, args);
  }
  documentChangeLog(args: ArgsOf<'documentChangeLog'>): ResultOf<'documentChangeLog'> {
    return history.documentChangeLog(this.review, args);
  }
  updateAnnotation(args: ArgsOf<'updateAnnotation'>): ResultOf<'updateAnnotation'> {
    return annotations.updateAnnotation(this.review, args);
  }
  replyToAnnotation(args: ArgsOf<'replyToAnnotation'>): ResultOf<'replyToAnnotation'> {
    return annotations.replyToAnnotation(this.review, args);
  }
  resolveAnnotation(args: ArgsOf<'resolveAnnotation'>): ResultOf<'resolveAnnotation'> {
    return annotations.resolveAnnotation(this.review, args);
  }
  deleteAnnotation(args: ArgsOf<'deleteAnnotation'>): ResultOf<'deleteAnnotation'> {
    return annotations.deleteAnnotation(this.review, args);
  }
  restoreAnnotation(args: ArgsOf<'restoreAnnotation'>): ResultOf<'restoreAnnotation'> {
    return annotations.restoreAnnotation(this.review, args);
  }
  listLabels(): ResultOf<'listLabels'> {
    return annotations.listLabels(this.review);
  }
  createLabel(args: ArgsOf<'createLabel'>): ResultOf<'createLabel'> {
    return annotations.createLabel(this.review, args);
  }
  updateLabel(args: ArgsOf<'updateLabel'>): ResultOf<'updateLabel'> {
    return annotations.updateLabel(this.review, args);
  }
  deleteLabel(args: ArgsOf<'deleteLabel'>): ResultOf<'deleteLabel'> {
    return annotations.deleteLabel(this.review, args);
  }
  attention(args: ArgsOf<'attention'>): ResultOf<'attention'> {
    return annotations.attention(this.review, args);
  }

  // ---- glossary (core/glossary.ts) ---------------------------------------------------------
  listGlossary(args: ArgsOf<'listGlossary'>): ResultOf<'listGlossary'> {
    return glossary.listGlossary(this.db, args);
  }
  saveGlossaryEntry(args: ArgsOf<'saveGlossaryEntry'>): ResultOf<'saveGlossaryEntry'> {
    return glossary.saveGlossaryEntry(this.review, args);
  }
  deleteGlossaryEntry(args: ArgsOf<'deleteGlossaryEntry'>): ResultOf<'deleteGlossaryEntry'> {
    return glossary.deleteGlossaryEntry(this.review, args.id);
  }
  previewGlossary(args: ArgsOf<'previewGlossary'>): ResultOf<'previewGlossary'> {
    return glossary.previewGlossary(this.db, args);
  }
  applyGlossary(args: ArgsOf<'applyGlossary'>): ResultOf<'applyGlossary'> {
    return glossary.applyGlossary(this.review, args);
  }
  importGlossary(args: ArgsOf<'importGlossary'>): ResultOf<'importGlossary'> {
    return glossary.importGlossary(this.review, args);
  }
  exportGlossary(args: ArgsOf<'exportGlossary'>): ResultOf<'exportGlossary'> {
    return glossary.exportGlossary(this.db, args);
  }

  // ---- claims for fact-checking (core/claims.ts) ---------------------------------------------
  listClaimCandidates(args: ArgsOf<'listClaimCandidates'>): ResultOf<'listClaimCandidates'> {
    return claims.listClaimCandidates(this.review, args);
  }
  createClaim(args: ArgsOf<'createClaim'>): ResultOf<'createClaim'> {
    return claims.createClaim(this.review, args);
  }
  updateClaim(args: ArgsOf<'updateClaim'>): ResultOf<'updateClaim'> {
    return claims.updateClaim(this.review, args);
  }
  listClaims(args: ArgsOf<'listClaims'>): ResultOf<'listClaims'> {
    return claims.listClaims(this.review, args);
  }
  claimHistory(args: ArgsOf<'claimHistory'>): ResultOf<'claimHistory'> {
    return claims.claimHistory(this.review, args);
  }
  crossCheckClaims(args: ArgsOf<'crossCheckClaims'>): ResultOf<'crossCheckClaims'> {
    return claims.crossCheckClaims(this.review, args);
  }
  exportClaims(args: ArgsOf<'exportClaims'>): ResultOf<'exportClaims'> {
    return claims.exportClaims(this.review, args);
  }
  deleteClaim(args: ArgsOf<'deleteClaim'>): ResultOf<'deleteClaim'> {
    return claims.deleteClaim(this.review, args);
  }
  rejectClaimCandidate(args: ArgsOf<'rejectClaimCandidate'>): ResultOf<'rejectClaimCandidate'> {
    return claims.rejectClaimCandidate(this.review, args);
  }
  restoreClaimCandidate(args: ArgsOf<'restoreClaimCandidate'>): ResultOf<'restoreClaimCandidate'> {
    return claims.restoreClaimCandidate(this.review, args);
  }

  // ---- parallel texts: original source and English rendering (core/parallel.ts) ---------------
  attachParallelText(args: ArgsOf<'attachParallelText'>): ResultOf<'attachParallelText'> {
    return parallel.attachParallelText(this.review, args);
  }
  listParallelTexts(args: ArgsOf<'listParallelTexts'>): ResultOf<'listParallelTexts'> {
    return parallel.listParallelTexts(this.review, args);
  }
  realignParallel(args: ArgsOf<'realignParallel'>): ResultOf<'realignParallel'> {
    return parallel.realignParallel(this.review, args);
  }
  editEnglish(args: ArgsOf<'editEnglish'>): ResultOf<'editEnglish'> {
    return parallel.editEnglish(this.review, args);
  }
  setEnglishStatus(args: ArgsOf<'setEnglishStatus'>): ResultOf<'setEnglishStatus'> {
    return parallel.setEnglishStatus(this.review, args);
  }
  editAlignment(args: ArgsOf<'editAlignment'>): ResultOf<'editAlignment'> {
    return parallel.editAlignment(this.review, args);
  }

  // ---- machine translation and dictionary glosses (core/mt.ts, core/glosses.ts) ---------------
  private mtController?: MtController;
  /** Translation jobs and settings; Electron gives it an encrypting key store (electron/secret-policy.ts). */
  get mt(): MtController {
    return (this.mtController ??= new MtController(this.db, () => englishAccess(this.review)));
  }
  private glossDictionary?: Glosses;
  /** CC-CEDICT, cached in a SQLite file beside the database at first use. */
  get glosses(): Glosses {
    return (this.glossDictionary ??= new Glosses(glossCachePath(this.opts.dbPath)));
  }
  getMtSettings(): ResultOf<'getMtSettings'> {
    return this.mt.view();
  }
  updateMtSettings(args: ArgsOf<'updateMtSettings'>): ResultOf<'updateMtSettings'> {
    return this.mt.update(args, (fn) => this.tx(fn));
  }
  startTranslation(args: ArgsOf<'startTranslation'>): ResultOf<'startTranslation'> {
    this.requireDocument(args.documentId);
    return this.mt.start(args);
  }
  getTranslationJob(args: ArgsOf<'getTranslationJob'>): ResultOf<'getTranslationJob'> {
    return this.mt.job(args.jobId);
  }
  cancelTranslation(args: ArgsOf<'cancelTranslation'>): ResultOf<'cancelTranslation'> {
    return this.mt.cancel(args.jobId);
  }
  private glossaryFor(documentId: number | undefined) {
    if (documentId === undefined) return [];
    this.requireDocument(documentId);
    return glossaryq.entriesForDocument(this.db, documentId);
  }
  lookupGloss(args: ArgsOf<'lookupGloss'>): ResultOf<'lookupGloss'> {
    return { word: args.word, entries: this.glosses.lookup(args.word, this.glossaryFor(args.documentId)) };
  }
  glossAt(args: ArgsOf<'glossAt'>): ResultOf<'glossAt'> {
    return this.glosses.at(args.text, args.offset, this.glossaryFor(args.documentId));
  }
}
