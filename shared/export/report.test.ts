import { describe, expect, it } from 'vitest';
import { buildChangeReport, changeReportHtml, changedSpan, type ReportInput, type ReportOperation } from './report';
import { sampleDoc } from './test-fixtures';
import { findingMessage } from '../finding-messages';

/** Segment 2 fixed (王震 → 王征) by a check, undone, redone; segment 3 edited by hand and approved; a dismissal. */
function input(extra: Partial<ReportInput> = {}): ReportInput {
  const base = sampleDoc('第四段。', '第五段。');
  const doc = {
    ...base,
    segments: base.segments.map((s) =>
      s.id === 2 ? { ...s, text: '董事長王征表示，', status: 'edited' as const } : s.id === 3 ? { ...s, text: '收入為11.8億元。', status: 'approved' as const } : s,
    ),
  };
  const fix = { segmentId: 2, field: 'zh', before: '董事長王震表示，', after: '董事長王征表示，', reason: 'fix:entity-consistency' };
  const ops: ReportOperation[] = [
    { id: 1, kind: 'fix', label: 'Fix Name spelled inconsistently in segment 2', author: 'Lin', createdAt: '2026-12-02T01:00:00.000Z', state: 'done', revisions: [fix, { segmentId: 2, field: 'status', before: 'unreviewed', after: 'edited', reason: 'fix:entity-consistency' }] },
    { id: 2, kind: 'undo', label: 'Undo Fix Name spelled inconsistently in segment 2', author: 'Lin', createdAt: '2026-12-02T01:01:00.000Z', state: 'done', revisions: [{ ...fix, before: fix.after, after: fix.before, reason: 'undo' }] },
    { id: 3, kind: 'redo', label: 'Redo Fix Name spelled inconsistently in segment 2', author: 'Lin', createdAt: '2026-12-02T01:02:00.000Z', state: 'done', revisions: [{ ...fix, reason: 'redo' }] },
    { id: 4, kind: 'edit', label: 'Edit segment 3', author: 'Chen', createdAt: '2026-12-02T02:00:00.000Z', state: 'done', revisions: [{ segmentId: 3, field: 'zh', before: '收入爲11.8億。', after: '收入為11.8億元。', reason: 'manual' }] },
    { id: 5, kind: 'status', label: 'Mark segment 3 approved', author: 'Chen', createdAt: '2026-12-02T02:01:00.000Z', state: 'done', revisions: [{ segmentId: 3, field: 'status', before: 'edited', after: 'approved', reason: 'manual' }] },
    { id: 6, kind: 'edit', label: 'Edit segment 4', author: 'Chen', createdAt: '2026-12-02T02:02:00.000Z', state: 'undone', revisions: [{ segmentId: 4, field: 'zh', before: '第四段。', after: '第4段。', reason: 'manual' }] },
    { id: 7, kind: 'dismiss', label: 'Dismiss Variant forms mixed', author: 'Chen', createdAt: '2026-12-02T02:03:00.000Z', state: 'done', revisions: [{ segmentId: 5, field: 'finding', before: '{"ids":[9],"reason":null}', after: '{"ids":[9],"reason":"house style"}', reason: 'dismiss: house style' }] },
  ];
  return {
    doc,
    revisions: new Map(),
    findings: [
      { segmentId: 5, rule: 'variant-mixing', severity: 'warning', message: 'Two forms', text: '段', dismissedReason: 'house style', dismissedAt: '2026-12-02T02:03:00.000Z', group: 'g1' },
      { segmentId: 4, rule: 'variant-mixing', severity: 'warning', message: 'Two forms', text: '段', dismissedReason: 'house style', dismissedAt: '2026-12-02T02:03:00.000Z', group: 'g1' },
    ],
    generatedAt: '2026-12-02T03:00:00.000Z',
    operations: ops,
    timeZone: 'Asia/Taipei',
    ...extra,
  };
}

