/**
 * The wide claims view's table as pure functions (components/ClaimsWideView.tsx draws it):
 * rows for claims and open candidates, filters (assignee, status, verdict, claimant, type;
 * discarded claims hidden unless asked for), sorting by any column, counts by status for the
 * header, and where the keyboard goes after an action (it stays in the list: on the same row,
 * or on the one that took its place when the row left the view).
 */

/** One row of the table: a claim, or a candidate not yet decided. */
export interface ClaimsTableRow {
  kind: 'claim' | 'candidate';
  /** stable across refetches: `claim:ID` or `cand:SEGMENT:START:END` */
  key: string;
  /** the claim's id (claims only) */
  id: number | null;
  segmentId: number;
  /** the segment's row number, 0-based (-1: not among the document's rows) */
  segment: number;
  start: number;
  /** the claim as the checker restated it, else its quote */
  text: string;
  claimant: string;
  type: string;
  /** '' for a candidate */
  verdict: string;
  /** a claim's status; CANDIDATE for a candidate */
  status: string;
  assignee: string;
  evidence: number;
}

export const CANDIDATE = 'candidate';
export const DISCARDED = 'discarded';

export const SORT_KEYS = ['text', 'claimant', 'type', 'verdict', 'status', 'assignee', 'evidence', 'segment'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
/** Document order: by segment, then position in it. */
export const DOCUMENT_ORDER: Sort = { key: 'segment', dir: 'asc' };

export interface ClaimsTableFilter {
  assignee: string;
  status: string;
  verdict: string;
  claimant: string;
  type: string;
  /** show discarded claims too (they are hidden by default) */
  showDiscarded: boolean;
}
export const NO_TABLE_FILTER: ClaimsTableFilter = { assignee: '', status: '', verdict: '', claimant: '', type: '', showDiscarded: false };
/** The value a filter uses for "nobody / no claimant" (an empty field). */
export const NONE = '\u0000none';

const matches = (want: string, value: string) => !want || (want === NONE ? value === '' : value === want);

/**
 * The rows a filter lets through. A discarded claim shows only with `showDiscarded` or when
 * the status filter asks for discarded ones; candidates have no verdict or assignee, so a
 * verdict or assignee filter hides them.
 */
export function filterClaimRows(rows: readonly ClaimsTableRow[], f: ClaimsTableFilter): ClaimsTableRow[] {
  return rows.filter((r) => {
    if (r.status === DISCARDED && !f.showDiscarded && f.status !== DISCARDED) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.verdict && (r.kind === 'candidate' || !matches(f.verdict, r.verdict))) return false;
    if (f.assignee && (r.kind === 'candidate' || !matches(f.assignee, r.assignee))) return false;
    return matches(f.claimant, r.claimant) && matches(f.type, r.type);
  });
}

/**
 * Sorted by one column; ties (and empty values, which go last in either direction) in
 * document order. Text columns compare with `compare` (a locale collator), and the values
 * of ordered fields (status, verdict, type) by their position in `order` when given.
 */
export function sortClaimRows(
  rows: readonly ClaimsTableRow[],
  sort: Sort,
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  order: Partial<Record<'status' | 'verdict' | 'type', readonly string[]>> = {},
): ClaimsTableRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const docOrder = (a: ClaimsTableRow, b: ClaimsTableRow) => a.segment - b.segment || a.start - b.start || a.key.localeCompare(b.key);
  const rank = (field: 'status' | 'verdict' | 'type', v: string) => {
    const list = order[field];
    const i = list ? list.indexOf(v) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const by = (a: ClaimsTableRow, b: ClaimsTableRow): number => {
    const k = sort.key;
    if (k === 'segment') return sign * docOrder(a, b);
    if (k === 'evidence') return sign * (a.evidence - b.evidence);
    const va = a[k];
    const vb = b[k];
    if (!va || !vb) return va === vb ? 0 : va ? -1 : 1; // empty last, whatever the direction
    if ((k === 'status' || k === 'verdict' || k === 'type') && order[k]) return sign * (rank(k, va) - rank(k, vb) || compare(va, vb));
    return sign * compare(va, vb);
  };
  return [...rows].sort((a, b) => by(a, b) || docOrder(a, b));
}

/** Clicking a column header: that column ascending, or the other direction when it is the column already. */
export function toggleSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/**
 * The keyboard's sort (the wide view's S / Shift+S): the next (`delta` 1) or previous (-1)
 * column in the table's order, wrapping around, ascending.
 */
export function cycleSort(current: Sort, delta: 1 | -1): Sort {
  const i = SORT_KEYS.indexOf(current.key);
  return { key: SORT_KEYS[(i + delta + SORT_KEYS.length) % SORT_KEYS.length], dir: 'asc' };
}

