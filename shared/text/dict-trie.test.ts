import { describe, expect, it } from 'vitest';
import { Trie, type DictGroup } from 'opencc-js/core';
import { configs as presetConfigs } from 'opencc-js/preset';
import { DictTrie, dictIndex } from './dict-trie';

const PRESETS = presetConfigs as unknown as Record<string, { conversionChain: DictGroup[] }>;
const S2T: DictGroup = PRESETS.s2t.conversionChain[0]; // STPhrases, regional phrases, STCharacters
const T2S: DictGroup = PRESETS.t2s.conversionChain[0];

function keysOf(group: DictGroup): string[] {
  return (group as string[]).flatMap((d) => d.split('|').map((e) => e.slice(0, e.indexOf(' '))));
}

describe('DictTrie: opencc-js’s trie, built one first character at a time', () => {
  it('matches every key of the s2t and t2s groups exactly as opencc-js’s eager trie does', () => {
    for (const group of [S2T, T2S]) {
      const eager = new Trie();
      eager.loadDictGroup(group);
      const lazy = new DictTrie(group);
      // Each key alone, with a character after it, and cut short: the longest match and the
      // value the earliest dictionary of the group gives a shared key.
      const differing: string[] = [];
      let compared = 0;
      for (const k of keysOf(group)) {
        for (const s of [k, k + '了', k.slice(0, -1)]) {
          if (!s) continue;
          const a = lazy.matchPrefix(s, 0);
          const b = eager.matchPrefix(s, 0);
          compared++;
          if (a?.end !== b?.end || a?.value !== b?.value) differing.push(s);
        }
      }
      expect(compared).toBeGreaterThan(group === S2T ? 150_000 : 8_000);
      expect(differing).toEqual([]);
    }
  });

  it('builds only the subtrees of the first characters it meets', () => {
    const lazy = new DictTrie(S2T);
    const cp = (c: string) => c.codePointAt(0)!;
    expect(lazy.built(cp('头')) || lazy.built(cp('发'))).toBe(false);
    expect(lazy.matchPrefix('头发', 0)).toEqual({ end: 2, value: '頭髮' });
    expect(lazy.built(cp('头'))).toBe(true);
    expect(lazy.built(cp('发'))).toBe(false); // inside the match, never a first character
    expect(lazy.map.size).toBe(1);
    // a character no key starts with is settled without building anything
    expect(lazy.matchPrefix('A头', 0)).toBeNull();
    expect(lazy.map.size).toBe(1);
  });

  it('extra words added on top of a group win a shared key, as in opencc-js (addWord after loading)', () => {
    const eager = new Trie();
    eager.loadDictGroup(T2S);
    const lazy = new DictTrie(T2S);
    for (const t of [eager, lazy]) {
      t.addWord('後', 'X');
      t.addWord('𠼤甲', 'Y'); // astral first character: found by its high surrogate
    }
    for (const s of ['後來', '𠼤甲乙', '𠼤']) expect(lazy.matchPrefix(s, 0), s).toEqual(eager.matchPrefix(s, 0));
    expect(lazy.matchPrefix('𠼤甲乙', 0)).toEqual({ end: 3, value: 'Y' });
  });

  it('indexes a dictionary string by first character, with the shape of its keys', () => {
    const ix = dictIndex('ab x|ac y|b z|ad w');
    expect([...ix.runs]).toEqual([
      [0x61, [0, 9, 14, 18]], // two runs of 'a' (the string is not sorted)
      [0x62, [10, 13]],
    ]);
    expect(ix).toMatchObject({ single: false, phrases: false });
    expect(dictIndex('甲乙 x|𠼤丙 y')).toMatchObject({ single: false, phrases: true });
    expect(dictIndex('𠼤 x|乙 y')).toMatchObject({ single: true, phrases: false });
    expect(() => dictIndex('ab|c d')).toThrow(/source replacement/);
  });

  it('reads a value as opencc-js does: up to the next space (first candidate)', () => {
    const eager = new Trie();
    eager.loadDict('么 麼 幺|干 幹');
    const lazy = new DictTrie(['么 麼 幺|干 幹']);
    expect(lazy.matchPrefix('么', 0)).toEqual(eager.matchPrefix('么', 0));
    expect(lazy.matchPrefix('么', 0)).toEqual({ end: 1, value: '麼' });
  });
});
