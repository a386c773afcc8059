/**
 * The operation engine: transactions, undoable operations, undo/redo. Every write runs in
 * one IMMEDIATE transaction (one user action = one operation); an operation records
 * revisions (field, before, after) and undo/redo replay them through the field-applier
 * table (./fields.ts), as new operations: history is never rewritten.
 */
// Besides the store, the engine is the one part of the service that holds the database
// handle: it opens the IMMEDIATE transaction around a store's writes (taking the write lock,
// db/write-lock.ts, within the connection's busy timeout) and schedules WAL checkpoints after
// them — all about the connection, not stored data, so they are not store methods.
import type { Db } from '../../db/connection';
import { deferCheckpoints, type CheckpointScheduler } from '../../db/checkpoint';
import { beginImmediate, commit, rollback } from '../../db/write-lock';
import type { ChangeResult, OperationKind, UndoState } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import * as labels from '../../shared/operation-labels';
import { withParallel } from '../parallel';
import { withVersions } from '../versions';
import { wordDocumentGroups } from '../checks';
import { replayConflict } from './replay-check';
import { FIELD_APPLIERS } from './fields';
import { toPublicSegment, type NewRevision, type SegmentRow, type Store } from '../store';
import type { CallerContext } from '../../shared/contract/caller';
import { ChangeCollector, type Touched } from '../change-log';
import type { ExtendOperation, OperationBody } from './types';
export type { ExtendOperation, OperationBody, RecordRevision } from './types';


export class Engine {
  /** WAL checkpoints run after writes pause, not inside a reviewer's save (db/checkpoint.ts). */
  private readonly checkpoints: CheckpointScheduler;

  /** How long a write waits for another process's lock before 'db-busy' (the connection's busy_timeout). */
  private readonly busyTimeoutMs: number;
  private warm: (() => void) | undefined;

  /**
   * `warmUp`: loads what an operation's re-check would otherwise load inside its first
   * transaction (the checks' dictionaries, ~0.4 s): run once, before the first operation
   * takes the write lock, so a process's first save (a `jiaodui edit`) does not hold every
   * other process's saves up meanwhile.
   */
  constructor(
    private readonly db: Db,
    readonly store: Store,
    opts: { warmUp?: () => void } = {},
  ) {
    this.checkpoints = deferCheckpoints(db);
    this.busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
    this.warm = opts.warmUp;
  }

  /** Load what the first operation needs (the checks' dictionaries) before taking the write lock; once. */
  warmUpOnce(): void {
    const warm = this.warm;
    this.warm = undefined;
    warm?.();
  }

