import { describe, expect, it } from 'vitest';
import { addConflict, canMerge, canMergeField, conflictKey, isRecordConflict, mergeDraft, recordMergeDraft, recordResolutionWrite, resolutionWrite, saveResolution, scopeKindOf, shownFields, splitVariantText, valueLabelKey } from './conflict';
import { translate, type MessageKey } from '../i18n';
import { translateClaims, type ClaimsMessageKey } from '../i18n-claims';
import type { EditConflict, EditConflictDetails, RecordConflictDetails, RecordKind } from '../../../shared/domain/schemas';
import { parseGlossaryScopeValue as parseScopeValue } from '../../../shared/contract/conflict';

const text: EditConflict = {
  segmentId: 7,
  row: 3,
  field: 'text',
  base: '商湯科技今日公布業績。',
  theirs: '商湯科技今天公布業績。',
  theirsVersion: 41,
  theirsAuthor: 'bob',
  theirsAt: '2026-12-02T08:00:00.000Z',
  mine: '商湯科技今日公布了業績。',
};

describe('resolutionWrite: which write each choice makes', () => {
  it('keep theirs writes nothing; keep mine writes mine against their version', () => {
    expect(resolutionWrite(text, { kind: 'theirs' })).toBeNull();
    expect(resolutionWrite(text, { kind: 'mine' })).toEqual({ method: 'editSegment', args: { segmentId: 7, text: text.mine, version: 41 } });
  });

  it('merge by hand writes the editor text against their version; nothing when it equals theirs', () => {
    expect(resolutionWrite(text, { kind: 'merge', text: '合併後' })).toEqual({ method: 'editSegment', args: { segmentId: 7, text: '合併後', version: 41 } });
    expect(resolutionWrite(text, { kind: 'merge', text: text.theirs! })).toBeNull();
  });

  it('each field goes to its own method; statuses cannot be merged by hand', () => {
    const status: EditConflict = { ...text, field: 'status', base: 'unreviewed', theirs: 'approved', mine: 'edited' };
    expect(resolutionWrite(status, { kind: 'mine' })).toEqual({ method: 'setStatus', args: { segmentIds: [7], status: 'edited', versions: [41] } });
    expect(canMerge(status)).toBe(false);
    expect(() => resolutionWrite(status, { kind: 'merge', text: 'x' })).toThrow(/cannot be merged/);
    expect(resolutionWrite({ ...status, field: 'enStatus' }, { kind: 'mine' })).toMatchObject({ method: 'setEnglishStatus', args: { versions: [41] } });
    expect(resolutionWrite({ ...text, field: 'en', mine: 'Mine.' }, { kind: 'mine' })).toEqual({ method: 'editEnglish', args: { segmentId: 7, text: 'Mine.', version: 41 } });
    expect(resolutionWrite({ ...text, field: 'furniture', base: null, theirs: null, mine: 'manual' }, { kind: 'mine' })).toEqual({
      method: 'setFurniture',
      args: { segmentId: 7, furniture: true, version: 41 },
    });
  });
});

