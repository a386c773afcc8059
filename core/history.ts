/**
 * History beyond undo: revert a segment to any earlier version (a new revision with
 * reason 'revert', so it is itself undoable), and a document's change log with counts.
 */
import type { z } from 'zod';
import type { DocumentChangeLogArgs, RevertSegmentArgs } from '../shared/contract/review';
import type { ChangeLog } from '../shared/domain/review';
import type { ChangeResult } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { parseOperationLabel, revertLabel } from '../shared/operation-labels';
import { charDiff, editDistance } from '../shared/text/diff';
import type { ReviewHost } from './review-host';
import { writeText } from './segment-writes';

/** More revisions than this: the newest ones are listed and `truncated` is set. */
export const CHANGE_LOG_LIMIT = 2_000;

/**
 * Restore the text a segment had right after a revision (or the machine text, for null).
 * The status follows the usual rule (machine text → unreviewed, otherwise edited).
 */
export function revertSegment(host: ReviewHost, args: z.infer<typeof RevertSegmentArgs>): ChangeResult {
  const seg = host.requireLiveSegment(args.segmentId);
  let target = seg.machineText;
  if (args.revisionId !== null) {
    const rev = host.store.revision(args.revisionId);
    if (!rev || rev.segmentId !== seg.id) throw new JiaoduiError('not-found', em('not-found.revision', { id: seg.id, revision: args.revisionId }));
    const t = host.store.textAtRevision(seg.id, rev.id);
    target = t === undefined ? seg.machineText : (t ?? '');
  }
  return host.operation(seg.projectId, 'edit', revertLabel(seg.index + 1, args.revisionId), (record, now) => {
    const row = host.requireLiveSegment(seg.id);
    writeText(host.store, record, row, target, 'revert', now);
    return { touched: [row.id] };
  });
}

export function documentChangeLog(host: ReviewHost, args: z.infer<typeof DocumentChangeLogArgs>): ChangeLog {
  host.requireDocument(args.documentId);
  const rows = host.store.documentRevisions(args.documentId, { reason: args.reason, author: args.author }, CHANGE_LOG_LIMIT + 1);
  const entries = rows
    .slice(0, CHANGE_LOG_LIMIT)
    .map(({ position, retired, operationLabelData, ...r }) => ({ ...r, operationLabelKey: parseOperationLabel(operationLabelData), index: retired ? null : Math.round(position) }));
  const facets = host.store.documentRevisionFacets(args.documentId);
  let changedSegments = 0;
  let charsChanged = 0;
  const texts = host.store.documentTexts(args.documentId);
  for (const t of texts) {
    if (t.text === t.machineText) continue;
    changedSegments++;
    charsChanged += editDistance(charDiff(t.machineText, t.text));
  }
  return {
    documentId: args.documentId,
    entries,
    truncated: rows.length > CHANGE_LOG_LIMIT,
    authors: facets.authors,
    reasons: facets.reasons,
    changedSegments,
    charsChanged,
    totalSegments: texts.length,
  };
}
