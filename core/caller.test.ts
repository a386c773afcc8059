import { describe, expect, it } from 'vitest';
import { useFreshService, importSample } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { callerContext } from '../shared/contract/caller';

const fresh = useFreshService();

describe('caller context', () => {
  it('signs revisions and undo with the reviewer the transport names, else the Settings author', () => {
    const { documentId } = importSample(fresh.service);
    const seg = fresh.service.getSegments({ documentId })[3];
    fresh.service.updateSettings({ author: 'Settings Name' });
    const alice = callerContext('cli', 1234, ' Alice ');
    dispatch(fresh.service, 'editSegment', { segmentId: seg.id, text: `${seg.text}甲` }, { caller: alice });
    dispatch(fresh.service, 'editSegment', { segmentId: seg.id, text: `${seg.text}乙` }, { caller: callerContext('window', 1) });
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    // undo is the reviewer's own (issue 16): Bob has nothing to undo, the Settings author undoes their edit
    expect(() => dispatch(fresh.service, 'undo', { projectId }, { caller: callerContext('server', '127.0.0.1', 'Bob') })).toThrow('Nothing to undo.');
    dispatch(fresh.service, 'undo', { projectId }, { caller: callerContext('server', '127.0.0.1') });
    const authors = fresh.service.segmentHistory({ segmentId: seg.id }).filter((h) => h.field === 'zh').map((h) => [h.reason, h.author]);
    expect(authors).toEqual([
      ['manual', 'Alice'],
      ['manual', 'Settings Name'],
      ['undo', 'Settings Name'],
    ]);
  });

  it('in-process calls name their caller as the second argument', () => {
    const { documentId } = importSample(fresh.service);
    const seg = fresh.service.getSegments({ documentId })[2];
    fresh.service.setStatus({ segmentIds: [seg.id], status: 'approved' }, callerContext('window', 7, 'Carol'));
    expect(fresh.service.segmentHistory({ segmentId: seg.id }).at(-1)?.author).toBe('Carol');
  });
});