describe('saveResolution: a save with approval refused only for its status keeps the editor’s text', () => {
  // the reviewer saved row 3 with Ctrl+Enter (offline, retried later); meanwhile Bob marked it edited
  const approval: EditConflict = { ...text, field: 'status', base: 'unreviewed', theirs: 'edited', mine: 'approved' };
  const details: EditConflictDetails = { ...approval, conflicts: [approval] };
  const save = { segmentId: 7, text: '商湯科技今日公布了業績。', version: 12 };

  it('keep mine saves the text and the approval in one operation, against their status version and my text version', () => {
    expect(saveResolution(details, { kind: 'mine' }, save)).toEqual({
      write: { method: 'editSegment', args: { segmentId: 7, text: save.text, version: 12, approve: true, statusVersion: 41 } },
      keepEditor: false,
    });
    // the ordinary resolution would set the status alone and close the editor: the text lost
    expect(resolutionWrite(approval, { kind: 'mine' })).toEqual({ method: 'setStatus', args: { segmentIds: [7], status: 'approved', versions: [41] } });
  });

  it('keep theirs writes nothing and keeps the editor open with the text', () => {
    expect(saveResolution(details, { kind: 'theirs' }, save)).toEqual({ write: null, keepEditor: true });
  });

  it('not a refused approval of the open editor: the ordinary resolution', () => {
    expect(saveResolution(details, { kind: 'mine' }, null)).toBeNull();
    expect(saveResolution(details, { kind: 'mine' }, { ...save, segmentId: 8 })).toBeNull();
    // a text conflict: the view shows the texts, the ordinary resolution writes one
    const withText: EditConflictDetails = { ...text, conflicts: [text, approval] };
    expect(saveResolution(withText, { kind: 'mine' }, save)).toBeNull();
    expect(saveResolution({ ...approval, conflicts: [text, approval] }, { kind: 'mine' }, save)).toBeNull();
    // a queued 'mark unreviewed' refused: not the approval of a save
    const unreview: EditConflict = { ...approval, mine: 'unreviewed', theirs: 'approved' };
    expect(saveResolution({ ...unreview, conflicts: [unreview] }, { kind: 'mine' }, save)).toBeNull();
  });
});

describe('addConflict: conflicts met together wait their turn', () => {
  it('appends another target’s conflict; a newer one of the same field or record takes its place', () => {
    const a: EditConflictDetails = { ...text, conflicts: [text] };
    const status: EditConflict = { ...text, field: 'status', base: 'unreviewed', theirs: 'edited', mine: 'approved' };
    const b: EditConflictDetails = { ...status, conflicts: [status] };
    const claim: RecordConflictDetails = { record: 'claim', id: 3, segmentId: 7, row: 3, documentId: 1, baseVersion: 2, theirsVersion: 4, theirsAuthor: 'bob', theirsAt: null, fields: [] };
    let list = addConflict([], claim);
    list = addConflict(list, a);
    list = addConflict(list, b);
    expect(list).toEqual([claim, a, b]);
    const newer = { ...a, theirsVersion: 50 };
    expect(addConflict(list, newer)).toEqual([claim, newer, b]);
    const claimAgain = { ...claim, theirsVersion: 5 };
    expect(addConflict(list, claimAgain)).toEqual([claimAgain, a, b]);
  });
});

describe('mergeDraft: the merge editor starts from a three-way merge', () => {
  it('carries both sides over where they changed different parts', () => {
    expect(mergeDraft(text)).toBe('商湯科技今天公布了業績。');
  });

  it('starts from mine where both changed the same part', () => {
    expect(mergeDraft({ base: '甲乙丙', theirs: '甲丁丙', mine: '甲戊丙' })).toBe('甲戊丙');
    expect(mergeDraft({ base: '甲乙', theirs: '甲乙丁', mine: '甲乙戊' })).toBe('甲乙戊');
  });

  it('handles deletions and an empty base', () => {
    expect(mergeDraft({ base: '一二三四五', theirs: '二三四五', mine: '一二三四' })).toBe('二三四');
    expect(mergeDraft({ base: null, theirs: '他', mine: '我' })).toBe('我');
  });
});

