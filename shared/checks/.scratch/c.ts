import { readFileSync } from 'node:fs';
import { Trie } from 'opencc-js/core';
import STPhrases from 'opencc-js/dict/STPhrases';
import STGen from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STChars from 'opencc-js/dict/STCharacters';
import { getConverter } from '../../text/convert';
import { ONE_TO_MANY } from '../data/oneToMany';
let t0 = performance.now();
// bigram index: key = 'L' + prev + s  or 'R' + s + next  → Map<T, count>
const idx = new Map<string, Map<string, number>>();
const add = (k: string, t: string) => { let m = idx.get(k); if (!m) idx.set(k, m = new Map()); m.set(t, (m.get(t) ?? 0) + 1); };
for (const d of [STPhrases, STGen]) for (const e of d.split('|')) {
  const sp = e.indexOf(' '); const s = e.slice(0, sp), t = e.slice(sp + 1);
  if (s.length !== t.length) continue;
  for (let j = 0; j < s.length; j++) if (ONE_TO_MANY[s[j]]) {
    if (j > 0) add('L' + s[j - 1] + s[j], t[j]);
    if (j + 1 < s.length) add('R' + s[j] + s[j + 1], t[j]);
  }
}
console.log('idx ms', performance.now() - t0, idx.size);
const trie = new Trie(); trie.loadDictGroup([STPhrases, STGen, STChars] as any);
const text = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const S = getConverter('t2s').convert(text);
const rev = new Map<string, string>();
for (const [s, ts] of Object.entries(ONE_TO_MANY)) for (const t of ts) rev.set(t, s);
let i = 0;
while (i < S.length) {
  const m = trie.matchPrefix(S, i);
  const end = m ? m.end : i + 1;
  if (end - i === 1) {
    const c = text[i]; const s = rev.get(c);
    if (s) {
      const L = idx.get('L' + S[i - 1] + s), R = idx.get('R' + s + S[i + 1]);
      const fmt = (m?: Map<string, number>) => m ? [...m].map(([a, b]) => a + b).join(',') : '-';
      if (L || R) console.log(i, c, 'L:', fmt(L), 'R:', fmt(R), text.slice(Math.max(0, i - 4), i + 5).replace(/\n/g, ' '));
    }
  }
  i = end;
}
