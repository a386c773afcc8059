import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../shared/domain/schemas';
import { rowFindings, worse } from './row-findings';

let id = 0;
function loc(segmentId: number, documentId = 1) {
  id++;
  return { findingId: id, documentId, segmentId, segmentIndex: segmentId - 1, start: 0, end: 1, text: 'x', fixes: [] };
}
function finding(severity: StoredFinding['severity'], segmentId: number, related: number[] = [], extra: Partial<StoredFinding> = {}): StoredFinding {
  const l = loc(segmentId);
  return { ...l, id: l.findingId, rule: 'r', severity, message: 'm', messageData: null, group: null, scope: 'segment', related: related.map((s) => loc(s)), dismissedReason: null, dismissedAt: null, ...extra };
}

describe('rowFindings', () => {
  it('counts open finding locations per segment with the worst severity', () => {
    const m = rowFindings({ findings: [finding('info', 10), finding('error', 10), finding('warning', 11)] }, 1);
    expect(m.get(10)).toEqual({ count: 2, worst: 'error' });
    expect(m.get(11)).toEqual({ count: 1, worst: 'warning' });
    expect(m.has(12)).toBe(false);
  });
  it("a group's related locations mark their own rows; other documents' locations are left out", () => {
    const f = finding('warning', 10, [11, 12]);
    f.related[1].documentId = 2;
    const m = rowFindings({ findings: [f] }, 1);
    expect([...m.keys()].sort()).toEqual([10, 11]);
  });
  it('dismissed findings are not open', () => {
    const m = rowFindings({ findings: [finding('error', 10, [], { dismissedReason: 'ok', dismissedAt: 'now' })] }, 1);
    expect(m.size).toBe(0);
  });
  it('nothing loaded, nothing marked', () => {
    expect(rowFindings(undefined, 1).size).toBe(0);
    expect(rowFindings({ findings: [finding('error', 1)] }, null).size).toBe(0);
  });
  it('worse picks the more severe', () => {
    expect(worse('info', 'warning')).toBe('warning');
    expect(worse('error', 'info')).toBe('error');
    expect(worse('warning', 'warning')).toBe('warning');
  });
});
