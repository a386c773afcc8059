/**
 * Span annotations as threads: comments and tags (from the configurable label set) on a
 * span of a segment, replies, resolved state, and explicit, reversible deletion. Spans are
 * re-anchored on every text change by applyText (segment-writes.ts); orphaned ones keep
 * their last quote. Offsets are UTF-16 indices snapped to code point boundaries.
 */
import type { z } from 'zod';
import type {
  AnnotationIdArgs,
  AttentionArgs,
  CreateLabelArgs,
  LabelIdArgs,
  ReplyArgs,
  ResolveArgs,
  UpdateAnnotationArgs,
  UpdateLabelArgs,
} from '../shared/contract/review';
import type { ArgsOf } from '../shared/contract/api';
import type { AnnotationLabel, Attention } from '../shared/domain/review';
import type { Annotation } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { makeAnchor } from '../shared/text/anchor';
import { snapToCodePoint } from '../shared/text/find';
import { mapBackward } from '../shared/text/offsetMap';
import type { ReviewHost } from './review-host';
import { requireRecordFresh } from './versions';
import { claimsFromLabel } from './claims';

export function listAnnotations(host: ReviewHost, args: ArgsOf<'listAnnotations'>): Annotation[] {
  host.requireDocument(args.documentId);
  return host.store.annotationThreads(args.documentId, args.includeDeleted ?? false);
}

function requireAnnotation(host: ReviewHost, id: number): Annotation {
  const a = host.store.annotationThread(id);
  if (!a) throw new JiaoduiError('not-found', em('not-found.annotation', { id }));
  return a;
}

/** Name an annotation write in the change log: the annotation and its segment's document. */
function touchAnnotation(host: ReviewHost, a: Pick<Annotation, 'id' | 'segmentId'>): void {
  const seg = host.store.segment(a.segmentId);
  host.touch({ annotations: [a.id], documents: seg ? [seg.documentId] : [] });
}

function requireLabel(host: ReviewHost, id: number): AnnotationLabel {
  const l = host.store.label(id);
  if (!l) throw new JiaoduiError('not-found', em('not-found.label', { id }));
  return l;
}

/**
 * Annotate [start, end) of a segment's text, or of its rendering (`in: 'rendering'`:
 * mapped back to the text through the offset map, so a selection in the Simplified
 * column lands on the Traditional characters it came from).
 */
export function addAnnotation(host: ReviewHost, args: ArgsOf<'addAnnotation'>): Annotation {
  const seg = host.requireLiveSegment(args.segmentId);
  let { start, end } = args;
  if (args.in === 'rendering') {
    if (end < start || end > seg.rendering.length) throw new JiaoduiError('invalid-input', em('annotation.span-outside.rendering', { start, end }));
    start = mapBackward(seg.renderingMap, start, 'start');
    end = Math.max(start, mapBackward(seg.renderingMap, end, 'end'));
  }
  if (end < start || end > seg.text.length) throw new JiaoduiError('invalid-input', em('annotation.span-outside', { start, end }));
  // Anchors never split a surrogate pair: widen the span to whole characters.
  start = snapToCodePoint(seg.text, start, 'start');
  end = snapToCodePoint(seg.text, end, 'end');
  const labelId = args.labelId ?? null;
  if (labelId !== null) requireLabel(host, labelId);
  if (args.kind === 'tag' && labelId === null) throw new JiaoduiError('invalid-input', em('annotation.tag-needs-label'));
  if (labelId !== null && requireLabel(host, labelId).claim) throw new JiaoduiError('invalid-input', em('annotation.claim-label', { label: requireLabel(host, labelId).name }));
  return host.tx(() => {
    const id = host.store.addAnnotationThread(
      seg.id,
      { ...makeAnchor(seg.text, start, end), orphaned: false },
      { kind: args.kind, body: args.body, labelId, author: host.author() },
      host.now(),
    );
    touchAnnotation(host, { id, segmentId: seg.id });
    return host.store.annotationThread(id)!;
  });
}

export function updateAnnotation(host: ReviewHost, args: z.infer<typeof UpdateAnnotationArgs>): Annotation {
  return host.tx(() => {
    const a = requireAnnotation(host, args.annotationId);
    const label = (v: number | null) => (v === null ? null : String(v));
    const seg = host.store.segment(a.segmentId);
    requireRecordFresh(host.store, {
      kind: 'annotation',
      id: a.id,
      stored: { version: a.version, updatedAt: a.updatedAt, fields: { body: a.body, labelId: label(a.labelId) } },
      mine: { ...(args.body !== undefined ? { body: args.body } : {}), ...(args.labelId !== undefined ? { labelId: label(args.labelId) } : {}) },
      version: args.version,
      ifUpdatedAt: args.ifUpdatedAt,
      segmentId: a.segmentId,
      row: seg && !seg.retired ? seg.index + 1 : null,
      documentId: seg?.documentId ?? null,
      theirsAuthor: () => host.store.lastChangeReviewer('annotations', a.id),
    });
    if (args.labelId !== undefined && args.labelId !== null && requireLabel(host, args.labelId).claim) throw new JiaoduiError('invalid-input', em('annotation.claim-label', { label: requireLabel(host, args.labelId).name }));
    if (args.labelId === null && a.kind === 'tag') throw new JiaoduiError('invalid-input', em('annotation.tag-keeps-label'));
    host.store.changeAnnotation(a.id, { body: args.body, labelId: args.labelId }, host.now());
    touchAnnotation(host, a);
    return requireAnnotation(host, a.id);
  });
}

