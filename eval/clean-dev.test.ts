/**
 * The clean dev-side texts (eval/clean-dev: correct financial writing of our own, rich in
 * ranges, dates, conversions, components and totals, per-share figures) raise no number alarm
 * and no period-label warning. The harness counts them too (`npm run eval`, clean documents).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../shared/checks';
import { segmentText } from '../shared/text/segment';
import { EVAL_DIR } from './lib/dataset';
import { NUMBER_RULES } from './lib/score';

const DIR = join(EVAL_DIR, 'clean-dev');
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('clean dev texts', () => {
  it('there are at least 67', () => expect(files.length).toBeGreaterThanOrEqual(67));

  it.each(files)('%s: no number alarm, no period-label warning', (file) => {
    const segs = segmentText(readFileSync(join(DIR, file), 'utf8')).segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: null, speaker: null, paragraph: s.paragraph ?? 0 }));
    const alarms = runChecks(segs, { script: 'hant', variant: 't' })
      .filter((f) => f.severity !== 'info' && (NUMBER_RULES.has(f.rule) || f.rule === 'period-label'))
      .map((f) => `${f.rule}: ${f.message}`);
    expect(alarms).toEqual([]);
  });
});
