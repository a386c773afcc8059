import { describe, expect, it } from 'vitest';
import { useFreshService, importSample, SAMPLE_TEXT } from './test-helpers';
import { databaseDigest } from '../db/digest';
import { formatFindingMessage, type FindingMessageRef } from '../shared/finding-messages';

const fresh = useFreshService();

function nameGroup(documentId: number) {
  const r = fresh.service.listFindings({ documentId });
  return r.findings.find((f) => f.rule === 'entity-consistency' && [f, ...f.related].some((l) => l.text === '王震'));
}

describe('checks in the service', () => {
  it('the sample yields one entity finding grouping 王震 and 王徵, stored with both locations', () => {
    const { documentId } = importSample(fresh.service);
    const r = fresh.service.runChecks({ documentId });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    const g = nameGroup(documentId)!;
    expect(g).toBeTruthy();
    expect([g, ...g.related].map((l) => l.text).sort()).toEqual(['王徵', '王震']);
    for (const l of [g, ...g.related]) {
      expect(l.fixes[0]?.replacement).toBe('王征');
      const seg = fresh.service.getSegments({ documentId })[l.segmentIndex];
      expect(seg.id).toBe(l.segmentId);
      expect(seg.text.slice(l.start, l.end)).toBe(l.text);
      // context either side of the quote, from the current text
      expect(seg.text.slice(0, l.start).endsWith(l.before!)).toBe(true);
      expect(seg.text.slice(l.end).startsWith(l.after!)).toBe(true);
      expect((l.before! + l.after!).length).toBeGreaterThan(0);
    }
    expect(r.counts.byRule['entity-consistency']).toBeGreaterThanOrEqual(1);
  });

  it('occurrences of one phrase with the same conversion advice are one group with every location', () => {
    const { documentId } = importSample(fresh.service);
    fresh.service.runChecks({ documentId });
    const groups = fresh.service.listFindings({ documentId }).findings.filter((f) => f.rule === 'conversion-ambiguity' && f.related.length > 0);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const locs = [g, ...g.related];
      expect(new Set(locs.map((l) => l.text)).size).toBe(1);
      expect(new Set(locs.map((l) => l.findingId)).size).toBe(locs.length);
      // two places quoting the same character read differently thanks to the context
      expect(new Set(locs.map((l) => `${l.segmentIndex}:${l.before}${l.text}${l.after}`)).size).toBe(locs.length);
    }
  });

  it('fixing the group corrects both segments in one undoable step', async () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const g = nameGroup(documentId)!;
    const r = fresh.service.applyFix({ findingId: g.id, scope: 'group' });
    expect(r.segments).toHaveLength(2);
    expect(r.segments.every((s) => s.text.includes('王征') && s.status === 'edited')).toBe(true);
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT.replace('王震', '王征').replace('王徵', '王征'));
    // the resolved findings are gone without a re-run
    expect(nameGroup(documentId)).toBeUndefined();
    const hist = fresh.service.segmentHistory({ segmentId: g.segmentId });
    expect(hist[0].reason).toBe('fix:entity-consistency');
    fresh.service.undo({ projectId: doc.projectId });
    expect((await fresh.service.exportDocument({ documentId, format: 'txt', script: 'hant' })).content).toBe(SAMPLE_TEXT);
  });

  it('undo of a fix brings the name group back at once, redo clears it again (cross-segment rules re-run)', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const g = nameGroup(documentId)!;
    fresh.service.applyFix({ findingId: g.id, scope: 'group' });
    expect(nameGroup(documentId)).toBeUndefined();
    fresh.service.undo({ projectId: doc.projectId });
    const back = nameGroup(documentId)!;
    expect(back).toBeTruthy();
    expect([back, ...back.related].map((l) => l.text).sort()).toEqual(['王徵', '王震']);
    expect(back.fixes[0]?.replacement).toBe('王征');
    fresh.service.redo({ projectId: doc.projectId });
    expect(nameGroup(documentId)).toBeUndefined();
    expect(fresh.service.listFindings({ documentId }).findings.some((f) => f.rule === 'entity-consistency' && [f, ...f.related].some((l) => l.text === '王征'))).toBe(false);
  });

  it('undo keeps a dismissal of the group it brings back', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const g = nameGroup(documentId)!;
    fresh.service.dismissFinding({ findingId: g.id, reason: 'two people', scope: 'group' });
    const seg = fresh.service.getSegments({ documentId })[g.segmentIndex];
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace(g.text, '王征') });
    fresh.service.undo({ projectId: doc.projectId });
    expect(nameGroup(documentId)?.dismissedReason).toBe('two people');
  });

  it('undo in a document never checked runs no checks', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.text.includes('王震'))!;
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    fresh.service.undo({ projectId: doc.projectId });
    expect(fresh.service.listFindings({ documentId }).findings.some((f) => f.rule === 'entity-consistency')).toBe(false);
  });

  it('project-wide results are reported out of date after a later edit, and current again after a re-run', () => {
    const a = fresh.service.importBytes(new Uint8Array(Buffer.from('公司業績會。\n\n首席執行官張明表示,收入增長。\n')), { fileName: 'a.txt', projectName: 'Stale' });
    const b = fresh.service.importBytes(new Uint8Array(Buffer.from('公司年報。\n\n首席執行官張銘表示,成本下降。\n')), { fileName: 'b.txt', projectName: 'Stale' });
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    expect(fresh.service.listFindings({ documentId: a.documentId }).projectCheck).toBeNull();
    expect(fresh.service.checkProject({ projectId }).projectCheck).toMatchObject({ stale: false });
    expect(fresh.service.listFindings({ documentId: b.documentId }).projectCheck).toMatchObject({ stale: false });
    // a status change is no text change
    const seg = fresh.service.getSegments({ documentId: b.documentId })[1];
    fresh.service.setStatus({ segmentIds: [seg.id], status: 'approved' });
    expect(fresh.service.listFindings({ documentId: a.documentId }).projectCheck?.stale).toBe(false);
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('張銘', '張明') });
    expect(fresh.service.listFindings({ documentId: a.documentId }).projectCheck?.stale).toBe(true);
    fresh.service.undo({ projectId });
    expect(fresh.service.listFindings({ documentId: b.documentId }).projectCheck?.stale).toBe(true);
    fresh.service.checkProject({ projectId });
    expect(fresh.service.listFindings({ documentId: a.documentId }).projectCheck?.stale).toBe(false);
    // a document added to the project
    fresh.service.importBytes(new Uint8Array(Buffer.from('首席執行官張明。\n')), { fileName: 'c.txt', projectName: 'Stale' });
    expect(fresh.service.listFindings({ documentId: a.documentId }).projectCheck?.stale).toBe(true);
  });

  it('a fix refuses to apply when the text changed since the check', () => {
    const { documentId } = importSample(fresh.service);
    fresh.service.runChecks({ documentId });
    const g = nameGroup(documentId)!;
    const seg = fresh.service.getSegments({ documentId })[g.segmentIndex];
    // an edit elsewhere in the segment moves the finding with the text: still applicable
    fresh.service.editSegment({ segmentId: seg.id, text: '（更正）' + seg.text });
    const moved = nameGroup(documentId)!;
    expect(fresh.service.getSegments({ documentId })[moved.segmentIndex].text.slice(moved.start, moved.end)).toBe(moved.text);
    expect(fresh.service.applyFix({ findingId: moved.id, scope: 'one' }).segments[0].text).toContain('（更正）');
  });

  it('dismissals carry a reason, survive a re-run while the text is unchanged, and are undoable', () => {
    const { documentId } = importSample(fresh.service);
    const doc = fresh.service.getDocument({ documentId });
    fresh.service.runChecks({ documentId });
    const g = nameGroup(documentId)!;
    const after = fresh.service.dismissFinding({ findingId: g.id, reason: 'checked with the company', scope: 'group' });
    expect(after.findings.find((f) => f.id === g.id)?.dismissedReason).toBe('checked with the company');
    const rerun = fresh.service.runChecks({ documentId });
    const again = rerun.findings.find((f) => f.rule === 'entity-consistency' && f.text === g.text)!;
    expect(again.dismissedReason).toBe('checked with the company');
    expect(rerun.counts.dismissed).toBeGreaterThanOrEqual(1);
    expect(fresh.service.segmentHistory({ segmentId: g.segmentId }).some((h) => h.field === 'finding')).toBe(true);
    fresh.service.undo({ projectId: doc.projectId });
    expect(fresh.service.listFindings({ documentId }).findings.find((f) => f.id === again.id)?.dismissedReason ?? null).toBeNull();
  });

  it('re-checks a segment incrementally when it changes', () => {
    const { documentId } = importSample(fresh.service);
    fresh.service.runChecks({ documentId });
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.text.startsWith('近日'))!;
    const before = fresh.service.listFindings({ documentId }).findings.filter((f) => f.segmentId === seg.id && f.rule === 'doubled').length;
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('。', '。。') });
    const now = fresh.service.listFindings({ documentId }).findings.filter((f) => f.segmentId === seg.id && f.rule === 'doubled');
    expect(now.length).toBeGreaterThan(before);
  });

  it('rejects unknown rules and changes nothing', () => {
    const { documentId } = importSample(fresh.service);
    const before = databaseDigest(fresh.service.db);
    expect(() => fresh.service.runChecks({ documentId, rules: ['no-such-rule'] })).toThrow(/Unknown rule/);
    expect(databaseDigest(fresh.service.db)).toBe(before);
  });

  it('checks a project across documents: one role named differently in two documents', () => {
    const a = fresh.service.importBytes(new Uint8Array(Buffer.from('公司業績會。\n\n首席執行官張明表示,收入增長。\n')), { fileName: 'a.txt', projectName: 'Co' });
    const b = fresh.service.importBytes(new Uint8Array(Buffer.from('公司年報。\n\n首席執行官張銘表示,成本下降。\n')), { fileName: 'b.txt', projectName: 'Co' });
    fresh.service.runChecks({ documentId: a.documentId });
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    const r = fresh.service.checkProject({ projectId });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(new Set([f, ...f.related].map((l) => l.documentId))).toEqual(new Set([a.documentId, b.documentId]));
    // each document's panel shows the group, with the other document's location
    const inB = fresh.service.listFindings({ documentId: b.documentId }).findings.find((x) => x.scope === 'project')!;
    expect(inB.documentId).toBe(b.documentId);
    expect(inB.related[0].documentId).toBe(a.documentId);
    // a document re-run keeps the project findings
    fresh.service.runChecks({ documentId: b.documentId });
    expect(fresh.service.listFindings({ documentId: b.documentId }).findings.some((x) => x.scope === 'project')).toBe(true);
  });

  it('the project check compares variant forms across documents: the minority form in every document, fixable from each', () => {
    const a = fresh.service.importBytes(new Uint8Array(Buffer.from('董事會認爲新廠爲明年重點。\n\n預算爲三億元。\n')), { fileName: 'a.txt', projectName: 'Var' });
    const b = fresh.service.importBytes(new Uint8Array(Buffer.from('分析師認為需求穩定。\n')), { fileName: 'b.txt', projectName: 'Var' });
    const c = fresh.service.importBytes(new Uint8Array(Buffer.from('公司表示此舉為長期布局。\n')), { fileName: 'c.txt', projectName: 'Var' });
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    const f = fresh.service.checkProject({ projectId }).findings.filter((x) => x.rule === 'variant-mixing');
    expect(f).toHaveLength(1);
    expect(f[0].scope).toBe('project');
    const places = [f[0], ...f[0].related];
    expect(places.map((l) => l.text)).toEqual(['爲', '爲', '爲']);
    expect(places.every((l) => l.documentId === a.documentId && l.fixes[0]?.replacement === '為')).toBe(true);
    expect([b.documentId, c.documentId].every((d) => !fresh.service.listFindings({ documentId: d }).findings.some((x) => x.rule === 'variant-mixing'))).toBe(true);
  });

  it('checks a project across documents: one figure at another scale, stored in both documents', () => {
    const a = fresh.service.importBytes(new Uint8Array(Buffer.from('季度簡報。\n\n每股盈餘新臺幣4.37元，優於預期。\n')), { fileName: 'eps-a.txt', projectName: 'Figures' });
    const b = fresh.service.importBytes(new Uint8Array(Buffer.from('法人說明會紀要。\n\n財務長說，每股盈餘43.7元。\n')), { fileName: 'eps-b.txt', projectName: 'Figures' });
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    const r = fresh.service.checkProject({ projectId });
    const scale = r.findings.filter((f) => f.rule === 'number-scale');
    expect(scale).toHaveLength(1);
    expect(scale[0].messageData?.key).toBe('number.scale.restated');
    expect(new Set([scale[0], ...scale[0].related].map((l) => l.documentId))).toEqual(new Set([a.documentId, b.documentId]));
  });

  it('a project-wide group stays in its project: the same names in another project are neither listed nor fixed', () => {
    const importTo = (projectName: string, name: string, text: string) =>
      fresh.service.importBytes(new Uint8Array(Buffer.from(`公司業績會。\n\n首席執行官${name}表示,${text}。\n`)), { fileName: `${projectName}-${name}.txt`, projectName });
    const a1 = importTo('Alpha', '張明', '收入增長');
    importTo('Alpha', '張銘', '成本下降');
    const b1 = importTo('Beta', '張明', '利潤上升');
    const b2 = importTo('Beta', '張銘', '費用持平');
    const alpha = fresh.service.getDocument({ documentId: a1.documentId }).projectId;
    const beta = fresh.service.getDocument({ documentId: b1.documentId }).projectId;
    fresh.service.checkProject({ projectId: beta });
    const r = fresh.service.checkProject({ projectId: alpha });
    const alphaDocs = new Set(fresh.service.listDocuments({ projectId: alpha }).map((d) => d.id));
    for (const f of r.findings) for (const l of [f, ...f.related]) expect(alphaDocs.has(l.documentId)).toBe(true);
    const betaTexts = () => [b1, b2].map((d) => fresh.service.getSegments({ documentId: d.documentId }).map((s) => s.text).join('|'));
    const before = betaTexts();
    const group = r.findings.find((f) => f.rule === 'entity-consistency')!;
    fresh.service.applyFix({ findingId: group.id, scope: 'group', fixIndex: 0 });
    expect(betaTexts()).toEqual(before);
  });

  it('the glossary feeds the checks: forbidden variants are flagged with the confirmed term as the fix', () => {
    const { documentId } = importSample(fresh.service);
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    fresh.service.saveGlossaryEntry({ projectId, term: '王征', variants: ['王震', '王徵'], type: 'person', note: 'CFO', english: 'Wang Zheng' });
    const r = fresh.service.runChecks({ documentId, rules: ['glossary-forbidden'] });
    const texts = r.findings.flatMap((f) => [f, ...f.related]).map((l) => [l.text, l.fixes[0]?.replacement]);
    expect(texts).toEqual(expect.arrayContaining([['王震', '王征'], ['王徵', '王征']]));
  });
});