/** The keyboard's D: the same column, the other direction. */
export function flipSort(current: Sort): Sort {
  return { key: current.key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

/** A header's `aria-sort`: the sorted column says which way, the others say nothing. */
export function ariaSort(current: Sort, key: SortKey): 'ascending' | 'descending' | undefined {
  return current.key === key ? (current.dir === 'asc' ? 'ascending' : 'descending') : undefined;
}

/** How many rows of each status (claims and candidates alike), before filtering. */
export function countByStatus(rows: readonly ClaimsTableRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return counts;
}

/** The distinct non-empty values of a column, sorted (the choices of its filter). */
export function distinctValues(rows: readonly ClaimsTableRow[], field: 'assignee' | 'claimant', compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b)): string[] {
  return [...new Set(rows.map((r) => r[field]).filter(Boolean))].sort(compare);
}

/** The key `delta` rows from `key` (clamped to the list); the first row when `key` is not shown. */
export function moveKey(keys: readonly string[], key: string | null, delta: number): string | null {
  if (!keys.length) return null;
  const i = key === null ? -1 : keys.indexOf(key);
  if (i < 0) return keys[0];
  return keys[Math.max(0, Math.min(keys.length - 1, i + delta))];
}

/**
 * Where the keyboard goes after the list changed. Normally the same row when it is still
 * shown (an accepted candidate is looked for under `renamed`, the key of the claim made from
 * it); with `advance` (triage: A or R moves on) the row that followed it before the change.
 * A row that left the view hands the keyboard to the row that followed it, else the one
 * before it; nothing only when the list is empty.
 */
export function focusAfter(before: readonly string[], after: readonly string[], key: string | null, opts: { renamed?: string | null; advance?: boolean } = {}): string | null {
  if (!after.length) return null;
  if (key === null) return after[0];
  const shown = new Set(after);
  const i = before.indexOf(key);
  const following = () => {
    for (let j = i + 1; i >= 0 && j < before.length; j++) if (shown.has(before[j])) return before[j];
    return null;
  };
  const preceding = () => {
    for (let j = i - 1; j >= 0; j--) if (shown.has(before[j])) return before[j];
    return null;
  };
  const same = opts.renamed && shown.has(opts.renamed) ? opts.renamed : shown.has(key) ? key : null;
  if (opts.advance) return following() ?? same ?? preceding() ?? after[0];
  return same ?? following() ?? preceding() ?? after[0];
}

/** The claim and candidate fields the rows are made of (the API's ClaimT and ClaimCandidateT have them). */
export interface ClaimLike {
  id: number;
  segmentId: number;
  segmentIndex: number;
  start: number;
  text: string;
  claimant: string | null;
  type: string;
  verdict: string;
  status: string;
  assignee: string;
  evidence: readonly unknown[];
}
export interface CandidateLike {
  segmentId: number;
  index: number;
  start: number;
  end: number;
  text: string;
  claimant: string | null;
  type: string;
  claimId: number | null;
  rejected: boolean;
}

export const claimKey = (id: number) => `claim:${id}`;
export const candidateKey = (c: { segmentId: number; start: number; end: number }) => `cand:${c.segmentId}:${c.start}:${c.end}`;

/** The table's rows: every claim, and the candidates still open (not made a claim, not rejected) when `withCandidates`. */
export function tableRows(claims: readonly ClaimLike[], candidates: readonly CandidateLike[], withCandidates: boolean): ClaimsTableRow[] {
  const rows: ClaimsTableRow[] = claims.map((c) => ({
    kind: 'claim',
    key: claimKey(c.id),
    id: c.id,
    segmentId: c.segmentId,
    segment: c.segmentIndex,
    start: c.start,
    text: c.text,
    claimant: c.claimant ?? '',
    type: c.type,
    verdict: c.verdict,
    status: c.status,
    assignee: c.assignee,
    evidence: c.evidence.length,
  }));
  if (withCandidates)
    for (const c of candidates)
      if (c.claimId === null && !c.rejected)
        rows.push({ kind: 'candidate', key: candidateKey(c), id: null, segmentId: c.segmentId, segment: c.index, start: c.start, text: c.text, claimant: c.claimant ?? '', type: c.type, verdict: '', status: CANDIDATE, assignee: '', evidence: 0 });
  return rows;
}

/** What the cross-checks say next to one claim: the checks concerning it, the claims it agrees with (only when compared and not contradicted). */
export interface ClaimChecks {
  crossChecks: number[];
  /** the figure checks' findings on the claim's span (indexes into the report's figureFindings) */
  figureFindings: number[];
  contradicted: boolean;
  agreesWith: number[];
}
export function checksByClaim(
  comparisons: readonly { claimId: number; compared: readonly number[]; crossChecks: readonly number[]; figureFindings?: readonly number[]; contradicted: boolean; agrees: boolean | null }[],
): Map<number, ClaimChecks> {
  const out = new Map<number, ClaimChecks>();
  for (const c of comparisons) {
    const figures = c.figureFindings ?? [];
    if (!c.crossChecks.length && !figures.length && c.agrees !== true) continue;
    out.set(c.claimId, { crossChecks: [...c.crossChecks], figureFindings: [...figures], contradicted: c.contradicted, agreesWith: c.agrees === true ? [...c.compared] : [] });
  }
  return out;
}

/** How many claims the cross-checks compared with at least one other (0: nothing could be compared, so nothing “agrees”). */
export function comparedCount(comparisons: readonly { compared: readonly number[] }[]): number {
  return comparisons.filter((c) => c.compared.length > 0).length;
}
