/** Inputs the benchmarks share. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { PACKAGE_ROOT, SAMPLE_FILE } from '../core/context';
import { segmentText } from '../shared/text/segment';

/** The sample transcript repeated (blank line between copies) until it is at least `bytes` in UTF-8. */
export function textOfSize(bytes: number): string {
  const s = readFileSync(SAMPLE_FILE, 'utf8');
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += s + '\n\n';
  return t;
}

/** The .txt files under `dir`, in name order, at any depth. */
function textFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? textFilesUnder(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : []));
}

/**
 * Varied text of at least `bytes`: the evaluation's dev-side texts of our own writing (74 clean
 * releases and news in eval/clean-dev, the 20 converted dev documents in eval/data/dev; never the
 * sealed held-out part), repeated as often as needed (about 7 times for 1 MB). The sample ×75 is
 * one 14 KB call write-up: what the rules learn of a text once (its names, figures, senses) its
 * other copies reuse, so it understates what a megabyte of different documents costs.
 */
export function variedTextOfSize(bytes: number): string {
  const root = join(PACKAGE_ROOT, 'eval');
  const base = [...textFilesUnder(join(root, 'clean-dev')), ...textFilesUnder(join(root, 'data', 'dev'))].map((f) => readFileSync(f, 'utf8').trim()).join('\n\n');
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += base + '\n\n';
  return t;
}

/**
 * Run-on text of at least `bytes`: tables pasted as lines with no full stop — amounts with their
 * conversions, growth figures, people with titles, each item joined by 、 or ， (about 40,000
 * figures and names to the megabyte). The worst case for the rules that look around a figure or a
 * name: the segmenter cuts such a line only at its length limit, so each segment holds thousands.
 */
export function runOnTextOfSize(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const items = Array.from({ length: 400 }, (_, i) => {
      const k = n * 400 + i;
      return n % 3 === 0
        ? `甲公司${k}收入${k % 90}億港元約合${((k % 90) / 8).toFixed(2)}億美元`
        : n % 3 === 1
          ? `第${k % 500}區同比增長${k % 50}.${k % 7}%`
          : `董事長王${'小大中'[k % 3]}明、總經理李${'華國民'[k % 3]}表示`;
    });
    const line = items.join(n % 3 === 0 ? '，' : '、') + '\n\n';
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}

/**
 * A list of people of at least `bytes`: one distinct person with a title per line (a list of recipients, a
 * directory; ten common surnames, given names spread over the CJK block), about 27 to the kilobyte. The worst
 * case for the name rules, which compare the document's names with one another.
 */
export function nameListOfSize(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `董事${'王李張陳林黃吳劉蔡楊'[i % 10]}${String.fromCharCode(0x4e00 + ((i * 7919) % 20000))}${String.fromCharCode(0x4e00 + ((i * 104729) % 20000))}表示營收成長。\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}

/**
 * A project of `count` documents of about `bytes` each (the sample cut at a paragraph), each
 * round-tripped through Simplified by one of OpenCC's s2t / s2tw / s2hk in turn, as feeds
 * from different converters arrive: the variant forms (爲/為, 裏/裡, 説/說) differ between
 * documents, so the project-wide rules have groups to build.
 */
export function projectDocuments(count: number, bytes: number): { documentId: number; segments: { id: number; text: string; furniture: null; speaker: null; rendering: string; paragraph: number }[] }[] {
  let base = '';
  for (const para of textOfSize(bytes).split('\n\n')) {
    if (Buffer.byteLength(base) >= bytes) break;
    base += para + '\n\n';
  }
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const back = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
  const simplified = t2s(base);
  return Array.from({ length: count }, (_, d) => {
    const text = back[d % back.length](simplified);
    const segments = segmentText(text).segments.map((s, i) => ({ id: d * 100_000 + i + 1, text: s.text, furniture: null, speaker: null, rendering: t2s(s.text), paragraph: s.paragraph ?? 0 }));
    return { documentId: d + 1, segments };
  });
}
