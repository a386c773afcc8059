/**
 * `node --import tsx bench/align.ts [--quick]`: parallel-text alignment on a ≈0.5 MB document (the
 * sample transcript repeated), each figure next to a reference measured in the same run
 * (segmenting the document and the parallel text). Cases: the whole document's Simplified
 * source; the English fixture (first part only) as a partial translation; the English
 * fixture repeated once per copy of the transcript's opening (a full translation; its first
 * third; the whole as one block, which takes the sentence-level path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_FILE, PACKAGE_ROOT } from '../core/context';
import { segmentText } from '../shared/text/segment';
import { getConverter } from '../shared/text/convert';
import { alignParallel, type AlignTarget } from '../shared/align';
import { median, ms, sample } from './stats';

const t2s = getConverter('t2s');
const norm = (s: string) => t2s.convert(s);
const sampleText = readFileSync(SAMPLE_FILE, 'utf8');
const english = readFileSync(join(PACKAGE_ROOT, 'tests/fixtures/parallel/sensetime-2023.en.txt'), 'utf8');

function repeat(s: string, bytes: number): string {
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += s + '\n\n';
  return t;
}
const targetsOf = (text: string): AlignTarget[] => segmentText(text).segments.map((s) => ({ text: s.text, paragraph: s.paragraph, furniture: !!s.furniture }));

// The part of the transcript the English fixture covers: up to the paragraph the fixture ends in.
const covered = sampleText.split('\n\n').slice(0, 9).join('\n\n');

const doc = repeat(sampleText, 500_000);
const docCovered = repeat(covered, 500_000);
const source = norm(doc);
const englishFull = repeat(english.trim(), Math.round((Buffer.byteLength(docCovered) * english.length) / Buffer.byteLength(covered)));

const cases: { name: string; doc: string; parallel: string; kind: 'source' | 'english' }[] = [
  { name: 'source, whole document', doc, parallel: source, kind: 'source' },
  { name: 'English, partial (first part only)', doc, parallel: english, kind: 'english' },
  { name: 'English, first third (fixture per copy)', doc: docCovered, parallel: englishFull.slice(0, englishFull.indexOf('\n\n', englishFull.length / 3)), kind: 'english' },
  { name: 'English, full (fixture per copy)', doc: docCovered, parallel: englishFull, kind: 'english' },
  { name: 'English, full, one block (no paragraphs)', doc: docCovered, parallel: englishFull.replace(/\n+/g, ' '), kind: 'english' },
];

const runs = process.argv.includes('--quick') ? 1 : 3;
console.log(`| case | doc | segments × sentences | align | reference: segment both | method |`);
console.log(`|---|---|---|---|---|---|`);
for (const c of cases) {
  const tg = targetsOf(c.doc);
  const ref = median(sample(() => (segmentText(c.doc), segmentText(c.parallel)), runs));
  let r = alignParallel(tg, c.parallel, { kind: c.kind, normaliseTarget: norm, normaliseParallel: norm });
  const t = median(sample(() => (r = alignParallel(tg, c.parallel, { kind: c.kind, normaliseTarget: norm, normaliseParallel: norm })), runs));
  console.log(`| ${c.name} | ${(Buffer.byteLength(c.doc) / 1e6).toFixed(2)} MB | ${tg.length} × ${r.sentences.length} | ${ms(t)} | ${ms(ref)} | ${r.method} |`);
}
