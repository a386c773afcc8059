import { readFileSync } from 'node:fs';
import { segmentText } from '../../text/segment';
import { getConverter } from '../../text/convert';
import { runChecks } from '../index';
const one = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const text = Array.from({ length: 75 }, () => one).join('\n\n');
const seg = segmentText(text);
const t2s = getConverter('t2s');
const segs = seg.segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph }));
const withR = segs.map(s => ({ ...s, rendering: t2s.convert(s.text) }));
for (let r = 0; r < 4; r++) {
  let t = performance.now(); runChecks(segs, { script: 'hant', variant: 't' }); const a = performance.now() - t;
  t = performance.now(); runChecks(withR, { script: 'hant', variant: 't' }); const b = performance.now() - t;
  console.log(r, 'no rendering', a.toFixed(0), 'with rendering', b.toFixed(0));
}
