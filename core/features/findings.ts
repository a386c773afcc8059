/** Checks and findings: the rules, running them, fixing and dismissing what they found. */
import { JiaoduiError } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import * as labels from '../../shared/operation-labels';
import { RULES, type RuleId } from '../../shared/checks';
import { assembleFindings, checkDocument, projectCheckState, report, runProjectChecks, type WriteTx } from '../checks';
import { CLAIMS_RULE_INFO } from '../claims-findings';
import { writeText, type FindingState } from '../segment-writes';
import { writeField } from '../operations/fields';
import { changedSinceSnapshot, editConflictError, snapshot } from '../versions';
import type { HandlerContext } from './context';
import type { HandlerTable } from './handler';

function requireFinding(ctx: HandlerContext, id: number) {
  const f = ctx.store.finding(id);
  if (!f) throw new JiaoduiError('not-found', em('not-found.finding', { id }));
  return f;
}

/** The rows a group-wide action touches: the finding alone, or every location of its group. */
function findingTargets(ctx: HandlerContext, id: number, scope: 'one' | 'group') {
  const f = requireFinding(ctx, id);
  if (scope !== 'group' || !f.group) return [f];
  return f.scope === 'project' ? ctx.store.findingsInProjectGroup(f.documentId, f.group) : ctx.store.findingsInGroup(f.documentId, f.group);
}

/**
 * A merged card's other findings (listFindings' `mergedIds`: the project check's reading and the
 * document's own at one place), checked to be that: each still stored with the card's finding's
 * rule and place (else the checks ran again since the card was listed: say so, nothing is fixed).
 */
function mergedMembers(ctx: HandlerContext, first: { id: number; rule: string; documentId: number; segmentId: number; start: number; end: number }, ids: readonly number[], scope: 'one' | 'group'): number[] {
  if (!ids.length) return [];
  if (scope !== 'group') throw new JiaoduiError('invalid-input', em('findings.merged-scope'));
  return ids.map((id) => {
    const m = ctx.store.finding(id);
    // gone, or its id now another finding's (ids are reused): the card is out of date
    if (!m || m.rule !== first.rule || m.documentId !== first.documentId || m.segmentId !== first.segmentId || m.start !== first.start || m.end !== first.end) {
      throw new JiaoduiError('conflict', em('conflict.finding-moved', { id }));
    }
    return id;
  });
}

/** A place whose text is no longer what its finding read (changed without a re-check): fix all refuses, naming it. */
function placeChangedError(ctx: HandlerContext, seg: { index: number; documentId: number }, text: string, documentId: number): JiaoduiError {
  const where = seg.documentId === documentId ? `Row ${seg.index + 1}` : `Row ${seg.index + 1} of “${ctx.store.document(seg.documentId)?.title ?? `document ${seg.documentId}`}”`;
  return new JiaoduiError('conflict', em('conflict.finding-text-moved', { where, text }));
}

