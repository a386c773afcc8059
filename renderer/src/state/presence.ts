/** Presence (issue 19), the pure part: who else has each document open, as the library and the header show it. */
export interface PresenceEntry {
  reviewer: string;
  documentId: number | null;
  since: string;
}

/**
 * Document id → the names of the reviewers who have it open (each once, in alphabetical order).
 * `self`, the name this window's changes are signed with (the team account's, else the Settings
 * author), is left out: the server leaves out only this window's own entry, so the same reviewer's
 * other windows — and, for up to PRESENCE_TTL_MS, this very tab before a reload, which beat under
 * another per-load client id — would otherwise show "Also open: <me>".
 */
export function readersByDocument(entries: readonly PresenceEntry[], self: string | null = null): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  for (const e of entries) {
    if (e.documentId === null || e.reviewer === self) continue;
    const set = out.get(e.documentId) ?? new Set<string>();
    set.add(e.reviewer);
    out.set(e.documentId, set);
  }
  return new Map([...out].map(([id, names]) => [id, [...names].sort((a, b) => a.localeCompare(b))]));
}

/** At most `max` names, then "+N" (the full list goes in the title). */
export function shortNames(names: readonly string[], max = 3): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} +${names.length - max}`;
}
