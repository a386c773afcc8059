/**
 * A segment's re-check (the save path's `recheckSegment`) agrees with the full check: re-checking
 * a segment whose text did not change leaves exactly the findings the full check stored for it,
 * on documents of our own and on the dev material (eval/clean-dev, eval/fresh half A); after an edit, the
 * edited segment's findings are those a full check of the new text gives, also when another
 * connection changed the document's evidence meanwhile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshService, freshService } from './test-helpers';
import { checkContext, evidenceFor, recheckSegment } from './checks';
import { openService } from './context';
import type { JiaoduiService } from './service';

const fresh = useFreshService();

/** Every stored finding row of the document, as a comparable line (ids left out), sorted. */
function rows(service: JiaoduiService, documentId: number, only?: number): string[] {
  const out: string[] = [];
  for (const seg of service.getSegments({ documentId })) {
    if (only !== undefined && seg.id !== only) continue;
    for (const r of service.store.segmentFindings(seg.id))
      out.push([r.rule, r.segmentId, r.start, r.end, r.text, r.severity, r.scope, r.group, r.message, JSON.stringify(r.fixes), r.dismissedReason ?? ''].join('|'));
  }
  return out.sort();
}

/** Re-check every segment without changing it (what a save of the same text would re-check). */
function recheckEach(service: JiaoduiService, documentId: number): void {
  for (const seg of service.getSegments({ documentId })) recheckSegment(service.store, seg.id, new Date().toISOString());
}

function importText(service: JiaoduiService, name: string, text: string, english?: string) {
  const { documentId } = service.importBytes(new Uint8Array(Buffer.from(text)), { fileName: `${name}.txt`, projectName: name });
  if (english) service.attachParallelText({ documentId, kind: 'english', fileName: `${name}.en.txt`, data: Buffer.from(english).toString('base64') });
  return documentId;
}

/** Documents of our own, each a case where the full check reads the whole document for a segment's findings. */
const OWN: Record<string, { zh: string; en?: string; holds?: Record<string, number> }> = {
  // one sense per discourse, the other way: 遊 in 旅遊, 遊客, 遊覽 … and 遊出 against OpenCC's odd phrase 游出
  travel: { zh: '旅遊業者公布第三季營運概況。\n\n國外旅遊需求回升，遊客人數較去年增加。\n\n郵輪遊覽行程與自由行套裝皆熱銷。\n\n暑假期間家庭遊出團人數創新高。\n' },
  // the document's 髮 (洗髮, 護髮, 頭髮, 染髮) against a lone 發
  hair: { zh: '美髮品牌公布年度業績。\n\n洗髮精與護髮乳銷售成長，頭髮造型系列亦增加。\n\n染髮服務帶動門市來客。\n\n明年將推出新款發品並擴大通路。\n', holds: { 'conversion-ambiguity': 1 } },
  // a document written for Hong Kong (its 本周 is Hong Kong's), and five digits before 億 among amounts of that order
  hongKong: { zh: '香港銀行公布中期業績，金額以港元計。\n\n客戶貸款9,820億港元，客戶存款13,540億港元。\n\n恒生指數本月上升，聯交所成交增加。\n\n管理層預計本周公布股息安排。\n', holds: { 'number-format': 1 } },
  // a name introduced with a title, repeated bare in another segment
  names: { zh: '董事長王徵表示，公司今年營收創新高。\n\n市場對王徵的規劃反應熱烈。\n\n王徵指出，新廠將於明年投產。\n', holds: { 'conversion-ambiguity': 3 } },
  // a label against the heading's period, a value under two periods' labels, half-width punctuation in two segments
  periods: { zh: '晶片廠上半年營收年增12%\n\n本期毛利為48.2億元,季增6.3%。\n\n出貨量年增12.4%，毛利率持平。\n\n董事長說,出貨量季增12.4%，主要受新品帶動。\n', holds: { 'period-label': 3, 'halfwidth-punctuation': 2 } },
  // numbers against the English (a segment’s own comparison), two rows without English (one card for the document)
  english: {
    zh: '公司第三季營收為52億元。\n\n淨利為8.4億元，較去年增加。\n\n董事會通過配息案。\n\n公司將擴大產能。\n',
    en: 'Third-quarter revenue was 5.3 billion yuan.\n\nNet profit was 840 million yuan, up on last year.\n\n',
    holds: { 'number-mismatch': 1, 'english-empty': 2 },
  },
};

