import { describe, expect, it } from 'vitest';
import {
  CANDIDATE,
  countByStatus,
  distinctValues,
  DOCUMENT_ORDER,
  filterClaimRows,
  focusAfter,
  tableRows,
  checksByClaim,
  comparedCount,
  candidateKey,
  moveKey,
  NO_TABLE_FILTER,
  NONE,
  sortClaimRows,
  toggleSort,
  cycleSort,
  flipSort,
  ariaSort,
  SORT_KEYS,
  type ClaimsTableRow,
} from './claims-table';

let n = 0;
function row(p: Partial<ClaimsTableRow>): ClaimsTableRow {
  n++;
  const kind = p.kind ?? 'claim';
  const segment = p.segment ?? n;
  const start = p.start ?? 0;
  return {
    kind,
    key: p.key ?? (kind === 'claim' ? `claim:${p.id ?? n}` : `cand:${segment}:${start}:${start + 5}`),
    id: kind === 'claim' ? (p.id ?? n) : null,
    segmentId: 100 + segment,
    segment,
    start,
    text: p.text ?? `claim ${n}`,
    claimant: p.claimant ?? '',
    type: p.type ?? 'figure',
    verdict: p.verdict ?? (kind === 'claim' ? 'unverified' : ''),
    status: p.status ?? (kind === 'claim' ? 'new' : CANDIDATE),
    assignee: p.assignee ?? '',
    evidence: p.evidence ?? 0,
  };
}

const zh = new Intl.Collator('zh-Hant').compare;

