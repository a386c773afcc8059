import { readFileSync } from 'node:fs';
import { getConverter } from '../../text/convert';
import { ONE_TO_MANY } from '../data/oneToMany';
const text = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const S = getConverter('t2s').convert(text);
const seen = new Map<string, number>();
for (let k = 0; k < text.length; k++) {
  const c = ONE_TO_MANY[S[k]]; if (!c || !c.includes(text[k])) continue;
  if ('了個萬據果具累家它廣私種證'.includes(text[k])) continue;
  const key = text.slice(Math.max(0, k - 2), k + 3).replace(/\n/g, '⏎');
  seen.set(key, k);
}
console.log([...seen].map(([k, v]) => v + ':' + k).join('  '));
