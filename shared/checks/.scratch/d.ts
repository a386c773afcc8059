import { readFileSync } from 'node:fs';
import { Trie } from 'opencc-js/core';
import STPhrases from 'opencc-js/dict/STPhrases';
import STGen from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STChars from 'opencc-js/dict/STCharacters';
import { getConverter } from '../../text/convert';
import { ONE_TO_MANY } from '../data/oneToMany';
const trie = new Trie(); trie.loadDictGroup([STPhrases, STGen, STChars] as any);
const text = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const S = getConverter('t2s').convert(text);
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
let i = 0;
while (i < S.length) {
  const m = trie.matchPrefix(S, i);
  const end = m ? m.end : i + 1;
  if (m && end - i > 1) {
    for (let k = i; k < end; k++) {
      const s = S[k]; const cands = ONE_TO_MANY[s]; if (!cands) continue;
      const x = m.value[k - i];
      const notes: string[] = [];
      for (let q = i + 1; q <= k; q++) { const mm = trie.matchPrefix(S, q); if (mm && mm.end - q > 1 && mm.end > k && mm.value[k - q] !== x) notes.push('CONFLICT ' + S.slice(q, mm.end) + '→' + mm.value); }
      const exc = x !== cands[0];
      if (exc) {
        const a = Math.max(0, i - 6), b = Math.min(S.length, end + 6);
        const words = [...seg.segment(S.slice(a, b))].map(w => [w.index + a, w.index + a + w.segment.length]);
        const cross = words.some(([ws, we]) => we - ws > 1 && ((ws < i && we > i) || (ws < end && we > end)));
        notes.push('EXC' + (cross ? ' CROSS ' + words.filter(([ws, we]) => we - ws > 1 && ((ws < i && we > i) || (ws < end && we > end))).map(([a, b]) => S.slice(a, b)).join(',') : ''));
      }
      if (notes.length) console.log(k, text[k], S.slice(i, end) + '→' + m.value, notes.join(' '), '|', text.slice(Math.max(0, k - 5), k + 5).replace(/\n/g, ' '));
    }
  }
  i = end;
}
