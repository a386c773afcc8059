import { readFileSync } from 'node:fs';
import { segmentText } from '../../text/segment';
import { getConverter } from '../../text/convert';
import { replayS2T, s2tTrie } from '../analysis';
const one = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const text = Array.from({ length: 75 }, () => one).join('\n\n');
const segs = segmentText(text).segments.map(s => s.text);
const c = getConverter('t2s'); s2tTrie();
for (let r = 0; r < 3; r++) {
  let t = performance.now(); const S = segs.map(x => c.convert(x)); const t1 = performance.now() - t;
  t = performance.now(); for (const x of S) replayS2T(x); const t2 = performance.now() - t;
  t = performance.now(); for (const x of segs) for (let i = 0; i < x.length; i++) x.codePointAt(i); const t3 = performance.now() - t;
  console.log('t2s', t1.toFixed(0), 'replay', t2.toFixed(0), 'scan', t3.toFixed(0));
}
