import { readFileSync } from 'node:fs';
import { segmentText } from '../../text/segment';
import { getConverter } from '../../text/convert';
import { runChecks } from '../index';
const text = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const fold = getConverter('t2s');
const seg = segmentText(text, { fold: (s) => fold.convert(s) });
const segs = seg.segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph }));
let t = performance.now();
const f = runChecks(segs, { script: 'hant', variant: 't' });
console.log('ms', performance.now() - t);
const only = process.argv[2];
for (const x of f) {
  if (only && x.rule !== only) continue;
  if (x.rule === 'halfwidth-punctuation') { console.log(x.rule, x.related.length + 1, x.message); continue; }
  const st = seg.segments[x.segmentId - 1].start + x.start;
  console.log(x.rule, x.severity, st, JSON.stringify(x.text), x.fixes.map(f => f.replacement).join('/'), x.group ?? '', '|', x.message.slice(0, 160), x.related.map(r => seg.segments[r.segmentId - 1].start + r.start + ':' + r.text + '→' + r.fixes.map(f => f.replacement).join('/')).join(' '));
}
