import { readFileSync } from 'node:fs';
import { segmentText } from '../../text/segment';
import { runChecks } from '../index';
const one = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const text = Array.from({ length: 75 }, () => one).join('\n\n');
const seg = segmentText(text);
const segs = seg.segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph }));
console.log('bytes', Buffer.byteLength(text), 'segments', segs.length);
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const f = runChecks(segs, { script: 'hant', variant: 't' });
  console.log('run', r, (performance.now() - t).toFixed(0), 'ms', f.length, 'findings');
}
import { RULES } from '../index';
for (const r of RULES) {
  runChecks(segs, { script: 'hant', variant: 't', rules: [r.id] });
  const t = performance.now();
  runChecks(segs, { script: 'hant', variant: 't', rules: [r.id] });
  console.log(r.id, (performance.now() - t).toFixed(0));
}
