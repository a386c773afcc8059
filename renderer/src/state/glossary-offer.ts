/**
 * After a name group is fixed, the Findings panel offers to confirm the spelling in the
 * glossary: "Add 王征 to the glossary (forbid 王震, 王徵)". What to offer is read from the
 * finding as it was listed before the fix (pure, tested): the suggested spelling becomes the
 * term, the group's other spellings its forbidden variants (the glossary's `variants`: the
 * glossary-forbidden check flags them and applying the glossary replaces them).
 */
import type { StoredFinding } from '../../../shared/domain/schemas';

export interface GlossaryOffer {
  term: string;
  variants: string[];
  type: 'person';
}

/** The offer for a fixed finding, or null: only a name group ("probably one person written N ways") with a suggested spelling. */
export function glossaryOfferFor(f: Pick<StoredFinding, 'rule' | 'messageData' | 'text' | 'fixes' | 'related'>, fixIndex = 0): GlossaryOffer | null {
  if (f.rule !== 'entity-consistency') return null;
  if (f.messageData && !String(f.messageData.key).startsWith('entity.group')) return null;
  const term = f.fixes[fixIndex]?.replacement ?? f.related.find((r) => r.fixes.length)?.fixes[0]?.replacement;
  if (!term) return null;
  const variants = [...new Set([f, ...f.related].map((l) => l.text))].filter((t) => t && t !== term);
  return variants.length ? { term, variants, type: 'person' } : null;
}

/** Whether the glossary entries already say this: the term with every offered variant. */
export function offerAlreadyInGlossary(offer: GlossaryOffer, entries: readonly { term: string; variants: readonly string[] }[]): boolean {
  return entries.some((e) => e.term === offer.term && offer.variants.every((v) => e.variants.includes(v)));
}
