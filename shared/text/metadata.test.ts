import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { segmentText } from './segment';
import { extractMetadata } from './metadata';

const sample = readFileSync(
  fileURLToPath(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url)),
  'utf8',
);
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
const meta = (x: string) => extractMetadata(segmentText(x, { fold: t2s }));

describe('extractMetadata', () => {
  it('extracts title, source and date from the sample', () => {
    expect(meta(sample)).toEqual({
      title: '商湯科技(00020)業績交流會:2023年上線GPU達45000個 生成式AI業務爲重點發展方向',
      source: '智通財經',
      date: '--03-28',
      dateText: '03/28 15:58',
    });
  });

  it('without fold the first content paragraph is the Simplified headline', () => {
    expect(extractMetadata(segmentText(sample)).title).toBe(
      '商汤科技(00020)业绩交流会:2023年上线GPU达45000个 生成式AI业务为重点发展方向',
    );
  });

  it('rebuilds a multi-sentence title with its inner spacing', () => {
    expect(meta('分享\n\n標題一。 標題二!\n正文。').title).toBe('標題一。 標題二!');
  });

  it('handles bylines with a full date', () => {
    expect(meta('標題\n新浪財經 | 2024年3月28日 10:30\n正文。')).toEqual({
      title: '標題',
      source: '新浪財經',
      date: '2024-03-28',
      dateText: '2024年3月28日 10:30',
    });
    expect(meta('標題\n2024-03-08 · 證券時報\n正文。')).toMatchObject({
      source: '證券時報',
      date: '2024-03-08',
      dateText: '2024-03-08',
    });
  });

  it('handles a source-only byline and a date-only byline', () => {
    expect(meta('標題\n來源：證券時報\n正文。')).toEqual({
      title: '標題',
      source: '證券時報',
      date: null,
      dateText: null,
    });
    expect(meta('標題\n2024年3月28日\n正文。')).toMatchObject({ source: null, date: '2024-03-28' });
  });

  it('returns nulls when nothing is found', () => {
    expect(meta('')).toEqual({ title: null, source: null, date: null, dateText: null });
    expect(meta('只有正文。')).toEqual({ title: '只有正文。', source: null, date: null, dateText: null });
    expect(meta('share_log\n搶先評論')).toEqual({ title: null, source: null, date: null, dateText: null });
  });
});
