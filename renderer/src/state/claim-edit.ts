/**
 * Editing a claim, as pure functions the claim editor (components/ClaimEditor.tsx) calls:
 * moving an edge of its span by one character (never splitting a surrogate pair, never
 * past the segment, never empty), and which typed fields differ from the stored claim.
 */

/** The span with one edge moved by one character (`delta` +1: to the right), or null when that is not possible. */
export function stepSpan(text: string, start: number, end: number, edge: 'start' | 'end', delta: 1 | -1): { start: number; end: number } | null {
  if (start < 0 || end > text.length || start > end) return null;
  const step = (i: number, d: 1 | -1) => {
    if (d > 0) {
      const c = text.codePointAt(i);
      return c === undefined ? i : i + (c > 0xffff ? 2 : 1);
    }
    if (i <= 0) return 0;
    const lo = text.charCodeAt(i - 1);
    return i - (lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? 2 : 1);
  };
  const next = edge === 'start' ? { start: step(start, delta), end } : { start, end: step(end, delta) };
  if (next.start === start && next.end === end) return null;
  if (next.start >= next.end) return null;
  return next;
}

/** The text fields of a draft that differ from the stored values (trimmed; an empty claimant is null). */
export function changedTextFields<K extends string>(stored: Record<K, string | null>, draft: Record<K, string>): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const k of Object.keys(draft) as K[]) {
    const v = draft[k].trim();
    if (v !== (stored[k] ?? '').trim()) out[k] = v;
  }
  return out;
}

/** The claim fields whose values are labelled from the catalog (claims.value.<field>.<value>). */
const LABELLED = new Set(['type', 'verdict', 'status']);

/**
 * One value of a claim history entry, for display: nothing; a labelled value (type, verdict,
 * status: the catalog words it); a number of evidence items; a span's quote; a time; or the
 * text itself, shortened.
 */
export type HistoryValue =
  | { kind: 'none' }
  | { kind: 'label'; field: 'type' | 'verdict' | 'status'; value: string }
  | { kind: 'items'; count: number }
  | { kind: 'time'; iso: string }
  | { kind: 'text'; text: string };

export function historyValue(field: string, raw: string | null, max = 60): HistoryValue {
  if (raw === null || raw === '') return { kind: 'none' };
  if (LABELLED.has(field)) return { kind: 'label', field: field as 'type' | 'verdict' | 'status', value: raw };
  const short = (t: string) => ({ kind: 'text' as const, text: t.length > max ? t.slice(0, max - 1) + '…' : t });
  if (field === 'evidence' || field === 'span') {
    try {
      const v: unknown = JSON.parse(raw);
      if (field === 'evidence' && Array.isArray(v)) return { kind: 'items', count: v.length };
      if (field === 'span' && v && typeof v === 'object' && typeof (v as { exact?: unknown }).exact === 'string') return short((v as { exact: string }).exact);
    } catch {
      // not JSON: shown as stored
    }
  }
  if ((field === 'publishedAt' || field === 'deleted') && !Number.isNaN(Date.parse(raw))) return { kind: 'time', iso: raw };
  return short(raw);
}
