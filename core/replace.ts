/**
 * Find and replace over a segment selection, a document or a project, and propagation
 * of a correction to the segment's repetitions (identical machine text elsewhere in the
 * project), each as one undoable operation.
 *
 * Status rule (the same as editSegment): a segment whose text changes becomes 'edited'
 * ('unreviewed' if it is back to the machine text). An approved segment that changes
 * therefore loses its approval; that is a status revision in the same operation, so
 * undo gives the approval back. Results count these segments (`unapproved`).
 */
import type { ScopeSegment } from './store';
import type { z } from 'zod';
import type { FindReplaceArgs, FindRepetitionsArgs, PropagateEditArgs, ReplaceHitsArgs } from '../shared/contract/review';
import type { ReplaceHit, ReplacePreview, ReplaceResult, Repetitions } from '../shared/domain/review';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { getConverter } from '../shared/text/convert';
import { applyEdits, compileFind, expandReplacement, findInSegment, hitId, MAX_MATCHES, parseHitId, type TextMatch } from '../shared/text/find';
import { renderingConfig } from '../shared/text/script';
import type { ReviewHost } from './review-host';
import { writeText } from './segment-writes';
import { changedSinceSnapshot, editConflictError, snapshot } from './versions';
import { withTimeBudget } from './time-budget';
import { propagateLabel, replaceLabel, type OperationLabel } from '../shared/operation-labels';

type FindArgs = z.infer<typeof FindReplaceArgs>;
type HitsArgs = z.infer<typeof ReplaceHitsArgs>;

/** Matching a whole project must finish within this; a catastrophic regular expression is stopped. */
export const FIND_TIME_BUDGET_MS = 2_000;
/** The longest segment text a replacement may produce (editSegment's limit). */
const MAX_TEXT = 100_000;

/** The live segments a scope covers, and the one project they belong to. */
function scopeSegments(host: ReviewHost, scope: FindArgs['scope']): { projectId: number; segments: ScopeSegment[] } {
  switch (scope.kind) {
    case 'document': {
      const doc = host.requireDocument(scope.documentId);
      return { projectId: doc.projectId, segments: host.store.documentScope(doc.id) };
    }
    case 'project': {
      host.requireProject(scope.projectId);
      return { projectId: scope.projectId, segments: host.store.projectScope(scope.projectId) };
    }
    case 'segments': {
      const ids = [...new Set(scope.segmentIds)];
      const segments = host.store.segmentsScope(ids);
      if (segments.length !== ids.length) {
        const found = new Set(segments.map((s) => s.id));
        const missing = ids.find((id) => !found.has(id))!;
        host.requireLiveSegment(missing); // throws not-found or conflict (split/merged)
      }
      const projects = new Set(segments.map((s) => s.projectId));
      if (projects.size > 1) throw new JiaoduiError('invalid-input', em('replace.several-projects'));
      return { projectId: segments[0].projectId, segments };
    }
  }
}

interface Found {
  seg: ScopeSegment;
  matches: TextMatch[];
}

/** Every match in the segments, at most `limit` (+1 to tell "more"), within the time budget. */
function findAll(args: Pick<FindArgs, 'find' | 'regex' | 'crossScript'>, segments: readonly ScopeSegment[], limit: number) {
  const re = compileFind({ find: args.find, regex: args.regex });
  const cross = new Map<string, RegExp>();
  const crossFor = (seg: ScopeSegment): RegExp | null => {
    if (!args.crossScript) return null;
    const cfg = renderingConfig(seg.script, seg.variant);
    let r = cross.get(cfg);
    if (!r) {
      r = compileFind({ find: getConverter(cfg).convert(args.find), regex: args.regex });
      cross.set(cfg, r);
    }
    return r;
  };
  return withTimeBudget(
    FIND_TIME_BUDGET_MS,
    () => {
      const found: Found[] = [];
      let total = 0;
      for (const seg of segments) {
        const matches = findInSegment(re, crossFor(seg), seg, limit - total);
        if (!matches.length) continue;
        total += matches.length;
        found.push({ seg, matches });
        if (total > limit) break;
      }
      return { found, total, truncated: total > limit };
    },
    em('find.timeout', { find: args.find.slice(0, 40), seconds: FIND_TIME_BUDGET_MS / 1000 }),
  );
}

