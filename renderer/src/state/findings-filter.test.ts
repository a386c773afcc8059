import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../shared/domain/schemas';
import { DEFAULT_FINDINGS_FILTER, passesFindingsFilter, setFindingsFilter, shownFindings, type FindingsFilter } from './findings-filter';
import { rowFindings } from './row-findings';

let id = 0;
function loc(segmentId: number) {
  id++;
  return { findingId: id, documentId: 1, segmentId, segmentIndex: segmentId - 1, start: 0, end: 1, text: 'x', fixes: [] };
}
function finding(rule: string, severity: StoredFinding['severity'], segmentId: number, related: number[] = [], dismissed = false): StoredFinding {
  const l = loc(segmentId);
  return { ...l, id: l.findingId, rule, severity, message: 'm', messageData: null, group: null, scope: 'segment', related: related.map((s) => loc(s)), dismissedReason: dismissed ? 'ok' : null, dismissedAt: dismissed ? 'now' : null };
}

// a document's findings: typography (half-width punctuation, a group over three rows), a name, numbers, a dismissed one
const findings = [
  finding('halfwidth-punctuation', 'warning', 3, [3, 5, 8]),
  finding('doubled', 'warning', 5),
  finding('entity-consistency', 'error', 8, [9]),
  finding('conversion-ambiguity', 'info', 3),
  finding('number-format', 'error', 9, [], true),
];

/** What the panel lists for each row: the open locations of its shown findings, counted per segment. */
function listedPerRow(filter: FindingsFilter): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of shownFindings(findings, filter)) {
    if (f.dismissedReason) continue;
    for (const l of [f, ...f.related]) out.set(l.segmentId, (out.get(l.segmentId) ?? 0) + 1);
  }
  return out;
}
const counts = (filter: FindingsFilter) => new Map([...rowFindings({ findings }, 1, filter)].map(([s, q]) => [s, q.count]));

describe('the Findings panel filter and the row marks: one rule', () => {
  const filters: FindingsFilter[] = [
    DEFAULT_FINDINGS_FILTER,
    { severity: 'error', rule: 'all', showDismissed: false },
    { severity: 'all', rule: 'entity-consistency', showDismissed: false },
    { severity: 'warning', rule: 'halfwidth-punctuation', showDismissed: true },
    { severity: 'info', rule: 'all', showDismissed: true },
    { severity: 'warning', rule: 'entity-consistency', showDismissed: false },
  ];
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('a mark counts exactly the open locations the panel lists for its row: %s', (_n, filter) => {
    expect(counts(filter)).toEqual(listedPerRow(filter));
  });

  it('a rule or severity the panel filters out leaves no mark: the typography group is not counted under "errors"', () => {
    expect(counts(DEFAULT_FINDINGS_FILTER)).toEqual(new Map([[3, 3], [5, 2], [8, 2], [9, 1]]));
    const errors = { ...DEFAULT_FINDINGS_FILTER, severity: 'error' as const };
    expect(counts(errors)).toEqual(new Map([[8, 1], [9, 1]]));
    expect(rowFindings({ findings }, 1, { ...DEFAULT_FINDINGS_FILTER, rule: 'doubled' }).get(5)).toEqual({ count: 1, worst: 'warning' });
    // the worst severity is of the counted findings only
    expect(rowFindings({ findings }, 1, { ...DEFAULT_FINDINGS_FILTER, severity: 'info' }).get(3)).toEqual({ count: 1, worst: 'info' });
  });

  it('a dismissed finding is listed with "show dismissed" but never counted in a mark (a mark counts open findings)', () => {
    const withDismissed = { ...DEFAULT_FINDINGS_FILTER, showDismissed: true };
    expect(shownFindings(findings, withDismissed).some((f) => f.dismissedReason)).toBe(true);
    expect(passesFindingsFilter(findings[4], withDismissed)).toBe(true);
    expect(passesFindingsFilter(findings[4], DEFAULT_FINDINGS_FILTER)).toBe(false);
    expect(counts(withDismissed)).toEqual(counts(DEFAULT_FINDINGS_FILTER));
  });

  it('the list: most severe first, then in the rules order, then by row', () => {
    const order = ['entity-consistency', 'number-format', 'doubled', 'halfwidth-punctuation', 'conversion-ambiguity'];
    expect(shownFindings(findings, { ...DEFAULT_FINDINGS_FILTER, showDismissed: true }, order).map((f) => f.rule)).toEqual([
      'entity-consistency',
      'number-format',
      'doubled',
      'halfwidth-punctuation',
      'conversion-ambiguity',
    ]);
  });

  it('the window keeps one current filter, changed by value or by a function of it', () => {
    setFindingsFilter({ severity: 'error', rule: 'all', showDismissed: false });
    setFindingsFilter((f) => ({ ...f, rule: 'doubled' }));
    let seen: FindingsFilter | null = null;
    setFindingsFilter((f) => ((seen = f), f)); // outside React: read it through the setter
    expect(seen).toEqual({ severity: 'error', rule: 'doubled', showDismissed: false });
    setFindingsFilter(DEFAULT_FINDINGS_FILTER);
  });
});