describe('filterClaimRows', () => {
  const rows = [
    row({ key: 'a', status: 'new', assignee: '林', claimant: '徐立', verdict: 'true' }),
    row({ key: 'b', status: 'published', assignee: '陳', claimant: '王震', verdict: 'false' }),
    row({ key: 'c', status: 'discarded', assignee: '林', claimant: '徐立' }),
    row({ key: 'd', kind: 'candidate', claimant: '徐立' }),
    row({ key: 'e', status: 'in-progress', assignee: '', claimant: '' }),
  ];
  const keys = (f: Partial<typeof NO_TABLE_FILTER>) => filterClaimRows(rows, { ...NO_TABLE_FILTER, ...f }).map((r) => r.key);

  it('hides discarded claims by default, shows them on request or when the status filter asks', () => {
    expect(keys({})).toEqual(['a', 'b', 'd', 'e']);
    expect(keys({ showDiscarded: true })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(keys({ status: 'discarded' })).toEqual(['c']);
  });
  it('filters by status, assignee, verdict and claimant, together', () => {
    expect(keys({ status: 'published' })).toEqual(['b']);
    expect(keys({ status: CANDIDATE })).toEqual(['d']);
    expect(keys({ assignee: '林' })).toEqual(['a']);
    expect(keys({ assignee: '林', showDiscarded: true })).toEqual(['a', 'c']);
    expect(keys({ claimant: '徐立' })).toEqual(['a', 'd']);
    expect(keys({ claimant: '徐立', verdict: 'true' })).toEqual(['a']);
    expect(keys({ verdict: 'false' })).toEqual(['b']);
  });
  it('NONE picks the rows without a value (unassigned, no claimant); candidates have no assignee to match', () => {
    expect(keys({ assignee: NONE })).toEqual(['e']);
    expect(keys({ claimant: NONE })).toEqual(['e']);
  });
});

describe('sortClaimRows', () => {
  const rows = [
    row({ key: 'x', segment: 4, start: 0, text: '乙', claimant: '王震', status: 'published', evidence: 2, assignee: '陳' }),
    row({ key: 'y', segment: 1, start: 9, text: '甲', claimant: '', status: 'new', evidence: 0 }),
    row({ key: 'z', segment: 1, start: 2, text: '丙', claimant: '徐立', status: 'in-progress', evidence: 1, assignee: '林' }),
  ];
  const order = (s: Parameters<typeof sortClaimRows>[1], o?: Parameters<typeof sortClaimRows>[3]) => sortClaimRows(rows, s, zh, o).map((r) => r.key);

  it('document order: segment, then position', () => {
    expect(order(DOCUMENT_ORDER)).toEqual(['z', 'y', 'x']);
    expect(order({ key: 'segment', dir: 'desc' })).toEqual(['x', 'y', 'z']);
  });
  it('numbers by value, both directions', () => {
    expect(order({ key: 'evidence', dir: 'asc' })).toEqual(['y', 'z', 'x']);
    expect(order({ key: 'evidence', dir: 'desc' })).toEqual(['x', 'z', 'y']);
  });
  it('text with the collator; empty values last in either direction', () => {
    const asc = order({ key: 'claimant', dir: 'asc' });
    const desc = order({ key: 'claimant', dir: 'desc' });
    expect(asc.at(-1)).toBe('y');
    expect(desc.at(-1)).toBe('y');
    expect(asc.slice(0, 2)).toEqual([...desc.slice(0, 2)].reverse());
    expect(zh('林', '陳')).toBeLessThan(0); // stroke order: 林 (8) before 陳 (11)
    expect(order({ key: 'assignee', dir: 'asc' })).toEqual(['z', 'x', 'y']);
    expect(order({ key: 'assignee', dir: 'desc' })).toEqual(['x', 'z', 'y']);
  });
  it('ordered fields by their workflow position, not alphabetically', () => {
    const statuses = ['new', 'in-progress', 'ready-for-review', 'published', 'discarded'];
    expect(order({ key: 'status', dir: 'asc' }, { status: statuses })).toEqual(['y', 'z', 'x']);
    expect(order({ key: 'status', dir: 'desc' }, { status: statuses })).toEqual(['x', 'z', 'y']);
    // without the order: alphabetical (in-progress < new < published)
    expect(order({ key: 'status', dir: 'asc' })).toEqual(['z', 'y', 'x']);
  });
  it('ties keep document order', () => {
    const tied = [row({ key: 'p', segment: 3, type: 'share' }), row({ key: 'q', segment: 2, type: 'share' }), row({ key: 'r', segment: 1, type: 'figure' })];
    expect(sortClaimRows(tied, { key: 'type', dir: 'asc' }).map((r) => r.key)).toEqual(['r', 'q', 'p']);
    expect(sortClaimRows(tied, { key: 'type', dir: 'desc' }).map((r) => r.key)).toEqual(['q', 'p', 'r']);
  });
});

describe('toggleSort', () => {
  it('a new column ascending, the same column flips', () => {
    expect(toggleSort(DOCUMENT_ORDER, 'status')).toEqual({ key: 'status', dir: 'asc' });
    expect(toggleSort({ key: 'status', dir: 'asc' }, 'status')).toEqual({ key: 'status', dir: 'desc' });
    expect(toggleSort({ key: 'status', dir: 'desc' }, 'status')).toEqual({ key: 'status', dir: 'asc' });
  });
});

describe('counts and choices', () => {
  const rows = [row({ status: 'new', assignee: '林' }), row({ status: 'new', assignee: '陳' }), row({ status: 'published', assignee: '林' }), row({ kind: 'candidate' }), row({ status: 'discarded' })];
  it('counts every status, discarded and candidates included', () => {
    expect(Object.fromEntries(countByStatus(rows))).toEqual({ new: 2, published: 1, [CANDIDATE]: 1, discarded: 1 });
  });
  it('distinct non-empty values, sorted', () => {
    expect(distinctValues(rows, 'assignee', zh)).toEqual(['林', '陳'].sort(zh));
    expect(distinctValues(rows, 'claimant')).toEqual([]);
  });
});

describe('keyboard', () => {
  const list = ['a', 'b', 'c', 'd'];
  it('moveKey: clamped steps; an unknown key starts at the first row', () => {
    expect(moveKey(list, 'b', 1)).toBe('c');
    expect(moveKey(list, 'd', 1)).toBe('d');
    expect(moveKey(list, 'a', -1)).toBe('a');
    expect(moveKey(list, 'zz', 1)).toBe('a');
    expect(moveKey(list, null, 1)).toBe('a');
    expect(moveKey([], 'a', 1)).toBeNull();
  });
  it('focusAfter: the same row while shown, else the one that followed it, else the one before', () => {
    expect(focusAfter(list, list, 'b')).toBe('b');
    expect(focusAfter(list, ['a', 'c', 'd'], 'b')).toBe('c'); // discarded: hidden
    expect(focusAfter(list, ['a', 'b', 'c'], 'd')).toBe('c'); // the last row left
    expect(focusAfter(list, ['a', 'd'], 'b')).toBe('d');
    expect(focusAfter(list, [], 'b')).toBeNull();
    expect(focusAfter(list, ['a'], null)).toBe('a');
  });
  it('focusAfter: an accepted candidate is found under the claim made from it', () => {
    expect(focusAfter(['a', 'cand:1', 'c'], ['a', 'claim:9', 'c'], 'cand:1', { renamed: 'claim:9' })).toBe('claim:9');
  });
  it('focusAfter with advance (triage): the row that followed it, even when the row stays', () => {
    expect(focusAfter(['a', 'cand:1', 'c'], ['a', 'claim:9', 'c'], 'cand:1', { renamed: 'claim:9', advance: true })).toBe('c');
    expect(focusAfter(list, list, 'b', { advance: true })).toBe('c');
    expect(focusAfter(list, list, 'd', { advance: true })).toBe('d'); // nothing after: stays
    expect(focusAfter(list, ['a', 'b', 'c'], 'd', { advance: true })).toBe('c');
  });
});

describe('rows from the API', () => {
  const claim = (id: number, p: Partial<Parameters<typeof tableRows>[0][number]> = {}) => ({
    id,
    segmentId: 7,
    segmentIndex: 3,
    start: 4,
    text: `claim ${id}`,
    claimant: null,
    type: 'figure',
    verdict: 'unverified',
    status: 'new',
    assignee: '',
    evidence: [{}, {}],
    ...p,
  });
  const cand = (start: number, p: Partial<Parameters<typeof tableRows>[1][number]> = {}) => ({ segmentId: 8, index: 5, start, end: start + 4, text: 'x', claimant: '徐立', type: 'change', claimId: null, rejected: false, ...p });

  it('claims with their fields; open candidates only, and only when asked for', () => {
    const rows = tableRows([claim(1, { claimant: '王震', status: 'published' })], [cand(0), cand(10, { rejected: true }), cand(20, { claimId: 1 })], true);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: 'claim', key: 'claim:1', id: 1, segment: 3, claimant: '王震', status: 'published', evidence: 2 });
    expect(rows[1]).toMatchObject({ kind: 'candidate', key: candidateKey({ segmentId: 8, start: 0, end: 4 }), id: null, segment: 5, status: CANDIDATE, verdict: '', claimant: '徐立' });
    expect(tableRows([claim(1)], [cand(0)], false).map((r) => r.kind)).toEqual(['claim']);
  });

  it('cross-checks next to a claim: its checks, and whom it agrees with only when compared and not contradicted', () => {
    const m = checksByClaim([
      { claimId: 1, compared: [2], crossChecks: [0], contradicted: true, agrees: false },
      { claimId: 2, compared: [1], crossChecks: [0], contradicted: true, agrees: false },
      { claimId: 3, compared: [4], crossChecks: [], contradicted: false, agrees: true },
      { claimId: 5, compared: [], crossChecks: [], contradicted: false, agrees: null },
    ]);
    expect(m.get(1)).toEqual({ crossChecks: [0], figureFindings: [], contradicted: true, agreesWith: [] });
    expect(m.get(3)).toEqual({ crossChecks: [], figureFindings: [], contradicted: false, agreesWith: [4] });
    expect(m.has(5)).toBe(false); // not compared: nothing said
    // a figure check's finding on a claim's span is shown with it, compared or not
    expect(checksByClaim([{ claimId: 6, compared: [], crossChecks: [], figureFindings: [2], contradicted: false, agrees: null }]).get(6)).toEqual({ crossChecks: [], figureFindings: [2], contradicted: false, agreesWith: [] });
    expect(comparedCount([{ compared: [2] }, { compared: [] }])).toBe(1);
    expect(comparedCount([{ compared: [] }])).toBe(0);
  });
});