describe('change report: operations, fixes, dismissals, local times', () => {
  it('one row per operation, undo and redo as rows of their own, each worded', () => {
    const r = buildChangeReport(input());
    expect(r.operations.map((o) => [o.kind, o.rows, o.changes, o.undone])).toEqual([
      ['fix', [2], 'replaced 1 character', false],
      ['undo', [2], 'replaced 1 character', false],
      ['redo', [2], 'replaced 1 character', false],
      ['edit', [3], 'replaced 1 character, inserted 1 character', false],
      ['status', [3], 'approved 1 segment', false],
      ['edit', [4], 'replaced 1 character', true],
      ['dismiss', [5], 'dismissed a finding: house style', false],
    ]);
    expect(r.operations[0].at).toBe('2026-12-02 09:00:00 UTC+08:00');
    expect(r.generatedAtLocal).toBe('2026-12-02 11:00:00 UTC+08:00');
  });

  it('approvals and hand edits are counted apart from automatic fixes', () => {
    const r = buildChangeReport(input());
    expect(r.summary).toMatchObject({ changed: 2, approved: 1, editedByHand: 1, fixedAutomatically: 1 });
  });

  it('lists the findings fixed (operations in effect) and the dismissed ones once per group, with their reasons', () => {
    const r = buildChangeReport(input());
    expect(r.fixedFindings).toEqual([
      { operationId: 1, rule: 'entity-consistency', row: 2, before: '王震表', after: '王征表', author: 'Lin', createdAt: '2026-12-02T01:00:00.000Z', at: '2026-12-02 09:00:00 UTC+08:00' },
    ]);
    expect(r.dismissedFindings).toEqual([
      { rule: 'variant-mixing', rows: [4, 5], text: '段', message: 'Two forms', reason: 'house style', dismissedAt: '2026-12-02T02:03:00.000Z', at: '2026-12-02 10:03:00 UTC+08:00' },
    ]);
    // a fix that was undone (and not redone) is not listed
    const undone = input();
    const ops = undone.operations!.map((o) => (o.id === 1 ? { ...o, state: 'undone' } : o)).filter((o) => o.id !== 3);
    expect(buildChangeReport({ ...undone, operations: ops }).fixedFindings).toEqual([]);
  });

  it('keeps the per-segment section', () => {
    const r = buildChangeReport(input());
    expect(r.changes.map((c) => c.row)).toEqual([2, 3, 4, 5]);
  });

  it('the HTML: operations, fixed and dismissed findings, local times with the offset; in Traditional Chinese when asked', () => {
    const html = changeReportHtml(buildChangeReport(input()));
    expect(html).toContain('<h2>Operations (7)</h2>');
    expect(html).toContain('<span class="kind kind-undo">undo</span>');
    expect(html).toContain('<span class="kind kind-redo">redo</span>');
    expect(html).toContain('replaced 1 character');
    expect(html).toContain('<del>王震表</del> → <ins>王征表</ins>');
    expect(html).toContain('house style');
    expect(html).toContain('times in Asia/Taipei (UTC+08:00)');
    expect(html).toContain('2026-12-02 09:00:00 UTC+08:00');
    expect(html).toContain('(undone later)');
    expect(html).not.toMatch(/<script|src=|href=/);
    const zh = changeReportHtml(buildChangeReport(input({ locale: 'zh-Hant' })));
    expect(zh).toContain('<html lang="zh-Hant">');
    expect(zh).toContain('<h2>操作（7）</h2>');
    expect(zh).toContain('替換 1 字');
    expect(zh).toContain('<span class="kind kind-undo">復原</span>');
    expect(zh).toContain('審校者核准');
  });

  it('changedSpan gives the changed stretch with a character either side', () => {
    expect(changedSpan('董事長王震表示，', '董事長王征表示，')).toEqual({ before: '王震表', after: '王征表' });
    expect(changedSpan('甲', '乙')).toEqual({ before: '甲', after: '乙' });
    expect(changedSpan('甲乙', '甲乙丙')).toEqual({ before: '乙', after: '乙丙' });
  });
});

describe('change report: the places of a per-place family, dismissed one by one', () => {
  // the converter's Taiwan vocabulary in a document: each place its own finding (no group), dismissed each with its reason
  const place = (segmentId: number, word: string, source: string) => {
    const m = findingMessage('conversion.vocabulary.document', { word, source, words: '裝置, 資料', count: 3 });
    return { segmentId, rule: 'conversion-ambiguity', severity: 'info', ...m, text: word, dismissedReason: 'the writer’s word', dismissedAt: '2026-12-02T02:03:00.000Z', group: null };
  };
  const findings = [place(2, '裝置', '設備'), place(3, '資料', '數據'), place(4, '裝置', '設備')];

  it('words the family’s explanation once, in a note; each place points at it (both languages)', () => {
    const r = buildChangeReport(input({ findings }));
    expect(r.dismissedFindings.map((f) => [f.rows, f.text, f.message])).toEqual([
      [[2], '裝置', '[note 1] this place'],
      [[3], '資料', '[note 1] this place'],
      [[4], '裝置', '[note 1] this place'],
    ]);
    expect(r.notes).toEqual([{ label: '1', text: expect.stringMatching(/^This document reads as the output of OpenCC's Taiwan phrasing \(s2twp\)/) }]);
    expect(r.changes.find((c) => c.row === 3)!.dismissedFindings.map((f) => f.message)).toEqual(['[note 1] this place']);
    const html = changeReportHtml(r);
    expect(html.split('reads as the output of OpenCC').length - 1).toBe(1);
    expect(html).toContain('<li>[note 1] This document reads as the output');
    const zh = buildChangeReport(input({ findings, locale: 'zh-Hant' }));
    expect(zh.dismissedFindings[0].message).toBe('［附註 1］此處');
    expect(zh.notes[0].text).toMatch(/\p{Script=Han}/u);
    expect(changeReportHtml(zh)).toContain('<p>附註</p>');
  });

  it('leaves a grouped finding’s message as it is, and says no notes where there is no family', () => {
    const r = buildChangeReport(input());
    expect(r.dismissedFindings.map((f) => f.message)).toEqual(['Two forms']);
    expect(r.notes).toEqual([]);
  });
});
