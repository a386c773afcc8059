/**
 * The operation engine: transactions, undoable operations, undo/redo. Every write runs in
 * one IMMEDIATE transaction (one user action = one operation); an operation records
 * revisions (field, before, after) and undo/redo replay them through the field-applier
 * table (./fields.ts), as new operations: history is never rewritten.
 */
import type { Db } from '../../db/connection';
import { deferCheckpoints, type CheckpointScheduler } from '../../db/checkpoint';
import * as segq from '../../db/queries/segments';
import * as histq from '../../db/queries/history';
import * as changeq from '../../db/queries/changes';
import type { CallerContext } from '../../shared/contract/caller';
import type { ChangeResult, OperationKind, UndoState } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import * as labels from '../../shared/operation-labels';
import { withParallel } from '../parallel';
import { FIELD_APPLIERS } from './fields';
import { ChangeCollector, type Touched } from '../change-log';
import type { ExtendOperation, OperationBody, RecordRevision } from './types';
export type { ExtendOperation, OperationBody, RecordRevision } from './types';


export class Engine {
  /** WAL checkpoints run after writes pause, not inside a reviewer's save (db/checkpoint.ts). */
  private readonly checkpoints: CheckpointScheduler;

  /** What the running write transaction touched (null outside one): appended to the change log as it commits. */
  private pending: ChangeCollector | null = null;
  private readonly commitListeners = new Set<(seq: number) => void>();

  constructor(readonly db: Db) {
    this.checkpoints = deferCheckpoints(db);
  }

  /** Inside `tx`: note ids this transaction touched, for its change-log row. No-op outside one. */
  touch(t: Touched): void {
    this.pending?.add(t);
  }

  /** Called after each commit that appended a change-log row (core/feed.ts checks at once instead of at its next poll). */
  onCommit(listener: (seq: number) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  now(): string {
    return new Date().toISOString();
  }

  /**
   * Run `fn` in one IMMEDIATE transaction. The outermost one appends one change-log row
   * (caller, touched ids) just before it commits, when it wrote anything; nested calls join it.
   */
  tx<T>(fn: () => T, caller?: CallerContext): T {
    if (this.pending) {
      this.pending.caller ??= caller;
      return this.db.transaction(fn).immediate();
    }
    const changes = (this.pending = new ChangeCollector(caller));
    let seq = 0;
    try {
      const r = this.db
        .transaction(() => {
          const before = changeq.totalChanges(this.db);
          const out = fn();
          if (changeq.totalChanges(this.db) !== before) seq = changes.append(this.db, this.now());
          return out;
        })
        .immediate();
      if (!this.db.inTransaction) this.checkpoints.noteCommit();
      if (seq) for (const l of this.commitListeners) l(seq);
      return r;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new JiaoduiError('db-busy', 'The database is busy: another Jiaodui window or command is writing to it. Nothing was changed; try again in a moment.');
      }
      throw e;
    } finally {
      this.pending = null;
    }
  }

  /**
   * Run one undoable operation signed by `author`: clears redo, records revisions, returns
   * the changed segments. With `extend`, the revisions join that operation instead
   * (relabelled), as long as it is still the project's newest operation and not undone: a
   * background job's writes are then one undo step; anything done in between starts a new one.
   */
  operation(author: string, projectId: number, kind: OperationKind, label: labels.OperationLabel, body: OperationBody, extend?: ExtendOperation, caller?: CallerContext): ChangeResult {
    return this.tx(() => {
      const now = this.now();
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
    }, caller);
  }

  private changeResult(projectId: number, operationId: number | null, touched: number[], removed: number[]): ChangeResult {
    const rows = [...new Set(touched)].map((id) => segq.getSegment(this.db, id)).filter((s): s is segq.SegmentRow => !!s && !s.retired);
    const segments = rows.map(segq.toPublic);
    this.touch({ projects: [projectId], documents: rows.map((s) => s.documentId), segments: rows.map((s) => s.id), removedSegments: removed });
    return { operationId, segments: withParallel(this.db, segments), removedSegmentIds: removed, undo: this.undoState(projectId) };
  }

  undoState(projectId: number): UndoState {
    const u = histq.lastDoneOperation(this.db, projectId);
    const r = histq.lastUndoneOperation(this.db, projectId);
    return {
      canUndo: !!u,
      canRedo: !!r,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
      undoLabelKey: labels.parseOperationLabel(u?.labelData),
      redoLabelKey: labels.parseOperationLabel(r?.labelData),
    };
  }

  /** Undo or redo the project's last (un)done operation: a new operation whose revisions restore the old values. */
  replay(author: string, projectId: number, kind: 'undo' | 'redo', caller?: CallerContext): ChangeResult {
    return this.tx(() => {
      const target = kind === 'undo' ? histq.lastDoneOperation(this.db, projectId) : histq.lastUndoneOperation(this.db, projectId);
      if (!target) throw new JiaoduiError('conflict', kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      const now = this.now();
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
        const applier = FIELD_APPLIERS[r.field];
        applier.apply(this.db, r.segmentId, value, now, author);
        newRevs.push({ segmentId: r.segmentId, field: r.field, before: old, after: value, reason: kind });
        const shown = applier.affects?.(r.segmentId, value) ?? { touched: [r.segmentId], removed: [] };
        touched.push(...shown.touched);
        removed.push(...shown.removed);
      }
      histq.insertRevisions(this.db, opId, author, now, newRevs);
      if (kind === 'undo') histq.markUndone(this.db, target.id, opId);
      else histq.markDone(this.db, target.id);
      return this.changeResult(projectId, opId, touched.filter((id) => !removed.includes(id)), removed);
    }, caller);
  }
}