describe('finding messages stored as data (migration 010)', () => {
  it('stores key + params beside the English message, for document and project findings; a row without them keeps its English', () => {
    const a = fresh.service.importBytes(new Uint8Array(Buffer.from('首席執行官張明表示,收入為1,2345億元。\n')), { fileName: 'm1.txt', projectName: 'Msg' });
    const b = fresh.service.importBytes(new Uint8Array(Buffer.from('首席執行官張銘表示,成本下降。\n')), { fileName: 'm2.txt', projectName: 'Msg' });
    const r = fresh.service.runChecks({ documentId: a.documentId });
    const num = r.findings.find((f) => f.rule === 'number-format')!;
    expect(num.messageData).toMatchObject({ key: 'number.groups', params: { raw: '1,2345' } });
    expect(num.message).toContain('1,2345');
    const projectId = fresh.service.getDocument({ documentId: a.documentId }).projectId;
    const p = fresh.service.checkProject({ projectId });
    expect(p.findings[0].messageData?.key).toMatch(/^entity\./);
    // every stored finding of a real run: its data, worded in English, is its stored message
    const sample = importSample(fresh.service);
    const all = fresh.service.runChecks({ documentId: sample.documentId }).findings;
    expect(all.length).toBeGreaterThan(5);
    for (const f of all) expect(formatFindingMessage(f.messageData as FindingMessageRef), f.rule).toBe(f.message);
    // a row stored before migration 010 has its English and no data: the service gives null, the panel shows the English
    fresh.service.db.prepare(`UPDATE findings SET message = 'Worded by an older version.', message_data = NULL WHERE document_id = ?`).run(b.documentId);
    const old = fresh.service.listFindings({ documentId: b.documentId }).findings;
    expect(old.length).toBeGreaterThan(0);
    for (const f of old) {
      expect(f.messageData).toBeNull();
      expect(f.message).toBe('Worded by an older version.');
    }
    // rows this version writes keep no English where their data words it (db/queries/findings.ts), yet read back worded
    expect(fresh.service.db.prepare(`SELECT count(*) FROM findings WHERE document_id = ? AND message != ''`).pluck().get(sample.documentId)).toBe(0);
  });
});

