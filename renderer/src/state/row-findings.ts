/**
 * Per-row QA marks (issue 17): how many open findings each segment of the open document has,
 * and the worst of their severities, from the stored findings (the findings query of the
 * query cache, keys.findings: refetched when a fix, an undo or another window changes them).
 * Pure: the grid draws the result, the "has findings" filter and Alt+Q / Alt+Shift+Q read it.
 * Only findings the Findings panel lists under its current filter count (state/findings-filter.ts:
 * one rule for both), so a mark's number is what the panel shows for its row.
 */
import type { FindingsReport } from '../../../shared/domain/schemas';
import { DEFAULT_FINDINGS_FILTER, passesFindingsFilter, type FindingsFilter } from './findings-filter';

export type Severity = 'error' | 'warning' | 'info';
export interface RowQa {
  /** open (not dismissed) finding locations in the segment */
  count: number;
  worst: Severity;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The more severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Open findings by segment id. Every location of a finding counts in its own segment (a name
 * group's locations are in several rows); locations in other documents are left out; a
 * dismissed finding is not open; a finding the panel's filter hides (another severity or rule)
 * is not counted.
 */
export function rowFindings(report: Pick<FindingsReport, 'findings'> | null | undefined, documentId: number | null, filter: FindingsFilter = DEFAULT_FINDINGS_FILTER): ReadonlyMap<number, RowQa> {
  const out = new Map<number, RowQa>();
  if (!report || documentId === null) return out;
  for (const f of report.findings) {
    if (f.dismissedReason || !passesFindingsFilter(f, filter)) continue;
    for (const loc of [f, ...f.related]) {
      if (loc.documentId !== documentId) continue;
      const cur = out.get(loc.segmentId);
      out.set(loc.segmentId, cur ? { count: cur.count + 1, worst: worse(cur.worst, f.severity) } : { count: 1, worst: f.severity });
    }
  }
  return out;
}
