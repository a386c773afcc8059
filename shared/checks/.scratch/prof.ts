import { readFileSync } from 'node:fs';
import { segmentText } from '../../text/segment';
import { runChecks } from '../index';
const one = readFileSync('samples/sensetime-2023-results-call.zh-Hant.txt', 'utf8');
const text = Array.from({ length: 75 }, () => one).join('\n\n');
const seg = segmentText(text);
const segs = seg.segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph }));
runChecks(segs, { script: 'hant', variant: 't' });
for (let r = 0; r < 5; r++) runChecks(segs, { script: 'hant', variant: 't' });
