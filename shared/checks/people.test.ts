import { describe, expect, it } from 'vitest';
import { runProjectRules } from './index';
import { orgKey } from './entities';
import { byRule, places } from './testkit';
import type { CheckContext, CheckSegment, GlossaryEntry } from './types';

const TW: CheckContext = { script: 'hant', variant: 'tw' };
const doc = (documentId: number, ...texts: string[]) => ({
  documentId,
  segments: texts.map((text, i) => ({ id: documentId * 100 + i + 1, text, furniture: null, speaker: null, paragraph: 0 })) as CheckSegment[],
});
const people = (a: string[], b: string[], ctx: CheckContext = TW) => byRule(runProjectRules([doc(1, ...a), doc(2, ...b)], ctx), 'entity-consistency');
const spellings = (f: ReturnType<typeof people>[number]) => [...new Set(places(f).map((p) => p.text))].sort();

describe('people across documents', () => {
  it('links a name with surname and given name inverted, suggesting the full name', () => {
    const f = people(['董事長沈立仁表示，看好後市。'], ['董事長立仁沈則維持審慎看法。', '立仁沈指出，量能不足。']);
    expect(f).toHaveLength(1);
    expect(spellings(f[0])).toEqual(['沈立仁', '立仁沈']);
    expect(places(f[0]).filter((p) => p.text === '立仁沈').map((p) => p.fixes)).toEqual([['沈立仁'], ['沈立仁']]);
  });

  it('links a two-character name inverted only at a name position', () => {
    expect(people(['財務長吳青表示，毛利穩定。'], ['財務長青吳補充，庫存下降。']).map(spellings)).toEqual([['吳青', '青吳']]);
    expect(people(['財務長吳青表示，毛利穩定。'], ['山色青吳江水綠。'])).toHaveLength(0);
  });

  it('links a dropped surname after the same title', () => {
    expect(people(['總經理高振邦表示，出貨回升。'], ['總經理振邦說，訂單穩定。']).map(spellings)).toEqual([['振邦', '高振邦']]);
  });

  it('links three characters against two under the same title, not under different ones', () => {
    expect(people(['衛生局局長鄭嘉明表示，疫苗充足。'], ['衛生局局長鄭明指出，病例下降。']).map(spellings)).toEqual([['鄭嘉明', '鄭明']]);
    expect(people(['衛生局局長鄭嘉明表示，疫苗充足。'], ['分析師鄭明指出，股價偏高。'])).toHaveLength(0);
  });

  it('a chair-and-CEO named differently is one finding per pair of names, not one per title', () => {
    const f = people(['董事長兼執行長林志遠表示，營收創高。'], ['董事長兼執行長許文德表示，毛利下滑。']);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('chair/CEO');
  });

  it('never links people of different organisations; one organisation written with another suffix is the same', () => {
    expect(people(['北辰電力控股董事長林志遠表示。'], ['南港航運集團董事長許文德表示。'])).toHaveLength(0);
    expect(people(['北辰電力控股董事長林志遠表示。'], ['北辰電力集團董事長許文德表示。'])).toHaveLength(1);
    expect(orgKey('北辰 电力股份有限公司')).toBe(orgKey('北辰电力控股'));
  });

  it('leaves names that differ only in variant forms to the project-wide variant rule', () => {
    const all = runProjectRules([doc(1, '銀行局局長谷臺生表示，放款穩定。'), doc(2, '銀行局局長谷台生說明細節。')], TW);
    expect(byRule(all, 'entity-consistency')).toHaveLength(0);
    expect(byRule(all, 'variant-mixing').map((f) => f.text)).toEqual(['臺']);
  });

  it('takes organisation equivalences (English name, ticker) from the glossary', () => {
    const glossary: GlossaryEntry[] = [{ term: '北辰電力', variants: ['北辰能源'], type: 'organisation', english: 'Beichen Power' }];
    expect(people(['北辰電力公司董事長林志遠表示。'], ['北辰能源公司董事長許文德表示。'], { ...TW, glossary })).toHaveLength(1);
    expect(people(['北辰電力公司董事長林志遠表示。'], ['北辰能源公司董事長許文德表示。'])).toHaveLength(0);
    // the glossary's spelling recognised as the organisation before a title, with no company suffix
    expect(people(['北辰電力董事長林志遠表示。'], ['南港航運公司董事長許文德表示。'], { ...TW, glossary })).toHaveLength(0);
  });
});