describe('a segment re-check agrees with the full check', () => {
  it.each(Object.entries(OWN))('re-checking unchanged segments leaves the full check’s findings: %s', (name, { zh, en, holds }) => {
    const s = fresh.service;
    const documentId = importText(s, name, zh, en);
    s.runChecks({ documentId });
    const full = rows(s, documentId);
    // the case is there (rows per rule)
    for (const [rule, n] of Object.entries(holds ?? {})) expect(full.filter((r) => r.startsWith(`${rule}|`)).length, rule).toBe(n);
    recheckEach(s, documentId);
    expect(rows(s, documentId)).toEqual(full);
    // and again: a re-check is idempotent
    recheckEach(s, documentId);
    expect(rows(s, documentId)).toEqual(full);
  });

  it('the same on the dev material (eval/clean-dev, eval/fresh tuning halves A, E, G, H, J)', async () => {
    // one service for all of them (the file's own is per test)
    const own = await freshService();
    try {
      const s = own.service;
      let compared = 0;
      // the fresh texts' tuning halves only (eval/fresh/split.json): halves B, C, D, F and I are measure-only, a failure here would show their findings
      const split = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'eval', 'fresh', 'split.json'), 'utf8')) as Record<'A' | 'E' | 'G' | 'H' | 'J', string[]>;
      const tuning = new Set<string>([...split.A, ...split.E, ...split.G, ...split.H, ...split.J]);
      for (const dir of ['clean-dev', 'fresh']) {
        const path = join(import.meta.dirname, '..', 'eval', dir);
        for (const file of readdirSync(path).filter((f) => f.endsWith('.txt') && (dir !== 'fresh' || tuning.has(f.slice(0, 2)))).sort()) {
          const documentId = importText(s, `${dir}-${file}`, readFileSync(join(path, file), 'utf8'));
          s.runChecks({ documentId });
          const full = rows(s, documentId);
          recheckEach(s, documentId);
          expect(rows(s, documentId), `${dir}/${file}`).toEqual(full);
          compared += full.length;
        }
      }
      expect(compared).toBeGreaterThan(50);
    } finally {
      own.cleanup();
    }
  });

  it('after an edit, the segment’s findings are the full check’s for the new text', () => {
    const s = fresh.service;
    const documentId = importText(s, 'hk', OWN.hongKong.zh);
    s.runChecks({ documentId });
    const seg = s.getSegments({ documentId }).find((x) => x.text.includes('本周'))!;
    // a save of the segment reads it with the document (written for Hong Kong): no warning on its 本周
    s.editSegment({ segmentId: seg.id, text: `${seg.text.replace('。', '')}，並檢討派息政策。` });
    const saved = rows(s, documentId, seg.id);
    expect(saved.some((r) => r.startsWith('conversion-ambiguity'))).toBe(false);
    s.runChecks({ documentId });
    expect(rows(s, documentId, seg.id)).toEqual(saved);
  });

  it('a segment’s places of a document-wide group join the document’s card, its count and summary following the re-check', () => {
    const s = fresh.service;
    const documentId = importText(s, 'periods', OWN.periods.zh);
    s.runChecks({ documentId });
    const seg = s.getSegments({ documentId }).find((x) => x.text.startsWith('出貨量年增'))!;
    const cards = () => s.listFindings({ documentId }).findings.filter((f) => f.rule === 'halfwidth-punctuation');
    const count = () => cards().map((f) => [1 + f.related.length, f.messageData?.params.count]);
    expect(count()).toEqual([[2, 2]]);
    s.editSegment({ segmentId: seg.id, text: seg.text.replace('，', ',') });
    // one card with the new place, counted: every row worded as the full check words them
    expect(count()).toEqual([[3, 3]]);
    const saved = rows(s, documentId);
    s.runChecks({ documentId });
    expect(rows(s, documentId)).toEqual(saved);
    s.editSegment({ segmentId: seg.id, text: seg.text });
    expect(count()).toEqual([[2, 2]]);
    const back = rows(s, documentId);
    s.runChecks({ documentId });
    expect(rows(s, documentId)).toEqual(back);
  });

  it('the kept evidence follows another connection’s edits of the document', async () => {
    const s = fresh.service;
    const documentId = importText(s, 'travel', OWN.travel.zh);
    s.runChecks({ documentId });
    const segs = s.getSegments({ documentId });
    const lone = segs.find((x) => x.text.includes('遊出'))!;
    // a first save builds the document's evidence in this connection
    s.editSegment({ segmentId: lone.id, text: `${lone.text}。` });
    expect(rows(s, documentId, lone.id).some((r) => r.startsWith('conversion-ambiguity'))).toBe(false);
    // another connection (another process) takes 遊 out of three of the document's words: the document no longer writes it in three
    const other = await openService(fresh.dbPath);
    try {
      for (const x of segs.filter((y) => /國外旅遊|遊客|遊覽/.test(y.text))) {
        other.editSegment({ segmentId: x.id, text: x.text.replace('國外旅遊', '出國觀光').replace('遊客', '旅客').replace('郵輪遊覽', '郵輪觀光') });
      }
    } finally {
      other.db.close();
    }
    const now = s.getSegments({ documentId }).find((x) => x.id === lone.id)!;
    s.editSegment({ segmentId: lone.id, text: now.text.slice(0, -1) });
    const saved = rows(s, documentId, lone.id);
    s.runChecks({ documentId });
    expect(rows(s, documentId, lone.id)).toEqual(saved);
    // the OpenCC phrase speaks again: the warning the document's sense had kept away
    expect(saved.some((r) => r.startsWith('conversion-ambiguity'))).toBe(true);
  });

  it('an edit of page furniture (no part of the evidence) keeps the kept evidence: no rebuild of the whole document on the next save', () => {
    const s = fresh.service;
    const documentId = importText(s, 'furniture', '財經新聞網　2024年8月\n\n' + OWN.travel.zh);
    s.runChecks({ documentId });
    const segs = s.getSegments({ documentId });
    const head = segs[0];
    s.setFurniture({ segmentId: head.id, furniture: true, version: s.getSegments({ documentId })[0].versions!.furniture });
    const body = segs.find((x) => x.text.includes('遊客'))!;
    s.editSegment({ segmentId: body.id, text: `${body.text}。` });
    const seg = () => s.store.segment(body.id)!;
    const kept = evidenceFor(s.store, seg(), checkContext(s.store, documentId));
    // the furniture line edited, then a body segment saved: the same evidence, brought up to date
    const furniture = s.getSegments({ documentId })[0];
    s.editSegment({ segmentId: furniture.id, text: `${furniture.text}版` });
    s.editSegment({ segmentId: body.id, text: body.text });
    expect(evidenceFor(s.store, seg(), checkContext(s.store, documentId))).toBe(kept);
    expect(kept.textOf(body.id)).toBe(body.text);
  });
});