describe('sorting from the keyboard (S, Shift+S, D)', () => {
  it('S walks the columns in the table order, wrapping, each ascending; Shift+S walks back', () => {
    let s = DOCUMENT_ORDER; // segment, the last column
    const seen: string[] = [];
    for (let i = 0; i < SORT_KEYS.length; i++) {
      s = cycleSort(s, 1);
      seen.push(s.key);
      expect(s.dir).toBe('asc');
    }
    expect(seen).toEqual([...SORT_KEYS]);
    expect(cycleSort({ key: 'text', dir: 'desc' }, -1)).toEqual({ key: 'segment', dir: 'asc' });
    expect(cycleSort({ key: 'claimant', dir: 'asc' }, -1)).toEqual({ key: 'text', dir: 'asc' });
  });
  it('D flips the direction of the sorted column', () => {
    expect(flipSort({ key: 'status', dir: 'asc' })).toEqual({ key: 'status', dir: 'desc' });
    expect(flipSort(flipSort(DOCUMENT_ORDER))).toEqual(DOCUMENT_ORDER);
  });
  it('aria-sort only on the sorted column', () => {
    expect(ariaSort({ key: 'verdict', dir: 'desc' }, 'verdict')).toBe('descending');
    expect(ariaSort({ key: 'verdict', dir: 'asc' }, 'verdict')).toBe('ascending');
    expect(ariaSort({ key: 'verdict', dir: 'asc' }, 'status')).toBeUndefined();
  });
});
