import { runChecks } from './shared/checks/index';
import { textOfSize } from './bench/fixtures';
import { segmentText } from './shared/text/segment';
import { getConverter } from './shared/text/convert';
const text = textOfSize(1_000_000);
const t2s = getConverter('t2s');
const segs = segmentText(text).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0, rendering: t2s.convert(s.text) }));
const ctx = { script: 'hant' as const, variant: 't' as const };
for (let i = 0; i < 6; i++) runChecks(segs, ctx);
