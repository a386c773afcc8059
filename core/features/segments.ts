/** Segments: reading, editing, status, furniture, split/merge, undo/redo and history. */
import { toPublicSegment, type SegmentRow } from '../store';
import type { ChangeResult, SegmentStatus } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import * as labels from '../../shared/operation-labels';
import { charDiff } from '../../shared/text/diff';
import { mapPosition } from '../../shared/text/anchor';
import { MAX_SEGMENT_LENGTH } from '../../shared/text/limits';
import { encodeStructure, render, writeText, type StructureState } from '../segment-writes';
import { writeField } from '../operations/fields';
import * as parallel from '../parallel';
import * as claims from '../claims';
import * as history from '../history';
import { editConflictError, rereadLiveSegment, requireFresh, staleFields, versionAt, withVersions } from '../versions';
import type { HandlerTable } from './handler';
import type { HandlerContext } from './context';
import { prepareEvidence, recheckAfterReplay, type WriteTx } from '../checks';

/**
 * Undo or redo, then (right after its commit) the cross-segment rules of the documents whose
 * texts it changed: a fix's undo brings its name group back, the redo clears it again.
 */
function replayAndRecheck(ctx: HandlerContext, projectId: number, kind: 'undo' | 'redo'): ChangeResult {
  const r = ctx.engine.replay(ctx.author(), projectId, kind, ctx.caller);
  if (r.operationId === null) return r;
  const documents = ctx.store
    .operationRevisions(r.operationId)
    .filter((v) => v.field === 'zh' || v.field === 'structure')
    .map((v) => ctx.store.segment(v.segmentId)?.documentId)
    .filter((id): id is number => id !== undefined);
  if (documents.length) {
    const ids = [...new Set(documents)];
    const write: WriteTx = (fn) =>
      ctx.tx(() => {
        ctx.touch({ documents: ids, findings: ids });
        return fn();
      });
    try {
      recheckAfterReplay(ctx.store, write, ids, () => ctx.now());
    } catch (e) {
      // the undo is committed: a busy database must not make it look failed (a second Undo would
      // take back one step more); the segment rules already ran, Run checks brings the groups back
      if (!(e instanceof JiaoduiError && e.code === 'db-busy')) throw e;
    }
  }
  return r;
}