describe('record conflicts (annotations, claims, glossary entries): the write each choice makes', () => {
  const annotation: RecordConflictDetails = {
    record: 'annotation',
    id: 9,
    segmentId: 7,
    row: 3,
    documentId: 1,
    baseVersion: 1,
    theirsVersion: 2,
    theirsAuthor: null,
    theirsAt: '2026-12-02T08:00:00.000Z',
    fields: [{ field: 'body', base: '請查核日期。', theirs: '請查核日期與金額。', mine: '請再查核日期。', conflicting: true }],
  };
  const glossary: RecordConflictDetails = {
    record: 'glossary',
    id: 4,
    segmentId: null,
    row: null,
    documentId: null,
    baseVersion: 1,
    theirsVersion: 5,
    theirsAuthor: null,
    theirsAt: null,
    scope: { projectId: 2 },
    fields: [
      { field: 'term', base: '王征', theirs: '王征', mine: '王征', conflicting: false },
      { field: 'variants', base: '王震', theirs: '王震, 王徵', mine: '王震', conflicting: true },
      { field: 'type', base: 'person', theirs: 'term', mine: 'person', conflicting: true },
      { field: 'note', base: '', theirs: '', mine: '', conflicting: false },
      { field: 'english', base: '', theirs: '', mine: 'Wang Zheng', conflicting: false },
    ],
  };

  it('tells the two kinds apart and keys them by record and version', () => {
    expect(isRecordConflict(annotation)).toBe(true);
    expect(isRecordConflict({ ...text, conflicts: [text] })).toBe(false);
    expect(conflictKey(annotation)).toBe('annotation:9:2');
  });

  it('keep theirs writes nothing; keep mine writes every field of the refused write against their version', () => {
    expect(recordResolutionWrite(annotation, { kind: 'theirs' })).toBeNull();
    expect(recordResolutionWrite(annotation, { kind: 'mine' })).toEqual({ method: 'updateAnnotation', args: { annotationId: 9, version: 2, body: '請再查核日期。' } });
    expect(recordResolutionWrite(glossary, { kind: 'mine' })).toEqual({
      method: 'saveGlossaryEntry',
      args: { id: 4, version: 5, projectId: 2, term: '王征', variants: ['王震'], type: 'person', note: '', english: 'Wang Zheng' },
    });
  });

  it('a glossary entry\'s scope: mine writes my scope, a pick of theirs writes theirs; unreadable values fall back to the refused save\'s', () => {
    const moved: RecordConflictDetails = {
      ...glossary,
      scope: { documentId: 3 },
      fields: [...glossary.fields.slice(0, 2), { field: 'scope', base: 'document:3', theirs: 'project:2', mine: 'document:3', conflicting: true }],
    };
    expect(recordResolutionWrite(moved, { kind: 'mine' })?.args).toMatchObject({ documentId: 3 });
    expect(recordResolutionWrite(moved, { kind: 'mine' })?.args).not.toHaveProperty('projectId');
    expect(recordResolutionWrite(moved, { kind: 'mergeFields', fields: { scope: 'project:2', variants: '王震' } })?.args).toMatchObject({ projectId: 2, variants: ['王震'] });
    // theirs for every field: nothing to write
    expect(recordResolutionWrite(moved, { kind: 'mergeFields', fields: { scope: 'project:2', variants: '王震, 王徵' } })).toBeNull();
    expect(parseScopeValue('document:x')).toBeNull();
    expect(scopeKindOf('project:2')).toBe('project');
    expect(scopeKindOf('document:3')).toBe('document');
    expect(scopeKindOf(null)).toBeNull();
  });

  it('merge by hand: free text starts three-way merged, other fields start as mine; the chosen fields are written', () => {
    expect(shownFields(glossary).map((f) => f.field)).toEqual(['variants', 'type']);
    expect(canMergeField('glossary', 'variants')).toBe(true);
    expect(canMergeField('glossary', 'type')).toBe(false);
    // my change and theirs touch different parts of the comment: both are kept
    expect(recordMergeDraft({ ...annotation, fields: [{ field: 'body', base: '請查核日期。', theirs: '請查核日期與金額。', mine: '請再查核日期。', conflicting: true }] })).toEqual({ body: '請再查核日期與金額。' });
    const draft = recordMergeDraft(glossary);
    expect(draft).toMatchObject({ variants: '王震, 王徵', type: 'person', english: 'Wang Zheng' });
    expect(recordResolutionWrite(glossary, { kind: 'mergeFields', fields: { ...draft, type: 'term' } })).toEqual({
      method: 'saveGlossaryEntry',
      args: { id: 4, version: 5, projectId: 2, term: '王征', variants: ['王震', '王徵'], type: 'term', note: '', english: 'Wang Zheng' },
    });
    // the merge equals what is stored: nothing to write
    expect(recordResolutionWrite(annotation, { kind: 'mergeFields', fields: { body: '請查核日期與金額。' } })).toBeNull();
    expect(splitVariantText('甲, 乙，丙、 ')).toEqual(['甲', '乙', '丙']);
  });

  it('a claim’s fields go back to their types (evidence from JSON)', () => {
    const claim: RecordConflictDetails = {
      ...annotation,
      record: 'claim',
      fields: [
        { field: 'verdict', base: 'unverified', theirs: 'false', mine: 'true', conflicting: true },
        { field: 'evidence', base: '[]', theirs: '[]', mine: '[{"url":"https://example.org","note":""}]', conflicting: false },
        { field: 'claimant', base: null, theirs: null, mine: '王某', conflicting: false },
      ],
    };
    expect(recordResolutionWrite(claim, { kind: 'mine' })).toEqual({
      method: 'updateClaim',
      args: { claimId: 9, version: 2, verdict: 'true', evidence: [{ url: 'https://example.org', note: '' }], claimant: '王某' },
    });
  });
});