describe("the converter's Taiwan vocabulary in the service: one finding per place", () => {
  // our own Taiwan writing through OpenCC's t2s then s2twp (設備 → 裝置, 數據 → 資料, 項目 → 專案)
  const S2TWP = [
    '新竹一家半導體裝置商今天公佈第三季財報，營收年增18%，主要來自先進封裝裝置出貨。',
    '公司表示，客戶端的庫存資料已見改善，今年新建的廠房專案也按進度推進。',
    '財務長指出，臺灣與日本的訂單資料顯示，工廠裡的裝置明年仍需擴充。',
  ].join('\n\n');
  const vocabulary = (documentId: number) =>
    fresh.service.listFindings({ documentId }).findings.filter((f) => f.messageData?.key === 'conversion.vocabulary.document');

  it('stores each place as its own finding; fixing one place keeps the other in the same segment', () => {
    const { documentId } = fresh.service.importDocument({ fileName: 's2twp.txt', data: Buffer.from(S2TWP).toString('base64'), projectName: 'Vocabulary' });
    fresh.service.runChecks({ documentId });
    const before = vocabulary(documentId);
    expect(before.map((f) => f.text).sort()).toEqual(['裝置', '裝置', '裝置', '資料', '資料', '專案'].sort());
    expect(before.every((f) => f.related.length === 0 && f.fixes.length === 1)).toBe(true);
    const first = before.find((f) => f.text === '裝置')!;
    const sameSegment = before.filter((f) => f.segmentId === first.segmentId && f.id !== first.id);
    expect(sameSegment.map((f) => f.text)).toEqual(['裝置']);
    // a fix of the group fixes this place only (no group)
    const r = fresh.service.applyFix({ findingId: first.id, scope: 'group' });
    expect(r.segments.map((s) => s.text.match(/裝置|設備/g))).toEqual([['設備', '裝置']]);
    const after = vocabulary(documentId);
    expect(after.map((f) => f.id).sort()).toEqual(before.filter((f) => f.id !== first.id).map((f) => f.id).sort());
  });
});

describe('a finding the document decided survives a re-check of its segment', () => {
  it('keeps the one-sense-per-discourse finding (發品 among 洗髮, 護髮, 染髮) when another place of its segment is edited', async () => {
    const { getConverter } = await import('../shared/text/convert');
    const roundTrip = (t: string) => getConverter('s2t').convert(getConverter('t2s').convert(t));
    const text = ['美髮沙龍提供洗髮、護髮與染髮服務。', '新款髮品上市後，頭髮保養的客人增加。'].map(roundTrip).join('\n\n');
    const { documentId } = fresh.service.importDocument({ fileName: 'salon.txt', data: Buffer.from(text).toString('base64'), projectName: 'Salon' });
    fresh.service.runChecks({ documentId });
    const discourse = () => fresh.service.listFindings({ documentId }).findings.filter((f) => f.messageData?.key === 'conversion.discourse');
    const before = discourse();
    expect(before.map((f) => f.text)).toEqual(['發']);
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.id === before[0].segmentId)!;
    // an edit after the flagged place: the segment is re-checked alone, without the document's senses
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('客人增加', '客人明顯增加') });
    expect(discourse().map((f) => [f.id, f.text])).toEqual([[before[0].id, '發']]);
  });
});
