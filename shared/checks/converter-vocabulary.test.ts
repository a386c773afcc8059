import { describe, expect, it } from 'vitest';
import { getConverter } from '../text/convert';
import { runProjectRules } from './index';
import { HANT, places, segs } from './testkit';
import type { CheckSegment } from './types';

const doc = (documentId: number, ...texts: string[]) => ({ documentId, segments: segs(...texts).map((s) => ({ ...s, id: documentId * 100 + s.id })) as CheckSegment[] });
const vocabulary = (docs: ReturnType<typeof doc>[]) =>
  runProjectRules(docs, { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.messageData.key === 'conversion.vocabulary');
/** A Taiwan writer's sentence through OpenCC's round trip with Taiwan phrasing (s2twp). */
const s2twp = (t: string) => getConverter('s2twp').convert(getConverter('t2s').convert(t));

describe("conversion-ambiguity: the converter's Taiwan vocabulary across a project", () => {
  const release = '物流商今天表示，倉儲設備更新完成，出貨數據優於預期。';
  const story = '分析師認為倉儲設備更新後，出貨數據將持續改善。';

  it("reports the word s2twp wrote for the one another document writes (裝置 for 設備, 資料 for 數據), fix to it", () => {
    const localised = s2twp(release);
    expect(localised).toContain('裝置');
    const f = vocabulary([doc(1, localised), doc(2, story)]);
    expect(f.map((x) => [x.text, x.documentId, x.fixes[0].replacement])).toEqual([
      ['裝置', 1, '設備'],
      ['資料', 1, '數據'],
    ]);
    expect(places(f[0])).toHaveLength(1);
  });

  it('also where the other document writes both words, but the source in the same words around it', () => {
    const f = vocabulary([doc(1, s2twp('出貨數據優於預期。')), doc(2, '出貨數據優於預期，客戶資料也已更新。')]);
    expect(f.map((x) => [x.text, x.fixes[0].replacement])).toEqual([['資料', '數據']]);
  });

  it('leaves a document that writes any of the source words (not localised by s2twp), a lone document, and agreeing documents alone', () => {
    // the writer's own 資料 beside the writer's 設備: the converter would have replaced 設備 too
    expect(vocabulary([doc(1, '倉儲設備更新完成，出貨資料優於預期。'), doc(2, story)])).toEqual([]);
    expect(vocabulary([doc(1, s2twp(release))])).toEqual([]);
    expect(vocabulary([doc(1, s2twp(release)), doc(2, s2twp(story))])).toEqual([]);
    // the other document writes the Taiwan word too, in other words: no disagreement to see
    expect(vocabulary([doc(1, '客戶資料已更新。'), doc(2, '出貨數據優於預期，客戶資料也已更新。')])).toEqual([]);
  });
});