describe('valueLabelKey: stored values worded in the UI language', () => {
  it('names the catalog key of a segment status and a claim status, verdict or type; free text stays as written', () => {
    expect(valueLabelKey(null, 'status', 'approved')).toEqual({ catalog: 'main', key: 'status.approved' });
    expect(valueLabelKey(null, 'enStatus', 'edited')).toEqual({ catalog: 'main', key: 'status.edited' });
    expect(valueLabelKey('claim', 'verdict', 'mostly-true')).toEqual({ catalog: 'claims', key: 'claims.value.verdict.mostly-true' });
    expect(valueLabelKey('claim', 'status', 'ready-for-review')).toEqual({ catalog: 'claims', key: 'claims.value.status.ready-for-review' });
    expect(valueLabelKey(null, 'text', 'approved')).toBeNull();
    expect(valueLabelKey('claim', 'claimant', 'CFO')).toBeNull();
    expect(valueLabelKey('annotation', 'status', 'approved')).toBeNull();
    expect(valueLabelKey(null, 'status', null)).toBeNull();
  });

  it('every key it names is worded in both UI languages', () => {
    const zh = (catalog: 'main' | 'claims', key: string) => (catalog === 'main' ? translate('zh-Hant', key as MessageKey) : translateClaims('zh-Hant', key as ClaimsMessageKey));
    const cases: [RecordKind | null, string, string][] = [
      ...['unreviewed', 'edited', 'approved'].map((v) => [null, 'status', v] as [null, string, string]),
      ...['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unverifiable'].map((v) => ['claim', 'verdict', v] as ['claim', string, string]),
      ...['new', 'in-progress', 'ready-for-review', 'published', 'discarded', 'candidate'].map((v) => ['claim', 'status', v] as ['claim', string, string]),
    ];
    for (const [record, field, v] of cases) {
      const k = valueLabelKey(record, field, v)!;
      const worded = zh(k.catalog, k.key);
      expect(worded, k.key).not.toBe(k.key);
      expect(worded, k.key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a refused deletion: keep theirs writes nothing, keep mine deletes against their version, nothing to merge', () => {
    const del: RecordConflictDetails = {
      record: 'claim',
      id: 12,
      segmentId: 3,
      row: 4,
      documentId: 1,
      baseVersion: 2,
      theirsVersion: 3,
      theirsAuthor: 'Bo',
      theirsAt: null,
      fields: [{ field: 'notes', base: '', theirs: 'source found', mine: '', conflicting: true }],
      action: 'delete',
    };
    expect(recordResolutionWrite(del, { kind: 'theirs' })).toBeNull();
    expect(recordResolutionWrite(del, { kind: 'mine' })).toEqual({ method: 'deleteClaim', args: { claimId: 12, version: 3 } });
    expect(() => recordResolutionWrite(del, { kind: 'mergeFields', fields: { notes: 'x' } })).toThrow(/nothing to merge/);
    // without the action the same details are an edit: keep mine would write the notes back
    expect(recordResolutionWrite({ ...del, action: undefined }, { kind: 'mine' })).toMatchObject({ method: 'updateClaim' });
  });
});
