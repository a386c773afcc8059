import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyFurniture, findDate, FURNITURE_RULES } from './furniture';

const sample = readFileSync(
  fileURLToPath(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url)),
  'utf8',
);

const top = { index: 0, count: 40 };
const middle = { index: 20, count: 40 };
const classify = (p: string, ctx = top) => classifyFurniture(p, ctx);

describe('classifyFurniture', () => {
  it('classifies the sample paragraphs exactly as expected', () => {
    const paragraphs = sample
      .split(/\r\n|[\n\r]/)
      .map((l) => l.trim())
      .filter(Boolean);
    const hits = paragraphs
      .map((p, index) => [classifyFurniture(p, { index, count: paragraphs.length }), p] as const)
      .filter(([kind]) => kind !== null);
    // The Simplified headline is only found by segmentText's fold (see segment.test.ts).
    expect(hits.map(([kind, p]) => [kind, p.slice(0, 12)])).toEqual([
      ['share', 'share_log'],
      ['byline', '智通財經 ·\u00a0 03/2'],
      ['translation-note', '譯文內容由第三人軟體翻譯'],
      ['disclaimer', '以上內容僅用作資訊或教育'],
      ['comment-prompt', '搶先評論'],
    ]);
  });

  it('recognises share / app-chrome tokens on their own line', () => {
    for (const p of ['share_log', '分享', '收藏', '點贊', '点赞', '分享 收藏 點贊', '點贊 12', '轉發|收藏', '复制链接']) {
      expect(classify(p, middle)).toBe('share');
    }
    expect(classify('分享一下我的看法。', middle)).toBeNull();
    expect(classify('收藏家的故事', middle)).toBeNull();
  });

  it('recognises bylines with a publisher and a date or time', () => {
    for (const p of [
      '智通財經 ·  03/28 15:58',
      '智通財經 · \u00a0 03/28 15:58',
      '新浪財經 | 2024-03-28',
      '證券時報 2024年3月28日 10:30',
      '2024年3月28日',
      '2024/03/28 09:00',
      '来源：证券时报',
      '來源：智通財經',
    ]) {
      expect(classify(p), p).toBe('byline');
    }
  });

  it('does not take headings, body text or mid-document dates for bylines', () => {
    expect(classify('2024年3月28日業績會要點')).toBeNull();
    expect(classify('商湯科技(00020)業績交流會:2023年上線GPU達45000個 生成式AI業務爲重點發展方向')).toBeNull();
    expect(classify('會議於03/28 15:58召開。')).toBeNull();
    expect(classify('智通財經 · 03/28 15:58', middle)).toBeNull();
    expect(classify('智通財經 · 03/28 15:58', { index: 38, count: 40 })).toBe('byline');
    expect(classify('Q&A:')).toBeNull();
  });

  it('recognises disclaimers in both scripts', () => {
    for (const p of [
      '以上內容僅用作資訊或教育之目的,不構成與富途相關的任何投資建議。',
      '以上内容仅用作资讯或教育之目的,不构成与富途相关的任何投资建议。',
      '本文不構成任何投資建議。',
      '免責聲明：本文僅供參考。',
      '【风险提示】市场有风险',
      '市場有風險，投資需謹慎。',
      '本文僅代表作者個人觀點。',
      '未經授權，禁止轉載。',
      '以上内容仅供参考。',
    ]) {
      expect(classify(p, middle), p).toBe('disclaimer');
    }
    expect(classify('我們的判斷是合成數據可能會在後面起到比較重要的作用。', middle)).toBeNull();
  });

  it('recognises translation notes in both scripts', () => {
    for (const p of ['譯文內容由第三人軟體翻譯。', '译文内容由第三方软件翻译。', '本文由AI翻譯。', '以上內容由機器翻譯']) {
      expect(classify(p, middle), p).toBe('translation-note');
    }
    expect(classify('AI翻譯技術發展迅速。', middle)).toBeNull();
  });

  it('recognises comment prompts, optionally with a count', () => {
    for (const p of ['搶先評論', '抢先评论', '發表評論', '查看更多評論', '查看更多评论 12', '評論(3)']) {
      expect(classify(p, middle), p).toBe('comment-prompt');
    }
    expect(classify('評論員認為市場過熱。', middle)).toBeNull();
  });

  it('ignores surrounding whitespace and returns null for empty input', () => {
    expect(classify('    搶先評論  ', middle)).toBe('comment-prompt');
    expect(classify('', middle)).toBeNull();
    expect(classify(' \u3000 ', middle)).toBeNull();
  });

  it('keeps its rules as data', () => {
    expect(FURNITURE_RULES.length).toBeGreaterThan(5);
    expect(new Set(FURNITURE_RULES.map((r) => r.kind))).toEqual(
      new Set(['share', 'byline', 'disclaimer', 'translation-note', 'comment-prompt']),
    );
  });
});

describe('findDate', () => {
  it('parses dates with and without a year', () => {
    expect(findDate('智通財經 ·  03/28 15:58')).toMatchObject({ iso: '--03-28' });
    expect(findDate('2024-03-28')).toMatchObject({ iso: '2024-03-28', index: 0, end: 10 });
    expect(findDate('2024/3/8')).toMatchObject({ iso: '2024-03-08' });
    expect(findDate('2024.03.28')).toMatchObject({ iso: '2024-03-28' });
    expect(findDate('2024年3月28日')).toMatchObject({ iso: '2024-03-28' });
    expect(findDate('3月28日')).toMatchObject({ iso: '--03-28' });
    expect(findDate('03/28/2024')).toMatchObject({ iso: '2024-03-28' });
  });

  it('includes a following time in the matched span', () => {
    const text = '智通財經 ·  03/28 15:58';
    const d = findDate(text)!;
    expect(text.slice(d.index, d.end)).toBe('03/28 15:58');
  });

  it('rejects impossible dates and plain numbers', () => {
    expect(findDate('13/45')).toBeNull();
    expect(findDate('2023年')).toBeNull();
    expect(findDate('45000個')).toBeNull();
  });
});
