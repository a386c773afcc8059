import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../shared/domain/schemas';
import { glossaryOfferFor, offerAlreadyInGlossary } from './glossary-offer';

const loc = (text: string, replacement: string | null) => ({ findingId: 1, documentId: 1, segmentId: 1, segmentIndex: 0, start: 0, end: text.length, text, fixes: replacement ? [{ start: 0, end: text.length, replacement }] : [] });

function group(rule: string, key: string, texts: string[], replacement = '王征'): Pick<StoredFinding, 'rule' | 'messageData' | 'text' | 'fixes' | 'related'> {
  const [first, ...rest] = texts;
  return { rule, messageData: { key, params: {} } as StoredFinding['messageData'], text: first, fixes: loc(first, replacement).fixes, related: rest.map((t) => loc(t, replacement)) };
}

describe('glossary offer after fixing a name group', () => {
  it('offers the suggested spelling as the term, forbidding the group’s other spellings', () => {
    expect(glossaryOfferFor(group('entity-consistency', 'entity.group', ['王震', '王徵']))).toEqual({ term: '王征', variants: ['王震', '王徵'], type: 'person' });
    // a location already written the suggested way is not a variant; duplicates once
    expect(glossaryOfferFor(group('entity-consistency', 'entity.group.reasons', ['王震', '王征', '王震']))).toEqual({ term: '王征', variants: ['王震'], type: 'person' });
  });

  it('offers nothing for other rules, a role held by two people, or a group without a suggestion', () => {
    expect(glossaryOfferFor(group('conversion-ambiguity', 'entity.group', ['王震', '王徵']))).toBeNull();
    expect(glossaryOfferFor(group('entity-consistency', 'entity.role', ['張明', '張銘']))).toBeNull();
    const noFix = { ...group('entity-consistency', 'entity.group', ['王震', '王徵']), fixes: [], related: [loc('王徵', null)] };
    expect(glossaryOfferFor(noFix)).toBeNull();
  });

  it('knows when the glossary already says it', () => {
    const offer = { term: '王征', variants: ['王震', '王徵'], type: 'person' as const };
    expect(offerAlreadyInGlossary(offer, [{ term: '王征', variants: ['王震', '王徵', '汪征'] }])).toBe(true);
    expect(offerAlreadyInGlossary(offer, [{ term: '王征', variants: ['王震'] }])).toBe(false);
    expect(offerAlreadyInGlossary(offer, [])).toBe(false);
  });
});