  /** What the running write transaction touched (null outside one): appended to the change log as it commits. */
  private pending: ChangeCollector | null = null;
  private readonly commitListeners = new Set<(seq: number) => void>();

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
   * Run `fn` in one IMMEDIATE transaction (a nested call: a savepoint of the caller's). The
   * write lock is taken by db/write-lock.ts, which waits for another process's commit in
   * steps of a fraction of a millisecond rather than SQLite's busy handler's 1–100 ms.
   * The outermost call appends one change-log row (caller, touched ids) just before COMMIT,
   * when it wrote anything (core/change-log.ts); nested calls join it.
   */
  tx<T>(fn: () => T, caller?: CallerContext): T {
    if (this.db.inTransaction) {
      if (this.pending) this.pending.caller ??= caller;
      return this.db.transaction(fn)();
    }
    const changes = (this.pending = new ChangeCollector(caller));
    try {
      beginImmediate(this.db, this.busyTimeoutMs);
      let r: T;
      let seq = 0;
      try {
        const before = this.store.writesSoFar();
        // fn runs directly inside the BEGIN: a savepoint around it would make SQLite keep a
        // sub-journal of every page the save touches (≈0.15 ms a save on a 1 MB document);
        // a throw rolls the whole transaction back below, which is all a savepoint gave.
        r = fn();
        // the document-wide finding groups its re-checks changed, worded once (core/checks.ts)
        wordDocumentGroups(this.store);
        if (this.store.writesSoFar() !== before) seq = changes.append(this.store, this.now());
        commit(this.db);
      } catch (e) {
        wordDocumentGroups(this.store, true);
        rollback(this.db);
        throw e;
      }
      this.checkpoints.noteCommit();
      if (seq) for (const l of this.commitListeners) l(seq);
      return r;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new JiaoduiError('db-busy', em('db.busy'));
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
    this.warmUpOnce();
    return this.tx(() => {
      const now = this.now();
      const revs: NewRevision[] = [];
      const { touched, removed = [] } = body((r) => revs.push(r), now);
      let operationId: number | null = null;
      if (revs.length) {
        const newest = extend ? this.store.newestOperation(projectId) : undefined;
        if (extend && newest?.id === extend.operationId && newest.state === 'done') {
          operationId = extend.operationId;
          this.store.relabelOperation(operationId, extend.label.text, labels.serializeOperationLabel(extend.label));
        } else {
          this.store.clearRedo(projectId, author);
          operationId = this.store.addOperation({ projectId, kind, label: label.text, labelData: labels.serializeOperationLabel(label), author, createdAt: now });
        }
        this.store.addRevisions(operationId, author, now, revs);
      }
      return this.changeResult(projectId, author, operationId, touched, removed);
    }, caller);
  }

  private changeResult(projectId: number, author: string, operationId: number | null, touched: number[], removed: number[]): ChangeResult {
    const rows = [...new Set(touched)].map((id) => this.store.segment(id)).filter((s): s is SegmentRow => !!s && !s.retired);
    this.touch({ projects: [projectId], documents: rows.map((s) => s.documentId), segments: rows.map((s) => s.id), removedSegments: removed });
    return { operationId, segments: withVersions(this.store, withParallel(this.store, rows.map(toPublicSegment))), removedSegmentIds: removed, undo: this.undoState(projectId, author) };
  }

  /** What `author`'s Undo and Redo would take back in the project (each reviewer's own operations). */
  undoState(projectId: number, author: string): UndoState {
    const u = this.store.lastDoneOperation(projectId, author);
    const r = this.store.lastUndoneOperation(projectId, author);
    return {
      canUndo: !!u,
      canRedo: !!r,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
      undoLabelKey: labels.parseOperationLabel(u?.labelData),
      redoLabelKey: labels.parseOperationLabel(r?.labelData),
    };
  }

  /**
   * Undo or redo `author`'s last (un)done operation in the project: a new operation whose
   * revisions restore the old values. Refused when a field it would restore has changed since
   * (someone else's later revision): never applied over newer text.
   */
  replay(author: string, projectId: number, kind: 'undo' | 'redo', caller?: CallerContext): ChangeResult {
    this.warmUpOnce();
    return this.tx(() => {
      const target = kind === 'undo' ? this.store.lastDoneOperation(projectId, author) : this.store.lastUndoneOperation(projectId, author);
      if (!target) throw new JiaoduiError('conflict', em(kind === 'undo' ? 'conflict.nothing-to-undo' : 'conflict.nothing-to-redo'));
      const now = this.now();
      const revs = this.store.operationRevisions(target.id);
      const stale = replayConflict(this.store, revs, kind, author, target.label);
      if (stale) throw stale;
      const ordered = kind === 'undo' ? [...revs].reverse() : revs;
      const label = labels.replayLabel(kind, { label: target.label, structured: labels.parseOperationLabel(target.labelData) });
      const opId = this.store.addOperation({
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
      const newRevs: NewRevision[] = [];
      for (const r of ordered) {
        const value = kind === 'undo' ? r.before : r.after;
        const old = kind === 'undo' ? r.after : r.before;
        const applier = FIELD_APPLIERS[r.field];
        applier.apply(this.store, r.segmentId, value, now, author);
        newRevs.push({ segmentId: r.segmentId, field: r.field, before: old, after: value, reason: kind });
        const shown = applier.affects?.(r.segmentId, value) ?? { touched: [r.segmentId], removed: [] };
        touched.push(...shown.touched);
        removed.push(...shown.removed);
      }
      this.store.addRevisions(opId, author, now, newRevs);
      if (kind === 'undo') this.store.markOperationUndone(target.id, opId);
      else this.store.markOperationDone(target.id);
      return this.changeResult(projectId, author, opId, touched.filter((id) => !removed.includes(id)), removed);
    }, caller);
  }
}
