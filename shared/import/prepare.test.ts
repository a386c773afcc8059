import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareImport } from './prepare';
import { segmentText, SENTENCE_BOUNDARY_CHAR } from '../text/segment';
import { getConverter } from '../text/convert';
import { renderingConfig } from '../text/script';

const SAMPLE_PATH = fileURLToPath(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url));
const sample = readFileSync(SAMPLE_PATH, 'utf8');

/** What an import computed before it folded paragraphs from their sentences' renderings. */
function straightforward(text: string) {
  const p = prepareImport(new Uint8Array(Buffer.from(text)));
  const fold = getConverter('t2s');
  const segmented = segmentText(text, { fold: (s) => fold.convert(s) });
  const conv = getConverter(renderingConfig(p.script, p.variant));
  return { p, segmented, renderings: segmented.segments.map((s) => conv.convertAligned(s.text)) };
}

describe('prepareImport: one conversion per sentence', () => {
  it('t2s never matches across a sentence boundary (what makes the reuse exact)', () => {
    expect(getConverter('t2s').keysMayContain(SENTENCE_BOUNDARY_CHAR)).toBe(false);
  });

  it.each([
    ['the sample', sample],
    ['script copies of multi-sentence paragraphs', '商湯科技業績交流會。 會議開始！\n\n商汤科技业绩交流会。 会议开始！\n\n正文。第二句。'],
    ['ideographic description sequences across a boundary', '乾隆⿰。乾隆來了。 頭髮\n乾隆⿰。乾隆来了。 头发\n⿰氵工。後來'],
    ['ideographic space and closers between sentences', '「頭髮。」\u3000他說：「乾燥？」她說。\n「头发。」\u3000他说：「干燥？」她说。'],
  ])('gives the same segments, furniture and renderings as folding every paragraph whole: %s', (_name, text) => {
    const { p, segmented, renderings } = straightforward(text);
    expect(p.script).toBe('hant');
    expect(p.segmented).toEqual(segmented);
    expect(p.renderings).toEqual(renderings);
  });

  it('still marks the script copy as a duplicate', () => {
    const p = prepareImport(new Uint8Array(Buffer.from('商湯科技業績交流會。會議開始！\n\n商汤科技业绩交流会。会议开始！\n\n正文。')));
    expect(p.segmented.segments.filter((s) => s.furniture === 'duplicate').map((s) => s.text)).toEqual(['商汤科技业绩交流会。', '会议开始！']);
  });
});
