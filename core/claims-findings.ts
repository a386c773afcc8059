/**
 * Cross-checks between a document's claims (shared/claims/crosscheck.ts) as stored
 * findings of the rule `claims-crosscheck`: one finding per cross-check, one location per
 * claim involved (the claim's span, so the findings panel jumps to it), grouped by a key
 * made of the check's kind and the claim ids. They are recomputed whenever claims change
 * (create, edit, delete, undo/redo, re-anchoring after a text edit, split/merge) and on a
 * full run of the checks. Unchanged findings keep their rows (ids, dismissals); a finding
 * whose locations moved but whose message is the same keeps its dismissal.
 */
import type { FindingRow, NewFinding, Store } from './store';
import { serializeFindingMessage } from '../shared/finding-messages';
import { describeClaim } from '../shared/claims/detect';
import { timeRefs } from '../shared/claims/quantities';
import { crossCheckClaims, type CrossCheckFinding } from '../shared/claims/crosscheck';

export const CLAIMS_RULE = 'claims-crosscheck';

export const CLAIMS_RULE_INFO = {
  id: CLAIMS_RULE,
  title: 'Claims cross-check',
  scope: 'document' as const,
  description:
    'Cross-checks between the claims of a document: shares of one total that do or do not add up to 100%, the total each value ÷ share implies (agreeing within rounding or not), growth stated two ways (按年上升200% vs 翻了三倍, whose reading is ambiguous), a part larger than its whole, one metric stated twice with different values, the exchange rate implied by an amount given in two currencies (X港元(合Y美元)) outside a plausible band. Each finding links to the claims involved; recomputed whenever claims change.',
};

export const groupKeyOf = (f: Pick<CrossCheckFinding, 'kind' | 'refs'>) => `${CLAIMS_RULE}:${f.kind}:${f.refs.join(',')}`;

/** The cross-checks of a document's (live) claims, as the pure checker reports them. */
export function computeCrossChecks(store: Store, documentId: number, onCompared?: (a: number, b: number) => void): CrossCheckFinding[] {
  const date = store.documentDate(documentId); // not document(): this runs on every save of a claimed segment
  if (date === undefined) return [];
  const claims = store.documentClaims(documentId);
  const year = date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null;
  return crossCheckClaims(
    claims.map((c) => ({ ref: c.id, text: c.text, quantities: c.quantities, times: timeRefs(c.text), ...describeClaim(c.text, c.quantities) })),
    { documentYear: year, onCompared },
  );
}

/** Which claims each claim of a document was compared with by the cross-checks (both ways). */
export function comparedClaims(store: Store, documentId: number): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (a: number, b: number) => out.set(a, (out.get(a) ?? new Set()).add(b));
  computeCrossChecks(store, documentId, (a, b) => {
    add(a, b);
    add(b, a);
  });
  return out;
}

const sig = (r: Pick<FindingRow, 'segmentId' | 'start' | 'end' | 'text'>) => `${r.segmentId}|${r.start}|${r.end}|${r.text}`;

/** Bring the stored `claims-crosscheck` findings of a document in line with its claims. */
export function refreshClaimFindings(store: Store, documentId: number, now: string): void {
  const found = computeCrossChecks(store, documentId);
  const claims = new Map(store.documentClaims(documentId).map((c) => [c.id, c]));
  const texts = new Map<number, string | null>();
  const segText = (id: number) => {
    if (!texts.has(id)) {
      const s = store.segment(id);
      texts.set(id, s && !s.retired ? s.text : null);
    }
    return texts.get(id);
  };
  const wanted = new Map<string, NewFinding[]>();
  for (const f of found) {
    const group = groupKeyOf(f);
    const rows: NewFinding[] = [];
    for (const ref of f.refs) {
      const c = claims.get(ref);
      const text = c && segText(c.segmentId);
      if (!c || text == null) continue;
      const start = Math.min(c.start, text.length);
      const end = Math.min(Math.max(start, c.end), text.length);
      rows.push({ documentId, segmentId: c.segmentId, rule: CLAIMS_RULE, severity: f.severity, start, end, text: text.slice(start, end), message: f.message, messageData: serializeFindingMessage(f.messageData), fixes: [], group, scope: 'document', createdAt: now });
    }
    if (rows.length) wanted.set(group, rows);
  }
  const existing = new Map<string, FindingRow[]>();
  for (const r of store.findingsOfRule(documentId, CLAIMS_RULE)) {
    const k = r.group ?? `#${r.id}`;
    existing.set(k, [...(existing.get(k) ?? []), r]);
  }
  const stale: number[] = [];
  const insert: NewFinding[] = [];
  for (const [group, rows] of wanted) {
    const old = existing.get(group);
    existing.delete(group);
    const same =
      old &&
      old.length === rows.length &&
      old.every((o, i) => sig(o) === sig(rows[i]) && o.message === rows[i].message && o.messageData === (rows[i].messageData ?? null) && o.severity === rows[i].severity);
    if (same) continue;
    if (old) stale.push(...old.map((o) => o.id));
    // moved but saying the same: keep its dismissal
    const dismissed = old?.find((o) => o.dismissedReason && o.message === rows[0].message);
    insert.push(
      ...rows.map((r) => (dismissed ? { ...r, dismissedReason: dismissed.dismissedReason, dismissedAt: dismissed.dismissedAt, dismissedSegmentText: dismissed.dismissedSegmentText } : r)),
    );
  }
  for (const rows of existing.values()) stale.push(...rows.map((r) => r.id));
  store.deleteFindingsById(stale);
  store.addFindings(insert);
}

/** The stored finding (primary row) of each cross-check group of a document, by group key. */
export function storedCrossCheckFindings(store: Store, documentId: number): Map<string, FindingRow> {
  const out = new Map<string, FindingRow>();
  for (const r of store.findingsOfRule(documentId, CLAIMS_RULE)) {
    if (!r.group) continue;
    const prev = out.get(r.group);
    if (!prev || r.id < prev.id) out.set(r.group, r);
  }
  return out;
}
