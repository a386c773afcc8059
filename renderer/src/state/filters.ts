/**
 * Row filters above the grid: status, has open findings, has annotations, changed, text. The result is the
 * list of segment indices handed to the virtualizer (so filtering keeps virtualization),
 * or null when nothing is filtered.
 */
import type { Segment, SegmentStatus } from '../../../shared/domain/schemas';

export interface RowFilter {
  status: 'all' | SegmentStatus;
  /** only rows with open findings (state/row-findings.ts) */
  findings: boolean;
  annotated: boolean;
  changed: boolean;
  text: string;
}

export const NO_FILTER: RowFilter = { status: 'all', findings: false, annotated: false, changed: false, text: '' };

export function isFiltering(f: RowFilter): boolean {
  return f.status !== 'all' || f.findings || f.annotated || f.changed || f.text.trim() !== '';
}

export function filterRows(
  segments: readonly Segment[],
  f: RowFilter,
  annotated: ReadonlySet<number> | ReadonlyMap<number, unknown>,
  /** segment ids with open findings */
  withFindings: ReadonlySet<number> | ReadonlyMap<number, unknown> = new Set(),
): number[] | null {
  if (!isFiltering(f)) return null;
  const q = f.text.trim().toLowerCase();
  const out: number[] = [];
  segments.forEach((s, i) => {
    if (f.status !== 'all' && s.status !== f.status) return;
    if (f.changed && s.text === s.machineText) return;
    if (f.annotated && !annotated.has(s.id)) return;
    if (f.findings && !withFindings.has(s.id)) return;
    if (q && !s.text.toLowerCase().includes(q) && !s.rendering.toLowerCase().includes(q)) return;
    out.push(i);
  });
  return out;
}