export function replyToAnnotation(host: ReviewHost, args: z.infer<typeof ReplyArgs>): Annotation {
  return host.tx(() => {
    const a = requireAnnotation(host, args.annotationId);
    if (a.deletedAt) throw new JiaoduiError('conflict', em('conflict.annotation-deleted'));
    host.store.addAnnotationReply(a.id, host.author(), args.body, host.now());
    touchAnnotation(host, a);
    return requireAnnotation(host, a.id);
  });
}

export function resolveAnnotation(host: ReviewHost, args: z.infer<typeof ResolveArgs>): Annotation {
  return host.tx(() => {
    const a = requireAnnotation(host, args.annotationId);
    if (args.resolved) host.store.setAnnotationResolved(a.id, host.author(), host.now());
    else host.store.setAnnotationResolved(a.id, null, null);
    touchAnnotation(host, a);
    return requireAnnotation(host, a.id);
  });
}

/** Delete on request: the annotation is marked deleted (who, when) and can be restored. */
export function deleteAnnotation(host: ReviewHost, args: z.infer<typeof AnnotationIdArgs>): Annotation {
  return host.tx(() => {
    const a = requireAnnotation(host, args.annotationId);
    if (!a.deletedAt) host.store.setAnnotationDeleted(a.id, host.author(), host.now());
    touchAnnotation(host, a);
    return requireAnnotation(host, a.id);
  });
}

export function restoreAnnotation(host: ReviewHost, args: z.infer<typeof AnnotationIdArgs>): Annotation {
  return host.tx(() => {
    const a = requireAnnotation(host, args.annotationId);
    host.store.setAnnotationDeleted(a.id, null, null);
    touchAnnotation(host, a);
    return requireAnnotation(host, a.id);
  });
}

// ---- labels ------------------------------------------------------------------------------

export function listLabels(host: ReviewHost): AnnotationLabel[] {
  return host.store.labels();
}

function checkUnique(host: ReviewHost, id: number | null, name?: string, shortcut?: string | null) {
  if (name !== undefined) {
    const other = host.store.labelNamed(name);
    if (other && other.id !== id) throw new JiaoduiError('conflict', em('conflict.label-name-taken', { name }));
  }
  if (shortcut) {
    const other = host.store.labelWithShortcut(shortcut);
    if (other && other.id !== id) throw new JiaoduiError('conflict', em('conflict.label-shortcut-taken', { shortcut, label: other.name }));
  }
}

export function createLabel(host: ReviewHost, args: z.infer<typeof CreateLabelArgs>): AnnotationLabel {
  return host.tx(() => {
    host.touch({ topics: ['labels'] });
    checkUnique(host, null, args.name, args.shortcut);
    const id = host.store.addLabel({ name: args.name, color: args.color.toLowerCase(), shortcut: args.shortcut ?? null, claim: args.claim }, host.now());
    return requireLabel(host, id);
  });
}

export function updateLabel(host: ReviewHost, args: z.infer<typeof UpdateLabelArgs>): AnnotationLabel {
  return host.tx(() => {
    host.touch({ topics: ['labels'] });
    requireLabel(host, args.labelId);
    checkUnique(host, args.labelId, args.name, args.shortcut);
    host.store.changeLabel(args.labelId, { name: args.name, color: args.color?.toLowerCase(), shortcut: args.shortcut, claim: args.claim });
    // flagged as a claim label: its annotations become claims (kept as deleted annotations)
    if (args.claim) claimsFromLabel(host, args.labelId);
    return requireLabel(host, args.labelId);
  });
}

/** Only a label no annotation uses (deleted annotations included, so restoring one never loses its tag). */
export function deleteLabel(host: ReviewHost, args: z.infer<typeof LabelIdArgs>): AnnotationLabel[] {
  return host.tx(() => {
    host.touch({ topics: ['labels'] });
    const l = requireLabel(host, args.labelId);
    const uses = host.store.labelUses(l.id);
    if (uses > 0) throw new JiaoduiError('conflict', uses === 1 ? em('conflict.label-in-use.one', { label: l.name }) : em('conflict.label-in-use', { count: uses, label: l.name }));
    host.store.deleteLabel(l.id);
    return host.store.labels();
  });
}

/** Segments needing attention beyond their status: open comments and open findings. */
export function attention(host: ReviewHost, args: z.infer<typeof AttentionArgs>): Attention {
  host.requireDocument(args.documentId);
  return { openComments: host.store.segmentsWithOpenComments(args.documentId), openFindings: host.store.segmentsWithOpenFindings(args.documentId) };
}
