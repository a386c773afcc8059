import { describe, expect, it } from 'vitest';
import { runProjectRules } from './index';
import { byRule, HANT, places, segs } from './testkit';
import type { CheckSegment } from './types';

const doc = (documentId: number, ...texts: string[]) => ({ documentId, segments: segs(...texts).map((s) => ({ ...s, id: documentId * 100 + s.id })) as CheckSegment[] });
const variants = (docs: ReturnType<typeof doc>[]) => byRule(runProjectRules(docs, HANT), 'variant-mixing');

describe('project-wide variant consistency', () => {
  it('reports the form fewer documents use, every place with its fix (fix all)', () => {
    const f = variants([
      doc(1, '董事會認爲新廠爲明年重點，預算爲三億。'),
      doc(2, '分析師認為需求穩定。'),
      doc(3, '公司表示此舉為長期布局。'),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].text).toBe('爲');
    expect(f[0].group).toBe('project-variant:為|爲');
    expect(places(f[0]).map((p) => p.fixes)).toEqual([['為'], ['為'], ['為']]);
    expect([f[0].documentId, ...f[0].related.map((r) => r.documentId)]).toEqual([1, 1, 1]);
    expect(f[0].messageData.key).toBe('variant.project');
  });

  it('counts documents, not occurrences: one long document does not outvote two', () => {
    const f = variants([doc(1, '他説明了計劃，又説了兩次，再説一遍，還説了很久。'), doc(2, '經理說明原因。'), doc(3, '她說下週開會。')]);
    expect(f.map((x) => x.text)).toEqual(['説']);
  });

  it('on a tie, keeps the form most conventions write (說 over Hong Kong 説, 為 over OpenCC 爲)', () => {
    expect(variants([doc(1, '經理説明原因。'), doc(2, '她說下週開會。')]).map((x) => x.text)).toEqual(['説']);
    expect(variants([doc(1, '她認爲可行。'), doc(2, '他認為不妥。')]).map((x) => x.text)).toEqual(['爲']);
  });

  it('compares 臺/台 by reading: 台 for 臺 is a variant, 台 of 颱風 is not', () => {
    const f = variants([doc(1, '新臺幣升值，臺北股市上漲。'), doc(2, '新台幣貶值。')]);
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['臺', '台']]); // one document each: the press form 台 keeps
    expect(variants([doc(1, '臺北天氣晴。'), doc(2, '颱風明天登陸。')])).toHaveLength(0);
  });

  it('is quiet when every document writes one form, or the mix is inside one document', () => {
    expect(variants([doc(1, '她認爲可行。'), doc(2, '他以爲不妥。')])).toHaveLength(0);
    expect(variants([doc(1, '她認爲可行，他認為不妥。'), doc(2, '會議結束。')])).toHaveLength(0);
  });

  it("in a project written for Taiwan, wants Taiwan's form even where every document agrees on another", () => {
    // document 1 says it is written for Taiwan by itself: its own check reports its 爲; document 2
    // (no such wording) is reported by the project's
    const f = variants([doc(1, '連鎖書店今天公布營收，以新台幣計，年增9%，財務長認爲會再成長。'), doc(2, '他認爲下季可望持平。')]);
    expect(f.map((x) => [x.text, x.documentId, x.related.length, x.fixes[0].replacement, x.messageData.key])).toEqual([['爲', 2, 0, '為', 'variant.project.regional']]);
    // a Hong Kong release in that project keeps Hong Kong's forms (説), and is not outvoted
    const hk = variants([
      doc(1, '連鎖書店今天公布營收，以新台幣計，年增9%，財務長說會再成長。'),
      doc(2, '書店公布業績，營收年增，執行長說展店順利。'),
      doc(3, '本港書店公布業績，收入以港元計，主席在香港説，恒生指數向好。'),
    ]);
    expect(hk).toEqual([]);
    // the same short document in a project with no Taiwan wording: nothing to compare
    expect(variants([doc(1, '他認爲下季可望持平。'), doc(2, '她以爲不妥。')])).toHaveLength(0);
  });

  it('never compares two readings that share a regional form (着 the particle, 著 in 顯著)', () => {
    expect(variants([doc(1, '他看着窗外的雨。'), doc(2, '成效十分顯著。')])).toHaveLength(0);
  });
});
