import { readFileSync } from 'node:fs';
import { Trie } from 'opencc-js/core';
import STPhrases from 'opencc-js/dict/STPhrases';
import STGen from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STChars from 'opencc-js/dict/STCharacters';
import { getConverter } from '../../text/convert';
import { ONE_TO_MANY } from '../data/oneToMany';
import { PHRASE_STATS } from '../data/phraseStats';
let t0 = performance.now();
const trie = new Trie(); trie.loadDictGroup([STPhrases, STGen, STChars] as any);
console.log('trie ms', performance.now() - t0);
const text = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
t0 = performance.now();
const S = getConverter('t2s').convert(text);
console.log('t2s ms', performance.now() - t0, S.length === text.length);
const rev = new Map<string, string>();
for (const [s, ts] of Object.entries(ONE_TO_MANY)) for (const t of ts) rev.set(t, s);
let i = 0; const rows: string[] = [];
while (i < S.length) {
  const m = trie.matchPrefix(S, i);
  const end = m ? m.end : i + 1;
  for (let k = i; k < end; k++) {
    const c = text[k]; const s = rev.get(c);
    if (!s) continue;
    const st = PHRASE_STATS[s]; const vals = Object.values(st); const tot = vals.reduce((a, b) => a + b, 0);
    const share = tot ? (tot - vals[0]) / tot : 0;
    rows.push(`${k}\t${c}\t${s}\t${end - i > 1 ? 'P:' + text.slice(i, end) : 'char'}\t${share.toFixed(2)}\t${text.slice(Math.max(0, k - 4), k + 5).replace(/\n/g, ' ')}`);
  }
  i = end;
}
console.log(rows.length); console.log(rows.filter(r => r.includes('\tchar\t')).join('\n'));