export const segmentHandlers = {
  getSegments: (ctx, args) => {
    ctx.requireDocument(args.documentId);
    return withVersions(ctx.store, parallel.withParallel(ctx.store, ctx.store.liveSegments(args.documentId).map(toPublicSegment)));
  },
  // what a window fetches for a change made elsewhere (the feed names the ids): never the whole document
  getSegmentsById: (ctx, args) => {
    const rows = [...new Set(args.segmentIds)].map((id) => ctx.store.segment(id)).filter((s): s is SegmentRow => !!s && !s.retired);
    // with their versions: a window patched by the feed saves against what it now shows
    return withVersions(ctx.store, parallel.withParallel(ctx.store, rows.sort((a, b) => a.documentId - b.documentId || a.index - b.index).map(toPublicSegment)));
  },

  // Every write below reads its segment(s) again inside the operation's IMMEDIATE transaction
  // and compares the versions the client sent there (core/versions.ts): the read before the
  // transaction only picks the project and the label.
  // `approve`: the edit and the approval in one operation (the app's Ctrl+Enter: one undo step);
  // the status is versioned like setStatus's (`statusVersion`), compared with the text's inside the transaction.
  editSegment: (ctx, args) => {
    const seen = ctx.requireLiveSegment(args.segmentId);
    // the document's evidence for the re-check, built before the write lock when none is kept (a first save)
    prepareEvidence(ctx.store, seen);
    const label = args.approve ? labels.editApproveLabel(seen.index + 1) : labels.editSegmentLabel(seen.index + 1);
    return ctx.operation(seen.projectId, 'edit', label, (record, now) => {
      const seg = rereadLiveSegment(ctx, seen);
      requireFresh(ctx.store, seg, [
        { field: 'text', version: args.version, value: args.ifText, mine: args.text },
        ...(args.approve ? [{ field: 'status' as const, version: args.statusVersion, mine: 'approved' }] : []),
      ]);
      const w = writeText(ctx.store, record, seg, args.text, args.reason ?? 'manual', now, args.approve ? 'approved' : undefined);
      if (args.approve && !w.changed && seg.status !== 'approved') {
        writeField(ctx.store, record, { segmentId: seg.id, field: 'status', before: seg.status, after: 'approved', reason: 'review' }, now, ctx.author());
      }
      return { touched: [seg.id] };
    });
  },

  setStatus: (ctx, args) => {
    const seen = args.segmentIds.map((id) => ctx.requireLiveSegment(id));
    const projectIds = new Set(seen.map((s) => s.projectId));
    if (projectIds.size > 1) throw new JiaoduiError('invalid-input', em('segment.status-several-projects'));
    const label = labels.statusLabel(seen.map((s) => s.index + 1), args.status);
    return ctx.operation(seen[0].projectId, 'status', label, (record, now) => {
      const segs = seen.map((s) => rereadLiveSegment(ctx, s));
      const conflicts = segs.flatMap((s, i) => staleFields(ctx.store, s, [{ field: 'status', version: versionAt(args.versions, i, segs.length), mine: args.status }]));
      if (conflicts.length) throw editConflictError(conflicts);
      for (const s of segs) {
        if (s.status === args.status) continue;
        writeField(ctx.store, record, { segmentId: s.id, field: 'status', before: s.status, after: args.status, reason: 'review' }, now, ctx.author());
      }
      return { touched: segs.map((s) => s.id) };
    });
  },

  setFurniture: (ctx, args) => {
    const seen = ctx.requireLiveSegment(args.segmentId);
    return ctx.operation(seen.projectId, 'furniture', labels.furnitureLabel(seen.index + 1, args.furniture), (record, now) => {
      const seg = rereadLiveSegment(ctx, seen);
      const after = args.furniture ? (seg.furniture ?? 'manual') : null;
      requireFresh(ctx.store, seg, [{ field: 'furniture', version: args.version, mine: after }]);
      if (after === seg.furniture) return { touched: [seg.id] };
      writeField(ctx.store, record, { segmentId: seg.id, field: 'furniture', before: seg.furniture, after, reason: 'manual' }, now, ctx.author());
      return { touched: [seg.id] };
    });
  },

  splitSegment: (ctx, args) => {
    const seen = ctx.requireLiveSegment(args.segmentId);
    return ctx.operation(seen.projectId, 'split', labels.splitLabel(seen.index + 1), (record, now) => {
      const seg = rereadLiveSegment(ctx, seen);
      requireFresh(ctx.store, seg, [{ field: 'text', version: args.version, mine: null }]);
      const text = seg.text;
      if (args.at <= 0 || args.at >= text.length) throw new JiaoduiError('invalid-input', em('segment.split-at-edge'));
      if (/[\uDC00-\uDFFF]/.test(text[args.at]) && /[\uD800-\uDBFF]/.test(text[args.at - 1])) throw new JiaoduiError('invalid-input', em('segment.split-in-character', { at: args.at }));
      const left = text.slice(0, args.at).replace(/\s+$/u, '');
      const rightRaw = text.slice(args.at);
      const right = rightRaw.replace(/^\s+/u, '');
      if (!left || !right) throw new JiaoduiError('invalid-input', em('segment.split-empty-part'));
      const mid = text.slice(left.length, text.length - right.length);
      // The machine text splits at the corresponding point of the machine version.
      const m = mapPosition(charDiff(text, seg.machineText), args.at);
      const mLeft = seg.machineText.slice(0, m).replace(/\s+$/u, '');
      const mRightRaw = seg.machineText.slice(m);
      const mRight = mRightRaw.replace(/^\s+/u, '');
      const doc = ctx.store.documentScript(seg.documentId);
      const next = ctx.store.nextLiveSegment(seg.documentId, seg.position);
      const pos2 = next ? (seg.position + next.position) / 2 : seg.position + 1;
      const common = { documentId: seg.documentId, paragraph: seg.paragraph, status: seg.status, furniture: seg.furniture, speaker: seg.speaker, turn: seg.turn, parentId: seg.id, updatedAt: now };
      const rl = render(doc, left);
      const rr = render(doc, right);
      const a = ctx.store.addSegment({ ...common, position: seg.position, machineText: mLeft, currentText: left, sep: mid, start: seg.start, end: seg.start + mLeft.length, rendering: rl.text, renderingMap: rl.map });
      const b = ctx.store.addSegment({ ...common, position: pos2, machineText: mRight, currentText: right, sep: seg.sep, start: seg.end - mRight.length, end: seg.end, rendering: rr.text, renderingMap: rr.map });
      ctx.store.setRetired([a, b], true, now);
      parallel.carryParallel(ctx.store, [seg.id], [a, b], now);
      claims.carryCandidateDecisions(ctx.store, [seg.id], [{ id: a, text: left }, { id: b, text: right }]);
      const before: StructureState = { live: [seg.id], retired: [a, b] };
      const after: StructureState = { live: [a, b], retired: [seg.id] };
      writeField(ctx.store, record, { segmentId: seg.id, field: 'structure', before: encodeStructure(before), after: encodeStructure(after), reason: 'split' }, now, ctx.author());
      return { touched: [a, b], removed: [seg.id] };
    });
  },

  mergeSegments: (ctx, args) => {
    const seen = ctx.requireLiveSegment(args.segmentId);
    return ctx.operation(seen.projectId, 'merge', labels.mergeLabel(seen.index + 1), (record, now) => {
      const seg = rereadLiveSegment(ctx, seen);
      const nextRef = ctx.store.nextLiveSegment(seg.documentId, seg.position);
      if (!nextRef) throw new JiaoduiError('invalid-input', em('segment.merge-last'));
      if (args.nextSegmentId !== undefined && nextRef.id !== args.nextSegmentId) {
        throw new JiaoduiError('conflict', em('conflict.merge-next-changed', { row: seg.index + 1 }));
      }
      const next = ctx.requireLiveSegment(nextRef.id);
      const conflicts = [
        ...staleFields(ctx.store, seg, [{ field: 'text', version: args.version, mine: null }]),
        ...staleFields(ctx.store, next, [{ field: 'text', version: args.nextVersion, mine: null }]),
      ];
      if (conflicts.length) throw editConflictError(conflicts);
      const doc = ctx.store.documentScript(seg.documentId);
      const text = seg.text + seg.sep + next.text;
      if (text.length > MAX_SEGMENT_LENGTH) {
        throw new JiaoduiError('invalid-input', em('segment.merge-too-long', { length: text.length, max: MAX_SEGMENT_LENGTH }));
      }
      const status: SegmentStatus =
        seg.status === 'approved' && next.status === 'approved' ? 'approved' : seg.status === 'unreviewed' && next.status === 'unreviewed' ? 'unreviewed' : 'edited';
      const r = render(doc, text);
      const u = ctx.store.addSegment({
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
      ctx.store.setRetired([u], true, now);
      parallel.carryParallel(ctx.store, [seg.id, next.id], [u], now);
      claims.carryCandidateDecisions(ctx.store, [seg.id, next.id], [{ id: u, text }]);
      const before: StructureState = { live: [seg.id, next.id], retired: [u] };
      const after: StructureState = { live: [u], retired: [seg.id, next.id] };
      writeField(ctx.store, record, { segmentId: seg.id, field: 'structure', before: encodeStructure(before), after: encodeStructure(after), reason: 'merge' }, now, ctx.author());
      return { touched: [u], removed: [seg.id, next.id] };
    });
  },

  undoState: (ctx, args) => ctx.engine.undoState(args.projectId, ctx.author()),
  undo: (ctx, args) => {
    ctx.requireProject(args.projectId);
    return replayAndRecheck(ctx, args.projectId, 'undo');
  },
  redo: (ctx, args) => {
    ctx.requireProject(args.projectId);
    return replayAndRecheck(ctx, args.projectId, 'redo');
  },

  segmentHistory: (ctx, args) => {
    if (!ctx.store.segment(args.segmentId)) throw new JiaoduiError('not-found', em('not-found.segment', { id: args.segmentId }));
    return ctx.store.segmentRevisions(args.segmentId);
  },
  revertSegment: (ctx, args) => history.revertSegment(ctx, args),
  documentChangeLog: (ctx, args) => history.documentChangeLog(ctx, args),
} satisfies HandlerTable;
