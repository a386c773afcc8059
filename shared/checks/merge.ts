/**
 * One card per place: findings of one rule whose primary location is the same span (two of a
 * rule's sub-checks reading one place: a label against its named period and against the same
 * value's other label, an amount against an exchange rate and against its restatement) become
 * one finding with every reason and the union of their fixes and places. Pure.
 *
 * The merged finding keeps the place (eval scoring looks at locations), takes the most severe
 * reading's severity, fixes and group first (callers pass findings sorted most severe first at
 * a place), and says why in one message (`place.reasons`: each reason as a nested message, worded
 * in the UI language like any other). A place listed as related by several findings is listed
 * once with the union of its fixes; the primary place is never also a related one.
 */
import { findingMessage, isFindingMessageRef, type FindingMessageRef } from '../finding-messages';
import type { StoredFinding } from '../domain/schemas';
import type { Finding, Fix, Location } from './types';

const placeKey = (l: Pick<Location, 'segmentId' | 'start' | 'end' | 'documentId'>) => `${l.documentId ?? ''}|${l.segmentId}|${l.start}|${l.end}`;
const fixKey = (x: Fix) => `${x.start}|${x.end}|${x.replacement}`;

function unionFixes(a: readonly Fix[], b: readonly Fix[]): Fix[] {
  const seen = new Set(a.map(fixKey));
  return [...a, ...b.filter((x) => !seen.has(fixKey(x)) && seen.add(fixKey(x)))];
}

/** The reasons a finding gives: its own message, or the ones an earlier merge collected. */
const reasonsOf = (f: Finding): FindingMessageRef[] =>
  f.messageData.key === 'place.reasons' && Array.isArray(f.messageData.params.reasons) ? f.messageData.params.reasons : [f.messageData];
const sameRef = (x: FindingMessageRef, y: FindingMessageRef) => x.key === y.key && JSON.stringify(x.params) === JSON.stringify(y.params);

/** `a` and `b` (same rule, same primary span; `a` the more severe or earlier) as one finding. */
export function mergeTwo(a: Finding, b: Finding): Finding {
  const reasons = [...reasonsOf(a)];
  for (const r of reasonsOf(b)) if (!reasons.some((x) => sameRef(x, r))) reasons.push(r);
  const primary = placeKey(a);
  const related = new Map<string, Finding['related'][number]>();
  for (const l of [...a.related, ...b.related]) {
    const k = placeKey(l);
    if (k === primary) continue;
    const had = related.get(k);
    related.set(k, had ? { ...had, fixes: unionFixes(had.fixes, l.fixes) } : l);
  }
  const group = a.group && b.group && a.group !== b.group ? `${a.group}+${b.group}` : (a.group ?? b.group);
  const merged: Finding = {
    ...a,
    ...(reasons.length > 1 ? findingMessage('place.reasons', { count: reasons.length, reasons }) : { message: a.message, messageData: a.messageData }),
    fixes: unionFixes(a.fixes, b.fixes),
    related: [...related.values()],
  };
  if (group === undefined) delete merged.group;
  else merged.group = group;
  // a whole-document pass's finding when either was: a segment re-check keeps the place with
  // every reason while its text stands, and its own reading there gives way (core/checks.ts)
  const scope = a.scope === 'document' || b.scope === 'document' ? 'document' : a.scope === b.scope ? a.scope : undefined;
  if (scope === undefined) delete merged.scope;
  else merged.scope = scope;
  return merged;
}

/**
 * Findings of one rule at the same primary span merged into one (the first of them keeps its
 * position in the list). Expects the list sorted most severe first within a place.
 */
export function mergeSamePlace(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const at = new Map<string, number>();
  for (const f of findings) {
    const k = `${f.rule}|${placeKey(f)}`;
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, out.length);
      out.push(f);
    } else out[i] = mergeTwo(out[i], f);
  }
  return out;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const reasonsOfRef = (m: FindingMessageRef): FindingMessageRef[] => (m.key === 'place.reasons' && Array.isArray(m.params.reasons) ? m.params.reasons : [m]);

/**
 * One card per place across scopes: a stored finding of the project check (scope 'project') and
 * a document's own finding (document or segment scope) of the same rule whose primary place is
 * the same span are listed as one card, with every reason (a nested message each, as
 * `mergeTwo`), the union of their fixes and places, the more severe reading first (on a tie the
 * document's own: its fixes are the document's), and the other finding's id in `mergedIds`
 * (dismissing the card dismisses each). Only findings both open or both dismissed, with their
 * messages as data, are merged. The first card keeps its position in the list. Pure.
 */
export function mergeStoredCards(findings: readonly StoredFinding[]): StoredFinding[] {
  const out: StoredFinding[] = [];
  const at = new Map<string, number>();
  for (const f of findings) {
    const k = `${f.rule}|${f.documentId}|${f.segmentId}|${f.start}|${f.end}|${f.dismissedReason === null ? 'open' : 'dismissed'}`;
    const i = at.get(k);
    const other = i === undefined ? undefined : out[i];
    if (i === undefined || !other || (other.scope === 'project') === (f.scope === 'project') || !isFindingMessageRef(other.messageData) || !isFindingMessageRef(f.messageData)) {
      if (i === undefined) at.set(k, out.length);
      out.push(f);
      continue;
    }
    out[i] = mergeCards(other, f);
  }
  return out;
}

function mergeCards(x: StoredFinding, y: StoredFinding): StoredFinding {
  // the more severe first; on a tie the document's own
  const [a, b] = SEVERITY_RANK[y.severity] < SEVERITY_RANK[x.severity] || (y.severity === x.severity && x.scope === 'project') ? [y, x] : [x, y];
  const reasons = [...reasonsOfRef(a.messageData as FindingMessageRef)];
  for (const r of reasonsOfRef(b.messageData as FindingMessageRef)) if (!reasons.some((z) => sameRef(z, r))) reasons.push(r);
  const msg = reasons.length > 1 ? findingMessage('place.reasons', { count: reasons.length, reasons }) : { message: a.message, messageData: a.messageData };
  const place = (l: Pick<StoredFinding, 'documentId' | 'segmentId' | 'start' | 'end'>) => `${l.documentId}|${l.segmentId}|${l.start}|${l.end}`;
  const related = new Map<string, StoredFinding['related'][number]>();
  for (const l of [...a.related, ...b.related]) {
    const k = place(l);
    if (k === place(a)) continue;
    const had = related.get(k);
    related.set(k, had ? { ...had, fixes: unionFixes(had.fixes, l.fixes) } : l);
  }
  return { ...a, ...msg, fixes: unionFixes(a.fixes, b.fixes), related: [...related.values()], mergedIds: [...(a.mergedIds ?? []), b.id, ...(b.mergedIds ?? [])] };
}
