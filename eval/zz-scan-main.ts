import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '/work/main/shared/checks';
import { segmentText } from '/work/main/shared/text/segment';
const dirs = process.argv.slice(2);
let total = 0;
for (const spec of dirs) {
  const [dir, mode] = spec.split(':');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const segs = segmentText(text).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0 }));
    const variant = /港元|港幣|按年|按季/.test(text) ? 'hk' : 'tw';
    const fs = runChecks(segs, { script: 'hant', variant: 't' }).filter((f) => f.rule === 'number-unit' && f.severity !== 'info');
    total += fs.length;
    const hide = mode === 'count' ;
    for (const f of fs) console.log(hide ? `${dir} ${file.slice(0,2)}: (hidden)` : `${file}: ${f.message}  …${segs.find((s) => s.id === f.segmentId)!.text.slice(Math.max(0, f.start - 14), f.end + 4)}`);
  }
}
console.log('total', total);
