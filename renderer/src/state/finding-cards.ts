/**
 * The Findings panel's cards: which findings are shown as a card of their own and which as one
 * short line on a per-place family's card. A finding whose message key is marked per-place
 * (`PER_PLACE_FAMILIES`, shared/finding-messages.ts: each place its own finding, its own fix, no
 * group, so no fix all) joins the family of the findings with the same rule, severity, document,
 * message key and the parameters the family's explanation names; the card shows that explanation
 * once, worded in the UI language, then one line per place (its context, its own Fix and Dismiss).
 * The findings stay what they are: a line's Fix and Dismiss act on its own finding only.
 * The family is read by shared/finding-families.ts (the CLI's table groups the same way). Pure;
 * tested in finding-cards.test.ts.
 */
export { placeFamily };
import type { FindingMessageRef } from '../../../shared/finding-messages';
import { placeFamily } from '../../../shared/finding-families';
import type { StoredFinding } from '../../../shared/domain/schemas';

type CardFinding = Pick<StoredFinding, 'id' | 'rule' | 'severity' | 'documentId' | 'segmentIndex' | 'start' | 'messageData' | 'group' | 'related'>;

export type FindingCard<F> =
  /** a finding shown as it is: its message, its places, Fix / Fix all / Dismiss */
  | { kind: 'finding'; key: string; finding: F }
  /** a per-place family: the explanation once, then its places in text order, each a finding of its own */
  | { kind: 'places'; key: string; rule: string; severity: StoredFinding['severity']; explanation: FindingMessageRef; places: F[] };

/**
 * The panel's cards for the findings it lists (`shownFindings`, in its order): each family at the
 * place of its first member, its places by row and offset; every other finding a card of its own.
 */
export function findingCards<F extends CardFinding>(shown: readonly F[]): FindingCard<F>[] {
  const cards: FindingCard<F>[] = [];
  const families = new Map<string, Extract<FindingCard<F>, { kind: 'places' }>>();
  for (const f of shown) {
    const family = placeFamily(f);
    if (!family) {
      cards.push({ kind: 'finding', key: `finding-${f.id}`, finding: f });
      continue;
    }
    let card = families.get(family.key);
    if (!card) {
      card = { kind: 'places', key: `places-${family.key}`, rule: f.rule, severity: f.severity, explanation: family.explanation, places: [] };
      families.set(family.key, card);
      cards.push(card);
    }
    card.places.push(f);
  }
  for (const card of families.values()) card.places.sort((a, b) => a.segmentIndex - b.segmentIndex || a.start - b.start || a.id - b.id);
  return cards;
}

/**
 * Where the keyboard goes once a place is fixed or dismissed (its line leaves the card): the next
 * place of the card, else the one before, else nowhere (the card is gone). Never a place's Fix:
 * Enter pressed again looks at the next place (its jump button), it does not fix it unseen.
 */
export function placeAfter(places: readonly Pick<StoredFinding, 'id'>[], id: number): number | null {
  const i = places.findIndex((p) => p.id === id);
  if (i < 0) return null;
  return places[i + 1]?.id ?? places[i - 1]?.id ?? null;
}
