/**
 * Finding messages as data: every message the rules build has a key with an English and a
 * Traditional Chinese template; the stored English is what the English template gives; the
 * zh-Hant wording of real findings (from texts written for this test) has no English prose.
 */
import { describe, expect, it } from 'vitest';
import { runChecks, runProjectEntityCheck, type Finding } from '../../shared/checks';
import { HANT, segs } from '../../shared/checks/testkit';
import { crossCheckClaims } from '../../shared/claims/crosscheck';
import { FINDING_MESSAGE_KEYS, FINDING_MESSAGES_EN, findingMessage, parseFindingMessage, serializeFindingMessage, type FindingMessageRef } from '../../shared/finding-messages';
import { FINDINGS_CATALOG, findingMessageText } from './i18n-findings';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Findings of many rules, from sentences written for this test. */
function someFindings(): Finding[] {
  const doc = segs(
    '首席執行官張明表示,公司收入爲1,2345億元,比去年的的增長很快。',
    '首席執行官張銘介紹,收入為12億元，其中「服務收入增長了。',
    '我們我們會繼續投入，，研發費用為３3億元。',
    '这是一段完全用简体中文写成的句子，里面有很多简体字。',
    '公司的戶口和户口都要登記，户口簿。',
    '王 小明說，明年收入為1.234.5億元。',
  );
  doc[1].english = 'Revenue was 13 billion yuan.';
  doc[2].source = '我们会继续投入，研发费用为44亿元。';
  doc[0].english = '';
  return [
    ...runChecks(doc, { ...HANT, glossary: [{ term: '張明', variants: ['張銘'], type: 'person', note: '行政總裁', english: 'Zhang Ming' }] }),
    ...runProjectEntityCheck(
      [
        { documentId: 1, segments: segs('甲公司首席財務官王立表示,收入增長。') },
        { documentId: 2, segments: segs('甲公司首席財務官李強表示,成本下降。').map((s) => ({ ...s, id: 9 })) },
      ],
      HANT,
    ),
  ];
}

describe('finding messages', () => {
  it('every key has a Traditional Chinese template with the same placeholders', () => {
    expect(FINDING_MESSAGE_KEYS.length).toBeGreaterThan(40);
    for (const k of FINDING_MESSAGE_KEYS) {
      const zh = FINDINGS_CATALOG['zh-Hant'][k];
      expect(zh?.trim(), k).toBeTruthy();
      expect(placeholders(zh), k).toEqual(placeholders(FINDING_MESSAGES_EN[k]));
      // a template that is only a placeholder (a number as written) has no words to translate
      if (zh.replace(/\{\w+\}/g, '').trim()) expect(zh, k).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(FINDINGS_CATALOG['zh-Hant']).filter((k) => !(k in FINDING_MESSAGES_EN))).toEqual([]);
  });

  it('the stored English message is the English template filled in, for every finding the rules build', () => {
    const fs = someFindings();
    const rules = new Set(fs.map((f) => f.rule));
    // the sentences above reach most rules; each finding carries its data
    expect(rules.size).toBeGreaterThanOrEqual(9);
    for (const f of fs) {
      expect(f.messageData, f.message).toBeDefined();
      expect(findingMessageText('en', f), f.rule).toBe(f.message);
      // through storage (JSON) and back
      expect(findingMessageText('en', { message: '', messageData: parseFindingMessage(serializeFindingMessage(f.messageData)) })).toBe(f.message);
    }
  });

  it('the zh-Hant wording of those findings has no English prose', () => {
    for (const f of someFindings()) {
      const zh = findingMessageText('zh-Hant', f);
      expect(zh, f.message).not.toBe(f.message);
      // names such as OpenCC, role abbreviations (CFO) and the English text quoted from the document may stay
      const words = (zh.replace(/OpenCC|CEO|CFO|COO|CTO|Revenue was 13 billion yuan\.?|13 billion|Zhang Ming/g, '').match(/[A-Za-z]{3,}/g) ?? []);
      expect(words, zh).toEqual([]);
    }
  });

  it('claims cross-check messages are data too', () => {
    const q = (value: number, raw: string) => ({ kind: 'percent' as const, value, raw, start: 0, end: raw.length, role: 'level' as const });
    const claims = [
      { ref: 1, text: '收入中，甲業務佔70%', subject: null, metric: null, times: [], quantities: [q(70, '70%')] },
      { ref: 2, text: '收入中，乙業務佔50%', subject: null, metric: null, times: [], quantities: [q(50, '50%')] },
    ];
    const out = crossCheckClaims(claims as never, {});
    for (const f of out) {
      expect(findingMessageText('en', f)).toBe(f.message);
      expect(findingMessageText('zh-Hant', f)).toMatch(/\p{Script=Han}/u);
    }
  });

  it('a finding stored without data (before migration 010) or with an unknown key shows its English message', () => {
    expect(findingMessageText('zh-Hant', { message: 'Old message.', messageData: null })).toBe('Old message.');
    expect(findingMessageText('zh-Hant', { message: 'Old message.', messageData: { key: 'no.such.key', params: {} } })).toBe('Old message.');
    expect(parseFindingMessage('{"key":"no.such.key","params":{}}')).toBeNull();
    expect(parseFindingMessage('not json')).toBeNull();
  });

  it('nested messages are worded in the same language and joined', () => {
    const m = findingMessage('entity.group.reasons', { count: 2, spellings: '甲, 乙', canonical: '甲', reasons: [{ key: 'entity.reason.sound', params: {} }, { key: 'entity.reason.conversion', params: {} }] as FindingMessageRef[] });
    expect(m.message).toBe('Probably one person written 2 ways: 甲, 乙. The given names sound alike. They are the same name in Simplified. Use one spelling throughout — suggested: 甲.');
    expect(findingMessageText('zh-Hant', m)).toBe('可能是同一人的 2 種寫法：甲, 乙。名字讀音相近。兩者的簡體寫法相同。請統一寫法，建議：甲。');
  });
});