export const findingHandlers = {
  listRules: () => [...RULES, CLAIMS_RULE_INFO].map((r) => ({ id: r.id, title: r.title, scope: r.scope, description: r.description })),

  runChecks: (ctx, args) => {
    const doc = ctx.requireDocument(args.documentId);
    const known = new Set<string>([...RULES.map((r) => r.id), CLAIMS_RULE_INFO.id]);
    const unknown = (args.rules ?? []).filter((r) => !known.has(r));
    if (unknown.length) throw new JiaoduiError('invalid-input', em('findings.unknown-rules', { rules: unknown.join(', '), known: [...known].join(', ') }));
    // computed outside the write lock; the short write transaction notes the change for the feed
    const write: WriteTx = (fn) =>
      ctx.tx(() => {
        ctx.touch({ documents: [args.documentId], findings: [args.documentId] });
        return fn();
      });
    const run = checkDocument(ctx.store, write, args.documentId, () => ctx.now(), args.rules as RuleId[] | undefined);
    // a first check's answer is built from the rows it wrote, as of its write; otherwise read back (the snapshot read before)
    if (run.findings) return report(run.findings, run.ms, run.snapshot, projectCheckState(ctx.store, doc.projectId));
    const at = snapshot(ctx.store);
    return report(assembleFindings(ctx.store, args.documentId), run.ms, at, projectCheckState(ctx.store, doc.projectId));
  },

  checkProject: (ctx, args) => {
    ctx.requireProject(args.projectId);
    const ids = ctx.store.documents({ projectId: args.projectId }).map((d) => d.id);
    const write: WriteTx = (fn) =>
      ctx.tx(() => {
        ctx.touch({ documents: ids, findings: ids });
        return fn();
      });
    const ms = runProjectChecks(ctx.store, write, ids, () => ctx.now());
    const findings = ids.flatMap((id) => assembleFindings(ctx.store, id).filter((f) => f.scope === 'project' && f.documentId === id));
    // one finding per group (each document holds the group's members)
    const seen = new Set<string>();
    return report(findings.filter((f) => !f.group || (!seen.has(f.group) && seen.add(f.group))), ms, undefined, projectCheckState(ctx.store, args.projectId));
  },

  listFindings: (ctx, args) => {
    const doc = ctx.requireDocument(args.documentId);
    const at = snapshot(ctx.store);
    return report(assembleFindings(ctx.store, args.documentId), 0, at, projectCheckState(ctx.store, doc.projectId));
  },

  applyFix: (ctx, args) => {
    const first = requireFinding(ctx, args.findingId);
    const doc = ctx.requireDocument(first.documentId);
    const cardIds = new Set([first.id, ...mergedMembers(ctx, first, args.mergedIds ?? [], args.scope)]);
    // the card's groups, its own first (its fixes win where two readings fix one place differently)
    const seen = new Set<number>();
    const targets = [...cardIds]
      .flatMap((id) => findingTargets(ctx, id, args.scope))
      .filter((t) => (!t.dismissedReason || cardIds.has(t.id)) && !seen.has(t.id) && seen.add(t.id));
    // Per segment, applied from the end backwards so earlier offsets stay valid.
    const bySegment = new Map<number, { start: number; end: number; replacement: string; text: string; locStart: number; locEnd: number }[]>();
    let places = 0;
    for (const t of targets) {
      const fix = t.fixes[t.id === args.findingId ? (args.fixIndex ?? 0) : 0];
      if (!fix) continue;
      const list = bySegment.get(t.segmentId) ?? [];
      // two findings of a merged card at one place: fixed once (the same fix), or by the card's first reading (another fix there)
      if (list.some((x) => x.start < fix.end && fix.start < x.end) || list.some((x) => x.start === fix.start && x.end === fix.end)) continue;
      list.push({ ...fix, text: t.text, locStart: t.start, locEnd: t.end });
      bySegment.set(t.segmentId, list);
      places++;
    }
    const label = labels.fixLabel(first.rule, places, (ctx.store.segment(first.segmentId)?.index ?? 0) + 1);
    return ctx.operation(doc.projectId, 'fix', label, (record, now) => {
      if (!bySegment.size) throw new JiaoduiError('invalid-input', em('findings.no-fix'));
      const touched: number[] = [];
      // fix all: the findings the reviewer saw were computed at `snapshot`; a segment edited since refuses the step
      const stale = changedSinceSnapshot(ctx.store, [...bySegment.keys()].map((id) => ({ seg: ctx.requireLiveSegment(id), mine: null })), args.snapshot);
      if (stale.length) throw editConflictError(stale);
      for (const [segmentId, fixes] of bySegment) {
        const seg = ctx.requireLiveSegment(segmentId);
        let text = seg.text;
        for (const fx of fixes.sort((a, b) => b.start - a.start)) {
          if (seg.text.slice(fx.locStart, fx.locEnd) !== fx.text) throw placeChangedError(ctx, seg, fx.text, doc.id);
          text = text.slice(0, fx.start) + fx.replacement + text.slice(fx.end);
        }
        writeText(ctx.store, record, seg, text, `fix:${first.rule}`, now);
        touched.push(segmentId);
      }
      return { touched };
    });
  },

  dismissFinding: (ctx, args) => {
    const targets = findingTargets(ctx, args.findingId, args.scope);
    const first = targets[0];
    const doc = ctx.requireDocument(first.documentId);
    ctx.operation(doc.projectId, 'dismiss', labels.dismissLabel(first.rule), (record, now) => {
      const before: FindingState = { ids: targets.map((t) => t.id), reason: null };
      const after: FindingState = { ids: before.ids, reason: args.reason };
      writeField(ctx.store, record, { segmentId: first.segmentId, field: 'finding', before: JSON.stringify(before), after: JSON.stringify(after), reason: `dismiss: ${args.reason}` }, now, ctx.author());
      ctx.touch({ documents: [doc.id], findings: [doc.id] });
      return { touched: [] };
    });
    const at = snapshot(ctx.store);
    return report(assembleFindings(ctx.store, doc.id), 0, at, projectCheckState(ctx.store, doc.projectId));
  },
} satisfies HandlerTable;