function toHit(seg: ScopeSegment, m: TextMatch, args: FindArgs): ReplaceHit {
  const replacement = expandReplacement(args.replace, m, seg.text, !!args.regex);
  return {
    id: hitId(seg.id, m.start, m.end),
    segmentId: seg.id,
    documentId: seg.documentId,
    documentTitle: seg.documentTitle,
    index: seg.position,
    status: seg.status,
    start: m.start,
    end: m.end,
    matched: seg.text.slice(m.start, m.end),
    replacement,
    before: seg.text,
    after: seg.text.slice(0, m.start) + replacement + seg.text.slice(m.end),
    matchedIn: m.via,
  };
}

export function previewReplace(host: ReviewHost, args: FindArgs): ReplacePreview {
  const at = snapshot(host.store); // before the reads: anything committed meanwhile counts as newer
  const { segments } = scopeSegments(host, args.scope);
  const { found, total, truncated } = findAll(args, segments, MAX_MATCHES);
  const hits: ReplaceHit[] = [];
  for (const f of found) for (const m of f.matches) if (hits.length < MAX_MATCHES) hits.push(toHit(f.seg, m, args));
  return {
    hits,
    total,
    segments: found.length,
    approvedSegments: found.filter((f) => f.seg.status === 'approved').length,
    truncated,
    limit: MAX_MATCHES,
    snapshot: at,
  };
}

/** Apply chosen matches, grouped by segment, inside an operation body; refused when a segment changed since the preview's snapshot. */
function applyFound(
  host: ReviewHost,
  found: readonly Found[],
  args: FindArgs,
  record: Parameters<Parameters<ReviewHost['operation']>[3]>[0],
  now: string,
): { touched: number[]; replaced: number; changed: number; unapproved: number } {
  const touched: number[] = [];
  let replaced = 0;
  let changed = 0;
  let unapproved = 0;
  const planned = found.map((f) => {
    const row = host.requireLiveSegment(f.seg.id);
    const edits = f.matches.map((m) => ({ start: m.start, end: m.end, replacement: expandReplacement(args.replace, m, row.text, !!args.regex) }));
    const text = applyEdits(row.text, edits);
    if (text.length > MAX_TEXT) throw new JiaoduiError('invalid-input', em('replace.too-long', { row: row.index + 1, max: MAX_TEXT }));
    return { row, edits, text };
  });
  const stale = changedSinceSnapshot(host.store, planned.map((p) => ({ seg: p.row, mine: p.text })), args.snapshot);
  if (stale.length) throw editConflictError(stale);
  for (const { row, edits, text } of planned) {
    const w = writeText(host.store, record, row, text, 'replace', now);
    touched.push(row.id);
    replaced += edits.length;
    if (w.changed) changed++;
    if (w.changed && w.from === 'approved' && w.to !== 'approved') unapproved++;
  }
  return { touched, replaced, changed, unapproved };
}

function label(args: FindArgs): OperationLabel {
  return replaceLabel(args.find, args.replace);
}

/** Replace every match in the scope: one operation (kind 'replace', reason 'replace'); all or nothing. */
export function replaceAll(host: ReviewHost, args: FindArgs): ReplaceResult {
  const { projectId } = scopeSegments(host, args.scope);
  let counts = { replaced: 0, changed: 0, unapproved: 0 };
  // Find again inside the transaction, so what is replaced is what is stored now.
  const r = host.operation(projectId, 'replace', label(args), (record, now) => {
    const { segments } = scopeSegments(host, args.scope);
    const { found, truncated } = findAll(args, segments, MAX_MATCHES);
    if (truncated) {
      throw new JiaoduiError('invalid-input', em('replace.too-many', { max: MAX_MATCHES.toLocaleString('en') }));
    }
    const a = applyFound(host, found, args, record, now);
    counts = { replaced: a.replaced, changed: a.changed, unapproved: a.unapproved };
    return { touched: a.touched };
  });
  return { ...r, replaced: counts.replaced, changedSegments: counts.changed, unapproved: counts.unapproved };
}

