/**
 * Per-place finding families (`PER_PLACE_FAMILIES`, shared/finding-messages.ts): a finding whose
 * message key is marked per-place — each place its own finding, its own fix, no group, so no fix
 * all — belongs to the family of the findings with the same rule, severity, document, message key
 * and the parameters the family's explanation names. Whoever lists findings (the findings panel's
 * cards, renderer/src/state/finding-cards.ts; the CLI's findings table, cli/check.ts) words that
 * explanation once and each place in a short line. Pure.
 */
import { FINDING_MESSAGES_EN, PER_PLACE_FAMILIES, type FindingMessageKey, type FindingMessageParam, type FindingMessageRef } from './finding-messages';

/** What a finding needs for its family to be read. */
export interface FamilyFinding {
  rule: string;
  severity: string;
  /** the document, where findings of several documents are listed together */
  documentId?: number;
  messageData?: { key: string; params: Record<string, unknown> } | null;
  group?: string | null;
  related: readonly unknown[];
}

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];

/**
 * The family a finding is one place of, or null (not marked per-place, stored without message data,
 * or grouped with other places: a group is one finding with a fix all, shown as its own card).
 */
export function placeFamily(f: FamilyFinding): { key: string; explanation: FindingMessageRef } | null {
  const d = f.messageData;
  if (!d || f.group || f.related.length > 0 || !Object.hasOwn(PER_PLACE_FAMILIES, d.key)) return null;
  const header = PER_PLACE_FAMILIES[d.key as FindingMessageKey];
  if (!header) return null;
  const shared: [string, FindingMessageParam][] = [];
  for (const name of placeholders(FINDING_MESSAGES_EN[header])) {
    const v = d.params[name];
    if (v !== undefined) shared.push([name, v as FindingMessageParam]);
  }
  return {
    key: JSON.stringify([f.rule, f.severity, f.documentId ?? null, d.key, shared]),
    explanation: { key: header, params: Object.fromEntries(shared) },
  };
}

/** The reasons a finding gives: its message, or each reason of a place flagged for several (shared/checks/merge.ts `place.reasons`). */
export function findingReasons(m: FamilyFinding['messageData']): FindingMessageRef[] {
  if (!m) return [];
  if (m.key === 'place.reasons' && Array.isArray(m.params.reasons)) return m.params.reasons as FindingMessageRef[];
  return [m as FindingMessageRef];
}

/**
 * Notes for a list that is no findings panel (the CLI's tables, the change report): a per-place
 * family's explanation worded once, as a numbered note, each of its places pointing at it. `of`
 * gives a finding the notes its reasons point at (a place flagged for several reasons: each
 * per-place reason's note) and its other reasons; `notes` the notes met so far, in order.
 */
export function placeNotes(): {
  of(f: FamilyFinding): { labels: string[]; others: FindingMessageRef[] };
  notes(): { label: string; explanation: FindingMessageRef }[];
} {
  const notes = new Map<string, { label: string; explanation: FindingMessageRef }>();
  return {
    of(f) {
      const labels: string[] = [];
      const others: FindingMessageRef[] = [];
      for (const reason of findingReasons(f.messageData)) {
        const family = placeFamily({ ...f, messageData: reason });
        if (!family) {
          others.push(reason);
          continue;
        }
        let note = notes.get(family.key);
        if (!note) notes.set(family.key, (note = { label: String(notes.size + 1), explanation: family.explanation }));
        if (!labels.includes(note.label)) labels.push(note.label);
      }
      return { labels, others };
    },
    notes: () => [...notes.values()],
  };
}
