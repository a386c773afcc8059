/**
 * The Findings panel's filter (severity, rule, dismissed shown or not) and the one rule of
 * which findings it lets through. The panel lists `shownFindings`; the grid's row QA marks
 * (state/row-findings.ts), the *has findings* row filter and Alt+Q count the open locations of
 * the same findings, so a mark's number is what the panel shows for that row under its
 * current filter. The filter lives in a small store of this window (`useFindingsFilter`), so it
 * outlives the panel (a lazy chunk, mounted only while open) and the marks follow it.
 * Pure apart from the store; tested in findings-filter.test.ts.
 */
import { useSyncExternalStore } from 'react';
import type { StoredFinding } from '../../../shared/domain/schemas';

export type SeverityFilter = 'all' | 'error' | 'warning' | 'info';
export interface FindingsFilter {
  severity: SeverityFilter;
  /** a rule id, or 'all' */
  rule: string;
  /** list dismissed findings too (they are never counted in the row marks: a mark counts open findings) */
  showDismissed: boolean;
}
export const DEFAULT_FINDINGS_FILTER: FindingsFilter = Object.freeze({ severity: 'all', rule: 'all', showDismissed: false });

/** Whether the panel lists a finding under `filter`. */
export function passesFindingsFilter(f: Pick<StoredFinding, 'severity' | 'rule' | 'dismissedReason'>, filter: FindingsFilter): boolean {
  return (filter.showDismissed || !f.dismissedReason) && (filter.severity === 'all' || f.severity === filter.severity) && (filter.rule === 'all' || f.rule === filter.rule);
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The panel's list: the findings the filter lets through, most severe first; within a severity in the rules' order (names first), then by row. */
export function shownFindings<F extends Pick<StoredFinding, 'severity' | 'rule' | 'dismissedReason' | 'segmentIndex'>>(findings: readonly F[], filter: FindingsFilter, ruleOrder: readonly string[] = []): F[] {
  return findings
    .filter((f) => passesFindingsFilter(f, filter))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule) || a.segmentIndex - b.segmentIndex);
}

// ---- the window's current filter --------------------------------------------------------------

let current: FindingsFilter = DEFAULT_FINDINGS_FILTER;
const listeners = new Set<() => void>();

export function setFindingsFilter(next: FindingsFilter | ((f: FindingsFilter) => FindingsFilter)): void {
  const value = typeof next === 'function' ? next(current) : next;
  if (value.severity === current.severity && value.rule === current.rule && value.showDismissed === current.showDismissed) return;
  current = Object.freeze({ ...value });
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The Findings panel's current filter (and its setter), shared by the panel and the grid's row marks. */
export function useFindingsFilter(): [FindingsFilter, typeof setFindingsFilter] {
  return [useSyncExternalStore(subscribe, () => current), setFindingsFilter];
}
