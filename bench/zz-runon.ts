import { runOnTextOfSize } from './fixtures';
import { segmentText } from '../shared/text/segment';
import { runChecks } from '../shared/checks';
const segs = segmentText(runOnTextOfSize(1_000_000)).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture ?? null, speaker: s.speaker ?? null, rendering: null as any, paragraph: s.paragraph ?? 0 }));
const t: number[] = [];
for (let i = 0; i < 5; i++) { const s = performance.now(); runChecks(segs as any, { script: 'hant', variant: 't' }); t.push(performance.now() - s); }
console.log(segs.length, t.map((x) => x.toFixed(0)).join(' '));
