import { describe, expect, it } from 'vitest';
import { canMerge, mergeDraft, resolutionWrite } from './conflict';
import type { EditConflict } from '../../../shared/domain/schemas';

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