/** Replace only the listed hits (ids from previewReplace); refused if any of them is no longer there. */
export function replaceHits(host: ReviewHost, args: HitsArgs): ReplaceResult {
  const wanted = new Map<number, Set<string>>();
  for (const id of new Set(args.hitIds)) {
    const h = parseHitId(id);
    if (!h) throw new JiaoduiError('invalid-input', em('replace.bad-hit', { id }));
    if (!wanted.has(h.segmentId)) wanted.set(h.segmentId, new Set());
    wanted.get(h.segmentId)!.add(id);
  }
  const { projectId } = scopeSegments(host, { kind: 'segments', segmentIds: [...wanted.keys()] });
  const inScope = (s: ScopeSegment) =>
    args.scope.kind === 'document' ? s.documentId === args.scope.documentId : args.scope.kind === 'project' ? s.projectId === args.scope.projectId : args.scope.segmentIds.includes(s.id);
  const n = args.hitIds.length;
  let counts = { replaced: 0, changed: 0, unapproved: 0 };
  const r = host.operation(projectId, 'replace', label(args), (record, now) => {
    const { segments } = scopeSegments(host, { kind: 'segments', segmentIds: [...wanted.keys()] });
    const outside = segments.find((s) => !inScope(s));
    if (outside) throw new JiaoduiError('invalid-input', em('replace.outside-scope', { id: outside.id }));
    const { found } = findAll(args, segments, MAX_MATCHES);
    const chosen: Found[] = [];
    let matched = 0;
    for (const f of found) {
      const ids = wanted.get(f.seg.id)!;
      const ms = f.matches.filter((m) => ids.has(hitId(f.seg.id, m.start, m.end)));
      matched += ms.length;
      if (ms.length) chosen.push({ seg: f.seg, matches: ms });
    }
    if (matched !== new Set(args.hitIds).size) {
      throw new JiaoduiError('conflict', em('conflict.replace-stale', { gone: new Set(args.hitIds).size - matched, count: n }));
    }
    const a = applyFound(host, chosen, args, record, now);
    counts = { replaced: a.replaced, changed: a.changed, unapproved: a.unapproved };
    return { touched: a.touched };
  });
  return { ...r, replaced: counts.replaced, changedSegments: counts.changed, unapproved: counts.unapproved };
}

// ---- repetitions ---------------------------------------------------------------------------

/** Other live segments of the project with the same machine text whose text differs from `text` (default: this segment's text). */
export function findRepetitions(host: ReviewHost, args: z.infer<typeof FindRepetitionsArgs>): Repetitions {
  const seg = host.requireLiveSegment(args.segmentId);
  const text = args.text ?? seg.text;
  const repetitions = host.store
    .sameMachineText(seg.projectId, seg.machineText, seg.id)
    .filter((s) => s.text !== text)
    .map((s) => ({ segmentId: s.id, documentId: s.documentId, documentTitle: s.documentTitle, index: s.position, text: s.text, status: s.status }));
  return { segmentId: seg.id, text, repetitions };
}

/** Give the listed repetitions this segment's current text, as one operation (reason 'propagate'). */
export function propagateEdit(host: ReviewHost, args: z.infer<typeof PropagateEditArgs>): ReplaceResult {
  const source = host.requireLiveSegment(args.segmentId);
  const targets = [...new Set(args.targetIds)].filter((id) => id !== source.id);
  if (!targets.length) throw new JiaoduiError('invalid-input', em('replace.no-targets'));
  let counts = { replaced: 0, changed: 0, unapproved: 0 };
  const r = host.operation(
    source.projectId,
    'edit',
    propagateLabel(source.index + 1, targets.length),
    (record, now) => {
      const src = host.requireLiveSegment(source.id);
      const touched: number[] = [];
      for (const id of targets) {
        const t = host.requireLiveSegment(id);
        if (t.projectId !== src.projectId || t.machineText !== src.machineText) {
          throw new JiaoduiError('invalid-input', em('replace.not-repetition', { id, source: src.id }));
        }
        const w = writeText(host.store, record, t, src.text, 'propagate', now);
        touched.push(t.id);
        if (w.changed) {
          counts.changed++;
          counts.replaced++;
          if (w.from === 'approved' && w.to !== 'approved') counts.unapproved++;
        }
      }
      return { touched };
    },
  );
  return { ...r, replaced: counts.replaced, changedSegments: counts.changed, unapproved: counts.unapproved };
}
